"""Exchange Online's enforcement clock: first detection, stages per day, exposure under a plan.

A judged server's clock starts on its first-detected day and advances one day per calendar
day, except on days the tenant's enforcement is paused. Its stage follows the policy's stage
table by the days counted so far. The clock stops on the day the server leaves Exchange
Online's view (its cutover). Dates Exchange Online reported (or the consultant recorded from
its report) are facts and are used as they stand, even years before the plan; only an
estimated date (from the baseline) is never earlier than the policy start. Where the
report dates a stage's start (throttling, blocking, the next stage), that stage begins on
the report's day, piece by piece (:mod:`planner.core.stage_timeline`). Pauses before the
plan start are not known by date, so the clock assumes none happened before the plan start.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from planner.core.build_lifecycle import fell_below_baseline_on
from planner.core.builds import identify
from planner.core.errors import InputError
from planner.core.knowledge import EnforcementPolicy, Knowledge
from planner.core.model import Estate, ExoReport, Server
from planner.core.plan import Exposure, Pause, StageAnchor
from planner.core.settings import Settings
from planner.core.stage_timeline import StageTimeline, reported_stages, stage_thresholds

__all__ = [
    "DayStage",
    "Detection",
    "DetectionIndex",
    "daily_stages",
    "first_detection",
    "paused_days",
    "stage_thresholds",
    "summarise_exposure",
    "timeline",
]


@dataclass(frozen=True)
class DayStage:
    """The enforcement stage of one server on one calendar day."""

    day: date
    stage: int
    kind: str  # "report" | "throttle" | "block" | "paused"


@dataclass(frozen=True)
class Detection:
    """When a server's clock started and which input said so."""

    day: date
    source: str  # "exo_report" | "settings" | "baseline"
    anchors: tuple[StageAnchor, ...] = ()  # stages the report dates where the table differs


def timeline(policy: EnforcementPolicy, anchors: tuple[StageAnchor, ...]) -> StageTimeline:
    """A server's stage per counted clock day (cached: one per distinct set of anchors)."""
    return _timeline(policy, anchors)


@lru_cache(maxsize=256)
def _timeline(policy: EnforcementPolicy, anchors: tuple[StageAnchor, ...]) -> StageTimeline:
    return StageTimeline.of(policy, anchors)


def _keyed(pairs: Iterable[tuple[str, date]]) -> dict[str, date]:
    """Earliest day per lower-case key, under both the full key and its short name."""
    out: dict[str, date] = {}
    for key, day in pairs:
        full = key.strip().lower()
        for k in {full, full.split(".", 1)[0]} - {""}:
            out[k] = min(day, out.get(k, day))
    return out


@dataclass(frozen=True)
class DetectionIndex:
    """First-detected days from Exchange Online's reports and the settings, by server name."""

    reports: dict[str, date]
    settings: dict[str, date]
    rows: dict[str, ExoReport] = field(default_factory=dict)

    @classmethod
    def build(cls, estate: Estate, settings: Settings) -> DetectionIndex:
        """Index once, so a large estate is not scanned per server."""
        rows: dict[str, ExoReport] = {}
        for r in estate.exo_reports:
            full = r.server_fqdn.strip().lower()
            for k in {full, full.split(".", 1)[0]} - {""}:
                rows.setdefault(k, r)
        return cls(
            _keyed((r.server_fqdn, r.first_detected) for r in estate.exo_reports
                   if r.first_detected),
            _keyed(settings.first_detected.items()),
            rows,
        )

    def row(self, name: str, fqdn: str) -> ExoReport | None:
        """Exchange Online's report row for this server, if it has one."""
        return next((self.rows[k] for k in (fqdn.lower(), name.lower()) if k in self.rows),
                    None)

    def lookup(self, table: str, name: str, fqdn: str) -> date | None:
        """The earliest day recorded for this server's name or FQDN."""
        source = self.reports if table == "reports" else self.settings
        days = [source[k] for k in {name.lower(), fqdn.lower()} - {""} if k in source]
        return min(days) if days else None


def _baseline_day(build: str, knowledge: Knowledge) -> date | None:
    if not build:
        return None
    try:
        return fell_below_baseline_on(identify(build, knowledge), knowledge)
    except InputError:  # not a build the planner knows; any other error is a bug
        return None


def first_detection(
    server_name: str, estate: Estate, settings: Settings, knowledge: Knowledge,
    index: DetectionIndex | None = None, server: Server | None = None,
) -> Detection | None:
    """First-detected day: Exchange Online's report, else settings, else the baseline date.

    Reported and recorded dates stand as they are; only the baseline estimate is bounded by
    the policy start. ``index`` and ``server`` spare the scans for a whole estate.
    """
    index = index or DetectionIndex.build(estate, settings)
    server = server or estate.server(server_name)
    fqdn = server.fqdn if server else ""
    name = server.name if server else server_name
    detected, dates = reported_stages(index.row(name, fqdn), knowledge.policy)
    day = index.lookup("reports", name, fqdn) or detected
    if day is not None:
        anchors = tuple(StageAnchor((d.day - day).days, d.stage) for d in dates if d.used)
        return Detection(day, "exo_report", anchors)
    if (day := index.lookup("settings", name, fqdn)) is not None:
        return Detection(day, "settings")
    if server and (day := _baseline_day(server.build, knowledge)) is not None:
        return Detection(max(day, knowledge.policy.policy_start), "baseline")
    return None


def _paused_set(pauses: Iterable[Pause]) -> set[date]:
    days: set[date] = set()
    for p in pauses:
        days.update(p.start + timedelta(days=i) for i in range((p.end - p.start).days + 1))
    return days


def daily_stages(
    exposure: Exposure, pauses: Sequence[Pause], policy: EnforcementPolicy, end: date
) -> tuple[DayStage, ...]:
    """One entry per day from first detection up to min(cutover, end), inclusive."""
    last = min(exposure.cutover, end) if exposure.cutover else end
    paused = _paused_set(pauses)
    stages = timeline(policy, exposure.anchors)
    counted = 0
    strip: list[DayStage] = []
    day = exposure.first_detected
    while day <= last:
        stage = stages.stage(counted)
        if day in paused:
            strip.append(DayStage(day, stage.number, "paused"))
            counted += not policy.pause_clock_frozen  # an open clock runs on while paused
        else:
            strip.append(DayStage(day, stage.number, stage.kind))
            counted += 1
        day += timedelta(days=1)
    return tuple(strip)


def paused_days(pauses: Sequence[Pause], start: date, end: date) -> int:
    """How many paused days fall between start and end, inclusive."""
    return sum(1 for d in _paused_set(pauses) if start <= d <= end)


def summarise_exposure(
    server: str,
    detection: Detection,
    cutover: date | None,
    pauses: Sequence[Pause],
    policy: EnforcementPolicy,
    plan_start: date,
    plan_end: date,
) -> Exposure:
    """Days per stage from ``plan_start``, the plan's first counted day (the as-of date's
    first working day when it lies before the plan start); history before it is not the
    plan's doing."""
    shell = Exposure(server, detection.day, cutover, (), 0, detection.source,
                     detection.anchors)
    counts = [0] * max(len(policy.stages), 8)
    paused = 0
    for entry in daily_stages(shell, pauses, policy, plan_end):
        if entry.day < plan_start:
            continue
        if entry.kind == "paused":
            paused += 1
        else:
            counts[entry.stage - 1] += 1
    return Exposure(server, detection.day, cutover, tuple(counts), paused, detection.source,
                    detection.anchors)
