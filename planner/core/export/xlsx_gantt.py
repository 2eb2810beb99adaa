"""The Gantt sheet: the outline on the left, one column per day or week, bars as filled cells.

Only cells that carry something are written (bars, shaded days, week separators, today's
line), and formats are looked up once per kind of cell, so 5,000 steps stay fast.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from planner.core.export.cells import SheetWriter, Styles
from planner.core.export.timeline import Column, Timeline
from planner.core.export.xlsx_layout import (
    CELL,
    DEFAULT_ROW,
    HEADER,
    KIND_COLOURS,
    PHASE_COLOURS,
    TITLE_HEIGHT,
    ExportContext,
    keep_groups_with_steps,
    print_setup,
    title_block,
)
from planner.core.outline import OutlineRow
from planner.core.vocabulary import COLOURS, PHASES

__all__ = ["column_props", "cut_at_breaks", "month_groups", "page_breaks", "write_gantt_sheet"]

LEFT = 5  # ID, WBS, title, start, finish; the time axis starts here
_TOP = 3  # month row; then labels, (weekday letters), pause row
_OFF = COLOURS["off_day"]
_FREEZE = COLOURS["freeze"]
_TODAY = COLOURS["today"]
_SUMMARY = {1: COLOURS["summary_1"], 2: COLOURS["summary_2"]}
_HATCH = 14  # Excel's "light up" diagonal: the days a move batch runs unattended


def column_props(col: Column, scale: str) -> dict[str, Any]:
    """Background of an empty cell in this column: shading, week separator, today's line."""
    props: dict[str, Any] = {}
    if col.freeze:
        props["bg_color"] = _FREEZE
    elif col.off:
        props["bg_color"] = _OFF
    if col.today:
        props.update(left=2, left_color=_TODAY)
    elif scale == "day" and col.start.weekday() == 0:
        props.update(left=1, left_color=COLOURS["rule"])
    return props


class _Painter:
    """Formats of the time axis cells, one per (column kind, bar colour)."""

    def __init__(self, styles: Styles, timeline: Timeline) -> None:
        self.styles = styles
        self.backgrounds = [column_props(c, timeline.scale) for c in timeline.columns]
        self._cache: dict[tuple[int, str], Format] = {}
        self._keys = [hash(tuple(sorted(p.items()))) for p in self.backgrounds]

    def fmt(self, col: int, bar: str = "", text: bool = False, run: bool = False) -> Format:
        key = (self._keys[col], bar + ("T" if text else "") + ("R" if run else ""))
        found = self._cache.get(key)
        if found is None:
            props = dict(self.backgrounds[col])
            if bar and run:  # unattended: hatched in the bar's colour, nobody booked
                props.update(pattern=_HATCH, fg_color=bar, bg_color=COLOURS["paper"])
            elif bar and not text:
                props["bg_color"] = bar
            if text:
                props.update(align="center", bold=True, font_color=bar)
            found = self._cache[key] = self.styles.get(**props)
        return found


def _bar_colour(row: OutlineRow) -> str:
    if row.summary:
        return _SUMMARY.get(row.level, COLOURS["summary_2"])
    return PHASE_COLOURS[row.phase]


def month_groups(timeline: Timeline) -> Iterator[tuple[int, int, str]]:
    """Runs of columns of the same month: (first, last, month label)."""
    cols, start = timeline.columns, 0
    for i in range(1, len(cols) + 1):
        if i == len(cols) or cols[i].group != cols[start].group:
            yield start, i - 1, cols[start].group
            start = i


PRINT_SCALE = 80  # percent: 10 pt text prints at 8 pt
_REPEATED = (4.0, 7.0, 42.0)  # ID, WBS, title: repeated at the left of every page
_PAGE_POINTS = 770 / (PRINT_SCALE / 100)  # a landscape page's width at that scale


def page_breaks(count: int, width: float, scale: str, first_page: float) -> list[int]:
    """Time-axis columns (0-based) that start a new printed page: the page is full, or a
    week starts close to its end (a day axis breaks at a Monday)."""
    column = 5.25 * width + 3.75
    repeated = sum(5.25 * w + 3.75 for w in _REPEATED)
    room = _PAGE_POINTS - first_page
    per_page = max(int((_PAGE_POINTS - repeated) // column), 7)
    breaks: list[int] = []
    fits = max(int(room // column), 7)
    while True:
        nxt = (breaks[-1] if breaks else 0) + (fits if not breaks else per_page)
        if nxt >= count:
            return breaks
        if scale == "day":
            nxt -= nxt % 7  # the time axis starts on a Monday
        breaks.append(nxt)


def _month_runs(timeline: Timeline, breaks: list[int]) -> Iterator[tuple[int, int, str]]:
    """Month runs cut at page breaks, so every printed page names its months."""
    return cut_at_breaks(month_groups(timeline), breaks)


def cut_at_breaks(groups: Iterable[tuple[int, int, str]],
                  breaks: Sequence[int]) -> Iterator[tuple[int, int, str]]:
    """Runs of columns (first, last, label) cut where a printed page starts (``breaks``)."""
    for first, last, group in groups:
        cuts = [b for b in breaks if first < b <= last]
        for start, end in zip([first, *cuts], [*(c - 1 for c in cuts), last], strict=True):
            yield start, end, group


def _write_axis(sheet: Worksheet, styles: Styles, ctx: ExportContext,
                breaks: list[int]) -> int:
    """Month, day/week and weekday header rows; returns the last header row."""
    head = styles.get(**{**HEADER, "align": "center"})
    timeline = ctx.timeline
    for first, last, group in _month_runs(timeline, breaks):
        if first == last:
            sheet.write_string(_TOP, LEFT + first, group if timeline.scale == "week" else "",
                               head)
        else:
            sheet.merge_range(_TOP, LEFT + first, _TOP, LEFT + last, group, head)
    rows = 1 if timeline.scale == "week" else 2
    for i, col in enumerate(timeline.columns):
        props = {**HEADER, "align": "center", "font_size": 8, "bold": False}
        if col.off or col.freeze:
            props.update(bg_color=COLOURS["accent_mid"])
        if col.today:
            props.update(bg_color=_TODAY, bold=True)
        sheet.write_string(_TOP + 1, LEFT + i, col.label, styles.get(**props))
        if rows == 2:
            letter = ctx.text(f"weekday.{col.start.weekday()}")
            sheet.write_string(_TOP + 2, LEFT + i, letter, styles.get(**props))
        note = "; ".join(n for n in (col.holiday, col.freeze) if n and n != "-")
        if note:
            sheet.write_comment(_TOP + 1, LEFT + i, note)
    return _TOP + rows


def _write_left_header(writer: SheetWriter, ctx: ExportContext, last_header: int) -> None:
    keys = ("col.id", "col.wbs", "col.title", "col.start", "col.finish")
    for col, key in enumerate(keys):
        writer.sheet.merge_range(_TOP, col, last_header, col, ctx.text(key),
                                 writer.styles.get(**HEADER))


def _write_pause_row(writer: SheetWriter, painter: _Painter, ctx: ExportContext,
                     row: int) -> None:
    writer.put(row, 2, ctx.text("gantt.pause_row"), bold=True, font_color=COLOURS["accent"], **CELL)
    for i, col in enumerate(ctx.timeline.columns):
        if col.pause:
            writer.sheet.write_blank(row, LEFT + i, None, painter.fmt(i, KIND_COLOURS["paused"]))
        elif painter.backgrounds[i]:
            writer.sheet.write_blank(row, LEFT + i, None, painter.fmt(i))


def _write_bars(writer: SheetWriter, painter: _Painter, ctx: ExportContext, first: int) -> int:
    """One row per outline row; returns the last row written."""
    shaded = [i for i, props in enumerate(painter.backgrounds) if props]
    sheet, row_no = writer.sheet, first - 1
    styles = writer.styles
    for row_no, row in enumerate(ctx.outline.rows, start=first):
        bold = {"bold": True} if row.summary else {}
        plain = styles.cell(**CELL, **bold)
        writer.write(row_no, 0, row.id, styles.cell(align="center", **CELL, **bold))
        writer.write(row_no, 1, row.wbs, plain)
        writer.write(row_no, 2, row.title, styles.cell(indent=row.level - 1, **CELL, **bold))
        writer.write(row_no, 3, row.start, plain)
        writer.write(row_no, 4, row.end, plain)
        span = (ctx.timeline.span(row.start, row.end)
                if row.start is not None and row.end is not None else range(0))
        milestone = row.step is not None and row.step.milestone
        colour = _bar_colour(row)
        for i in shaded:
            if i not in span:
                sheet.write_blank(row_no, LEFT + i, None, painter.fmt(i))
        run = _unattended(ctx, row)
        for i in span:
            if milestone:
                sheet.write_string(row_no, LEFT + i, "◆", painter.fmt(i, colour, text=True))
            else:
                sheet.write_blank(row_no, LEFT + i, None, painter.fmt(i, colour, run=i in run))
        if row.level > 1:
            sheet.set_row(row_no, None, None, {"level": row.level - 1})
    return row_no


def _unattended(ctx: ExportContext, row: OutlineRow) -> set[int]:
    """Columns where a move batch runs on its own: no day its consultant is booked falls in
    them (a week column with a set-up or completion day stays solid)."""
    run = row.dated.unattended_run() if row.dated is not None else None
    if run is None or row.dated is None:
        return set()
    booked = {i for b in row.dated.booked for i in ctx.timeline.span(b.start, b.end)}
    return set(ctx.timeline.span(*run)) - booked


def _write_legend(writer: SheetWriter, ctx: ExportContext, row: int, width: float) -> None:
    """The legend in one row above the chart, so it prints with the chart's first page."""
    phases = dict.fromkeys(r.phase for r in ctx.outline.rows)
    items = [(PHASE_COLOURS[p], ctx.text(PHASES[p].label_key)) for p in phases]
    items += [(KIND_COLOURS["paused"], ctx.text("gantt.pause")), (_OFF, ctx.text("gantt.weekend")),
              (_FREEZE, ctx.text("gantt.freeze"))]
    if any(col.today for col in ctx.timeline.columns):  # no line for a today off the chart
        items.append((_TODAY, ctx.text("gantt.today")))
    fills: list[dict[str, Any]] = [{"bg_color": colour} for colour, _ in items]
    if any(r.dated is not None and r.dated.booked for r in ctx.outline.rows):
        items.append(("", ctx.text("gantt.unattended")))
        fills.append({"pattern": _HATCH, "fg_color": COLOURS["muted"],
                      "bg_color": COLOURS["paper"]})
    col = LEFT
    for (_, text), fill in zip(items, fills, strict=True):
        span = max(1, math.ceil((len(text) * 0.95 + 1) / width))
        writer.put(row, col, None, **fill, **CELL)
        if span > 1:
            writer.sheet.merge_range(row, col + 1, row, col + span, text,
                                     writer.styles.get(font_size=8))
        else:
            writer.put(row, col + 1, text, measure=False, font_size=8)
        col += span + 2


def write_gantt_sheet(book: Workbook, styles: Styles, ctx: ExportContext) -> None:
    """The Gantt chart; day columns for short plans, week columns for long ones."""
    sheet = book.add_worksheet(ctx.text("sheet.gantt"))
    writer = SheetWriter(sheet, styles)
    title_block(writer, ctx, "title.gantt")
    writer.put(2, 0, ctx.text(f"gantt.{ctx.timeline.scale}_scale"), measure=False,
               italic=True, font_color=COLOURS["muted"])
    width = 2.6 if ctx.timeline.scale == "day" else 5.0
    first_page = sum(5.25 * w + 3.75 for w in (*_REPEATED, 13.2, 13.2))
    breaks = page_breaks(len(ctx.timeline.columns), width, ctx.timeline.scale, first_page)
    last_header = _write_axis(sheet, styles, ctx, breaks)
    _write_left_header(writer, ctx, last_header)
    painter = _Painter(styles, ctx.timeline)
    _write_pause_row(writer, painter, ctx, last_header + 1)
    _write_bars(writer, painter, ctx, last_header + 2)
    _write_legend(writer, ctx, 1, width)
    sheet.outline_settings(True, False, True, False)
    sheet.freeze_panes(last_header + 1, LEFT)
    writer.fit_columns(minimum=4, maximum=45, fixed={0: 4, 1: 7, 2: 42, 3: 13.2, 4: 13.2})
    sheet.set_column(LEFT, LEFT + len(ctx.timeline.columns) - 1, width)
    # Our own breaks at week starts with a fixed scale instead of fit-to-width, so each page
    # begins a week and carries its month's name.
    print_setup(sheet, ctx, ctx.text("sheet.gantt"), (_TOP, last_header), repeat_cols=(0, 2),
                scale=PRINT_SCALE)
    sheet.set_v_pagebreaks([LEFT + b for b in breaks])
    # rows of the default height: the title block, the axis and the pause row above the bars
    before = TITLE_HEIGHT + (last_header + 2 - 3) * DEFAULT_ROW
    rows = [(DEFAULT_ROW, row.summary) for row in ctx.outline.rows]
    sheet.set_h_pagebreaks([last_header + 2 + b for b in keep_groups_with_steps(
        ctx, rows, before, (last_header - _TOP + 1) * DEFAULT_ROW, PRINT_SCALE / 100)])
