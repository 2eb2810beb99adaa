"""The knowledge base's record types: facts, builds, stages, baselines, policy, rule texts.

Kept apart from the loader (:mod:`planner.core.knowledge`) so the file readers and the
override parsers can build these records without importing the loader that calls them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from planner.core.catalogue import catalogue
from planner.core.explanation import Message, message

__all__ = ["Baseline", "BuildRow", "EnforcementPolicy", "Fact", "Knowledge", "RuleText",
           "Stage"]

_Date = date


@dataclass(frozen=True)
class Fact:
    """One fact with where it comes from; ``confidence`` is primary|secondary|unconfirmed."""

    key: str  # e.g. "lifecycle.2016.end_of_support", "upgrade.se_cu_blocking_old"
    value: Any
    source: str
    as_of: date
    confidence: str = "primary"
    overridden_from: Any = None  # the knowledge-base value when a project overrides it
    documentation: bool = False  # no code reads it: an override changes nothing

    def remark(self, lang: str) -> str:
        """The fact's note for people in ``lang`` (``knowledge.note.<key>``, or for a step
        duration ``knowledge.duration.<kind>``); "" when it has none."""
        words = catalogue(lang)
        for key in (f"knowledge.note.{self.key}", f"knowledge.duration.{self.key}"):
            if words.has(key):
                return words(key)
        return ""


@dataclass(frozen=True)
class BuildRow:
    """One published build (a row of resources/knowledge/builds.csv)."""

    product: str  # "2013" | "2016" | "2019" | "SE"
    release: str  # "CU23", "CU14 Oct25SU", "RTM Apr25HU"
    build: str  # "15.2.1544.36"
    date: date  # first of the month when only the month is known
    date_precision: str  # "day" | "month"
    source: str
    as_of: _Date  # the alias, because the field ``date`` shadows the type inside the class

    @property
    def cu(self) -> str:
        """The cumulative-update part of the release, e.g. "CU14" or "RTM"."""
        return self.release.split(" ", 1)[0]


@dataclass(frozen=True)
class Stage:
    """One row of Exchange Online's enforcement stage table."""

    number: int  # 1..8
    start_day: int  # days since first detection (inclusive)
    end_day: int | None  # exclusive; None = open-ended
    kind: str  # "report" | "throttle" | "block"
    smtp: str  # "" | "450 4.7.230" | "550 5.7.230"
    source: str
    as_of: date
    confidence: str = "secondary"
    throttle_minutes: int = 0  # per hour
    block_minutes: int = 0  # per hour; 60 = all mail

    @property
    def action_message(self) -> Message:
        """What Exchange Online does in this stage, as a message of its minutes per hour."""
        if self.block_minutes >= 60:
            return message("knowledge.stage.block_all")
        if self.throttle_minutes and self.block_minutes:
            return message("knowledge.stage.throttle_block", throttle=self.throttle_minutes,
                           block=self.block_minutes)
        if self.block_minutes:
            return message("knowledge.stage.block", block=self.block_minutes)
        if self.throttle_minutes:
            return message("knowledge.stage.throttle", throttle=self.throttle_minutes)
        return message("knowledge.stage.report")

    def action(self, lang: str = "en") -> str:
        """What Exchange Online does in this stage, in the requested language."""
        return catalogue(lang).render(self.action_message)


@dataclass(frozen=True)
class Baseline:
    """The oldest build of a release line that Exchange Online accepts from a date on."""

    product: str  # "2016" | "2019"
    line: str  # e.g. "CU15", "CU23", "CU14"
    min_build: str  # e.g. "15.2.1748.39"; "" = nothing of this line passes
    effective_from: date
    source: str
    as_of: date
    confidence: str = "secondary"


@dataclass(frozen=True)
class EnforcementPolicy:
    """Exchange Online's transport-based enforcement, as data."""

    stages: tuple[Stage, ...]
    baselines: tuple[Baseline, ...]
    policy_start: date  # no clock starts before this day
    pause_max_days_per_year: int
    pause_can_split: bool
    pause_can_end_early: bool
    pause_cmdlet: str
    facts: tuple[Fact, ...] = ()
    pause_clock_frozen: bool = True  # the stage clock stands still while a pause is in force
    pause_max_count: int = 4  # pauses the plan may request (planning assumption)
    pause_max_days_per_pause: int = 90  # the longest single request
    pause_connect_cmdlet: str = ""  # opens the session the pause cmdlets run in
    pause_check_cmdlet: str = ""  # shows the pause in force

    @property
    def pauses_allowed(self) -> int:
        """How many separate pauses a plan may use: one when the budget cannot be split."""
        return self.pause_max_count if self.pause_can_split else min(1, self.pause_max_count)

    def stage_for_day(self, day: int) -> Stage:
        """The stage a server is in ``day`` days after first detection (not counting pauses)."""
        for stage in self.stages:
            if day >= stage.start_day and (stage.end_day is None or day < stage.end_day):
                return stage
        return self.stages[0] if day < 0 else self.stages[-1]


@dataclass(frozen=True)
class RuleText:
    """A rule's source and as-of date; its name and reason are catalogue texts
    (``rules.<id>.title`` / ``rules.<id>.reason``, see :mod:`planner.core.catalogue`)."""

    id: str
    source: str
    as_of: date

    @property
    def title_key(self) -> str:
        """The catalogue key of the rule's name."""
        return f"rules.{self.id}.title"

    @property
    def reason_key(self) -> str:
        """The catalogue key of the rule's reason."""
        return f"rules.{self.id}.reason"


@dataclass(frozen=True)
class Knowledge:
    """All facts the planner uses, after project overrides."""

    builds: tuple[BuildRow, ...]
    policy: EnforcementPolicy
    facts: Mapping[str, Fact]  # lifecycle, upgrade facts, SE CU blocking, ...
    durations: Mapping[str, Fact]  # step kind -> default days (value: float)
    rules: Mapping[str, RuleText]
    as_of: date  # the newest as-of date of any row
    overrides_applied: tuple[str, ...] = field(default=())
    # A digest of every build, fact, duration and stage: two imports on one day give the
    # same as-of date but not the same fingerprint, so a plan knows it was made with other data.
    fingerprint: str = ""

    def fact(self, key: str) -> Fact:
        """The fact with this key; KeyError names the key."""
        return self.facts[key]
