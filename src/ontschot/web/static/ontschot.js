// Ontschot page behaviour: CSRF header on every htmx request, and swaps announced to
// screen readers. No inline scripts anywhere (the CSP forbids them).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.body.getAttribute("data-csrf");
  if (token) { event.detail.headers["X-CSRF-Token"] = token; }
});
document.addEventListener("htmx:afterSwap", function (event) {
  var live = document.getElementById("live-region");
  var target = event.detail.target;
  if (live && target) {
    var message = target.getAttribute("data-announce");
    live.textContent = message || "Resultaten bijgewerkt.";
  }
});
