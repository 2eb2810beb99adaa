"""The Exchange knowledge base: facts with sources and as-of dates, loaded from resources/.

Everything Microsoft may change (builds, lifecycle dates, the enforcement stage table and
baselines, the pause rule, default durations, rule texts) is data in
``resources/knowledge/`` and reaches the code only through :func:`load_knowledge`. A project
can override any fact by key (``Settings.policy_overrides``); the override keeps the
original value and source visible.

STATUS: contract only — the loader is being written (issue #2). The record types below are
final; do not change their fields without telling everyone who uses them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "Baseline",
    "BuildRow",
    "EnforcementPolicy",
    "Fact",
    "Knowledge",
    "KnowledgeError",
    "RuleText",
    "Stage",
    "load_knowledge",
]


class KnowledgeError(ValueError):
    """A knowledge data file is broken; the message names the file and the row."""


@dataclass(frozen=True)
class Fact:
    """One fact with where it comes from; ``confidence`` is primary|secondary|unconfirmed."""

    key: str  # e.g. "lifecycle.2016.end_of_support", "upgrade.se_cu_blocking_old"
    value: Any
    source: str
    as_of: date
    confidence: str = "primary"
    note: str = ""
    overridden_from: Any = None  # the knowledge-base value when a project overrides it


@dataclass(frozen=True)
class BuildRow:
    """One published build (a row of resources/knowledge/builds.csv)."""

    product: str  # "2013" | "2016" | "2019" | "SE"
    release: str  # "CU23", "CU14 Oct25SU", "RTM Apr25HU"
    build: str  # "15.2.1544.36"
    date: date  # first of the month when only the month is known
    date_precision: str  # "day" | "month"
    source: str
    as_of: date

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
    action_en: str
    action_de: str
    smtp: str  # "" | "450 4.7.230" | "550 5.7.230"
    source: str
    as_of: date
    confidence: str = "secondary"


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

    def stage_for_day(self, day: int) -> Stage:
        """The stage a server is in ``day`` days after first detection (not counting pauses)."""
        for stage in self.stages:
            if day >= stage.start_day and (stage.end_day is None or day < stage.end_day):
                return stage
        return self.stages[0] if day < 0 else self.stages[-1]


@dataclass(frozen=True)
class RuleText:
    """A rule's name and reason in both languages, with the source of its fact."""

    id: str
    title_en: str
    title_de: str
    reason_en: str
    reason_de: str
    source: str
    as_of: date


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

    def fact(self, key: str) -> Fact:
        """The fact with this key; KeyError names the key."""
        return self.facts[key]


def load_knowledge(overrides: Mapping[str, Any] | None = None) -> Knowledge:
    """Load and validate resources/knowledge, then apply a project's overrides by key."""
    raise NotImplementedError("issue #2: knowledge loader")
