"""Server-side SVG charts with matplotlib, readable without colour: every series has its
own hatching or line style and a direct label, and the SVG carries a title and a text
alternative. Matplotlib's bundled DejaVu Sans is the only font (text drawn as paths, so the
SVG looks the same in every browser). The PDF gets the same drawing as PNG: fpdf2's SVG
reader drops hatch patterns."""

from __future__ import annotations

import hashlib
import html
import io
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ontschot.numbers import nl_number

HATCHES = ("", "///", "...", "xxx", "\\\\\\", "ooo")
LINES = ("-", "--", ":", "-.")
GREYS = ("#1f3a5f", "#6b7f99", "#b8c4d4", "#3d3d3d", "#8a8a8a")

matplotlib.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "svg.fonttype": "none",  # text stays text: selectable, and four times faster
        "svg.hashsalt": "ontschot",  # stable ids: the same figure gives the same SVG
        "font.size": 9,
    }
)


@dataclass(frozen=True)
class Line:
    label: str
    xs: Sequence[float]
    ys: Sequence[float]
    lower: Sequence[float] | None = None
    upper: Sequence[float] | None = None


def _tick(value: float, _position: int | None = None) -> str:
    decimals = next(d for d in (0, 1, 2) if d == 2 or round(value, d) == round(value, 6))
    return nl_number(value, decimals)


def _dutch_ticks(*axes: Axis) -> None:
    """Tick labels in Dutch notation (1.000; 0,25) on the numeric axes given."""
    for axis in axes:
        axis.set_major_formatter(FuncFormatter(_tick))


def _figure(size: tuple[float, float]) -> tuple[Figure, Axes]:
    # a bare Figure, not pyplot: pyplot keeps global state, and pages render in threads
    # the layout engine fits labels once while drawing (a tight bounding box draws twice)
    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.subplots()


class Drawing:
    """A figure drawn by `draw` each time it is asked for, so the SVG of the page and the
    PNG of the PDF are the same drawing; each result is kept once made."""

    def __init__(self, draw: Callable[[], Figure], title: str, alt: str, data: object) -> None:
        self._draw, self.title, self.alt = draw, title, alt
        # what the drawing depends on: the same data gives the same SVG, made once
        self.key = hashlib.sha1(repr((title, alt, data)).encode(), usedforsecurity=False).digest()
        self._svg: str | None = None
        self._png: bytes | None = None

    def svg(self) -> str:
        if self._svg is None:
            self._svg = _cached_svg(self.key, lambda: _svg(self._draw(), self.title, self.alt))
        return self._svg

    def png(self) -> bytes:
        if self._png is None:
            fig = self._draw()
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=200)
            self._png = buffer.getvalue()
        return self._png


_SVG_CACHE: OrderedDict[bytes, str] = OrderedDict()
_SVG_CACHE_SIZE = 64
_cache_lock = threading.Lock()


def _cached_svg(key: bytes, make: Callable[[], str]) -> str:
    with _cache_lock:
        if key in _SVG_CACHE:
            _SVG_CACHE.move_to_end(key)
            return _SVG_CACHE[key]
    made = make()
    with _cache_lock:
        _SVG_CACHE[key] = made
        while len(_SVG_CACHE) > _SVG_CACHE_SIZE:
            _SVG_CACHE.popitem(last=False)
    return made


_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"<style[^>]*>.*?</style>", re.S)


def _presentation_attributes(match: re.Match[str]) -> str:
    out = []
    for declaration in match.group(1).split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip():
            out.append(f' {name.strip()}="{html.escape(value.strip(), quote=True)}"')
    return "".join(out)


def _without_inline_styles(svg: str) -> str:
    """The pages' CSP (`style-src 'self'`) blocks style attributes and <style> elements, so
    matplotlib's are written as SVG presentation attributes, which mean the same."""
    svg = _STYLE_ELEMENT.sub("", svg)
    svg = _STYLE_ATTRIBUTE.sub(_presentation_attributes, svg)
    # what the removed <style> said for every element; inherited from the root
    return svg.replace("<svg", '<svg stroke-linejoin="round" stroke-linecap="butt"', 1)


def _svg(fig: Figure, title: str, alt: str) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    text = _without_inline_styles(text[text.index("<svg") :])
    # ids unique per chart, so several charts on one page keep their own title and text
    ident = "g" + hashlib.sha1((title + alt).encode(), usedforsecurity=False).hexdigest()[:8]
    return re.sub(
        r"<svg([^>]*)>",
        lambda m: (
            f'<svg{m.group(1)} role="img" aria-labelledby="{ident}-t {ident}-d" '
            f'focusable="false"><title id="{ident}-t">{html.escape(title)}</title>'
            f'<desc id="{ident}-d">{html.escape(alt)}</desc>'
        ),
        text,
        count=1,
    )


def step_chart(
    title: str, alt: str, lines: Sequence[Line], *, x_label: str, y_label: str
) -> Drawing:
    """Step curves (a survival curve) with shaded bands, each labelled at its end."""
    data = [(ln.label, list(ln.xs), list(ln.ys), ln.lower, ln.upper) for ln in lines]
    return Drawing(lambda: _step(lines, x_label, y_label), title, alt, (data, x_label, y_label))


def _step(lines: Sequence[Line], x_label: str, y_label: str) -> Figure:
    fig, ax = _figure((6.4, 3.4))
    for i, line in enumerate(lines):
        style = LINES[i % len(LINES)]
        colour = GREYS[i % len(GREYS)]
        ax.step(line.xs, line.ys, where="post", linestyle=style, color=colour, linewidth=1.8)
        if line.lower is not None and line.upper is not None:
            ax.fill_between(
                line.xs,
                line.lower,
                line.upper,
                step="post",
                alpha=0.18,
                color=colour,
                hatch=HATCHES[(i + 1) % len(HATCHES)] if i else None,
                linewidth=0,
            )
    # direct labels at each curve's end, pushed apart so that close curves stay readable
    ends = sorted(
        ((line.ys[-1], i, line) for i, line in enumerate(lines) if line.xs), key=lambda e: e[0]
    )
    placed: list[float] = []
    for y, i, line in ends:
        spot = max(y, placed[-1] + 7) if placed else y
        placed.append(spot)
        ax.annotate(
            f"{line.label} ({line.ys[-1]:.0f} %)".replace(".", ","),
            (line.xs[-1], y),
            xytext=(line.xs[-1], spot),
            textcoords="data",
            xycoords="data",
            fontsize=8,
            color=GREYS[i % len(GREYS)],
            va="center",
        )
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    ax.set_ylim(0, 102)
    _dutch_ticks(ax.xaxis, ax.yaxis)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def stacked_bars(
    title: str, alt: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]
) -> Drawing:
    """Horizontal stacked bars: each part hatched differently and its count written on it."""
    return Drawing(lambda: _stacked(categories, series), title, alt, (categories, series))


def _stacked(categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]) -> Figure:
    fig, ax = _figure((6.4, 0.5 + 0.45 * max(len(categories), 1)))
    left = [0] * len(categories)
    for i, (name, values) in enumerate(series):
        bars = ax.barh(
            categories,
            values,
            left=left,
            label=name,
            color=GREYS[i % len(GREYS)],
            hatch=HATCHES[i % len(HATCHES)],
            edgecolor="white",
        )
        for bar, value in zip(bars, values, strict=True):
            if value:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_y() + bar.get_height() / 2,
                    nl_number(value),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if i == 0 else "black",
                )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    _dutch_ticks(ax.xaxis)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(series), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def bars(
    title: str, alt: str, categories: Sequence[str], values: Sequence[float], unit: str
) -> Drawing:
    """Horizontal bars with the value written beside each bar."""
    return Drawing(lambda: _bars(categories, values, unit), title, alt, (categories, values, unit))


def _bars(categories: Sequence[str], values: Sequence[float], unit: str) -> Figure:
    fig, ax = _figure((6.4, 0.5 + 0.35 * max(len(categories), 1)))
    drawn = ax.barh(categories, values, color=GREYS[0], hatch="///", edgecolor="white")
    for bar, value in zip(drawn, values, strict=True):
        text = nl_number(value, 2 if isinstance(value, float) else 0)
        ax.text(
            bar.get_width(),
            bar.get_y() + bar.get_height() / 2,
            f" {text}{unit}",
            va="center",
            fontsize=8,
        )
    ax.invert_yaxis()
    _dutch_ticks(ax.xaxis)
    ax.spines[["top", "right"]].set_visible(False)
    return fig
