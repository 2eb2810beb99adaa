"""The Gantt figure: phases, steps, milestones and enforcement pauses, split into parts.

A long plan does not fit one page, so the rows are cut into parts of at most
``ROWS_PER_PART``; every part repeats the task column and the date axis (months above ISO
weeks). Pauses are drawn above change freezes, the plan's as-of date is a red line, links
between steps of one part are thin elbow lines, and a label too long for the task column
keeps the part that tells it from its neighbours ("… batch 2/3").
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
FREEZE_STRIP = 6.0  # points: the freeze over a pause band (the mixed sample's year end)

ROWS_PER_PART = 40
ROW_H = 13.0
HEAD_H = 24.0  # months above ISO weeks
TASK_W = 200.0
LABEL_SIZE = 6.6
TODAY_COLOUR = COLOURS["today"]
LINK_COLOUR = COLOURS["link"]


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
    """Parts of ROWS_PER_PART rows (a page each), the last one shorter; a phase heading never
    ends a part. Full parts leave no half-empty page before the chart continues overleaf."""
    parts: list[list[_Row]] = []
    i = 0
    while i < len(rows):
        end = min(i + ROWS_PER_PART, len(rows))
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
    # most of a week after the last day: the closing milestone's diamond and its week's
    # label stay inside the chart (with two days the diamond sat on the border, no label)
    return first - timedelta(days=pad), last + timedelta(days=max(pad, 6))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def fit_label(text: str, neighbours: tuple[str, ...], width: float,
              size: float = LABEL_SIZE) -> str:
    """``text`` cut to ``width`` so that it still tells its row from the ``neighbours``.

    The end in which it differs from its most alike neighbour stays whole ("… (2/4)"); of
    the opening the label keeps whole words, as many as fit but at least as many as tell it
    from every other row with that end ("HealthChecker and … EX01" against "HealthChecker
    after … EX01"). Without such a label the title is simply cut at the end."""
    if text_width(text, size) <= width:
        return text
    others = tuple(n for n in neighbours if n != text)
    shared = max((_common_prefix(text, n) for n in others), default=0)
    if shared < len(text):  # keep the whole word in which the rows start to differ
        shared = text.rfind(" ", 0, max(shared - 1, 0)) + 1
    tail = text[shared:].lstrip()
    ends = [i for i in range(1, shared - 1) if text[i] == " " and text[i - 1] != " "]
    label = ""
    for end in ends:
        opening = text[:end]
        candidate = f"{opening} … {tail}"
        if text_width(candidate, size) > width:
            break
        if label or not any(o.startswith(opening) and o.endswith(tail) for o in others):
            label = candidate  # unambiguous; a further word only if it fits
    return label or _cut(text, width, size)


def _cut(text: str, width: float, size: float) -> str:
    while len(text) > 1 and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def label_fits(label: str, title: str) -> bool:
    """Whether a reader could take ``label`` for a row titled ``title``."""
    if " … " in label:
        opening, tail = label.split(" … ", 1)
        return title.startswith(opening) and title.endswith(tail)
    if label.endswith("…"):
        return title.startswith(label[:-1].rstrip())
    return label == title


def _fitted_titles(part: list[_Row], words: Wording) -> list[str]:
    """Each step row's title cut to the label column so that rows with different titles read
    differently; "" for a phase row."""
    titles = _titles(part, words)
    neighbours = tuple(t for t in titles if t)  # every row: move batches are not adjacent
    widths = [TASK_W - 12 - text_width(f"{r.item.number}  ", LABEL_SIZE) if r.item else 0.0
              for r in part]
    fitted = [fit_label(t, neighbours, w) if t else "" for t, w in zip(titles, widths,
                                                                         strict=True)]
    for i, label in enumerate(fitted):
        # a label another row's title could also carry: the title cut at its end instead
        if label and label != titles[i] and any(
                t != titles[i] and label_fits(label, t) for t in neighbours):
            fitted[i] = _cut(titles[i], widths[i], LABEL_SIZE)
    return fitted


def _row_items(row: _Row, y: float, axis: TimeAxis, words: Wording,
               title: str = "") -> list[Item]:
    colour = PHASE_COLOURS[row.phase]
    if row.item is None:
        return [Label(2, y, TASK_W - 4, ROW_H, phase_title(row.phase, words.lang), 7.0,
                      colour, bold=True)]
    numbered = row.item
    number = f"{numbered.number}  "
    items: list[Item] = [Label(8, y, TASK_W - 10, ROW_H, number + title, LABEL_SIZE)]
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


def _titles(part: list[_Row], words: Wording) -> list[str]:
    return [r.item.step.title(words.lang) if r.item else "" for r in part]


def _links(part: list[_Row], axis: TimeAxis, top: float) -> list[Item]:
    """Elbow lines from each predecessor's bar end to its successor's start, within a part."""
    where = {r.item.step.id: (i, r.item) for i, r in enumerate(part)
             if r.item is not None and r.item.dated is not None}
    items: list[Item] = []
    for i, row in enumerate(part):
        if row.item is None or row.item.dated is None:
            continue
        to_x = axis.x(row.item.dated.start)
        to_y = top + i * ROW_H + ROW_H / 2
        for dep in row.item.step.predecessors:
            found = where.get(dep.step_id)
            if found is None or found[1].dated is None:
                continue
            j, pred = found
            assert pred.dated is not None
            from_x = axis.x(pred.dated.end + timedelta(days=1))
            from_y = top + j * ROW_H + ROW_H / 2
            elbow = max(from_x, to_x - 2.0)
            items += [Segment(from_x, from_y, elbow, from_y, LINK_COLOUR, 0.35),
                      Segment(elbow, from_y, elbow, to_y, LINK_COLOUR, 0.35),
                      Segment(elbow, to_y, max(to_x, elbow), to_y, LINK_COLOUR, 0.35)]
    return items


def _part_figure(plan: Plan, part: list[_Row], index: int, words: Wording,
                 today: date | None) -> Figure:
    first, last = _range(plan)
    axis = TimeAxis(first, last, TASK_W, FIGURE_WIDTH - TASK_W)
    body_top = HEAD_H
    body_bottom = body_top + len(part) * ROW_H
    items: list[Item] = []
    # Freezes first, pauses over them: a pause across the year-end freeze reads as one band;
    # the freeze's strip at the top still shows it.
    for freeze in plan.settings.freezes:
        left, width = axis.span(freeze.start, freeze.end)
        items.append(Box(left, body_top, width, body_bottom - body_top, FREEZE_COLOUR))
    for pause in plan.schedule.pauses:
        left, width = axis.span(pause.start, pause.end)
        items.append(Box(left, body_top, width, body_bottom - body_top, PAUSE_COLOUR))
    for freeze in plan.settings.freezes:  # and a strip on top, so a pause hides no freeze
        left, width = axis.span(freeze.start, freeze.end)
        items.append(Box(left, body_top, width, FREEZE_STRIP, FREEZE_COLOUR))
    items += axis.draw_months_and_weeks(0, HEAD_H, body_bottom, words)
    titles = _fitted_titles(part, words)
    for i, row in enumerate(part):
        y = body_top + i * ROW_H
        if i % 2 == 0:
            items.insert(0, Box(0, y, FIGURE_WIDTH, ROW_H, COLOURS["panel"]))
        items += _row_items(row, y, axis, words, titles[i])
    items += _links(part, axis, body_top)
    if today is not None and first <= today <= last:
        x = axis.x(today)
        items.append(Segment(x, HEAD_H - 4, x, body_bottom, TODAY_COLOUR, 0.9))
    items.append(Segment(TASK_W, 0, TASK_W, body_bottom, GRID, 0.6))
    items.append(Segment(0, body_bottom, FIGURE_WIDTH, body_bottom, GRID, 0.6))
    items += _legend(plan, body_bottom + 4, words, today)
    height = body_bottom + 4 + _legend_height(plan, words, today)
    return Figure(f"gantt-{index}", FIGURE_WIDTH, height, tuple(items))


def _legend(plan: Plan, y: float, words: Wording, today: date | None = None) -> list[Item]:
    """Every colour and mark the chart uses, in words."""
    items: list[Item] = []
    x = 0.0
    used = [p for p in Phase if p != Phase.MILESTONE
            and any(s.phase == p for s in plan.proposal.steps)]
    entries: list[tuple[str, str, str]] = [("box", PHASE_COLOURS[p], phase_title(p, words.lang))
                                           for p in used]
    if any(not s.needs_consultant and not s.milestone for s in plan.proposal.steps):
        entries.append(("box", COLOURS["paper"], words("legend_customer")))
    if any(s.milestone for s in plan.proposal.steps):
        entries.append(("diamond", INK, phase_title(Phase.MILESTONE, words.lang)))
    if plan.schedule.pauses:
        entries.append(("box", PAUSE_COLOUR, words(STAGE_KINDS[StageKind.PAUSED].label_key)))
    first, last = _range(plan)
    if any(f.start <= last and f.end >= first for f in plan.settings.freezes):
        entries.append(("box", FREEZE_COLOUR, words("legend_freeze")))
    if any(s.predecessors for s in plan.proposal.steps):
        entries.append(("line", LINK_COLOUR, words("legend_link")))
    if today is not None and first <= today <= last:
        entries.append(("line", TODAY_COLOUR, words("legend_today", date=words.date(today))))
    for kind, colour, text in entries:
        width = text_width(text, 6.0) + 22
        if x + width > FIGURE_WIDTH:
            x, y = 0.0, y + 12
        if kind == "box":
            items.append(Box(x, y + 5, 8, 8, colour, COLOURS["frame"], 0.4))
        elif kind == "diamond":
            cx, cy = x + 4, y + 9
            items.append(Polygon(((cx, cy - 4), (cx + 4, cy), (cx, cy + 4), (cx - 4, cy)),
                                 colour))
        else:
            items.append(Segment(x, y + 9, x + 8, y + 9, colour, 1.0))
        items.append(Label(x + 11, y, width - 11, 18, text, 6.0, MUTED))
        x += width
    return items


def _legend_height(plan: Plan, words: Wording, today: date | None = None) -> float:
    items = _legend(plan, 0.0, words, today)
    return max((i.y + 18 for i in items if isinstance(i, Label)), default=0.0)


def gantt_figures(plan: Plan, words: Wording, today: date | None = None) -> tuple[Figure, ...]:
    """One Gantt figure per part; empty when the plan has no steps. ``today`` (the plan's
    as-of date when not given) is drawn as a line when it falls in the chart."""
    today = today or plan.as_of
    parts = _parts(_rows(plan, words))
    return tuple(_part_figure(plan, part, i, words, today) for i, part in enumerate(parts, 1))
