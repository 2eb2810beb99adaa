"""Exchange Online's enforcement clock: first detection, stages per day, exposure under a plan.

A judged server's clock starts on its first-detected day and advances one day per calendar
day, except on days the tenant's enforcement is paused. Its stage follows the policy's stage
table by the days counted so far. The clock stops on the day the server leaves Exchange
Online's view (its cutover). Dates Exchange Online reported (or the consultant recorded from
its report) are facts and are used as they stand, even years before the plan; only an
estimated date (from the baseline) is never earlier than the policy start. Where the
report's blocking, throttling or next-stage date says the clock runs differently from the
stage table, the report's latest stage date wins for that server (``Detection.clock_start``).
Pauses before the plan start are not known by date, so the clock assumes none happened
before the plan start.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from planner.core.build_lifecycle import fell_below_baseline_on
from planner.core.builds import identify
from planner.core.errors import InputError
from planner.core.knowledge import EnforcementPolicy, Knowledge
from planner.core.model import Estate, ExoReport, Server
from planner.core.plan import Exposure, Pause
from planner.core.settings import Settings

__all__ = [
    "DayStage",
    "Detection",
    "DetectionIndex",
    "ReportedDate",
    "daily_stages",
    "disagrees",
    "first_detection",
    "implied_clock",
    "paused_days",
    "reported_dates",
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
    clock_start: date | None = None  # day 0 of the stage table when the report's dates say so

    @property
    def clock(self) -> date:
        """Day 0 of the stage clock: the report's implied start, else first detection."""
        return self.clock_start or self.day


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


# Report dates are midnight in the admin's time zone: a day either way is not a disagreement.
_TOLERANCE_DAYS = 1


def _baseline_day(build: str, knowledge: Knowledge) -> date | None:
    if not build:
        return None
    try:
        return fell_below_baseline_on(identify(build, knowledge), knowledge)
    except (ImportError, InputError, ValueError, NotImplementedError, KeyError):
        return None


@dataclass(frozen=True)
class ReportedDate:
    """One stage date of Exchange Online's report and day 0 of the stage table it implies."""

    what: str  # "block" | "throttle" | "next_stage"
    day: date
    offset: int  # stage-table days from day 0 to this date

    @property
    def clock(self) -> date:
        """Day 0 of the stage table if this date is right."""
        return self.day - timedelta(days=self.offset)


def _rate(text: str) -> int:
    """A NextStage*Rate as a number (0 when empty or not a number)."""
    digits = "".join(c for c in text if c.isdigit())
    return int(digits) if digits else 0


def _next_stage(row: ExoReport, policy: EnforcementPolicy,
                near: date | None) -> ReportedDate | None:
    """NextStageStartDate: the stage of the reported kind whose start is nearest ``near``'s.

    The report does not say on which day it was taken, so the next stage is the one of its
    kind (blocking when NextStageBlockRate is set, else throttling) nearest the date; a shift
    of less than half a stage between stages of one kind cannot be told apart.
    """
    if row.next_stage_date is None:
        return None
    kind = "block" if _rate(row.next_block_rate) else \
        "throttle" if _rate(row.next_throttle_rate) else ""
    starts = [s.start_day for s in policy.stages if s.start_day > 0 and kind in ("", s.kind)]
    if not starts:
        return None
    if near is None:
        if len(starts) > 1:
            return None  # nothing to tell which stage begins: no evidence either way
        return ReportedDate("next_stage", row.next_stage_date, starts[0])
    days = (row.next_stage_date - near).days
    return ReportedDate("next_stage", row.next_stage_date,
                        min(starts, key=lambda start: (abs(start - days), start)))


def reported_dates(row: ExoReport | None, policy: EnforcementPolicy) -> tuple[ReportedDate, ...]:
    """The report's throttle, blocking and next-stage dates, the latest stage first.

    The next stage is matched against the stage of its kind that the first-detected (else
    blocking or throttling) date makes nearest; its rates tell throttling from blocking.
    """
    if row is None:
        return ()
    throttle, block = stage_thresholds(policy)
    out = [ReportedDate(what, day, offset) for what, day, offset in (
        ("block", row.block_date, block), ("throttle", row.throttle_date, throttle)) if day]
    near = row.first_detected or (out[0].clock if out else None)
    following = _next_stage(row, policy, near)
    return (*out, following) if following else tuple(out)


def implied_clock(row: ExoReport | None, policy: EnforcementPolicy) -> date | None:
    """Day 0 of the stage table that the report's latest stage date implies (blocking, else
    throttling, else the next stage's start)."""
    dates = reported_dates(row, policy)
    return dates[0].clock if dates else None


def disagrees(a: date, b: date) -> bool:
    """Two days of the report and the stage table that differ by more than the tolerance."""
    return abs((a - b).days) > _TOLERANCE_DAYS


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
    implied = implied_clock(index.row(name, fqdn), knowledge.policy)
    day = index.lookup("reports", name, fqdn)
    if day or implied:
        day = day or implied
        assert day is not None  # one of the two is set
        moved = implied if implied and disagrees(implied, day) else None
        return Detection(day, "exo_report", moved)
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
    counted = (exposure.first_detected - exposure.clock).days
    strip: list[DayStage] = []
    day = exposure.first_detected
    while day <= last:
        stage = policy.stage_for_day(max(0, counted))
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
    """Days per stage from the plan start (history before it is not the plan's doing)."""
    shell = Exposure(server, detection.day, cutover, (), 0, detection.source,
                     detection.clock_start)
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
                    detection.clock_start)
