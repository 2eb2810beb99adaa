"""The plan as an outline: phase → target → step, with WBS numbers, task ids and links.

Excel, MS Project and the report show the same outline, so a customer can say "task 12"
in any of them and mean the same thing. Task ids count every outline row from 1,
summaries included, exactly as MS Project numbers its rows; predecessor text uses MS
Project's notation (``12FS``, ``14SS+2d``; German ``12EA``, ``14AA+2T``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from planner.core.catalogue import FALLBACK, Catalogue, catalogue
from planner.core.explanation import Message, message
from planner.core.implied_links import implied_links
from planner.core.model import Finding, LogPlace
from planner.core.plan import Dependency, Phase, Plan, ScheduledStep, Step
from planner.core.vocabulary import PHASES, Entity

__all__ = [
    "LINK_TYPES",
    "Outline",
    "OutlineRow",
    "build_outline",
    "finding_area",
    "finding_location",
    "finding_place",
    "finding_source",
    "predecessor_text",
    "target_label",
    "target_message",
]

# MS Project's link type codes in MSPDI, and its German abbreviations.
LINK_TYPES: Mapping[str, int] = {"FF": 0, "FS": 1, "SF": 2, "SS": 3}
_PHASE_ORDER: Mapping[Phase, int] = {phase: i for i, phase in enumerate(Phase)}


@dataclass(frozen=True)
class OutlineRow:
    """One row of the outline: a phase or target summary, or a step."""

    id: int  # MS Project task id; also the number predecessor text refers to
    wbs: str  # "2.1.3"
    level: int  # 1 = phase, 2 = target, 3 = step
    title: str
    phase: Phase
    target: str
    start: date | None
    end: date | None
    step: Step | None = None  # None on summary rows
    dated: ScheduledStep | None = None

    @property
    def summary(self) -> bool:
        """True for phase and target rows."""
        return self.step is None


@dataclass(frozen=True)
class Outline:
    """All outline rows in display order, and the task id of every step."""

    rows: tuple[OutlineRow, ...]
    ids: Mapping[str, int]  # step id -> task id
    implied: Mapping[str, frozenset[str]] = field(default_factory=dict)  # links not drawn

    def links(self, row: OutlineRow) -> tuple[tuple[int, Dependency], ...]:
        """The predecessors of a step row that are in the outline, with their task ids; a
        finish-to-start link the others imply is left out (see :mod:`implied_links`)."""
        if row.step is None:
            return ()
        implied = self.implied.get(row.step.id, frozenset())
        return tuple((self.ids[d.step_id], d) for d in row.step.predecessors
                     if d.step_id in self.ids
                     and not (d.step_id in implied and d.type.upper() == "FS"
                              and d.lag_days == 0))

    def predecessors(self, row: OutlineRow, lang: str) -> str:
        """The predecessor column of a row in MS Project notation."""
        return predecessor_text(self.links(row), lang)


# Target prefixes the core writes that the vocabulary spells differently.
_TARGET_ALIASES = {"relay_client": "relay", "organization": "org"}


def target_label(target: str, lang: str) -> str:
    """A readable name for a step or finding target such as ``server:EX01`` or ``org``.

    A prefix without a text (an unknown kind) shows only the name after the colon.
    """
    kind, _, name = target.partition(":")
    kind = _TARGET_ALIASES.get(kind, kind) or Entity.ORG
    cat = catalogue(lang)
    # an import may name thousands of targets: look each kind's text up once per catalogue
    known = _TARGET_TEXTS.get((lang, kind))
    if known is None or known[0] is not cat:
        key = f"vocabulary.target.{kind}"
        text = cat.message(key) if cat.has(key) else None
        known = (cat, text if isinstance(text, str) else None)
        if len(_TARGET_TEXTS) < 256:  # kinds are few; a hostile file must not grow this
            _TARGET_TEXTS[(lang, kind)] = known
    if known[1] is not None:
        return known[1].format(name=name)
    return _readable(name) or cat("vocabulary.target.org")


_CODE_PREFIX = re.compile(r"^(?:[a-z][a-z0-9_]*:)+")  # "send:", "sbs:send:" (code words)


def _readable(name: str) -> str:
    """The name of an unknown kind's target without the code words in front of it: a step
    id as a target ("sbs:send:DAG001") showed "send:DAG001"; a name of the customer's own
    ("Outbound: EU") keeps its colon."""
    return _CODE_PREFIX.sub("", name)


_TARGET_TEXTS: dict[tuple[str, str], tuple[Catalogue, str | None]] = {}


def target_message(target: str) -> Message | str:
    """A target such as ``server:EX01`` as a message ("Server EX01" / "Server EX01"); a
    kind without words is only its name, never the code."""
    kind, _, name = target.partition(":")
    key = _TARGET_KEYS.get(kind)
    if key is None:
        alias = _TARGET_ALIASES.get(kind, kind) or Entity.ORG
        key = f"vocabulary.target.{alias}"
        if not catalogue(FALLBACK).has(key):
            key = ""
        if len(_TARGET_KEYS) < 256:  # kinds are few; a hostile file must not grow this
            _TARGET_KEYS[kind] = key
    if key:
        return message(key, name=name)
    return _readable(name) or message("vocabulary.target.org")


# a target kind's catalogue key ("" when the kind has no words); an import names thousands
_TARGET_KEYS: dict[str, str] = {}


def finding_place(finding: Finding, lang: str) -> str:
    """Where a finding points, in words: ``Bestand.xlsx › Server › Zeile 7 › Build``, the
    transport logs that show it (``Transport logs of EX01 › receive connector Relay ›
    client 10.1.2.3``), or the entity it concerns (``Server EX01``), never a code such as
    ``server:EX01``."""
    cat = catalogue(lang)
    if finding.file or finding.sheet or finding.row is not None or finding.column:
        row = cat("common.row_n", n=finding.row) if finding.row is not None else ""
        column = finding.column
        if column.isascii() and column.isalpha() and column.isupper() and len(column) <= 3:
            column = cat("common.column_n", letter=column)  # a sheet's column letter
        return " › ".join(p for p in (finding.file, finding.sheet, row, column) if p)
    if finding.log_place is not None:
        return _log_place_words(finding.log_place, cat)
    if not finding.target:
        return "–"
    kind = finding.target.partition(":")[0]
    if cat.has(f"common.where.{kind}"):
        return cat(f"common.where.{kind}")
    return target_label(finding.target, lang)


def finding_location(finding: Finding, lang: str) -> str:
    """The cell a finding points at, in words (``Bestand.xlsx › Server › Zeile 7 › E``);
    "" when it concerns an entity rather than a place in an input file."""
    if finding.file or finding.sheet or finding.row is not None or finding.column:
        return finding_place(finding, lang)
    return ""


def finding_source(finding: Finding, lang: str) -> str:
    """The input cell or the transport logs a finding comes from, in words; "" when it
    concerns an entity only (the GUI shows that beside it)."""
    location = finding_location(finding, lang)
    if location or finding.log_place is None:
        return location
    return _log_place_words(finding.log_place, catalogue(lang))


def _log_place_words(place: LogPlace, words: Catalogue) -> str:
    """``Transport logs of EX01 › receive connector Relay › client 10.1.2.3``: the parts
    the place knows, the logs of every server where it names none."""
    logs = (words("common.log_place.servers", servers=words.names(place.servers))
            if place.servers else words("common.log_place.all"))
    connector = words("common.log_place.connector", connector=place.connector) \
        if place.connector else ""
    client = words("common.log_place.client", client=place.client) if place.client else ""
    return " › ".join(p for p in (logs, connector, client) if p)


def finding_area(finding: Finding, lang: str) -> str:
    """Which part of the planner a finding comes from, in words ("Input files"); its code
    is a support reference, never the headline."""
    cat = catalogue(lang)
    key = f"vocabulary.finding_area.{finding.code.partition('-')[0]}"
    return cat(key) if cat.has(key) else cat("vocabulary.finding_area.other")


def predecessor_text(links: Iterable[tuple[int, Dependency]], lang: str) -> str:
    """``12FS;14SS+2d`` (German ``12EA;14AA+2T``) for a step's links."""
    parts = []
    for task_id, dep in links:
        kind = dep.type.upper()
        t = catalogue(lang)
        code = t(f"export.link.{kind}") if t.has(f"export.link.{kind}") else kind
        lag = t("export.link.lag", days=f"{dep.lag_days:+d}") if dep.lag_days else ""
        parts.append(f"{task_id}{code}{lag}")
    return ";".join(parts)


def _span(rows: Sequence[OutlineRow]) -> tuple[date | None, date | None]:
    starts = [r.start for r in rows if r.start is not None]
    ends = [r.end for r in rows if r.end is not None]
    return (min(starts) if starts else None, max(ends) if ends else None)


def _order_key(row: OutlineRow, position: int) -> tuple[date, int]:
    return (row.start or date.max, position)


def _step_rows(plan: Plan, lang: str) -> dict[Phase, dict[str, list[OutlineRow]]]:
    """Step rows (ids and WBS still unset) grouped by phase, then by target."""
    grouped: dict[Phase, dict[str, list[OutlineRow]]] = {}
    dates = {s.step_id: s for s in plan.schedule.steps}  # for_step() scans; plans can be big
    for position, step in enumerate(plan.proposal.steps):
        dated = dates.get(step.id)
        row = OutlineRow(0, str(position), 3, step.title(lang), step.phase, step.target,
                         dated.start if dated else None, dated.end if dated else None,
                         step, dated)
        grouped.setdefault(step.phase, {}).setdefault(step.target, []).append(row)
    return grouped


def build_outline(plan: Plan, lang: str) -> Outline:
    """Number the plan's steps as phase → target → step, ordered by date within each level."""
    rows: list[OutlineRow] = []
    ids: dict[str, int] = {}
    grouped = _step_rows(plan, lang)
    for p_no, phase in enumerate(sorted(grouped, key=_PHASE_ORDER.__getitem__), start=1):
        targets = grouped[phase]
        for steps in targets.values():
            steps.sort(key=lambda r: _order_key(r, int(r.wbs)))
        ordered = sorted(targets.items(), key=lambda kv: (_span(kv[1])[0] or date.max, kv[0]))
        all_steps = [r for _, steps in ordered for r in steps]
        start, end = _span(all_steps)
        title = catalogue(lang)(PHASES[phase].label_key)
        rows.append(OutlineRow(len(rows) + 1, str(p_no), 1, title, phase, "", start, end))
        for t_no, (target, steps) in enumerate(ordered, start=1):
            t_start, t_end = _span(steps)
            rows.append(OutlineRow(len(rows) + 1, f"{p_no}.{t_no}", 2, target_label(target, lang),
                                   phase, target, t_start, t_end))
            for s_no, row in enumerate(steps, start=1):
                assert row.step is not None
                ids[row.step.id] = len(rows) + 1
                rows.append(OutlineRow(len(rows) + 1, f"{p_no}.{t_no}.{s_no}", 3, row.title,
                                       phase, target, row.start, row.end, row.step, row.dated))
    return Outline(tuple(rows), ids, implied_links(plan.proposal.steps))
