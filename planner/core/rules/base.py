"""What every rule shares: the context it reads, its output, and how a step is put together.

A rule is a small named function ``(Context, steps so far) -> RuleOutput``. It proposes
steps and may add prerequisite links onto steps earlier rules proposed (the hybrid rule,
for example, makes every decommission wait for the Hybrid Configuration Wizard). Rules run
in a fixed order; switching a rule off removes its steps afterwards and lets their
successors inherit their prerequisites, so the order never breaks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.core.builds import BuildInfo
from planner.core.catalogue import FALLBACK, catalogue
from planner.core.explanation import Message, Reason, message
from planner.core.graph import EstateGraph
from planner.core.knowledge import Knowledge, RuleText
from planner.core.knowledge_facts import KnowledgeFacts, facts_of
from planner.core.model import ConnectorType, Estate, Finding, Server, Severity
from planner.core.plan import Dependency, MigrationPath, Phase, Step
from planner.core.settings import Decisions, Settings
from planner.core.typed_values import ascii_whole

__all__ = ["RUNS", "Context", "Link", "Rule", "RuleOutput", "ServerFacts", "deps", "make_step"]

Link = tuple[str, Dependency]  # (successor step id, prerequisite)
RUNS = "steps.server.runs"  # "EX01 runs 15.2.1544.36 = Exchange 2019 CU14 Oct25SU"


@dataclass(frozen=True)
class ServerFacts:
    """One server as the rules see it: its build, the path it takes, and why."""

    server: Server
    info: BuildInfo | None
    path: MigrationPath
    judged: bool
    excluded: bool
    supported: bool
    fact: Message  # "EX01 runs 15.2.1544.36 = Exchange 2019 CU14 Oct25SU"
    why: Message  # why this path

    @property
    def name(self) -> str:
        """The server's inventory name."""
        return self.server.name

    @property
    def product(self) -> str:
        """"2013", "2016", "2019", "SE", or "" when the build is unknown."""
        return self.info.product if self.info else ""

    @property
    def planned(self) -> bool:
        """True when the plan works on this server."""
        return not self.excluded and self.path is not MigrationPath.NONE


@dataclass(frozen=True)
class Context:
    """Everything a rule may read; built once per proposal."""

    estate: Estate
    settings: Settings
    decisions: Decisions
    knowledge: Knowledge
    graph: EstateGraph
    servers: tuple[ServerFacts, ...]
    notes: list[Finding] = field(default_factory=list)  # findings raised while reading data
    # look-ups the rules build once per proposal (by name, by site), so no rule scans the
    # estate per server: linear time on estates of thousands of servers
    memo: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def planned(self, *paths: MigrationPath) -> list[ServerFacts]:
        """Servers the plan works on, optionally only those on one of ``paths``."""
        key = ("planned", *paths)  # asked per server by several rules: found once
        if key not in self.memo:
            self.memo[key] = tuple(s for s in self.servers
                                   if s.planned and (not paths or s.path in paths))
        return list(self.memo[key])

    def facts_for(self, name: str) -> ServerFacts | None:
        """The facts of one server by name or FQDN."""
        server = self.estate.server(name)
        if server is None:
            return None
        by_name: dict[str, ServerFacts] = self.memo.get("facts_by_name") or {}
        if not by_name:
            for s in self.servers:
                by_name.setdefault(s.name, s)
            self.memo["facts_by_name"] = by_name
        return by_name.get(server.name)

    @property
    def hybrid(self) -> bool:
        """True when the organization is hybrid or an OnPremises inbound connector exists."""
        return self.estate.organization.hybrid or any(
            c.type is ConnectorType.EXO_INBOUND for c in self.estate.connectors)

    def internet_facing(self, server: Server) -> bool:
        """True when the server's site is marked Internet-facing."""
        site = self.estate.site(server.site) if server.site else None
        return bool(site and site.internet_facing)

    def amount(self, kind: str, default: float = 1.0) -> float:
        """A duration-table value (days, GB per day...): project setting, else knowledge base."""
        value = self.settings.durations.get(kind)
        if value is not None:
            return float(value)
        if kind in self.knowledge.durations:
            return float(self.knowledge.durations[kind].value)
        self._note_missing(f"durations.{kind}", default)
        return default

    def days(self, kind: str, times: float = 1.0) -> int:
        """Whole working days for ``times`` units of a step kind (a half day counts as one)."""
        return max(0, math.ceil(self.amount(kind) * times - 1e-9))

    @property
    def facts(self) -> KnowledgeFacts:
        """The knowledge base's facts, typed (planner.core.knowledge_facts)."""
        return facts_of(self.knowledge)

    def text(self, rule: str) -> RuleText | None:
        """The rule's texts and source from the knowledge base."""
        return self.knowledge.rules.get(rule)

    def _note_missing(self, key: str, default: float) -> None:
        finding = Finding.about(Severity.WARNING, "RULES-KNOWLEDGE-MISSING", key, key=key,
                                default=default)
        if finding not in self.notes:
            self.notes.append(finding)


@dataclass(frozen=True)
class RuleOutput:
    """What one rule proposes: new steps, extra links onto earlier steps, findings."""

    steps: tuple[Step, ...] = ()
    links: tuple[Link, ...] = ()
    findings: tuple[Finding, ...] = ()


RuleFn = Callable[[Context, Mapping[str, Step]], RuleOutput]


@dataclass(frozen=True)
class Rule:
    """A named, switchable unit that turns estate facts into steps."""

    id: str
    propose: RuleFn
    # A rule that orders other rules' steps (with at most a milestone of its own): switching
    # it off skips it, since removing its steps would let their successors inherit the order.
    links_only: bool = False


def deps(*ids: str | Iterable[str] | None) -> tuple[Dependency, ...]:
    """Finish-to-start prerequisites from ids (None and repeats are skipped)."""
    flat: list[str] = []
    for item in ids:
        if item is None:
            continue
        flat.extend([item] if isinstance(item, str) else list(item))
    return tuple(Dependency(i) for i in dict.fromkeys(flat))


def make_step(
    ctx: Context,
    rule: str,
    id: str,
    kind: str,
    phase: Phase,
    target: str,
    title: Message,
    detail: Sequence[Message] = (),
    fields: Mapping[str, Any] | None = None,
    reason: Message | None = None,
    **extra: Any,
) -> Step:
    """A step whose why is the rule's reason with the facts filled in, then the step's detail.

    The reason is the catalogue's ``rules.<rule>.reason`` with ``fields`` (``server``,
    ``release``, ``build``, ``count``...), or ``reason`` where the rule's wording does not
    fit this server (a 2019 server on the side-by-side path is no "Exchange 2016");
    ``detail`` are the step's own messages after it. ``extra`` passes Step fields through
    (predecessors, command...); a kind the fact ``calendar.window_not_needed`` names needs no
    maintenance window, whatever the rule asked.
    """
    known = ctx.text(rule)
    main = reason if reason is not None else (
        message(f"rules.{rule}.reason", **_typed(fields or {})) if known else None)
    extra.setdefault("duration_days", 0 if extra.get("milestone") else ctx.days(kind))
    if kind in ctx.facts.window_not_needed:  # the project's change board allows it any day
        extra["needs_window"] = False
    extra.setdefault("source", known.source if known else "")
    extra.update(title_en="", title_de="", title_message=title, why_en="", why_de="",
                 reason=Reason.of(rule, main, _beyond(main, list(detail), reason is None)))
    return Step(id=id, kind=kind, phase=phase, target=target, rule=rule, **extra)


def _typed(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Fields as typed values: a count given as text becomes a number (it picks plurals)."""
    out = dict(fields)
    if isinstance(out.get("count"), str):
        out["count"] = int(out["count"]) if ascii_whole(out["count"]) else 1
    return out


def _beyond(main: Message | None, details: list[Message], rules_own: bool) -> list[Message]:
    """The details without what the reason already says: the same message, or (for the
    rule's own reason that names the build) the fact "X runs <build> = ..." again."""
    if main is None:
        return details
    build = main.value("build") if rules_own and _names_build(main.key) else None
    return [d for d in details if d != main
            and not (build is not None and d.key == RUNS and d.value("build") == build)]


def _names_build(key: str) -> bool:
    raw = catalogue(FALLBACK).message(key)
    texts = [raw] if isinstance(raw, str) else list(raw.values())
    return any("{build}" in t for t in texts)
