"""Page permission-matrix samples for the monitor's pages."""

from __future__ import annotations

from tests.platform.page_samples import PageSample

MONITOR_PAGE_SAMPLES: list[PageSample] = [
    PageSample("GET", "/monitor"),
    PageSample("GET", "/monitor/bestuur"),
    PageSample("GET", "/monitor/plaatsingen"),
    PageSample("GET", "/monitor/export?formaat=csv&tabel=indicators"),
]
