"""The Enforcement sheet: exposure per judged server, the pause plan and budget, a stage strip.

The day-by-day strip shares the Gantt's time axis, so the sheet's columns are narrow; the
small tables above it therefore span several narrow columns per field (merged cells).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from xlsxwriter.workbook import Workbook

from planner.core.enforcement import daily_stages
from planner.core.exo_view import exo_text
from planner.core.export.cells import SheetWriter, Styles
from planner.core.export.labels import label
from planner.core.export.timeline import Column, Timeline
from planner.core.export.xlsx_gantt import (
    PRINT_SCALE,
    column_props,
    cut_at_breaks,
    month_groups,
)
from planner.core.export.xlsx_layout import (
    CELL,
    HEADER,
    KIND_COLOURS,
    ExportContext,
    date_text,
    print_setup,
    section,
    title_block,
)
from planner.core.pause_policy import budget_years, pause_command
from planner.core.plan import Exposure
from planner.core.today_words import today_lines
from planner.core.vocabulary import COLOURS, STAGE_KINDS

__all__ = ["write_enforcement_sheet"]

_NAME_WIDTH = 16
_PAGE_WIDTH = 770  # points across a landscape page inside the margins
# History up to this many weeks prints a column per week; a longer one (a server detected in
# 2024) a column per month, so the sheet stays a few pages wide.
_HISTORY_WEEKS_MAX = 12
_HISTORY_PATTERN = 4  # xlsxwriter's "light grey" dots: the stage colour stays readable


class _Grid:
    """Writes table fields across runs of narrow columns (column 0 stays one wide column)."""

    def __init__(self, writer: SheetWriter, unit: float) -> None:
        self.writer = writer
        self.unit = unit
        self.last_col = 0  # the rightmost column any table uses, for the print area

    def spans(self, widths: Sequence[float]) -> list[tuple[int, int]]:
        col, out = 1, []
        for width in widths[1:]:
            n = max(1, math.ceil(width / self.unit))
            out.append((col, col + n - 1))
            col += n
        self.last_col = max(self.last_col, col - 1)
        return out

    def row(self, row: int, values: Sequence[object], widths: Sequence[float],
            **props: Any) -> None:
        self.writer.put(row, 0, values[0], measure=False, **props)
        styles, sheet = self.writer.styles, self.writer.sheet
        for (first, last), value in zip(self.spans(widths), values[1:], strict=True):
            if first == last:
                self.writer.put(row, first, value, measure=False, **props)
                continue
            if isinstance(value, date):
                fmt = styles.get(num_format=styles.date_format, **props)
                sheet.merge_range(row, first, row, last, None, fmt)
                sheet.write_datetime(row, first, value, fmt)
            else:
                sheet.merge_range(row, first, row, last, "", styles.get(**props))
                self.writer.put(row, first, value, measure=False, **props)


def _today_table(grid: _Grid, ctx: ExportContext, row: int) -> int:
    """Each judged server's stage on the plan's as-of date, coloured by its stage kind."""
    plan = ctx.plan
    if not plan.today or plan.as_of is None:
        return row
    section(grid.writer, row, exo_text(ctx.lang, "today.heading", as_of=plan.as_of))
    # Wrapped, so the table fits a page across at 80 % with the other tables.
    widths = [_NAME_WIDTH, 41.0, 39.0, 39.0]
    grid.row(row + 1, [exo_text(ctx.lang, f"today.{k}")
                       for k in ("col_server", "col_state", "col_flow", "col_next")], widths,
             **HEADER)
    kinds = {t.server: t.kind for t in plan.today}
    for i, line in enumerate(today_lines(plan.today, ctx.knowledge.policy, ctx.lang,
                                         plan.estate), start=row + 2):
        kind = kinds.get(line.server, "")
        colour = {"bg_color": KIND_COLOURS[kind]} if kind in KIND_COLOURS else {}
        if kind == "block":
            colour["font_color"] = COLOURS["paper"]
        texts = (line.state, line.flow, line.next)
        grid.row(i, [line.server, *texts], widths, text_wrap=True, valign="top", **CELL,
                 **colour)
        # Excel sizes no merged cell: as many 13-point lines as the longest text needs.
        lines = max(math.ceil(len(text) / width)
                    for text, width in zip(texts, widths[1:], strict=True))
        grid.writer.sheet.set_row(i, 13 * max(1, lines) + 2)
    return row + 3 + len(plan.today)


def _exposure_table(grid: _Grid, ctx: ExportContext, row: int) -> int:
    section(grid.writer, row, ctx.text("section.exposure"))
    stages = ctx.knowledge.policy.stages
    # The source column holds "Schätzung (Stichtag der Mindestversion)" on two lines, so
    # the table fits a printed page across at 80 % (8 pt); 25 characters, not 26, are five
    # columns of a week axis, not six (a plan long enough for weeks printed the sheet at 77 %).
    widths = [_NAME_WIDTH, 11, 25, 12] + [7.0] * len(stages) + [8]
    heads = [ctx.text(k) for k in ("col.server", "col.first_detected", "col.detected_source",
                                   "col.cutover")]
    heads += [f"{ctx.text('col.stage', n=s.number)}\n{ctx.text(STAGE_KINDS[s.kind].label_key)}"
              for s in stages] + [ctx.text("col.paused_days")]
    grid.row(row + 1, heads, widths, **HEADER)
    grid.writer.sheet.set_row(row + 1, 42)  # three header lines ("Verlässt die Prüfung …")
    exposures = ctx.plan.schedule.exposure
    if not exposures:
        grid.writer.put(row + 2, 0, ctx.text("section.no_judged"), measure=False, italic=True)
        return row + 3
    for i, exp in enumerate(exposures, start=row + 2):
        days = list(exp.days_in_stage) + [0] * (len(stages) - len(exp.days_in_stage))
        source = (ctx.text(f"detected.{exp.first_detected_source}")
                  if exp.first_detected_source else "")
        values = [exp.server, exp.first_detected, source, exp.cutover,
                  *days[: len(stages)], exp.paused_days]
        grid.row(i, values, widths, align="center", valign="vcenter", text_wrap=True, **CELL)
        grid.writer.sheet.set_row(i, 26)  # Excel sizes no merged cell: room for two lines
    return row + 2 + len(exposures)


def _pause_tables(grid: _Grid, ctx: ExportContext, row: int) -> int:
    section(grid.writer, row, ctx.text("section.pauses"))
    policy, pauses = ctx.knowledge.policy, ctx.plan.schedule.pauses
    widths = [_NAME_WIDTH, 11, 11, 6, 11, 78]
    grid.row(row + 1, ["", *(ctx.text(k) for k in ("col.pause_start", "col.pause_end",
                                                   "col.days", "col.run_on", "col.powershell"))],
             widths, **HEADER)
    row += 2
    if not pauses:
        grid.writer.put(row, 0, ctx.text("section.no_pauses"), measure=False, italic=True)
        row += 1
    for n, pause in enumerate(pauses, start=1):
        # The day its step says (the first counted day; an overdue pause the next working day
        # from the as-of date): the same day as in the plan, MS Project and the report.
        requested = ctx.plan.schedule.for_step(f"pause:{n}")
        run_on = requested.start if requested is not None else pause.start
        grid.row(row, [f"{ctx.text('gantt.pause')} {n}", pause.start, pause.end,
                       pause.days, run_on,
                       pause_command(policy.pause_cmdlet, pause.days)], widths, **CELL)
        row += 1
    section(grid.writer, row + 1, ctx.text("section.budget"))
    widths = [_NAME_WIDTH, 14, 9, 8, 8, 10]
    grid.row(row + 2, [ctx.text(k) for k in ("col.year", "col.used_before", "col.planned",
                                             "col.total", "col.allowed", "col.remaining")],
             widths, **HEADER)
    grid.writer.sheet.set_row(row + 2, 30)
    row += 3
    for year in budget_years(ctx.plan, policy.pause_max_days_per_year):
        warn = {"font_color": COLOURS["alarm"], "bold": True} if year.over else {}
        grid.row(row, [str(year.year), year.used, year.planned, year.used + year.planned,
                       year.maximum, year.remaining], widths, align="center", **CELL, **warn)
        row += 1
    return row


def _strip_period(ctx: ExportContext) -> tuple[date, date]:
    """The days the strip shows: the ones the "days per stage" table counts (the first day
    the plan counts, today where the work starts later, to the last step or pause), so both
    tell the same story."""
    schedule = ctx.plan.schedule
    start = ctx.plan.counted_from
    ends = [s.end for s in schedule.steps] + [p.end for p in schedule.pauses]
    return start, max([start, *ends])


def history_columns(first: date, before: date, lang: str) -> tuple[Column, ...]:
    """Columns for the days from ``first`` (the earliest first detection) to the day before
    ``before`` (the strip's first day): weeks for a short history, months for a long one."""
    if first >= before:
        return ()
    last = before - timedelta(days=1)
    columns: list[Column] = []
    if (before - first).days <= 7 * _HISTORY_WEEKS_MAX:
        monday = first - timedelta(days=first.weekday())
        while monday <= last:
            columns.append(Column(max(monday, first), min(monday + timedelta(days=6), last),
                                  str(monday.isocalendar().week),
                                  f"{label(f'month.{monday.month}', lang)} {monday.year}"))
            monday += timedelta(days=7)
        return tuple(columns)
    month = first.replace(day=1)
    while month <= last:
        following = (month + timedelta(days=32)).replace(day=1)
        columns.append(Column(max(month, first), min(following - timedelta(days=1), last),
                              f"{month.month:02d}", str(month.year)))
        month = following
    return tuple(columns)


def _history(ctx: ExportContext) -> tuple[Column, ...]:
    """The history columns left of the plan's time axis, from the earliest first detection."""
    exposure = ctx.plan.schedule.exposure
    first = min((e.first_detected for e in exposure), default=ctx.timeline.start)
    return history_columns(first, ctx.timeline.start, ctx.lang)


def _strip_axis(writer: SheetWriter, ctx: ExportContext, row: int,
                history: tuple[Column, ...], breaks: Sequence[int]) -> int:
    """Section title, the note on the period shown, month and day/week rows (months named
    on every printed page: cut at the sheet columns ``breaks``); the next row."""
    section(writer, row, ctx.text("section.strip"))
    start, end = _strip_period(ctx)
    note = ctx.text("gantt.strip_period", start=date_text(start, ctx.lang),
                    end=date_text(end, ctx.lang))
    if history:
        note += " " + ctx.text("gantt.strip_history", first=date_text(history[0].start,
                                                                      ctx.lang))
    writer.put(row + 1, 0, note, measure=False, italic=True)
    timeline, sheet, styles = ctx.timeline, writer.sheet, writer.styles
    month = styles.get(**{**HEADER, "align": "center", "font_size": 8})
    shift = len(history)
    groups = [(a, b, g) for a, b, g in month_groups(Timeline("month", history))]
    groups += [(a + shift, b + shift, g) for a, b, g in month_groups(timeline)]
    for first, last, group in cut_at_breaks(groups, [b - 1 for b in breaks]):
        if first == last:
            shown = group if timeline.scale == "week" or first < shift else ""
            sheet.write_string(row + 2, first + 1, shown, month)
        else:
            sheet.merge_range(row + 2, first + 1, row + 2, last + 1, group, month)
    head = styles.get(**{**HEADER, "align": "center", "font_size": 8, "bold": False})
    writer.put(row + 3, 0, ctx.text("col.server"), measure=False, **HEADER)
    for i, col in enumerate((*history, *timeline.columns), start=1):
        sheet.write_string(row + 3, i, col.label, head)
    return row + 4


def _rank(stage: int, kind: str) -> tuple[int, int]:
    return (0 if kind == "paused" else 1, stage)


def _worst_per_column(ctx: ExportContext, exp: Exposure,
                      history: tuple[Column, ...]) -> dict[int, tuple[int, str]]:
    """The most severe stage each strip column shows: history columns (index below
    ``len(history)``) for the days before the time axis, then the plan's days from its start
    (a time-axis column wholly before the plan start shows its days as history too)."""
    start, end = _strip_period(ctx)
    timeline, shift = ctx.timeline, len(history)
    worst: dict[int, tuple[int, str]] = {}
    for day in daily_stages(exp, ctx.plan.schedule.pauses, ctx.knowledge.policy, end):
        if day.day < timeline.start:
            cols = [i for i, c in enumerate(history) if c.start <= day.day <= c.end]
        else:
            cols = [i + shift for i in timeline.span(day.day, day.day)
                    if day.day >= start or timeline.columns[i].end < start]
        for i in cols:
            if i not in worst or _rank(day.stage, day.kind) > _rank(*worst[i]):
                worst[i] = (day.stage, day.kind)
    return worst


def _history_end(ctx: ExportContext, history: tuple[Column, ...]) -> int:
    """Strip columns before this index show days before the plan counts (drawn shaded)."""
    start = ctx.plan.counted_from
    return len(history) + sum(1 for c in ctx.timeline.columns if c.end < start)


def _strip(writer: SheetWriter, ctx: ExportContext, row: int, breaks: Sequence[int]) -> int:
    history = _history(ctx)
    first = _strip_axis(writer, ctx, row, history, breaks)
    sheet, styles = writer.sheet, writer.styles
    backgrounds: list[dict[str, Any]] = ([{} for _ in history]
                   + [column_props(c, ctx.timeline.scale) for c in ctx.timeline.columns])
    past = _history_end(ctx, history)
    for r, exp in enumerate(ctx.plan.schedule.exposure, start=first):
        writer.put(r, 0, exp.server, measure=False, bold=True, **CELL)
        worst = _worst_per_column(ctx, exp, history)
        for i, props in enumerate(backgrounds):
            if i in worst:
                stage, kind = worst[i]
                colour = COLOURS["paper"] if kind == "block" else COLOURS["black"]
                text = "P" if kind == "paused" else str(stage)
                fill = KIND_COLOURS.get(kind, COLOURS["paper"])
                # History is hatched: the stage colour under a light pattern of the shade.
                shade = ({"pattern": _HISTORY_PATTERN, "fg_color": COLOURS["history"],
                          "bg_color": fill} if i < past else {"bg_color": fill})
                sheet.write_string(r, i + 1, text, styles.get(
                    **{**props, **shade}, font_color=colour, align="center", font_size=8))
            elif props:
                sheet.write_blank(r, i + 1, None, styles.get(**props))
    last = first - 1 + len(ctx.plan.schedule.exposure)
    for n, kind in enumerate(("report", "throttle", "block", "paused"), start=last + 2):
        writer.put(n, 0, ctx.text(STAGE_KINDS[kind].label_key), measure=False,
                   bg_color=KIND_COLOURS[kind], font_color=COLOURS["paper"] if kind == "block"
                   else COLOURS["black"], **CELL)
    if past:
        writer.put(last + 6, 0, ctx.text("gantt.history"), measure=False,
                   pattern=_HISTORY_PATTERN, fg_color=COLOURS["history"],
                   bg_color=KIND_COLOURS["report"], **CELL)
        return last + 7
    return last + 6


def write_enforcement_sheet(book: Workbook, styles: Styles, ctx: ExportContext) -> None:
    """Exposure, pauses with their PowerShell lines, the yearly budget and the stage strip."""
    sheet = book.add_worksheet(ctx.text("sheet.enforcement"))
    writer = SheetWriter(sheet, styles)
    title_block(writer, ctx, "title.enforcement")
    unit = 2.6 if ctx.timeline.scale == "day" else 5.0
    grid = _Grid(writer, unit)
    row = _exposure_table(grid, ctx, _today_table(grid, ctx, 3))
    row = _pause_tables(grid, ctx, row + 1)
    columns = len(ctx.timeline.columns) + len(_history(ctx))
    scale, breaks = _print_pages(unit, grid.last_col, columns)
    last = _strip(writer, ctx, row + 1, breaks) if ctx.plan.schedule.exposure else row
    sheet.set_column(0, 0, _NAME_WIDTH)
    sheet.set_column(1, max(columns, 80), unit)
    # The tables take the first page across whole, the strip starts a page of its own; our
    # breaks and a fixed scale, as fit-to-width would cut the tables' merged titles.
    print_setup(sheet, ctx, ctx.text("sheet.enforcement"), (0, 1), repeat_cols=(0, 0),
                scale=scale)
    sheet.set_v_pagebreaks(breaks)
    if ctx.plan.schedule.exposure:
        sheet.set_h_pagebreaks([row + 1])
    sheet.print_area(0, 0, last, max(columns, grid.last_col) if ctx.plan.schedule.exposure
                     else grid.last_col)


def _print_pages(unit: float, tables_last: int, columns: int) -> tuple[int, list[int]]:
    """The print scale in percent and the sheet columns that start a printed page.

    The tables (columns 0 to ``tables_last``) fit one page across at the Gantt's scale or
    less; the strip's later columns fill the next pages with column 0 repeated.
    """
    name, column = 5.25 * _NAME_WIDTH + 3.75, 5.25 * unit + 3.75
    tables = name + tables_last * column
    scale = min(PRINT_SCALE, math.floor(100 * _PAGE_WIDTH / tables))
    per_page = max(1, int((_PAGE_WIDTH * 100 / scale - name) // column))
    return scale, list(range(tables_last + 1, columns + 1, per_page))
