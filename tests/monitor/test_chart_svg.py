"""Charts go inline into pages whose CSP is `style-src 'self'`: their SVG must carry no
style attribute or <style> element (the browser would refuse them), and still parse."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ontschot.reports import charts


def test_chart_svg_has_no_inline_styles_and_keeps_its_colours() -> None:
    drawings = (
        charts.bars(
            "Besteed", "twee balken", ["scholing", "jobcoaching"], [2650.0, 650.0], " euro"
        ),
        charts.step_chart(
            "Behoud",
            "een curve",
            [charts.Line("Regio", [0, 30, 90], [1.0, 0.8, 0.6], [0.9, 0.7, 0.5], [1.0, 0.9, 0.7])],
            x_label="dagen",
            y_label="aandeel",
        ),
    )
    for drawing in drawings:
        svg = drawing.svg()
        assert "style=" not in svg and "<style" not in svg
        root = ET.fromstring(svg)  # noqa: S314 - our own output
        assert root.get("role") == "img"
        assert any(el.get("fill") for el in root.iter()), "the colours became attributes"


def test_chart_numbers_are_written_the_dutch_way() -> None:
    assert [charts._tick(v) for v in (0, 1000, 2650.0, 0.25, 12.5, 1500000)] == [
        "0",
        "1.000",
        "2.650",
        "0,25",
        "12,5",
        "1.500.000",
    ]
    svg = charts.bars(
        "Besteed", "twee balken", ["scholing", "jobcoaching"], [2650.5, 650.0], " euro"
    )
    text = svg.svg()
    assert "2.650,50 euro" in text and "2650.50" not in text
    assert ">2.500<" in text or ">2.000<" in text, "the axis ticks carry a thousands dot"
