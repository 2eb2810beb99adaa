"""Builds the Gantt chart of a plan into a QGraphicsScene (no interaction here).

One pass over the plan: a row per step grouped by phase, the calendar behind (weekends,
holidays, freezes, maintenance windows), pauses as bands, each judged server's enforcement
stages behind the rows of its steps, the bars, and all dependency arrows as one path item so
a rebuild stays cheap on large estates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from planner.core.booked_time import booked_words
from planner.core.explain_text import driver_text
from planner.core.plan import Phase, Plan, ScheduledStep, Step
from planner.core.vocabulary import COLOURS, PHASES, STAGE_KINDS
from planner.gui.formats import format_date, format_month, format_weekday_date
from planner.gui.i18n import texts, word
from planner.gui.rich_text import esc, literal
from planner.gui.views.gantt_labels import distinct_labels
from planner.gui.views.gantt_layout import (
    BAR_H,
    HEADER_H,
    LABEL_W,
    MIN_LABEL_W,
    ROW_H,
    GanttBar,
    GanttLayout,
)

__all__ = [
    "PHASE_COLORS",
    "STAGE_COLORS",
    "GanttInput",
    "build_gantt_scene",
    "stage_runs",
]

PHASE_COLORS: dict[str, str] = {code: t.colour for code, t in PHASES.items()}
# Light tones: the bands sit behind the bars and must not compete with them.
STAGE_COLORS: dict[str, str] = {code: t.tint for code, t in STAGE_KINDS.items()}
_PAUSE = QColor(80, 130, 230, 45)
_FREEZE = QColor(200, 40, 40, 40)
_OFFDAY = QColor(0, 0, 0, 18)
_HOLIDAY = QColor(0, 0, 0, 34)
_WINDOW = QColor(PHASES[Phase.IN_PLACE].colour)


def _tr(text: str) -> str:
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


def _server_of(step: Step) -> set[str]:
    names = {n.lower() for n in step.exits_exo_view}
    return names | {step.server().lower()} if step.server() else names


def build_gantt_scene(scene: QGraphicsScene, data: GanttInput) -> GanttLayout:
    """Clear the scene and draw the whole chart; returns the layout for hit-testing."""
    scene.clear()
    first, last = _span(data.plan)
    layout = GanttLayout(origin=first, px_per_day=data.px_per_day,
                         label_w=max(MIN_LABEL_W, data.label_w))
    groups = _ordered_rows(data.plan)
    n_rows = sum(1 + len(steps) for _, steps in groups)
    height = HEADER_H + n_rows * ROW_H
    width = layout.x_of(last + timedelta(days=1))
    _draw_calendar(scene, data, layout, first, last, height)
    _draw_header(scene, layout, first, last, width)
    _draw_rows(scene, data, layout, groups, width)
    _draw_pauses(scene, data, layout, height)
    _draw_arrows(scene, data, layout)
    scene.setSceneRect(QRectF(0, 0, width, height))
    return layout


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


def _band(scene: QGraphicsScene, layout: GanttLayout, d0: date, d1: date,
          y: float, h: float, color: QColor, z: float, tip: str = "") -> QGraphicsRectItem:
    x0 = layout.x_of(max(d0, layout.origin))  # history before the chart stays off the labels
    rect = QRectF(x0, y, max(0.0, layout.x_of(d1 + timedelta(days=1)) - x0), h)
    item = scene.addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(color))
    item.setZValue(z)
    if tip:
        item.setToolTip(literal(tip))
    return item


def _draw_calendar(scene: QGraphicsScene, data: GanttInput, layout: GanttLayout,
                   first: date, last: date, height: float) -> None:
    cal = data.calendar
    if cal is None:
        return
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    body = height - HEADER_H
    holidays = cal.holidays(first, last)
    for d0, d1 in _runs(days, lambda d: not cal.is_working_day(d) and d not in holidays):
        _band(scene, layout, d0, d1, HEADER_H, body, _OFFDAY, -30)
    for day, name in holidays.items():
        _band(scene, layout, day, day, HEADER_H, body, _HOLIDAY, -29, f"{format_date(day)} {name}")
    for d0, d1 in _runs(days, lambda d: cal.freeze_on(d) is not None):
        freeze = cal.freeze_on(d0)
        tip = _tr("Freeze {name}: {start} – {end}").format(
            name=getattr(freeze, "name", ""), start=format_date(d0), end=format_date(d1))
        item = _band(scene, layout, d0, d1, HEADER_H, body, _FREEZE, -28, tip)
        item.setBrush(QBrush(_FREEZE.darker(150), Qt.BrushStyle.BDiagPattern))
    for d0, d1 in _runs(days, cal.is_window_day):
        item = _band(scene, layout, d0, d1, HEADER_H - 4, 4, _WINDOW, 5,
                     _tr("Maintenance window"))
        item.setBrush(QBrush(_WINDOW))


def _draw_header(scene: QGraphicsScene, layout: GanttLayout, first: date, last: date,
                 width: float) -> None:
    scene.addRect(QRectF(0, 0, width, HEADER_H), QPen(Qt.PenStyle.NoPen),
                  QBrush(QColor(COLOURS["header_band"]))).setZValue(-40)
    grid = QPen(QColor(COLOURS["grid"]))
    font = QFont()
    font.setPointSizeF(8)
    day = first
    while day <= last:
        x = layout.x_of(day)
        # the first month's name only when it does not run into the next month's
        room = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - day
        if day.day == 1 or (day == first and room.days * layout.px_per_day >= 70):
            label = scene.addSimpleText(format_month(day), font)
            label.setPos(x + 3, 2)
            scene.addLine(x, 0, x, HEADER_H, grid).setZValue(-35)
        if layout.px_per_day >= 18:
            tick = scene.addSimpleText(f"{day.day}", font)
            tick.setPos(x + 2, 20)
        elif layout.px_per_day >= 6 and day.weekday() == 0:
            tick = scene.addSimpleText(_tr("W{week}").format(week=day.isocalendar()[1]), font)
            tick.setPos(x + 2, 20)
            scene.addLine(x, 18, x, HEADER_H, grid).setZValue(-35)
        day += timedelta(days=1)


def _label_font(bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(8.5)
    font.setBold(bold)
    return font


def _label(scene: QGraphicsScene, text: str, x: float, y: float, bold: bool = False,
           shown: str = "") -> QGraphicsSimpleTextItem:
    item = scene.addSimpleText(shown or text, _label_font(bold))
    item.setToolTip(literal(text))
    item.setPos(x, y + (ROW_H - item.boundingRect().height()) / 2)
    item.setZValue(20)
    return item


def _draw_rows(scene: QGraphicsScene, data: GanttInput, layout: GanttLayout,
               groups: list[tuple[Phase, list[Step]]], width: float) -> None:
    row = 0
    stages = {k.lower(): v for k, v in data.stages.items()}
    metrics = QFontMetricsF(_label_font())
    room = layout.label_w - 16 - 6
    titles = [step.title(data.lang) for _, steps in groups for step in steps]
    shown = iter(distinct_labels(titles, lambda text: metrics.horizontalAdvance(text) <= room))
    for phase, steps in groups:
        y = HEADER_H + row * ROW_H
        scene.addRect(QRectF(0, y, width, ROW_H), QPen(Qt.PenStyle.NoPen),
                      QBrush(QColor(0, 0, 0, 10))).setZValue(-20)
        _label(scene, _phase_name(phase), 6, y, bold=True)
        row += 1
        for step in steps:
            y = HEADER_H + row * ROW_H
            layout.rows[step.id] = row
            _label(scene, step.title(data.lang), 16, y, shown=next(shown))
            for server in _server_of(step):
                for kind, d0, d1 in stage_runs(stages.get(server, ())):
                    _band(scene, layout, d0, d1, y + 1, ROW_H - 2,
                          QColor(STAGE_COLORS.get(kind, COLOURS["off_day"])), -10,
                          _stage_tip(server, kind, d0, d1))
            dated = data.plan.schedule.for_step(step.id)
            if dated is not None:
                _draw_bar(scene, data, layout, step, dated, y)
            row += 1
    scene.addLine(layout.label_w, 0, layout.label_w, HEADER_H + row * ROW_H,
                  QPen(QColor(COLOURS["frame"]))).setZValue(30)


def _draw_bar(scene: QGraphicsScene, data: GanttInput, layout: GanttLayout, step: Step,
              dated: ScheduledStep, y: float) -> None:
    color = QColor(PHASE_COLORS.get(step.phase, COLOURS["frame_dark"]))
    pinned = step.id in data.plan.decisions.pins
    tip = bar_tooltip(step, dated, data.lang, pinned, driver_text(data.plan, dated, data.lang))
    if step.milestone:
        cx = layout.x_of(dated.start) + layout.px_per_day / 2
        cy = y + ROW_H / 2
        r = BAR_H / 2
        poly = QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r),
                          QPointF(cx - r, cy)])
        diamond = QGraphicsPolygonItem(poly)
        diamond.setBrush(QBrush(color))
        diamond.setToolTip(tip)
        diamond.setZValue(10)
        scene.addItem(diamond)
        return
    x0 = layout.x_of(dated.start)
    x1 = layout.x_of(dated.end + timedelta(days=1))
    bar = GanttBar(QRectF(0, 0, max(x1 - x0, 3.0), BAR_H), step, dated, pinned)
    bar.setPos(x0, y + (ROW_H - BAR_H) / 2)
    bar.setBrush(QBrush(color))
    pen = QPen(QColor(COLOURS["black"]) if pinned else color.darker(140))
    pen.setWidthF(2.0 if pinned else 1.0)
    bar.setPen(pen)
    bar.setToolTip(tip)
    bar.setCursor(Qt.CursorShape.SizeHorCursor)
    bar.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
    run = dated.unattended_run()
    if run is not None:  # a move batch runs on its own here: hatched, nobody booked
        a, b = layout.x_of(run[0]) - x0, layout.x_of(run[1] + timedelta(days=1)) - x0
        hatch = QGraphicsRectItem(QRectF(a, 0, b - a, BAR_H), bar)
        hatch.setBrush(QBrush(QColor(COLOURS["paper"]), Qt.BrushStyle.BDiagPattern))
        hatch.setPen(QPen(Qt.PenStyle.NoPen))
        hatch.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the bar is dragged
    scene.addItem(bar)
    layout.bars[step.id] = bar


def bar_tooltip(step: Step, dated: ScheduledStep, lang: str, pinned: bool,
                driver: str = "") -> str:
    """The hover text: title, dates, who, and what drove the start date (data escaped)."""
    days = (dated.end - dated.start).days + 1
    lines = [
        f"<b>{esc(step.title(lang))}</b>",
        esc(_tr("{start} – {end} ({days}, {work})").format(
            start=format_weekday_date(dated.start), end=format_weekday_date(dated.end),
            days=texts().plural("gui.gantt.calendar_days", days),
            work=texts().plural("gui.gantt.working_days", step.duration_days))),
    ]
    booked = booked_words(dated, lang)  # a move batch: set-up and completion, unattended between
    if booked:
        lines.append(esc(booked))
    elif dated.consultant:
        lines.append(esc(_tr("Consultant: {name}").format(name=dated.consultant)))
    if driver:
        lines.append(esc(_tr("Date driven by: {driver}").format(driver=driver)))
    if pinned:
        lines.append(esc(_tr("Pinned by you (drag to move, right-click to unpin)")))
    else:
        lines.append(esc(_tr("Drag to pin to another day")))
    return "<br>".join(lines)


def _stage_tip(server: str, kind: str, d0: date, d1: date) -> str:
    return _tr("{server}: {kind} {start} – {end}").format(
        server=server.upper(), kind=word(STAGE_KINDS[kind]), start=format_date(d0),
        end=format_date(d1))


def _phase_name(phase: Phase) -> str:
    return word(PHASES[phase])


def _draw_pauses(scene: QGraphicsScene, data: GanttInput, layout: GanttLayout,
                 height: float) -> None:
    for pause in data.plan.schedule.pauses:
        tip = _tr("Enforcement pause {start} – {end} ({days} days)").format(
            start=format_date(pause.start), end=format_date(pause.end), days=pause.days)
        _band(scene, layout, pause.start, pause.end, 0, height, _PAUSE, -5, tip)
        font = QFont()
        font.setPointSizeF(7.5)
        text = scene.addSimpleText(_tr("Pause {days} d").format(days=pause.days), font)
        text.setBrush(QBrush(QColor(COLOURS["link_text"])))
        text.setPos(layout.x_of(pause.start) + 2, 31)
        text.setZValue(6)


def _draw_arrows(scene: QGraphicsScene, data: GanttInput, layout: GanttLayout) -> None:
    path = QPainterPath()
    heads = QPainterPath()
    for step in data.plan.proposal.steps:
        if step.id not in layout.rows:
            continue
        succ = data.plan.schedule.for_step(step.id)
        if succ is None:
            continue
        y1 = HEADER_H + layout.rows[step.id] * ROW_H + ROW_H / 2
        x1 = layout.x_of(succ.start)
        for dep in step.predecessors:
            pred = data.plan.schedule.for_step(dep.step_id)
            if pred is None or dep.step_id not in layout.rows:
                continue
            x0 = layout.x_of(pred.end + timedelta(days=1))
            y0 = HEADER_H + layout.rows[dep.step_id] * ROW_H + ROW_H / 2
            path.moveTo(x0, y0)
            path.lineTo(x0 + 4, y0)
            path.lineTo(x0 + 4, y1)
            path.lineTo(x1, y1)
            heads.addPolygon(QPolygonF([QPointF(x1, y1), QPointF(x1 - 5, y1 - 3),
                                        QPointF(x1 - 5, y1 + 3), QPointF(x1, y1)]))
    pen = QPen(QColor(60, 60, 60, 150))
    pen.setWidthF(0.8)
    scene.addPath(path, pen).setZValue(8)
    scene.addPath(heads, QPen(Qt.PenStyle.NoPen), QBrush(QColor(60, 60, 60, 180))).setZValue(8)
