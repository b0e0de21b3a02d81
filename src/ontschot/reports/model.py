"""What a report is made of: titled tables and charts, independent of the output format."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Protocol

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""  # definitions or how to read the table


class Drawing(Protocol):
    """One figure, drawn on demand: as accessible SVG for the page, as PNG for the PDF."""

    def svg(self) -> str: ...
    def png(self) -> bytes: ...


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    drawing: Drawing
    alt: str  # the text alternative, also printed under the chart in the PDF
    table: Table  # the numbers behind the chart

    @property
    def svg(self) -> str:
        return self.drawing.svg()

    @property
    def is_empty(self) -> bool:
        """Nothing to draw: the page and the PDF say so instead of showing empty axes."""
        return not self.table.rows

    @property
    def svg_data_uri(self) -> str:
        """The SVG as an image source: a page's CSP (no inline styles) does not reach into
        an image, so matplotlib's styles stay intact; the `alt` text goes on the <img>."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def all_tables(self) -> tuple[Table, ...]:
        return self.tables + tuple(c.table for c in self.charts)
