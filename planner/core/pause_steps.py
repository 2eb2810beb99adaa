"""The pause as the customer's task: one step per planned pause, with its command and stakes.

A pause protects nothing unless the customer's Exchange Online administrator runs
``New-TenantExemptionInfo`` on its first day. So every pause of the schedule becomes a step owned
by that administrator, dated on the pause's first day (a working day; in a freeze only where
the freeze leaves pauses, ``calendar.freeze_leaves``), with the exact command and what
happens to which server's mail if it is not run. A pause needed now (a server it holds is
already throttled or blocked on the as-of date) says so, and its server "blocked since …";
it is due on the pause's first counted day (the as-of date, or the next working day (outside
a freeze that stops pauses), also when the plan starts later: the scheduler counts the pause
and its budget from that day), because the command counts its days from the day it is run:
run on a Saturday as-of date, a pause the plan counts from Monday would end two days before
the cutover it protects. A later pause names a server that is back in its stage once an
earlier pause ends as "again from …", not "since" a day inside the plan. Only a pause the
plan counts from before the as-of date (overdue) is due on the first working day from the
as-of date on (a Saturday as-of date: the Monday; a holiday, or a freeze day where the
freeze stops pauses, is skipped too, as for every pause start), and dated there in every
deliverable: it then ends later, never earlier. The cutover steps a pause protects (those
that end while it holds) get the pause's last day as their deadline (MS Project shows it),
and a cutover that ends on that very day has no float: a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from planner.core.enforcement import DayStage, daily_stages
from planner.core.explanation import Driver, Listed, Message, Reason, message
from planner.core.knowledge import Knowledge
from planner.core.knowledge_facts import facts_of
from planner.core.model import Finding, Severity
from planner.core.pause_policy import days_per_year, pause_budget, pause_command
from planner.core.plan import Exposure, Pause, Phase, Proposal, Schedule, ScheduledStep, Step

__all__ = ["OWNER", "PauseSteps", "due_day", "needed_now", "pause_steps"]

OWNER = "exo_admin"  # the customer's Exchange Online administrator
RULE = "enforcement_pause"


@dataclass(frozen=True)
class PauseSteps:
    """The proposal and schedule with the pause steps added, and the no-float warnings."""

    proposal: Proposal
    schedule: Schedule
    findings: tuple[Finding, ...]


def _without(pauses: tuple[Pause, ...], pause: Pause) -> tuple[Pause, ...]:
    return tuple(p for p in pauses if p != pause)


@dataclass(frozen=True)
class _Harm:
    """What a server suffers from a pause's start on were the pause not run: its first
    throttled or blocked day in the window, and since when it has been in that stage (the
    same day, unless the stage already holds when the pause would begin). ``again``: the day
    it is back in that stage after an earlier pause of the plan (None: no pause between)."""

    day: DayStage
    since: date
    again: date | None = None
    # the highest stage it reaches later in the window, were the pause not run (stage 8
    # from 27.11 after "stays blocked (stage 7)" since 17.11); None when it stays put
    worse: DayStage | None = None


def _first_harm(exposure: Exposure, pause: Pause, others: tuple[Pause, ...],
                knowledge: Knowledge, until: date | None = None) -> _Harm | None:
    """The first throttled or blocked day of this server from the pause start up to ``until``
    (default: the pause's end) and its cutover, were the pause not run."""
    last = until or pause.end
    end = min(last, exposure.cutover) if exposure.cutover else last
    strip = daily_stages(exposure, others, knowledge.policy, end)
    for i, day in enumerate(strip):
        if day.day >= pause.start and day.kind in ("throttle", "block"):
            first = i  # walk back to the start of this stage: a 2024 block is "since 2024"
            again = None  # through an earlier pause: the stage held before it, too
            while first > 0 and strip[first - 1].stage == day.stage \
                    and strip[first - 1].kind in (day.kind, "paused"):
                if strip[first - 1].kind == "paused" and again is None:
                    again = strip[first].day
                first -= 1
            while strip[first].kind == "paused":  # the stage began while paused: after it
                first += 1
            later = [d for d in strip[i:] if d.kind in ("throttle", "block")
                     and d.stage > day.stage]
            worst = max(later, key=lambda d: (d.stage, -d.day.toordinal()), default=None)
            return _Harm(day, strip[first].day, again if again != strip[first].day else None,
                         worst)
    return None


def _harmed_now(harm: dict[str, _Harm], as_of: date) -> bool:
    """Whether a server the pause holds is throttled or blocked on the as-of date already
    (else a pause needed now is needed only because the plan counts it from then)."""
    return any((h.again or h.since) <= as_of for h in harm.values())


def needed_now(pause: Pause, harm: dict[str, _Harm], as_of: date) -> bool:
    """Whether the pause must be requested by the as-of date: it would begin by then, or a
    server it holds is already throttled or blocked on that day with no pause of the plan
    in between (then that earlier pause is the one needed now). A pause that ended before
    the as-of date is history (or missed: a finding), never a task for now."""
    if pause.end < as_of:
        return False
    return pause.start <= as_of or _harmed_now(harm, as_of)


def _consequence(server: str, harm: _Harm, pause: Pause) -> Message:
    first = _first_consequence(server, harm, pause)
    if harm.worse is None:
        return first
    return message("exo.pause_step.consequence_worse", first=first, stage=harm.worse.stage,
                   from_day=harm.worse.day,
                   kind=message(f"exo.today.kind_lower.{harm.worse.kind}"))


def _first_consequence(server: str, harm: _Harm, pause: Pause) -> Message:
    kind = message(f"exo.today.kind_lower.{harm.day.kind}")
    if harm.again is not None:  # back in the stage it had before an earlier pause
        return message("exo.pause_step.consequence_again", server=server,
                       stage=harm.day.stage, since=harm.since, again=harm.again, kind=kind)
    if harm.since < pause.start:  # the stage holds already: say since when, in the past
        return message("exo.pause_step.consequence_since", server=server,
                       stage=harm.day.stage, since=harm.since, kind=kind)
    return message("exo.pause_step.consequence", server=server, stage=harm.day.stage,
                   from_day=harm.day.day, kind=kind)


WorkingDay = Callable[[date], bool]


def _any_day(_: date) -> bool:
    return True


def due_day(pause: Pause, as_of: date, working: WorkingDay = _any_day) -> date:
    """The day the admin runs a pause needed now: its first counted day, so the command's
    days end on the pause's planned last day; when that day is past (overdue), the first
    working day from the as-of date on (a year of days without one: the as-of date)."""
    if pause.start >= as_of:
        return pause.start
    return next((d for d in (as_of + timedelta(days=i) for i in range(366)) if working(d)),
                as_of)


def _texts(n: int, pause: Pause, harm: dict[str, _Harm],
           as_of: date, due: date) -> tuple[Message, Reason]:
    """The step's title and reason: when to run it, for whom, and what happens if not."""
    budget = Listed(tuple(message("exo.pause_step.budget_year", days=d, year=str(y))
                          for y, d in days_per_year(pause.start, pause.days).items()))
    now = needed_now(pause, harm, as_of)
    fields = {"start": pause.start, "end": pause.end, "budget": budget, "as_of": as_of,
              "due": due,
              "length": message("exo.pause_error.days", count=pause.days)}
    if harm:
        # Run on another day than the plan counts from, the pause ends that much off too.
        shift = message("exo.pause_step.shift_later" if pause.start <= as_of else
                        "exo.pause_step.shift_earlier", start=pause.start)
        # "already throttled or blocked" only where it is true; a pause the plan counts
        # from today for a server only reported today is needed now for that reason alone
        key = ("why_now" if _harmed_now(harm, as_of) else "why_now_start") if now else "why"
        why = message(f"exo.pause_step.{key}", servers=sorted(harm), shift=shift, **fields)
    else:  # a fixed pause no judged server needs: say so, never "for –"
        why = message("exo.pause_step.why_now_unused" if now else "exo.pause_step.why_unused",
                      **fields)
    consequences = (Listed(tuple(_consequence(s, h, pause) for s, h in sorted(harm.items())))
                    if harm else message("exo.pause_step.nothing"))
    reason = Reason.of(RULE, why, [message("exo.pause_step.if_not_run",
                                          consequences=consequences)])
    if now:
        return message("exo.pause_step.title_now", count=pause.days, n=n, due=due), reason
    return message("exo.pause_step.title", count=pause.days, n=n), reason


def _step(n: int, pause: Pause, harm: dict[str, _Harm], as_of: date, due: date,
          knowledge: Knowledge) -> Step:
    cmd = pause_command(knowledge.policy.pause_cmdlet, pause.days)
    title, reason = _texts(n, pause, harm, as_of, due)
    # A pause needed now has a deadline (MS Project shows it): its first counted day, which is
    # a working day; when the plan counts it from before the as-of date (overdue), the first
    # working day from the as-of date on.
    deadline = due if needed_now(pause, harm, as_of) else None
    return Step(id=f"pause:{n}", title_en="", title_de="", kind="pause",
                phase=Phase.HYBRID, target="tenant", duration_days=1, rule=RULE,
                why_en="", why_de="", command=cmd, deadline=deadline,
                source=facts_of(knowledge).pause_cmdlet_source, needs_consultant=False,
                owner=OWNER, title_message=title, reason=reason)


def _dated(step: Step, pause: Pause, harmed: bool) -> ScheduledStep:
    """The pause step's date: the pause's first counted day (a working day), or for an
    overdue pause the working day it is due on (never a day already past). ``harmed``: a
    server it holds is throttled or blocked on the as-of date already."""
    key = "pause" if step.deadline is None else ("pause_now" if harmed else "pause_due")
    day = max(pause.start, step.deadline or pause.start)
    return ScheduledStep(step.id, day, day, "", Driver(kind="deadline", key=key, day=day))


_MARGIN_DAYS = 7  # a missed Saturday window moves a cutover by a week


def _no_float(exit_step: Step, dated: ScheduledStep, server: str, n: int, pause: Pause,
              harm: DayStage, spare: int, lapsing: bool, longer: int) -> tuple[Finding, int]:
    """The cutover ends on the pause's last day; ``spare``: days of the pause's year the
    budget leaves, offered as margin (two reviews: a pause without float while 60 days of
    the year's budget lapse unused): up to a week, or to the year's end where no later
    pause that year needs them (``lapsing``: they lapse on 31 December anyway); ``longer``:
    the days one request may still add (a request holds at most a year's budget)."""
    # The finding concerns the server the step works on (a step id is no name for people).
    kind = message(f"exo.today.kind_lower.{harm.kind}")
    step = exit_step.title_message or exit_step.title("en")
    # within the pause's own year, whose budget the figure is
    to_new_year = (date(pause.end.year, 12, 31) - pause.end).days
    margin = min(spare, longer, to_new_year if lapsing else min(_MARGIN_DAYS, to_new_year))
    if margin > 0:
        return Finding.about(Severity.WARNING, "PAUSE-NO-FLOAT", exit_step.target,
                             text_key="exo.pause_step.no_float_margin", server=server, n=n,
                             end=dated.end, step=step, kind=kind, spare=spare,
                             year=str(pause.end.year), count=pause.days + margin,
                             until=pause.end + timedelta(days=margin)), margin
    return Finding.about(Severity.WARNING, "PAUSE-NO-FLOAT", exit_step.target,
                         text_key="exo.pause_step.no_float", server=server, n=n,
                         end=dated.end, step=step, kind=kind), 0


def _with_margin(step: Step, pause: Pause, margin: int) -> Step:
    """The pause's step with the margin its warning advises in its reason, so the step and
    the warning name one length (a review read "34 days" in the step and "request 41" in
    the warning). Its command stays the plan's length, as every deliverable and the pause
    script give it."""
    advice = message("exo.pause_step.margin", count=pause.days + margin, planned=pause.days,
                     until=pause.end + timedelta(days=margin))
    reason = step.reason
    if reason is None:
        return step
    return replace(step, reason=replace(reason, details=(advice, *reason.details)))


def pause_steps(proposal: Proposal, schedule: Schedule, knowledge: Knowledge,
                as_of: date, working: WorkingDay = _any_day,
                requested: frozenset[tuple[date, int]] = frozenset(),
                used: Mapping[int, int] | None = None) -> PauseSteps:
    """Add one customer step per pause; protected cutovers get the pause end as deadline.
    ``working``: the customer's working days (an overdue pause is due on the next one).
    ``requested``: (start, days) of pauses already running before the as-of date (recorded
    fixed pauses): history, so no step asks for them again; their end still dates the
    cutovers they hold. ``used``: pause days used per year before the plan (the margin a
    pause without float can have)."""
    pauses = schedule.pauses
    budget = pause_budget(pauses, dict(used or {}))
    most = knowledge.policy.pause_max_days_per_year
    steps, dated, findings = list(proposal.steps), list(schedule.steps), []
    by_id = {s.step_id: s for s in schedule.steps}
    for n, pause in enumerate(pauses, start=1):
        harm, held = {}, {}
        for exposure in schedule.exposure:
            others = _without(pauses, pause)
            found = _first_harm(exposure, pause, others, knowledge)
            if found is not None:
                harm[exposure.server] = found
            # A pause that stops the clock also protects what would come after it, before
            # the cutover: that is what the customer loses by not running it.
            later = _first_harm(exposure, pause, others, knowledge, exposure.cutover)
            if later is not None:
                held[exposure.server] = later
        mine = None  # the index of this pause's own step
        if (pause.start, pause.days) not in requested:
            steps.append(_step(n, pause, held, as_of, due_day(pause, as_of, working),
                               knowledge))
            dated.append(_dated(steps[-1], pause, _harmed_now(held, as_of)))
            mine = len(steps) - 1
        margin = 0
        for i, step in enumerate(steps):
            protected = [s for s in step.exits_exo_view if s in harm]
            when = by_id.get(step.id)
            # Only a step that ends while the pause holds depends on it: one the plan puts
            # after the pause's end (a later pause's cutover, a decommissioning) would get a
            # deadline before its own start, shown as missed in MS Project.
            if not protected or when is None or not pause.start <= when.end <= pause.end:
                continue
            deadline = min(step.deadline or pause.end, pause.end)
            steps[i] = replace(step, deadline=deadline)
            if when.end == pause.end:
                year = pause.end.year
                spare = most - (used or {}).get(year, 0) - budget.get(year, 0)
                # a pause within one year and none after it that year: the year's other
                # days lapse on 31 December whatever happens
                lapsing = pause.start.year == year and not any(
                    p.start > pause.end and p.start.year == year for p in pauses)
                finding, more = _no_float(step, when, protected[0], n, pause,
                                          harm[protected[0]].day, max(0, spare), lapsing,
                                          most - pause.days)
                findings.append(finding)
                margin = max(margin, more)
        if margin and mine is not None:
            steps[mine] = _with_margin(steps[mine], pause, margin)
    return PauseSteps(replace(proposal, steps=tuple(steps)),
                      replace(schedule, steps=tuple(dated)), tuple(findings))
