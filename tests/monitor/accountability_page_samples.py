"""Page permission-matrix samples for the accountability to a financier."""

from __future__ import annotations

from tests.platform.page_samples import PageSample

ACCOUNTABILITY_PAGE_SAMPLES = [
    PageSample("GET", "/monitor/verantwoording"),
    PageSample("GET", "/monitor/verantwoording/{pooled_financier_id}"),
    PageSample("GET", "/monitor/verantwoording/{pooled_financier_id}/export?formaat=csv"),
]
