"""One judged server's stage timeline, piece by piece from Exchange Online's report.

A server's clock counts the days since its first detection (paused days do not count while
the policy freezes the clock). Which stage a counted day belongs to follows the stage table,
except where Exchange Online's report dates a stage's start (throttling, blocking, the next
stage): such a stage begins on the report's day, the stages before it keep the table's
rhythm from the previous reported stage and end the day before, and the stages after it
follow the table from the report's day until the next reported stage. Each piece of the
report wins for its own stage, in the past as in the future; one timeline serves the
summary, the strips, the exposure and the scheduler's costs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.knowledge import EnforcementPolicy
from planner.core.knowledge_records import Stage
from planner.core.model import ExoReport
from planner.core.plan import StageAnchor

__all__ = [
    "ReportedStage",
    "StageTimeline",
    "reported_stages",
    "stage_thresholds",
]

# Report dates are midnight in the admin's time zone: a day either way is not a disagreement.
TOLERANCE_DAYS = 1


def _ordered(policy: EnforcementPolicy) -> list[Stage]:
    return sorted(policy.stages, key=lambda s: (s.start_day, s.number))


def stage_thresholds(policy: EnforcementPolicy) -> tuple[int, int]:
    """Days since detection at which throttling and blocking begin (from the stage table)."""
    ordered = _ordered(policy)
    last = (ordered[-1].end_day or ordered[-1].start_day + 1) if ordered else 0
    throttle = next((s.start_day for s in ordered if s.kind == "throttle"), last)
    block = next((s.start_day for s in ordered if s.kind == "block"), last)
    return min(throttle, block), block


def _clean(anchors: Iterable[StageAnchor]) -> list[StageAnchor]:
    """Reported stages in day order, each later one a higher stage: a date that would send
    the server back to an earlier stage contradicts an earlier date of the report and yields
    (the earlier day stands, as the stage the customer's admin center showed first)."""
    out: list[StageAnchor] = []
    for a in sorted(anchors, key=lambda a: (a.offset, -a.stage)):
        if a.offset < 0 or (out and (a.stage <= out[-1].stage or a.offset == out[-1].offset)):
            continue
        out.append(a)
    return out


@dataclass(frozen=True)
class StageTimeline:
    """Counted clock day -> stage, from the stage table and the report's anchors."""

    starts: tuple[tuple[int, Stage], ...]  # (first counted day, stage), in order
    fallback: int  # a counted day beyond every start, for a table without throttle or block

    @classmethod
    def of(cls, policy: EnforcementPolicy,
           anchors: Iterable[StageAnchor] = ()) -> StageTimeline:
        """The timeline of a server whose report dates these stages (none: the table)."""
        ordered = _ordered(policy)
        if not ordered:
            raise ValueError("the enforcement policy has no stages")
        reported = _clean(anchors)
        points = [StageAnchor(0, ordered[0].number)] + [a for a in reported if a.offset > 0]
        if reported and reported[0].offset == 0:
            points[0] = reported[0]
        by_number = {s.number: s for s in ordered}
        out: list[tuple[int, Stage]] = []
        for i, point in enumerate(points):
            limit = points[i + 1] if i + 1 < len(points) else None
            base = by_number[point.stage].start_day if point.stage in by_number else 0
            for stage in ordered:
                if stage.number < point.stage or stage.start_day < base:
                    continue
                if limit is not None and stage.number >= limit.stage:
                    break
                offset = point.offset + stage.start_day - base
                if limit is not None and offset >= limit.offset:
                    break
                out.append((offset, stage))
        last = out[-1][0] + (ordered[-1].end_day or ordered[-1].start_day + 1) \
            - ordered[-1].start_day
        return cls(tuple(out), last)

    def stage(self, counted: int) -> Stage:
        """The stage on the ``counted``-th day of the clock (day 0: first detection)."""
        at = bisect_right([offset for offset, _ in self.starts], max(0, counted)) - 1
        return self.starts[max(0, at)][1]

    def first(self, kinds: tuple[str, ...]) -> int:
        """The first counted day of a stage of one of these kinds."""
        return next((offset for offset, s in self.starts if s.kind in kinds), self.fallback)

    def thresholds(self) -> tuple[int, int]:
        """Counted days at which throttling (or blocking, whichever is first) and blocking
        begin: all the scheduler needs to score a server's days."""
        return self.first(("throttle", "block")), self.first(("block",))

    def begins(self, number: int) -> int | None:
        """The counted day a stage begins (None: this server skips it)."""
        return next((offset for offset, s in self.starts if s.number == number), None)

    def last_stage_day(self) -> int:
        """The counted day the last stage (all mail blocked) begins."""
        return self.starts[-1][0]


@dataclass(frozen=True)
class ReportedStage:
    """One stage date of Exchange Online's report, and what the timeline makes of it."""

    what: str  # "throttle" | "block" | "next_stage"
    day: date
    stage: int  # the stage it dates
    expected: date  # its first day by the stage table from the report's earlier stage dates
    used: bool  # an anchor of the timeline (False: the timeline gives it within a day)
    ignored: bool = False  # it contradicts the report's dates of earlier stages

    @property
    def disagrees(self) -> bool:
        """Whether the report puts this stage elsewhere than the stage table does, counted
        from the report's earlier stage dates (first detection, throttling)."""
        return self.used or self.ignored


def _rate(text: str) -> int:
    """A NextStage*Rate as a number (0 when empty or not a number)."""
    digits = "".join(c for c in text if c in "0123456789")  # "²" is a digit to isdigit()
    return int(digits) if digits else 0


def _first_of_kind(policy: EnforcementPolicy, kind: str) -> Stage | None:
    return next((s for s in _ordered(policy) if s.kind == kind), None)


def _detected_from(row: ExoReport, policy: EnforcementPolicy) -> date | None:
    """First detection: the report's own date, else the earliest reported stage's start
    counted back by the table (the earliest piece says most about the clock's day 0)."""
    if row.first_detected is not None:
        return row.first_detected
    for kind, day in (("throttle", row.throttle_date), ("block", row.block_date)):
        stage = _first_of_kind(policy, kind)
        if day is not None and stage is not None:
            return day - timedelta(days=stage.start_day)
    starts = [s.start_day for s in policy.stages if s.start_day > 0
              and _next_kind(row) in ("", s.kind)]
    if row.next_stage_date is not None and len(starts) == 1:
        return row.next_stage_date - timedelta(days=starts[0])
    return None


def _stage_by_rates(row: ExoReport, policy: EnforcementPolicy) -> Stage | None:
    """The stage whose minutes per hour the report's NextStage rates name, if exactly one
    does (throttle 30 and block 5: stage 5); a block rate of 100 (per cent) or the whole hour
    is the stage that blocks all mail."""
    throttle, block = _rate(row.next_throttle_rate), _rate(row.next_block_rate)
    if not (throttle or block):
        return None  # no rates (or none given): nothing names a stage
    full = block >= 60
    found = [s for s in policy.stages
             if (s.throttle_minutes, s.block_minutes) == (throttle, block)
             or (full and s.block_minutes >= 60)]
    return found[0] if len(found) == 1 else None


def _next_kind(row: ExoReport) -> str:
    return "block" if _rate(row.next_block_rate) else \
        "throttle" if _rate(row.next_throttle_rate) else ""


def reported_stages(row: ExoReport | None, policy: EnforcementPolicy
                    ) -> tuple[date | None, tuple[ReportedStage, ...]]:
    """First detection and the stage dates of one report row, in stage order.

    Throttling dates the first throttle stage, blocking the first block stage; the next
    stage is the stage whose minutes per hour its NextStage rates name (the report says
    which stage comes next, however late), else the stage of its kind (blocking when
    NextStageBlockRate is set, else throttling) whose start the timeline of the other
    dates puts nearest its date.
    """
    if row is None:
        return None, ()
    detected = _detected_from(row, policy)
    if detected is None:
        return None, ()
    dated: list[tuple[str, date, Stage]] = []
    for what, day in (("throttle", row.throttle_date), ("block", row.block_date)):
        stage = _first_of_kind(policy, what)
        if day is not None and stage is not None:
            dated.append((what, day, stage))
    if row.next_stage_date is not None:
        kind = _next_kind(row)
        base = StageTimeline.of(policy, [StageAnchor((d - detected).days, s.number)
                                         for _, d, s in dated])
        days = (row.next_stage_date - detected).days
        named = _stage_by_rates(row, policy)
        near = [(abs(offset - days), offset, s) for offset, s in base.starts
                if offset > 0 and kind in ("", s.kind)]
        if named is not None:
            dated.append(("next_stage", row.next_stage_date, named))
        elif near:
            dated.append(("next_stage", row.next_stage_date, min(near, key=lambda n: n[:2])[2]))
    return detected, _judge(detected, dated, policy)


def _judge(detected: date, dated: list[tuple[str, date, Stage]],
           policy: EnforcementPolicy) -> tuple[ReportedStage, ...]:
    """Each date, in stage order, against the timeline of the dates before it: a date the
    timeline gives within the tolerance adds nothing, one that would send the server back
    to an earlier stage (or dates a stage twice) contradicts the report and is ignored."""
    out: list[ReportedStage] = []
    kept: list[StageAnchor] = []
    for what, day, stage in sorted(dated, key=lambda d: (d[2].number, d[1])):
        offset = (day - detected).days
        begins = StageTimeline.of(policy, kept).begins(stage.number)
        expected = detected + timedelta(days=stage.start_day if begins is None else begins)
        same = next((k for k in kept if k.stage == stage.number), None)
        if same is not None:
            ignored, used = abs(same.offset - offset) > TOLERANCE_DAYS, False
        else:
            ignored = offset < 0 or any(k.offset >= offset for k in kept)
            used = not ignored and abs((day - expected).days) > TOLERANCE_DAYS
        if used:
            kept.append(StageAnchor(offset, stage.number))
        out.append(ReportedStage(what, day, stage.number, expected, used, ignored))
    return tuple(out)
