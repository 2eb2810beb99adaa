"""What the Gantt chart shows and where, worked out as plain data (no widgets, no fonts).

:func:`chart_data` runs on the worker: the rows in phase order, the calendar behind (weekends,
holidays, freezes, maintenance windows), pauses, each judged server's enforcement stages
behind the rows of its steps, the bars and the dependency arrows become :class:`Shape`
records with scene coordinates and tooltips. The GUI thread then only adds items
(:mod:`gantt_scene`), slice by slice, so a re-plan of a large estate never holds the window.
Row labels are fitted with a table of character widths measured on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication

from planner.core.plan import Phase, Plan, ScheduledStep, Step
from planner.core.vocabulary import COLOURS, PHASES, STAGE_KINDS
from planner.gui.formats import format_date, format_month
from planner.gui.i18n import word
from planner.gui.views.gantt_labels import distinct_labels
from planner.gui.views.gantt_layout import (
    BAR_H,
    HEADER_H,
    LABEL_W,
    MIN_LABEL_W,
    ROW_H,
    auto_label_width,
)

__all__ = [
    "PHASE_COLORS",
    "STAGE_COLORS",
    "ChartData",
    "GanttInput",
    "Shape",
    "chart_data",
    "stage_runs",
]

PHASE_COLORS: dict[str, str] = {code: t.colour for code, t in PHASES.items()}
# Light tones: the bands sit behind the bars and must not compete with them.
STAGE_COLORS: dict[str, str] = {code: t.tint for code, t in STAGE_KINDS.items()}
PAUSE = (80, 130, 230, 45)
FREEZE = (200, 40, 40, 40)
OFFDAY = (0, 0, 0, 18)
HOLIDAY = (0, 0, 0, 34)
ROW_SHADE = (0, 0, 0, 10)
WINDOW = PHASES[Phase.IN_PLACE].colour


def _tr(text: str) -> str:
    # QCoreApplication.translate is thread-safe: the worker may call it
    return QCoreApplication.translate("GanttScene", text)


@dataclass(frozen=True)
class GanttInput:
    """What the chart shows: the plan, its calendar, stage days per judged server, scale."""

    plan: Plan
    px_per_day: float = 10.0
    lang: str = "en"
    calendar: Any = None  # planner.core.calendar.WorkCalendar, or None to skip shading
    stages: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)  # server -> DayStage
    label_w: float = LABEL_W  # the label column, widened by dragging its edge
    # > 0: the column fits the labels instead (auto_label_width for a view this wide)
    view_width: float = 0.0
    # the label font's advance per character (measured on the GUI thread); empty: no fitting
    advances: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Shape:
    """One thing to draw. ``kind``: "band" (a filled rectangle), "text", "line", "bar" or
    "milestone"; ``colour`` a colour name/hex or an RGBA tuple; ``style`` a text's font
    ("label", "phase", "axis", "pause") or a band's brush ("freeze", "solid")."""

    kind: str
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    colour: str | tuple[int, int, int, int] = ""
    z: float = 0.0
    tip: str = ""
    text: str = ""
    style: str = ""
    step: Step | None = None
    dated: ScheduledStep | None = None
    pinned: bool = False
    run: tuple[float, float] | None = None  # a bar's unattended run, x from the bar's left


@dataclass
class ChartData:
    """The whole chart: its frame, rows and shapes (in drawing order) and the arrows."""

    origin: date
    px_per_day: float
    label_w: float
    width: float
    height: float
    natural_label_w: float = 0.0  # what the widest label needs
    rows: dict[str, int] = field(default_factory=dict)  # step id -> row index
    shapes: list[Shape] = field(default_factory=list)
    arrows: list[tuple[float, float, float, float]] = field(default_factory=list)

    def x_of(self, day: date) -> float:
        """Scene x of the left edge of a day."""
        return self.label_w + (day - self.origin).days * self.px_per_day

    def band(self, d0: date, d1: date, y: float, h: float, colour: Any, z: float,
             tip: str = "", style: str = "") -> None:
        """A rectangle over days d0..d1 (history before the chart stays off the labels)."""
        x0 = self.x_of(max(d0, self.origin))
        self.shapes.append(Shape("band", x0, y, max(0.0, self.x_of(d1 + timedelta(days=1)) - x0),
                                 h, colour, z, tip, style=style))


def stage_runs(stages: Iterable[Any]) -> Iterator[tuple[str, date, date]]:
    """Consecutive DayStage entries of one kind merged into (kind, first, last) runs."""
    run: tuple[str, date, date] | None = None
    for ds in stages:
        if run and run[0] == ds.kind and (ds.day - run[2]).days == 1:
            run = (run[0], run[1], ds.day)
            continue
        if run:
            yield run
        run = (ds.kind, ds.day, ds.day)
    if run:
        yield run


def chart_data(data: GanttInput) -> ChartData:
    """Every shape of the chart for ``data`` (pure data: runs on the worker)."""
    plan = data.plan
    first, last = _span(plan)
    groups = _ordered_rows(plan)
    n_rows = sum(1 + len(steps) for _, steps in groups)
    natural = _natural_label_width(data, groups)
    label_w = auto_label_width(natural, data.view_width) if data.view_width > 0 \
        else max(MIN_LABEL_W, data.label_w)
    chart = ChartData(first, data.px_per_day, label_w, 0.0, HEADER_H + n_rows * ROW_H,
                      natural)
    chart.width = chart.x_of(last + timedelta(days=1))
    _calendar(chart, data.calendar, first, last)
    _header(chart, first, last)
    _rows(chart, data, groups)
    _pauses(chart, plan)
    _arrows(chart, plan)
    return chart


def _ordered_rows(plan: Plan) -> list[tuple[Phase, list[Step]]]:
    order = {p: i for i, p in enumerate(Phase)}
    groups: dict[Phase, list[Step]] = {}
    for step in plan.proposal.steps:
        groups.setdefault(step.phase, []).append(step)

    def key(step: Step) -> tuple[date, str]:
        dated = plan.schedule.for_step(step.id)
        return (dated.start if dated else date.max, step.id)

    return [(p, sorted(groups[p], key=key)) for p in sorted(groups, key=order.__getitem__)]


def _span(plan: Plan) -> tuple[date, date]:
    days = [plan.settings.start]
    for s in plan.schedule.steps:
        days += [s.start, s.end]
    for p in plan.schedule.pauses:
        days += [p.start, p.end]
    return min(days) - timedelta(days=3), max(days) + timedelta(days=10)


def _runs(days: Iterable[date], test: Any) -> Iterator[tuple[date, date]]:
    start: date | None = None
    prev: date | None = None
    for d in days:
        if test(d):
            if start is None:
                start = d
            prev = d
        elif start is not None and prev is not None:
            yield start, prev
            start = None
    if start is not None and prev is not None:
        yield start, prev


def _calendar(chart: ChartData, cal: Any, first: date, last: date) -> None:
    if cal is None:
        return
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    body = chart.height - HEADER_H
    holidays = cal.holidays(first, last)
    for d0, d1 in _runs(days, lambda d: not cal.is_working_day(d) and d not in holidays):
        chart.band(d0, d1, HEADER_H, body, OFFDAY, -30)
    for day, name in holidays.items():
        chart.band(day, day, HEADER_H, body, HOLIDAY, -29, f"{format_date(day)} {name}")
    for d0, d1 in _runs(days, lambda d: cal.freeze_on(d) is not None):
        freeze = cal.freeze_on(d0)
        tip = _tr("Freeze {name}: {start} – {end}").format(
            name=getattr(freeze, "name", ""), start=format_date(d0), end=format_date(d1))
        chart.band(d0, d1, HEADER_H, body, FREEZE, -28, tip, style="freeze")
    for d0, d1 in _runs(days, cal.is_window_day):
        chart.band(d0, d1, HEADER_H - 4, 4, WINDOW, 5, _tr("Maintenance window"), "solid")


def _header(chart: ChartData, first: date, last: date) -> None:
    shapes = chart.shapes
    shapes.append(Shape("band", 0, 0, chart.width, HEADER_H, COLOURS["header_band"], -40))
    grid = COLOURS["grid"]
    day = first
    while day <= last:
        x = chart.x_of(day)
        # the first month's name only when it does not run into the next month's
        room = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - day
        if day.day == 1 or (day == first and room.days * chart.px_per_day >= 70):
            shapes.append(Shape("text", x + 3, 2, text=format_month(day), style="axis"))
            shapes.append(Shape("line", x, 0, 0, HEADER_H, grid, -35))
        if chart.px_per_day >= 18:
            shapes.append(Shape("text", x + 2, 20, text=f"{day.day}", style="axis"))
        elif chart.px_per_day >= 6 and day.weekday() == 0:
            week = _tr("W{week}").format(week=day.isocalendar()[1])
            shapes.append(Shape("text", x + 2, 20, text=week, style="axis"))
            shapes.append(Shape("line", x, 18, 0, HEADER_H - 18, grid, -35))
        day += timedelta(days=1)


LABEL_X = 16.0  # a step label's left edge; phase names start at 6
LABEL_PAD = LABEL_X + 6.0  # the room around a label in the column


def _natural_label_width(data: GanttInput, groups: list[tuple[Phase, list[Step]]]) -> float:
    """The column width that shows every label and phase name whole (0: not measured)."""
    if not data.advances:
        return 0.0
    widest = max(data.advances.values(), default=0.0)
    longest = max((sum(data.advances.get(c, widest) for c in step.title(data.lang))
                   for _, steps in groups for step in steps), default=0.0)
    # phase names are bold: about a tenth wider than the label font measured
    phases = max((1.1 * sum(data.advances.get(c, widest) for c in word(PHASES[phase]))
                  for phase, _ in groups), default=0.0)
    return LABEL_PAD + max(longest, phases - 10.0) + 1.0


def _fits(advances: Mapping[str, float], room: float) -> Any:
    """Whether a text fits ``room``, summing the measured advance of each character (a
    character not measured counts as the widest one: the label is cut rather than clipped)."""
    widest = max(advances.values(), default=0.0)

    def fits(text: str) -> bool:
        return not advances or sum(advances.get(c, widest) for c in text) <= room

    return fits


def _server_of(step: Step) -> set[str]:
    names = {n.lower() for n in step.exits_exo_view}
    return names | {step.server().lower()} if step.server() else names


def _rows(chart: ChartData, data: GanttInput, groups: list[tuple[Phase, list[Step]]]) -> None:
    row = 0
    shapes = chart.shapes
    stages = {k.lower(): v for k, v in data.stages.items()}
    titles = [step.title(data.lang) for _, steps in groups for step in steps]
    shown = iter(distinct_labels(titles, _fits(data.advances, chart.label_w - LABEL_PAD)))
    title = iter(titles)
    pins = data.plan.decisions.pins
    for phase, steps in groups:
        y = HEADER_H + row * ROW_H
        shapes.append(Shape("band", 0, y, chart.width, ROW_H, ROW_SHADE, -20))
        name = word(PHASES[phase])
        shapes.append(Shape("text", 6, y, tip=name, text=name, style="phase", z=20))
        row += 1
        for step in steps:
            y = HEADER_H + row * ROW_H
            chart.rows[step.id] = row
            shapes.append(Shape("text", LABEL_X, y, tip=next(title), text=next(shown),
                                style="label", z=20))
            for server in _server_of(step):
                for kind, d0, d1 in stage_runs(stages.get(server, ())):
                    chart.band(d0, d1, y + 1, ROW_H - 2,
                               STAGE_COLORS.get(kind, COLOURS["off_day"]), -10,
                               _stage_tip(server, kind, d0, d1))
            dated = data.plan.schedule.for_step(step.id)
            if dated is not None:
                shapes.append(_bar(chart, step, dated, y, step.id in pins))
            row += 1
    shapes.append(Shape("line", chart.label_w, 0, 0, HEADER_H + row * ROW_H, COLOURS["frame"],
                        30))


def _bar(chart: ChartData, step: Step, dated: ScheduledStep, y: float, pinned: bool) -> Shape:
    colour = PHASE_COLORS.get(step.phase, COLOURS["frame_dark"])
    if step.milestone:
        return Shape("milestone", chart.x_of(dated.start) + chart.px_per_day / 2, y + ROW_H / 2,
                     colour=colour, z=10, step=step, dated=dated, pinned=pinned)
    x0 = chart.x_of(dated.start)
    x1 = chart.x_of(dated.end + timedelta(days=1))
    run = dated.unattended_run()  # a move batch runs on its own here: hatched, nobody booked
    hatch = None if run is None else (chart.x_of(run[0]) - x0,
                                      chart.x_of(run[1] + timedelta(days=1)) - x0)
    return Shape("bar", x0, y + (ROW_H - BAR_H) / 2, max(x1 - x0, 3.0), BAR_H, colour, 10,
                 step=step, dated=dated, pinned=pinned, run=hatch)


def _stage_tip(server: str, kind: str, d0: date, d1: date) -> str:
    return _tr("{server}: {kind} {start} – {end}").format(
        server=server.upper(), kind=word(STAGE_KINDS[kind]), start=format_date(d0),
        end=format_date(d1))


def _pauses(chart: ChartData, plan: Plan) -> None:
    for pause in plan.schedule.pauses:
        tip = _tr("Enforcement pause {start} – {end} ({days} days)").format(
            start=format_date(pause.start), end=format_date(pause.end), days=pause.days)
        chart.band(pause.start, pause.end, 0, chart.height, PAUSE, -5, tip)
        chart.shapes.append(Shape("text", chart.x_of(pause.start) + 2, 31, z=6, style="pause",
                                  text=_tr("Pause {days} d").format(days=pause.days)))


def _arrows(chart: ChartData, plan: Plan) -> None:
    """Each dependency as (x0, y0, x1, y1): from the predecessor's end to the step's start."""
    for step in plan.proposal.steps:
        if step.id not in chart.rows:
            continue
        succ = plan.schedule.for_step(step.id)
        if succ is None:
            continue
        y1 = HEADER_H + chart.rows[step.id] * ROW_H + ROW_H / 2
        x1 = chart.x_of(succ.start)
        for dep in step.predecessors:
            pred = plan.schedule.for_step(dep.step_id)
            if pred is None or dep.step_id not in chart.rows:
                continue
            y0 = HEADER_H + chart.rows[dep.step_id] * ROW_H + ROW_H / 2
            chart.arrows.append((chart.x_of(pred.end + timedelta(days=1)), y0, x1, y1))
