"""The enforcement timeline: each judged server's stage day by day, pauses and cutover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.enforcement import daily_stages
from planner.core.knowledge import Knowledge
from planner.core.plan import Exposure, Plan
from planner.core.report.figure import (
    FIGURE_WIDTH,
    GRID,
    INK,
    MUTED,
    Box,
    Figure,
    Item,
    Label,
    Polygon,
    Segment,
    text_width,
)
from planner.core.report.time_axis import TimeAxis
from planner.core.report.wording import Wording
from planner.core.vocabulary import COLOURS, ENFORCEMENT_STAGE_COLOURS, STAGE_KINDS, StageKind

__all__ = ["STAGE_COLOURS", "Band", "plan_end", "stage_bands", "timeline_figures"]

# Report only is pale; throttling warms up to orange; blocking deepens to dark red.
STAGE_COLOURS = ENFORCEMENT_STAGE_COLOURS
PAUSED_COLOUR = STAGE_KINDS[StageKind.PAUSED].colour
ROWS_PER_PART = 30
ROW_H = 16.0
HEAD_H = 16.0
NAME_W = 110.0
MAX_DAYS = 3 * 366  # older history is cut so the plan period stays readable


@dataclass(frozen=True)
class Band:
    """Consecutive days in the same stage (or paused), both ends inclusive."""

    start: date
    end: date
    stage: int
    kind: str


def plan_end(plan: Plan) -> date:
    """The last day the report looks at: the plan's finish, else its start plus a year."""
    ends = [s.end for s in plan.schedule.steps]
    ends += [e.cutover for e in plan.schedule.exposure if e.cutover]
    finish = plan.schedule.objective.finish
    if finish:
        ends.append(finish)
    return max(ends) if ends else plan.settings.start + timedelta(days=365)


def stage_bands(exposure: Exposure, plan: Plan, knowledge: Knowledge) -> tuple[Band, ...]:
    """The server's days under this plan, merged into bands of the same stage."""
    bands: list[Band] = []
    days = daily_stages(exposure, plan.schedule.pauses, knowledge.policy, plan_end(plan))
    for entry in days:
        last = bands[-1] if bands else None
        if last and last.stage == entry.stage and last.kind == entry.kind:
            bands[-1] = Band(last.start, entry.day, last.stage, last.kind)
        else:
            bands.append(Band(entry.day, entry.day, entry.stage, entry.kind))
    return tuple(bands)


def _colour(band: Band) -> str:
    if band.kind == StageKind.PAUSED:
        return PAUSED_COLOUR
    return STAGE_COLOURS.get(band.stage, STAGE_COLOURS[8])


def _row(exposure: Exposure, bands: tuple[Band, ...], y: float, axis: TimeAxis) -> list[Item]:
    items: list[Item] = [Label(2, y, NAME_W - 4, ROW_H, exposure.server, 7.0, bold=True)]
    for band in bands:
        if band.end < axis.first:
            continue
        left, width = axis.span(band.start, band.end)
        items.append(Box(left, y + 3, width, ROW_H - 6, _colour(band)))
    if exposure.cutover and axis.first <= exposure.cutover <= axis.last:
        cx, cy, r = axis.x(exposure.cutover + timedelta(days=1)), y + ROW_H / 2, 4.5
        items.append(Polygon(((cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)),
                             INK, COLOURS["paper"]))
    return items


def _legend(y: float, words: Wording, start: date | None) -> list[Item]:
    """Every colour and mark of the strips in words, wrapped to the figure's width; the
    dashed line (the plan's start, history before it) only when the strips show it."""
    entries: list[tuple[str, str, str]] = [
        ("box", STAGE_COLOURS[1], words(STAGE_KINDS[StageKind.REPORT].label_key)),
        ("box", STAGE_COLOURS[3], words(STAGE_KINDS[StageKind.THROTTLE].label_key)),
        ("box", STAGE_COLOURS[7], words(STAGE_KINDS[StageKind.BLOCK].label_key)),
        ("box", PAUSED_COLOUR, words(STAGE_KINDS[StageKind.PAUSED].label_key)),
        ("diamond", INK, words("legend_cutover")),
    ]
    if start is not None:
        entries.append(("dashed", MUTED, words("legend_plan_start", date=words.date(start))))
    items: list[Item] = []
    x = 0.0
    for kind, colour, text in entries:
        width = text_width(text, 6.0) + 22
        if x + width > FIGURE_WIDTH:
            x, y = 0.0, y + 12
        if kind == "box":
            items.append(Box(x, y + 5, 8, 8, colour))
        elif kind == "diamond":
            r, cx, cy = 4.0, x + 4, y + 9
            items.append(Polygon(((cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)),
                                 colour))
        else:
            items.append(Segment(x + 4, y + 4, x + 4, y + 14, colour, 0.6, dashed=True))
        items.append(Label(x + 11, y, width - 11, 18, text, 6.0, MUTED))
        x += width
    return items


def timeline_figures(plan: Plan, knowledge: Knowledge, words: Wording) -> tuple[Figure, ...]:
    """One figure per block of judged servers; empty when Exchange Online judges none."""
    rows = [(e, stage_bands(e, plan, knowledge)) for e in plan.schedule.exposure]
    rows = [(e, b) for e, b in rows if b]
    if not rows:
        return ()
    last = max(b[-1].end for _, b in rows) + timedelta(days=10)
    first = min(b[0].start for _, b in rows) - timedelta(days=3)
    first = max(first, last - timedelta(days=MAX_DAYS))
    axis = TimeAxis(first, last, NAME_W, FIGURE_WIDTH - NAME_W)
    figures: list[Figure] = []
    for part, i in enumerate(range(0, len(rows), ROWS_PER_PART), 1):
        chunk = rows[i:i + ROWS_PER_PART]
        bottom = HEAD_H + len(chunk) * ROW_H
        items: list[Item] = []
        start = plan.settings.start if axis.first <= plan.settings.start <= axis.last else None
        if start is not None:
            x = axis.x(start)
            items.append(Segment(x, HEAD_H, x, bottom, MUTED, 0.6, dashed=True))
        items += axis.draw(0, HEAD_H, bottom, words)
        for k, (exposure, bands) in enumerate(chunk):
            items += _row(exposure, bands, HEAD_H + k * ROW_H, axis)
        items.append(Segment(NAME_W, 0, NAME_W, bottom, GRID, 0.6))
        items.append(Segment(0, bottom, FIGURE_WIDTH, bottom, GRID, 0.6))
        legend = _legend(bottom + 4, words, start)
        items += legend
        height = max(i.y + 18 for i in legend if isinstance(i, Label)) + 2
        figures.append(Figure(f"timeline-{part}", FIGURE_WIDTH, height, tuple(items)))
    return tuple(figures)
