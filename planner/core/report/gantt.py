"""The Gantt figure: phases, steps, milestones and enforcement pauses, split into parts.

A long plan does not fit one page, so the rows are cut into parts of at most
``ROWS_PER_PART``; every part repeats the task column and the date axis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.plan import Phase, Plan
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
from planner.core.report.step_order import NumberedStep, numbered_steps, phase_title
from planner.core.report.time_axis import TimeAxis
from planner.core.report.wording import Wording
from planner.core.vocabulary import COLOURS, PHASES, STAGE_KINDS, StageKind

__all__ = ["PAUSE_COLOUR", "PHASE_COLOURS", "gantt_figures"]

PHASE_COLOURS: dict[str, str] = {code: t.colour for code, t in PHASES.items()}
PAUSE_COLOUR = STAGE_KINDS[StageKind.PAUSED].tint
FREEZE_COLOUR = COLOURS["freeze"]

ROWS_PER_PART = 40
ROW_H = 13.0
HEAD_H = 16.0
TASK_W = 200.0


@dataclass(frozen=True)
class _Row:
    phase: Phase
    item: NumberedStep | None  # None: the phase's heading row


def _rows(plan: Plan, words: Wording) -> list[_Row]:
    rows: list[_Row] = []
    for numbered in numbered_steps(plan, words.lang):
        if not rows or rows[-1].phase != numbered.step.phase:
            rows.append(_Row(numbered.step.phase, None))
        rows.append(_Row(numbered.step.phase, numbered))
    return rows


def _parts(rows: list[_Row]) -> list[list[_Row]]:
    """Even parts of at most ROWS_PER_PART rows; a phase heading never ends a part."""
    if not rows:
        return []
    count = -(-len(rows) // ROWS_PER_PART)
    size = -(-len(rows) // count)
    parts: list[list[_Row]] = []
    i = 0
    while i < len(rows):
        end = min(i + size, len(rows))
        if end < len(rows) and rows[end - 1].item is None:
            end -= 1
        parts.append(rows[i:end])
        i = end
    return parts


def _range(plan: Plan) -> tuple[date, date]:
    days = [d for s in plan.schedule.steps for d in (s.start, s.end)]
    if not days:
        start = plan.settings.start
        return start, start + timedelta(days=27)
    first, last = min(days), max(days)
    pad = max((last - first).days // 40, 2)
    return first - timedelta(days=pad), last + timedelta(days=pad)


def _row_items(row: _Row, y: float, axis: TimeAxis, words: Wording) -> list[Item]:
    colour = PHASE_COLOURS[row.phase]
    if row.item is None:
        return [Label(2, y, TASK_W - 4, ROW_H, phase_title(row.phase, words.lang), 7.0,
                      colour, bold=True)]
    numbered = row.item
    text = f"{numbered.number}  {numbered.step.title(words.lang)}"
    items: list[Item] = [Label(8, y, TASK_W - 10, ROW_H, text, 6.6)]
    dated = numbered.dated
    if dated is None:
        items.append(Label(axis.x0 + 2, y, 120, ROW_H, words("not_scheduled"), 6.0, MUTED))
    elif numbered.step.milestone:
        cx, cy, r = axis.x(dated.start), y + ROW_H / 2, 4.0
        items.append(Polygon(((cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)), INK))
        if cx + r + 50 <= FIGURE_WIDTH:
            items.append(Label(cx + r + 2, y, 48, ROW_H, words.date(dated.start), 5.8, MUTED))
        else:  # no room on the right: put the date before the diamond
            items.append(Label(cx - r - 50, y, 48, ROW_H, words.date(dated.start), 5.8, MUTED,
                               align="right"))
    else:
        left, width = axis.span(dated.start, dated.end)
        fill = colour if numbered.step.needs_consultant else COLOURS["paper"]
        items.append(Box(left, y + 3, width, ROW_H - 6, fill, colour, 0.6, 1.2))
    return items


def _part_figure(plan: Plan, part: list[_Row], index: int, words: Wording) -> Figure:
    first, last = _range(plan)
    axis = TimeAxis(first, last, TASK_W, FIGURE_WIDTH - TASK_W)
    body_top = HEAD_H
    body_bottom = body_top + len(part) * ROW_H
    items: list[Item] = []
    for pause in plan.schedule.pauses:
        left, width = axis.span(pause.start, pause.end)
        items.append(Box(left, body_top, width, body_bottom - body_top, PAUSE_COLOUR))
    for freeze in plan.settings.freezes:
        left, width = axis.span(freeze.start, freeze.end)
        items.append(Box(left, body_top, width, body_bottom - body_top, FREEZE_COLOUR))
    items += axis.draw(0, HEAD_H, body_bottom, words)
    for i, row in enumerate(part):
        y = body_top + i * ROW_H
        if i % 2 == 0:
            items.insert(0, Box(0, y, FIGURE_WIDTH, ROW_H, COLOURS["panel"]))
        items += _row_items(row, y, axis, words)
    items.append(Segment(TASK_W, 0, TASK_W, body_bottom, GRID, 0.6))
    items.append(Segment(0, body_bottom, FIGURE_WIDTH, body_bottom, GRID, 0.6))
    items += _legend(plan, body_bottom + 4, words)
    height = body_bottom + 4 + _legend_height(plan, words)
    return Figure(f"gantt-{index}", FIGURE_WIDTH, height, tuple(items))


def _legend(plan: Plan, y: float, words: Wording) -> list[Item]:
    items: list[Item] = []
    x = 0.0
    used = [p for p in Phase if p != Phase.MILESTONE
            and any(s.phase == p for s in plan.proposal.steps)]
    entries: list[tuple[str, str]] = [(PHASE_COLOURS[p], phase_title(p, words.lang)) for p in used]
    if any(not s.needs_consultant and not s.milestone for s in plan.proposal.steps):
        entries.append((COLOURS["paper"], words("legend_customer")))
    if plan.schedule.pauses:
        entries.append((PAUSE_COLOUR, words(STAGE_KINDS[StageKind.PAUSED].label_key)))
    first, last = _range(plan)
    if any(f.start <= last and f.end >= first for f in plan.settings.freezes):
        entries.append((FREEZE_COLOUR, words("legend_freeze")))
    for colour, text in entries:
        width = text_width(text, 6.0) + 22
        if x + width > FIGURE_WIDTH:
            x, y = 0.0, y + 12
        items.append(Box(x, y + 5, 8, 8, colour, "#9aa5b1", 0.4))
        items.append(Label(x + 11, y, width - 11, 18, text, 6.0, MUTED))
        x += width
    return items


def _legend_height(plan: Plan, words: Wording) -> float:
    items = _legend(plan, 0.0, words)
    return max((i.y + 18 for i in items if isinstance(i, Label)), default=0.0)


def gantt_figures(plan: Plan, words: Wording) -> tuple[Figure, ...]:
    """One Gantt figure per part; empty when the plan has no steps."""
    parts = _parts(_rows(plan, words))
    return tuple(_part_figure(plan, part, i, words) for i, part in enumerate(parts, 1))
