"""Figures as plain drawing primitives in points, so Qt and SVG draw the same picture.

The report's charts are laid out here, in the core, without Qt: a :class:`Figure` is a list
of boxes, lines, polygons and labels. ``planner.render.charts`` paints one with QPainter
(vector, into the PDF page); :func:`figure_to_svg` writes it for the HTML report.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from planner.core.vocabulary import COLOURS

__all__ = [
    "FIGURE_WIDTH",
    "MAX_FIGURE_HEIGHT",
    "Box",
    "Figure",
    "Item",
    "Label",
    "Polygon",
    "Segment",
    "figure_to_svg",
    "fit_text",
    "text_width",
]

# Fits the body of A4 and Letter pages with the report's margins (see planner.render).
FIGURE_WIDTH = 510.0
MAX_FIGURE_HEIGHT = 600.0
FONT_FAMILY = "DejaVu Sans"

INK = COLOURS["ink"]
MUTED = COLOURS["muted"]
GRID = COLOURS["grid"]
ACCENT = COLOURS["accent"]


@dataclass(frozen=True)
class Box:
    """A rectangle; empty ``fill``/``stroke`` means none."""

    x: float
    y: float
    w: float
    h: float
    fill: str = ""
    stroke: str = ""
    stroke_width: float = 0.6
    radius: float = 0.0
    dashed: bool = False


@dataclass(frozen=True)
class Segment:
    """A straight line."""

    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = INK
    stroke_width: float = 0.6
    dashed: bool = False


@dataclass(frozen=True)
class Polygon:
    """A closed polygon (milestone diamonds, markers)."""

    points: tuple[tuple[float, float], ...]
    fill: str = INK
    stroke: str = ""


@dataclass(frozen=True)
class Label:
    """One line of text, vertically centred in its box and cut to fit its width."""

    x: float
    y: float
    w: float
    h: float
    text: str
    size: float = 7.0
    color: str = INK
    bold: bool = False
    align: str = "left"  # left | center | right


Item = Box | Segment | Polygon | Label


@dataclass(frozen=True)
class Figure:
    """A chart: its size in points and what to draw."""

    id: str
    width: float
    height: float
    items: tuple[Item, ...]


_NARROW = set("iIljtf.,:;!|'()[] ")
_WIDE = set("MWmw@%")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A conservative estimate of the width of ``text`` in DejaVu Sans at ``size`` points."""
    units = 0.0
    for ch in text:
        if ch in _NARROW:
            units += 0.34
        elif ch in _WIDE:
            units += 0.9
        elif ch.isupper() or ch.isdigit():
            units += 0.68
        else:
            units += 0.58
    return units * size * (1.08 if bold else 1.0)


def fit_text(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` cut with an ellipsis so that it fits ``width``."""
    if text_width(text, size, bold) <= width:
        return text
    cut = text
    while cut and text_width(cut + "…", size, bold) > width:
        cut = cut[:-1]
    return cut.rstrip() + "…" if cut else ""


def _svg_item(item: Item) -> str:
    if isinstance(item, Box):
        fill = item.fill or "none"
        stroke = (f' stroke="{item.stroke}" stroke-width="{item.stroke_width}"'
                  if item.stroke else "")
        dash = ' stroke-dasharray="3 2"' if item.dashed else ""
        return (f'<rect x="{item.x:.1f}" y="{item.y:.1f}" width="{item.w:.1f}" '
                f'height="{item.h:.1f}" rx="{item.radius}" fill="{fill}"{stroke}{dash}/>')
    if isinstance(item, Segment):
        dash = ' stroke-dasharray="3 2"' if item.dashed else ""
        return (f'<line x1="{item.x1:.1f}" y1="{item.y1:.1f}" x2="{item.x2:.1f}" '
                f'y2="{item.y2:.1f}" stroke="{item.stroke}" '
                f'stroke-width="{item.stroke_width}"{dash}/>')
    if isinstance(item, Polygon):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in item.points)
        stroke = f' stroke="{item.stroke}"' if item.stroke else ""
        return f'<polygon points="{pts}" fill="{item.fill}"{stroke}/>'
    anchor = {"left": "start", "center": "middle", "right": "end"}[item.align]
    x = {"left": item.x, "center": item.x + item.w / 2, "right": item.x + item.w}[item.align]
    y = item.y + item.h / 2 + item.size * 0.35
    weight = ' font-weight="bold"' if item.bold else ""
    text = fit_text(item.text, item.w, item.size, item.bold)
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{item.size}" fill="{item.color}" '
            f'text-anchor="{anchor}"{weight}>{escape(text)}</text>')


def figure_to_svg(figure: Figure) -> str:
    """The figure as an inline SVG element; every text is XML-escaped."""
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{figure.width:.0f}" '
            f'height="{figure.height:.0f}" viewBox="0 0 {figure.width:.0f} {figure.height:.0f}" '
            f'font-family={quoteattr(FONT_FAMILY + ", Arial, sans-serif")}>')
    return "\n".join([head, *(_svg_item(i) for i in figure.items), "</svg>"])
