"""The monitor's facts snapshot: the whole `Facts` bundle as taken by the refresh job.

Pages and exports read the latest snapshot (one row, one JSON document) instead of joining
six tables per request; the job `monitor.refresh-facts` replaces it. It holds facts only:
pseudonyms, dates, codes and counts, no names or free text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer
from sqlalchemy.orm import Mapped, mapped_column

from ontschot.db import Base, UTCDateTime, utcnow


class MonitorSnapshot(Base):
    __tablename__ = "monitor_snapshot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    placements: Mapped[int] = mapped_column(Integer, default=0)
    people: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
