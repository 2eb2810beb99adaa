"""Figures as plain drawing primitives in points, so Qt and SVG draw the same picture.

The report's charts are laid out here, in the core, without Qt: a :class:`Figure` is a list
of boxes, lines, polygons and labels. ``planner.render.charts`` paints one with QPainter
(vector, into the PDF page); :func:`figure_to_svg` writes it for the HTML report.
"""

from __future__ import annotations

import unicodedata
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


# DejaVu Sans' advance widths in ems (measured with Qt at 100 pt, rounded up), grouped by
# width. A guess by character class (0.58 em for every lower-case letter) was short by up to
# 3 % on German step titles: Qt then cut their distinguishing end ("… BER-EDGE0…").
_REGULAR_EMS = {
    0.28: "'ijl", 0.3: "IJ", 0.32: " ,.·’", 0.34: "/:;\\|", 0.36: "f", 0.37: "-", 0.39: "()[]",
    0.4: "t", 0.41: "!", 0.42: "r", 0.46: '"', 0.5: "*_`–", 0.52: "“”„", 0.53: "sz", 0.54: "?",
    0.55: "c", 0.56: "L", 0.58: "Fk", 0.6: "vxy", 0.61: "P", 0.62: "TYaeo", 0.63: "ß",
    0.64: "$0123456789ESbdghnpqu{}€", 0.66: "K", 0.69: "ABVXZ", 0.7: "CR", 0.74: "U",
    0.75: "N", 0.76: "H", 0.77: "D", 0.78: "&G", 0.79: "OQ", 0.82: "w", 0.84: "#+<=>^~→✓×",
    0.87: "M", 0.96: "%", 0.98: "m", 0.99: "W", 1.0: "@—…",
}
_BOLD_EMS = {
    0.31: "'", 0.35: " ijl", 0.37: "/\\|", 0.38: ",.IJ·’", 0.4: ":;", 0.42: "-", 0.44: "f",
    0.46: "!()[]", 0.48: "t", 0.5: "_`r–", 0.53: '"*', 0.58: "?", 0.59: "z", 0.6: "cs",
    0.64: "L", 0.65: "x", 0.66: "vy“”„", 0.67: "k", 0.68: "ae", 0.69: "EFTo",
    0.7: "$0123456789€", 0.72: "bdghnpqu{}ß", 0.73: "SYZ", 0.74: "CP", 0.77: "BR",
    0.78: "AKVX", 0.82: "U", 0.83: "DG", 0.84: "#+<=>HN^~→✓×", 0.85: "OQ", 0.88: "&",
    0.93: "w", 1.0: "@M—…", 1.01: "%", 1.05: "m", 1.11: "W",
}
_REGULAR = {ch: em for em, chars in _REGULAR_EMS.items() for ch in chars}
_BOLD = {ch: em for em, chars in _BOLD_EMS.items() for ch in chars}
_OTHER_EM = 1.0  # a character not in the table: as wide as the widest common ones


def _em(ch: str, table: dict[str, float]) -> float:
    found = table.get(ch)
    if found is None:  # an accented letter is as wide as its base letter (é as e, Ö as O)
        found = table.get(unicodedata.normalize("NFD", ch)[:1], _OTHER_EM)
        table[ch] = found
    return found


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in DejaVu Sans at ``size`` points, without kerning (which only
    narrows it), so text cut to a width by this measure fits it when painted."""
    table = _BOLD if bold else _REGULAR
    return sum(_em(ch, table) for ch in text) * size


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
