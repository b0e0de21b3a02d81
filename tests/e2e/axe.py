"""axe-core on every page a browser journey visits; serious or critical findings fail it.

axe-core (MPL-2.0, vendored from the npm registry in `assets/`, licence beside it) is added
to every document as an init script, so it runs after each page load without the journey
asking; the report comes back as a console message. A page the journey left before axe
finished is checked again when the journey ends, and `check_now` checks the page as it is
(after htmx swaps), which `screenshot` does for every screenshot.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ASSETS = Path(__file__).resolve().parent / "assets"
AXE_SOURCE = (ASSETS / "axe-4.14.1.min.js").read_text(encoding="utf-8")
REPORT_PREFIX = "ontschot-axe "
BLOCKING = ("serious", "critical")
RESULTS = Path(__file__).resolve().parents[2] / "test-results" / "axe"

# WCAG 2.1 A and AA rules plus axe's best practices. axe refuses to start while it runs, so
# every run in a document joins one chain: the one after loading and any the journey asks for.
_RUN_ONE = """() => axe.run(document, {resultTypes: ["violations"],
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
  .then(r => ({url: location.href, violations: r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(" "))}))}))"""
_CHAIN = (
    "window.ontschotAxe = () => { const next = (window.ontschotAxeChain || Promise.resolve())"
    ".catch(() => null).then(" + _RUN_ONE + "); window.ontschotAxeChain = next; return next; };"
)
_RUN = "() => window.ontschotAxe()"
_ON_LOAD = (
    "(() => { if (window.top !== window) return; " + _CHAIN + " window.addEventListener("
    "'load', () => setTimeout(() => window.ontschotAxe().then(r => console.log('"
    + REPORT_PREFIX
    + "' + JSON.stringify(r))), 30)); })();"
)


@dataclass
class AxeLog:
    """What axe found on each page of one journey, by URL."""

    visited: list[str] = field(default_factory=list)
    reports: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def take(self, message: str) -> None:
        if message.startswith(REPORT_PREFIX):
            report = json.loads(message[len(REPORT_PREFIX) :])
            self.reports[report["url"]] = report["violations"]

    def blocking(self) -> list[str]:
        return [
            f"{url}: {v['impact']} {v['id']} ({v['help']}) at {', '.join(v['targets'])}"
            for url, found in self.reports.items()
            for v in found
            if v["impact"] in BLOCKING
        ]


def attach(context: Any, page: Any) -> AxeLog:
    """Make every document in `context` run axe after loading, reporting into the log."""
    log = AxeLog()
    context.add_init_script(script=AXE_SOURCE + "\n" + _ON_LOAD)
    page.on("console", lambda msg: log.take(msg.text) if msg.type == "log" else None)
    page.on("load", lambda p: log.visited.append(p.url))
    page.ontschot_axe = log
    return log


def check_now(page: Any) -> None:
    """Run axe on the page as it is now (for instance after an htmx swap)."""
    log: AxeLog | None = getattr(page, "ontschot_axe", None)
    if log is None or page.url.startswith("about:"):
        return
    report = page.evaluate(_RUN)
    log.reports[report["url"] + "#nu"] = report["violations"]


def finish(page: Any, log: AxeLog, name: str) -> list[str]:
    """Check the pages axe did not report on yet; the blocking findings, saved for reading."""
    page.wait_for_timeout(150)  # the last page's report may still be on its way
    for url in dict.fromkeys(log.visited):
        if url not in log.reports and not url.startswith("about:"):
            page.goto(url)
            report = page.evaluate(_RUN)
            log.reports[url] = report["violations"]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(
        json.dumps(log.reports, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return log.blocking()
