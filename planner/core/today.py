"""The state today: each judged server's enforcement stage on the plan's as-of date.

A consultant's first question at a customer is "how bad is it right now?". The answer comes
from the same clock the plan uses (first detection, the report's dates): the stage on the
as-of date, since when, and which stage follows on which day if nothing else happens. Only
pauses in force count (those the consultant recorded as fixed and that have begun): a pause
the plan proposes is the customer's task, not yet the tenant's state. A server the plan has
already taken out of Exchange Online's view is "gone".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from planner.core.enforcement import DayStage, daily_stages
from planner.core.knowledge import EnforcementPolicy
from planner.core.plan import Exposure, Pause, ServerToday

__all__ = ["RATING", "pauses_in_force", "server_today", "state_today"]

# What a stage means for the server's mail: blocked mail is lost to Exchange Online (red),
# throttled mail is late and a pause only postpones the clock (amber), the rest flows (green).
RATING = {"block": "red", "throttle": "amber", "paused": "amber", "report": "green",
          "none": "green", "gone": "green"}
# How far ahead the next stage is looked for: the stage table ends within 90 counted days,
# a year of pauses cannot hold it longer than this.
_HORIZON_DAYS = 500


def _next(strip: tuple[DayStage, ...], at: int) -> DayStage | None:
    here = strip[at]
    return next((d for d in strip[at + 1:] if (d.stage, d.kind) != (here.stage, here.kind)),
                None)


def server_today(exposure: Exposure, pauses: tuple[Pause, ...], policy: EnforcementPolicy,
                 as_of: date) -> ServerToday:
    """The server's stage on ``as_of``, since when, and the next stage with its date."""
    base = ServerToday(exposure.server, 0, "none", None, None, "", None, "green",
                       exposure.first_detected, exposure.cutover)
    if exposure.cutover is not None and exposure.cutover < as_of:
        return replace(base, kind="gone", since=exposure.cutover + timedelta(days=1))
    running = replace(exposure, cutover=None)  # what happens if nothing else is done
    strip = daily_stages(running, pauses, policy, max(as_of, exposure.first_detected)
                         + timedelta(days=_HORIZON_DAYS))
    if as_of < exposure.first_detected:
        first = strip[0]
        return replace(base, next_stage=first.stage, next_kind=first.kind,
                       next_date=first.day)
    at = (as_of - exposure.first_detected).days
    here = strip[at]
    start = at
    while start > 0 and (strip[start - 1].stage, strip[start - 1].kind) == (here.stage,
                                                                          here.kind):
        start -= 1
    after = _next(strip, at)
    return replace(base, stage=here.stage, kind=here.kind, since=strip[start].day,
                   next_stage=after.stage if after else None,
                   next_kind=after.kind if after else "",
                   next_date=after.day if after else None, rating=RATING[here.kind])


def state_today(exposure: tuple[Exposure, ...], pauses: tuple[Pause, ...],
                policy: EnforcementPolicy, as_of: date) -> tuple[ServerToday, ...]:
    """Every judged server's state on ``as_of``, the worst first."""
    order = {"red": 0, "amber": 1, "green": 2}
    states = [server_today(e, pauses, policy, as_of) for e in exposure]
    return tuple(sorted(states, key=lambda s: (order[s.rating], -s.stage, s.server.lower())))


def pauses_in_force(fixed: tuple[tuple[date, int], ...] | None, as_of: date) -> tuple[Pause, ...]:
    """The fixed pauses (start, days) that have begun by ``as_of``: the tenant's real pauses."""
    return tuple(Pause(start, start + timedelta(days=days - 1), days)
                 for start, days in sorted(fixed or ()) if start <= as_of and days > 0)
