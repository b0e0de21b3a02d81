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
// One error pattern: when a form comes back with errors, the summary at the top takes the
// focus (a screen reader reads it, a sighted user sees it without scrolling); its links
// move the focus into the wrong field itself.
function focusErrorSummary() {
  var summary = document.getElementById("foutoverzicht");
  if (summary) { summary.focus(); summary.scrollIntoView({ block: "start" }); }
}
document.addEventListener("DOMContentLoaded", focusErrorSummary);
document.addEventListener("htmx:afterSettle", focusErrorSummary);
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("#foutoverzicht a[href^='#']");
  if (!link) { return; }
  var field = document.getElementById(link.getAttribute("href").slice(1));
  if (field) { event.preventDefault(); field.focus(); }
});
