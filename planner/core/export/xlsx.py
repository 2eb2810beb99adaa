"""The Excel project plan: Plan, Gantt, Enforcement, Estate, Findings and Assumptions sheets.

Written with XlsxWriter (fast, full formatting). The workbook holds no formulas, so
LibreOffice and Excel show the same values without recalculating; customer text is always
written as text (see :mod:`planner.core.export.cells`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.workbook import Workbook

from planner.core.booked_time import booked_words
from planner.core.calendar import build_calendar
from planner.core.exo_view import owner_text
from planner.core.explain_text import driver_text
from planner.core.export.cells import CellStyle, SheetWriter, Styles, row_height, text_lines
from planner.core.export.project_calendar import project_calendar
from planner.core.export.timeline import WorkingCalendar, build_timeline
from planner.core.export.xlsx_enforcement import write_enforcement_sheet
from planner.core.export.xlsx_gantt import write_gantt_sheet
from planner.core.export.xlsx_layout import (
    CELL,
    PHASE_TINTS,
    TITLE_HEIGHT,
    ExportContext,
    date_format,
    fitted_scale,
    header_row,
    header_widths,
    keep_groups_with_steps,
    pages_for,
    print_setup,
    title_block,
)
from planner.core.export.xlsx_tables import (
    write_assumptions_sheet,
    write_estate_sheet,
    write_findings_sheet,
)
from planner.core.knowledge import Knowledge
from planner.core.outline import OutlineRow, build_outline, target_label
from planner.core.plan import Phase, Plan
from planner.core.replace_file import replace_file
from planner.core.settings_defaults import with_names_in
from planner.core.step_source import step_source_text

__all__ = ["build_context", "working_days", "write_workbook"]

# The printed columns come first (up to the reason); the rest are for the consultant's screen.
_PLAN_COLUMNS = ("col.id", "col.wbs", "col.title", "col.start", "col.finish",
                 "col.working_days", "col.predecessors", "col.consultant", "col.status",
                 "col.window", "col.reason", "col.target", "col.driver", "col.rule",
                 "col.command")
_HEADER_ROW = 3
_PRINTED_COLUMNS = 11
# Printed columns whose text wraps, with their widths; row heights follow from them. Title
# and reason give up a little for headings that must not break mid-word (header_widths).
_WRAPPED = {2: 35.0, 6: 13.0, 7: 13.0, 10: 35.0}
# The other printed columns, narrow enough that the Plan prints one page wide at 8 pt or more.
_NARROW = {3: 10.5, 4: 10.5, 5: 8.0, 8: 11.0, 9: 12.0}
_STATUSES = ("status.open", "status.in_progress", "status.done", "status.blocked")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def build_context(plan: Plan, knowledge: Knowledge, lang: str,
                  today: date | None = None) -> ExportContext:
    """The outline, calendar and time axis of a plan, shared by every sheet."""
    plan = with_names_in(plan, lang)
    calendar = build_calendar(plan.settings, plan.estate)
    today = today or date.today()
    outline = build_outline(plan, lang)
    days = project_calendar(plan, outline, calendar, lang).durations(outline)
    return ExportContext(plan, knowledge, lang, outline, calendar,
                         build_timeline(plan, calendar, lang, today), today, days)


def working_days(calendar: WorkingCalendar, start: date, end: date) -> int:
    """Working days from ``start`` to ``end``, both inclusive."""
    return sum(calendar.is_working_day(start + timedelta(days=i))
               for i in range((end - start).days + 1))


def write_workbook(plan: Plan, knowledge: Knowledge, path: Path | str, lang: str,
                   *, today: date | None = None) -> None:
    """Write the Excel project plan to ``path`` (replaced only once it is complete)."""
    ctx = build_context(plan, knowledge, lang, today)

    def write_book(partial: Path) -> None:
        book = Workbook(str(partial), {"strings_to_formulas": False, "strings_to_urls": False,
                                       "strings_to_numbers": False})
        # Author is the consultancy, as in the report's PDF: a person's name is no property.
        book.set_properties({"title": ctx.text("title.plan"), "company": plan.settings.company,
                             "author": plan.settings.company, "subject":
                             plan.settings.customer or plan.estate.organization.customer})
        styles = Styles(book, date_format(lang))
        for write in (write_plan_sheet, write_gantt_sheet, write_enforcement_sheet,
                      write_estate_sheet, write_findings_sheet, write_assumptions_sheet):
            write(book, styles, ctx)
        try:
            book.close()
        except FileCreateError as exc:  # xlsxwriter's own type: an OSError for the caller
            raise OSError(str(exc)) from exc

    replace_file(path, write_book)


def _window_days(ctx: ExportContext) -> str:
    """The project's maintenance weekdays in the export language ("Sat", "Sa, So")."""
    days = [ctx.text(f"weekday_short.{d[:3].lower()}") if d[:3].lower() in _WEEKDAYS else d
            for d in ctx.plan.settings.maintenance_days]
    return ", ".join(days) or ctx.text("value.window_needed")


def _row_style_for(level: int, phase: Phase) -> dict[str, Any]:
    if level == 1:
        return {**CELL, "bold": True, "bg_color": PHASE_TINTS[phase]}
    if level == 2:
        return {**CELL, "bold": True}
    return dict(CELL)


def _column_styles(styles: Styles, level: int, phase: Phase) -> list[CellStyle]:
    """The style of each Plan column for a row at this level and phase."""
    style = _row_style_for(level, phase)
    found = []
    for col in range(len(_PLAN_COLUMNS)):
        props = dict(style)
        if col == 2:
            props.update(indent=level - 1, text_wrap=True)
        elif col in _WRAPPED:
            props["text_wrap"] = True
        elif col in (0, 5):
            props["align"] = "center"
        found.append(styles.cell(**props))
    return found


def _plan_values(ctx: ExportContext, row: OutlineRow) -> list[object]:
    days: object = ctx.days.get(row.id, "")  # as MS Project counts them
    target = target_label(row.target, ctx.lang) if row.target else ""
    values: list[object] = [row.id, row.wbs, row.title, row.start, row.end, days]
    step, dated = row.step, row.dated
    if step is None:
        return [*values, "", "", "", "", "", target]
    # a move batch names its set-up and completion days; it runs unattended in between
    consultant = (booked_words(dated, ctx.lang) or dated.consultant) if dated else ""
    if step.milestone:
        consultant = "–"  # a milestone is an event, nobody does it (the report says the same)
    elif step.owner and not consultant:
        consultant = owner_text(ctx.lang, step.owner)
    elif not step.needs_consultant and not consultant:
        consultant = ctx.text("value.customer")
    return [*values, ctx.outline.predecessors(row, ctx.lang), consultant,
            ctx.text("status.open"),
            _window_days(ctx) if step.needs_window else "",
            short_reason(step.why(ctx.lang)), target, driver_text(ctx.plan, dated, ctx.lang),
            step_source_text(step, ctx.knowledge, ctx.lang), step.command_in(ctx.lang)]


SHORT_REASON = 160  # characters; longer reasons print their first sentence


def short_reason(text: str) -> str:
    """The reason as the Plan sheet prints it: whole when short, else its first sentence (cut
    at a word, with "…", when even that is long)."""
    if len(text) <= SHORT_REASON:
        return text
    first = re.split(r"(?<=[.;:])\s", text, maxsplit=1)[0]
    if len(first) <= SHORT_REASON:
        return first + " …"
    return text[:SHORT_REASON].rsplit(" ", 1)[0] + " …"


def write_plan_sheet(book: Workbook, styles: Styles, ctx: ExportContext) -> None:
    """The WBS outline with dates, links, owners and reasons, grouped phase → target → step."""
    sheet = book.add_worksheet(ctx.text("sheet.plan"))
    writer = SheetWriter(sheet, styles)
    title_block(writer, ctx, "title.plan")
    labels = [ctx.text(k) for k in _PLAN_COLUMNS]
    fixed = header_widths(labels, {**_WRAPPED, **_NARROW})
    header = header_row(writer, _HEADER_ROW, labels, widths=fixed)
    heights: list[tuple[float, bool]] = []
    last_col = len(_PLAN_COLUMNS) - 1
    row_no = _HEADER_ROW
    # Looked up once per kind of row, not per cell: the sheet has 100,000s of cells.
    by_kind: dict[tuple[int, Phase], list[CellStyle]] = {}
    for row_no, row in enumerate(ctx.outline.rows, start=_HEADER_ROW + 1):
        kind = (row.level, row.phase)
        cell_styles = by_kind.get(kind) or by_kind.setdefault(
            kind, _column_styles(styles, *kind))
        values = _plan_values(ctx, row)
        values += [""] * (len(_PLAN_COLUMNS) - len(values))
        for col, value in enumerate(values):
            writer.write(row_no, col, value, cell_styles[col], measure=col not in _WRAPPED)
        why = row.step.why(ctx.lang) if row.step is not None else ""
        if why and values[10] != why:  # rendered once: 2,000 servers spent 2 s on it
            # The cell says why in a sentence; the full reason stays in a note beside it.
            sheet.write_comment(row_no, 10, why, {"x_scale": 3, "y_scale": 3})
        lines = max(text_lines(str(values[c]), w - (2 * (row.level - 1) if c == 2 else 0))
                    for c, w in _WRAPPED.items())
        sheet.set_row(row_no, row_height(lines), None, {"level": row.level - 1})
        heights.append((row_height(lines), row.summary))
    sheet.outline_settings(True, False, True, False)
    if ctx.outline.rows:
        sheet.data_validation(_HEADER_ROW + 1, 8, row_no, 8, {
            "validate": "list", "source": [ctx.text(k) for k in _STATUSES],
            "error_type": "information"})
    sheet.autofilter(_HEADER_ROW, 0, row_no, last_col)
    sheet.freeze_panes(_HEADER_ROW + 1, 3)
    writer.fit_columns(minimum=5, maximum=45, fixed={**fixed, 12: 30, 14: 40})
    sheet.print_area(0, 0, row_no, _PRINTED_COLUMNS - 1)
    printed = [w for c, w in writer.column_widths.items() if c < _PRINTED_COLUMNS]
    print_setup(sheet, ctx, ctx.text("sheet.plan"), (_HEADER_ROW, _HEADER_ROW), widths=printed)
    scale = fitted_scale(printed, pages_for(printed))
    breaks = keep_groups_with_steps(ctx, heights, TITLE_HEIGHT + header, header, scale)
    sheet.set_h_pagebreaks([_HEADER_ROW + 1 + b for b in breaks])
    sheet.activate()
