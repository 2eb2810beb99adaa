"""Exchange Online's enforcement clock: first detection, stages per day, exposure under a plan.

A judged server's clock starts on its first-detected day (never before the policy start)
and advances one day per calendar day, except on days the tenant's enforcement is paused.
Its stage follows the policy's stage table by the days counted so far. The clock stops on
the day the server leaves Exchange Online's view (its cutover). Pauses before the plan start
are not known by date, so the clock assumes none happened before the plan start.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.knowledge import EnforcementPolicy, Knowledge
from planner.core.model import Estate, Server
from planner.core.plan import Exposure, Pause
from planner.core.settings import Settings

__all__ = [
    "DayStage",
    "Detection",
    "DetectionIndex",
    "daily_stages",
    "first_detection",
    "paused_days",
    "stage_thresholds",
    "summarise_exposure",
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


def stage_thresholds(policy: EnforcementPolicy) -> tuple[int, int]:
    """Days since detection at which throttling and blocking begin (from the stage table)."""
    ordered = sorted(policy.stages, key=lambda s: s.start_day)
    last = (ordered[-1].end_day or ordered[-1].start_day + 1) if ordered else 0
    throttle = next((s.start_day for s in ordered if s.kind == "throttle"), last)
    block = next((s.start_day for s in ordered if s.kind == "block"), last)
    return min(throttle, block), block


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

    @classmethod
    def build(cls, estate: Estate, settings: Settings) -> DetectionIndex:
        """Index once, so a large estate is not scanned per server."""
        return cls(
            _keyed((r.server_fqdn, r.first_detected) for r in estate.exo_reports
                   if r.first_detected),
            _keyed(settings.first_detected.items()),
        )

    def lookup(self, table: str, name: str, fqdn: str) -> date | None:
        """The earliest day recorded for this server's name or FQDN."""
        source = self.reports if table == "reports" else self.settings
        days = [source[k] for k in {name.lower(), fqdn.lower()} - {""} if k in source]
        return min(days) if days else None


def _baseline_day(build: str, knowledge: Knowledge) -> date | None:
    if not build:
        return None
    try:
        from planner.core.builds import fell_below_baseline_on, identify

        return fell_below_baseline_on(identify(build, knowledge), knowledge)
    except (ImportError, ValueError, NotImplementedError, KeyError):
        return None


def first_detection(
    server_name: str, estate: Estate, settings: Settings, knowledge: Knowledge,
    index: DetectionIndex | None = None, server: Server | None = None,
) -> Detection | None:
    """First-detected day: Exchange Online's report, else settings, else the baseline date.

    ``index`` and ``server`` spare the scans when called for every server of an estate.
    """
    index = index or DetectionIndex.build(estate, settings)
    server = server or estate.server(server_name)
    fqdn = server.fqdn if server else ""
    name = server.name if server else server_name
    found: Detection | None = None
    day = index.lookup("reports", name, fqdn)
    if day:
        found = Detection(day, "exo_report")
    elif (day := index.lookup("settings", name, fqdn)) is not None:
        found = Detection(day, "settings")
    elif server and (day := _baseline_day(server.build, knowledge)) is not None:
        found = Detection(day, "baseline")
    if found is None:
        return None
    return Detection(max(found.day, knowledge.policy.policy_start), found.source)


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
    counted = 0
    strip: list[DayStage] = []
    day = exposure.first_detected
    while day <= last:
        stage = policy.stage_for_day(counted)
        if day in paused:
            strip.append(DayStage(day, stage.number, "paused"))
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
    """Days per stage from the plan start (history before it is not the plan's doing)."""
    shell = Exposure(server, detection.day, cutover, (), 0, detection.source)
    counts = [0] * max(len(policy.stages), 8)
    paused = 0
    for entry in daily_stages(shell, pauses, policy, plan_end):
        if entry.day < plan_start:
            continue
        if entry.kind == "paused":
            paused += 1
        else:
            counts[entry.stage - 1] += 1
    return Exposure(server, detection.day, cutover, tuple(counts), paused, detection.source)
