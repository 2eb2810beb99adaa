"""The report's step cards: one table per phase, each step with its reason and source.

A step whose reason opens like an earlier step's points back to it and adds only what
differs; a rule's sources stand on the first card that cites them. The workbook and MS
Project keep every text in full.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.booked_time import booked_words
from planner.core.catalogue import catalogue
from planner.core.exo_view import owner_text
from planner.core.explanation import Reason
from planner.core.knowledge import Knowledge
from planner.core.plan import Plan, Step
from planner.core.report.gantt import PHASE_COLOURS
from planner.core.report.step_order import NumberedStep, numbered_steps, phase_title
from planner.core.report.table import Row, Table
from planner.core.report.wording import Wording
from planner.core.step_source import step_source_text

__all__ = ["PhaseSection", "phase_sections", "step_widths"]


@dataclass(frozen=True)
class PhaseSection:
    """The steps of one phase."""

    title: str
    colour: str
    table: Table



_SHARED_MIN = 80  # characters; a shorter shared opening is cheaper to repeat than to point at


def _beyond_shared(first: Reason, reason: Reason | None, lang: str) -> str | None:
    """What ``reason`` says beyond the messages it shares with ``first`` ("" when it says
    nothing more), or None when they share too little to point back.

    Reasons are compared as data (message keys and fields, in order), so two steps point
    back only when they state the same facts, whatever the wording of a language.
    """
    if reason is None:
        return None
    a, b = first.parts(), reason.parts()
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    words = catalogue(lang)
    if sum(len(words.render(m)) for m in b[:n]) < _SHARED_MIN:
        return None
    return words.clauses(b[n:], capital=False)  # it follows "as for step n; here:"


def _step_row(item: NumberedStep, words: Wording, detail: str, source: str) -> Row:
    dated = item.dated
    owner = ("–" if item.step.milestone else
             booked_words(dated, words.lang) or dated.consultant
             if dated and dated.consultant else
             owner_text(words.lang, item.step.owner) if item.step.owner else
             words("customer_owner") if not item.step.needs_consultant else "–")
    return Row((str(item.number), item.wbs, item.step.title(words.lang),
                words.date(dated.start) if dated else words("not_scheduled"),
                words.date(dated.end) if dated else "–", owner), detail=detail, source=source)


def step_widths(rows: list[Row]) -> tuple[int, ...]:
    """Column widths of the steps tables, in percent: the number and WBS columns as wide as
    their longest entry (step 6000 read "600" over "0" in 5 %, WBS 4.1602.1 wrapped in 7 %),
    the step's title and reason the rest. The same for every phase."""
    digits = max((len(r.cells[0]) for r in rows), default=1)
    wbs = max((len(r.cells[1]) for r in rows), default=1)
    number = 5 if digits <= 3 else digits + 2
    code = 7 if wbs <= 7 else wbs + 1  # "4.114.1" fits in 7 %
    return (number, code, 50 - (number - 5) - (code - 7), 11, 11, 16)


def phase_sections(plan: Plan, knowledge: Knowledge, words: Wording
                   ) -> tuple[PhaseSection, ...]:
    """The step cards, one table per run of a phase, in reading order."""
    runs: list[tuple[str, str, list[Row]]] = []  # (title, colour, rows) per run of a phase
    head = tuple(words(k) for k in ("col_no", "col_wbs", "col_step", "col_start", "col_end",
                                    "col_owner"))
    # A step whose reason opens with the same long paragraph as an earlier step's (the steps
    # of one Exchange 2013 server and its milestone, the second new server's provisioning)
    # points back to it and adds only what differs; a rule's sources are written on the first
    # card that cites them, later cards name the rule and that card. Excel keeps every reason
    # and source in full.
    anchors: dict[str, tuple[Reason, int]] = {}  # by a reason's first message
    cited: dict[str, int] = {}  # a source text: the step whose card carries it
    for item in numbered_steps(plan, words.lang):
        phase = item.step.phase
        title = phase_title(phase, words.lang)
        detail = _detail(item, anchors, words)
        if not runs or runs[-1][0] != title:
            runs.append((title, PHASE_COLOURS[phase], []))
        source = step_source_text(item.step, knowledge, words.lang)
        if source in cited:
            source = _source_see_above(item.step, knowledge, words, cited[source])
        elif source:
            cited[source] = item.number
        runs[-1][2].append(_step_row(item, words, detail, source))
    widths = step_widths([r for _, _, rows in runs for r in rows])
    # number, WBS and dates on one line ("24 Aug 2027" wrapped in its 11 %)
    return tuple(PhaseSection(title, colour, Table(head, tuple(rows), widths, title, colour,
                                                   detail_col=2, nowrap=(0, 1, 3, 4)))
                 for title, colour, rows in runs)


def _detail(item: NumberedStep, anchors: dict[str, tuple[Reason, int]],
            words: Wording) -> str:
    """A step card's reason: in full, or pointing back to the earlier step whose reason opens
    the same way (``anchors``, by first message, updated with this step when it opens anew)."""
    reason = item.step.reason
    parts = reason.parts() if reason else ()
    key = repr(parts[0]) if parts else ""  # a message's fields may hold lists: its repr
    first = anchors.get(key) if parts else None
    rest = _beyond_shared(first[0], reason, words.lang) if first else None
    if first and rest == "":
        return words("reason_see_above", n=first[1])
    if first and rest:
        return words("reason_see_above_plus", n=first[1], rest=rest)
    if reason is not None and parts:
        anchors[key] = (reason, item.number)
    return item.step.why(words.lang)


def _source_see_above(step: Step, knowledge: Knowledge, words: Wording, number: int) -> str:
    """A later card's source line: the rule by its name and the step whose card cites it."""
    rule = knowledge.rules.get(step.rule)
    names = catalogue(words.lang)
    if rule is not None and names.has(rule.title_key):
        return words("source_see_above", rule=names(rule.title_key), n=number)
    return words("source_only_see_above", n=number)
