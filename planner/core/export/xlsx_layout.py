"""What every sheet of the workbook shares: the export context, colours, titles, print setup."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from xlsxwriter.worksheet import Worksheet

from planner.core.catalogue import catalogue
from planner.core.export.cells import SheetWriter, row_height, text_lines
from planner.core.export.labels import label
from planner.core.export.timeline import Timeline, WorkingCalendar
from planner.core.knowledge import Knowledge
from planner.core.outline import Outline
from planner.core.plan import Plan
from planner.core.vocabulary import COLOURS, PHASES, STAGE_KINDS

__all__ = [
    "CELL",
    "HEADER",
    "KIND_COLOURS",
    "PHASE_COLOURS",
    "PHASE_TINTS",
    "TITLE_HEIGHT",
    "ExportContext",
    "date_format",
    "date_text",
    "fitted_scale",
    "header_row",
    "header_widths",
    "keep_groups_with_steps",
    "pages_for",
    "print_setup",
    "section",
    "title_block",
]

HEADER: dict[str, Any] = {"bold": True, "font_color": COLOURS["paper"],
                          "bg_color": COLOURS["accent"], "border": 1,
                          "border_color": COLOURS["rule"], "text_wrap": True, "valign": "vcenter"}
# Bars by phase (strong) and phase summary rows (tint), from the one vocabulary.
PHASE_COLOURS: Mapping[str, str] = {code: t.colour for code, t in PHASES.items()}
PHASE_TINTS: Mapping[str, str] = {code: t.tint for code, t in PHASES.items()}
CELL: dict[str, Any] = {"border": 1, "border_color": COLOURS["cell_border"]}
KIND_COLOURS: Mapping[str, str] = {code: t.colour for code, t in STAGE_KINDS.items()}
# Points of a landscape page between the 0.6" top and bottom margins (print_setup).
PAGE_HEIGHTS = {"A4": 595.3 - 86.4, "Letter": 612.0 - 86.4}
DEFAULT_ROW = 15.0  # points: the height of a row XlsxWriter leaves as it is
_TITLE_ROW = 22.0
TITLE_HEIGHT = _TITLE_ROW + 2 * DEFAULT_ROW  # the title block: title, subtitle, a free row


@dataclass(frozen=True)
class ExportContext:
    """Everything the sheet writers need, computed once per workbook."""

    plan: Plan
    knowledge: Knowledge
    lang: str
    outline: Outline
    calendar: WorkingCalendar
    timeline: Timeline
    today: date
    days: Mapping[int, int] = field(default_factory=dict)  # outline id -> working days

    def text(self, key: str, **values: object) -> str:
        """A label in the export language."""
        return label(key, self.lang, **values)

    def yes_no(self, value: bool | None) -> str:
        """"yes"/"no" in the export language; "" when unknown."""
        if value is None:
            return ""
        return self.text("common.yes" if value else "common.no")


def date_format(lang: str) -> str:
    """The Excel number format for dates in this language."""
    return catalogue(lang).date_pattern("excel_date")


def date_text(d: date, lang: str) -> str:
    """A date written as text the way the language writes it, like the date cells show it."""
    return catalogue(lang).date(d)


def title_block(writer: SheetWriter, ctx: ExportContext, title_key: str) -> None:
    """Rows 0-1: the sheet's title and the customer, version, date and knowledge as-of line."""
    s = ctx.plan.settings
    writer.put(0, 0, ctx.text(title_key), measure=False, bold=True, font_size=14,
               font_color=COLOURS["accent"], valign="bottom")
    subtitle = ctx.text("title.subtitle", customer=s.customer or ctx.plan.estate.organization
                        .customer or "-", version=s.plan_version,
                        created=date_text(ctx.today, ctx.lang),
                        as_of=date_text(ctx.knowledge.as_of, ctx.lang))
    writer.put(1, 0, subtitle, measure=False, italic=True, font_color=COLOURS["muted"])
    writer.sheet.set_row(0, _TITLE_ROW)


def section(writer: SheetWriter, row: int, text: str) -> None:
    """A bold section heading inside a sheet."""
    writer.put(row, 0, text, measure=False, bold=True, font_size=12, font_color=COLOURS["accent"],
               valign="bottom")
    writer.sheet.set_row(row, 20)


def header_row(writer: SheetWriter, row: int, labels: Sequence[str], col: int = 0,
               widths: Mapping[int, float] | None = None) -> float:
    """A styled header row, two lines high or as high as its longest heading wraps to in the
    fixed ``widths`` (column -> width) it is given (a three-line heading lost its last line);
    returns its height in points."""
    writer.row(row, col, labels, **HEADER)
    lines = max((text_lines(text, widths[c] / 1.1)  # bold text is wider
                 for c, text in enumerate(labels, start=col) if widths and c in widths),
                default=2)
    writer.sheet.set_row(row, max(30, row_height(lines)))
    return max(30, row_height(lines))


def header_widths(labels: Sequence[str], widths: Mapping[int, float],
                  col: int = 0) -> dict[int, float]:
    """``widths`` widened where a heading's longest word would not fit its column in bold:
    a German compound ("Arbeitstage", "Wartungsfenster") printed broken mid-word."""
    fitted = dict(widths)
    for c, text in enumerate(labels, start=col):
        if c in fitted:
            longest = max((len(w) for w in text.split()), default=0)
            fitted[c] = max(fitted[c], round((longest + 1) * 1.1 / 1.15 + 0.05, 1))
    return fitted


def pages_for(widths: Iterable[float], minimum: int = 1) -> int:
    """Pages across that keep printed text at 8 pt or more (the sheet's font is 10 pt).

    Fit-to-width shrinks a wide sheet onto one page until nobody can read it; a column ``w``
    characters wide takes about 5.25 w + 3.75 points, and a landscape page holds
    ``PAGE_POINTS`` at 80 %.
    """
    points = sum(5.25 * w + 3.75 for w in widths)
    return max(minimum, math.ceil(points / PAGE_POINTS))


PAGE_POINTS = 770 / 0.8  # A4/Letter landscape, 0.4" margins, printed at 80 %


def fitted_scale(widths: Iterable[float], pages: int) -> float:
    """The print scale (0-1) at which fit-to-width puts these columns on ``pages`` pages."""
    points = sum(5.25 * w + 3.75 for w in widths)
    return min(1.0, PAGE_POINTS * 0.8 * pages / points) if points else 1.0


def print_setup(sheet: Worksheet, ctx: ExportContext, title: str, header_rows: tuple[int, int],
                pages_wide: int = 1, repeat_cols: tuple[int, int] | None = None,
                widths: Iterable[float] = (), scale: int | None = None) -> None:
    """Landscape, fit to width (more pages when ``widths`` would print below 8 pt) or a fixed
    ``scale`` in percent, repeated header rows, customer and page numbers in the footer."""
    sheet.set_landscape()
    sheet.set_paper(1 if ctx.plan.settings.paper == "Letter" else 9)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    if scale is None:
        sheet.fit_to_pages(pages_for(widths, pages_wide), 0)
    else:
        sheet.set_print_scale(scale)
    sheet.repeat_rows(*header_rows)
    if repeat_cols is not None:
        sheet.repeat_columns(*repeat_cols)
    customer = (ctx.plan.settings.customer or ctx.plan.estate.organization.customer)
    customer = customer.replace("&", "&&")
    sheet.set_header(f"&L&8{customer}&R&8{title.replace('&', '&&')}")
    sheet.set_footer(f"&L&8{ctx.text('title.plan').replace('&', '&&')}"
                     f"&R&8{ctx.text('title.footer')}")



def keep_groups_with_steps(ctx: ExportContext, rows: Sequence[tuple[float, bool]],
                           before: float, header: float, scale: float) -> list[int]:
    """Page breaks (0-based sheet rows) that never leave a phase or group row at the foot of
    a printed page without its first step (rows: each outline row's height and whether it
    is a summary; ``before``: the points above the first outline row on page one, title and
    header; ``header``: the repeated header rows; ``scale``: the print scale, 0-1).

    The spreadsheet program breaks pages wherever the next row does not fit; a summary row
    printed last on a page parted from its steps. A page here holds a little less than the
    program's (3 %), so its own breaks never fall between ours.
    """
    height = PAGE_HEIGHTS.get(ctx.plan.settings.paper, PAGE_HEIGHTS["A4"]) / scale * 0.97
    breaks: list[int] = []
    start, used = 0, before
    for index, (row_height_pt, _) in enumerate(rows):
        if used + row_height_pt <= height or index == start:
            used += row_height_pt
            continue
        cut = index
        while cut - 1 > start and rows[cut - 1][1]:
            cut -= 1  # the group rows go over with their first step
        breaks.append(cut)
        start = cut
        used = header + sum(h for h, _ in rows[cut:index + 1])
    return breaks
