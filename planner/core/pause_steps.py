"""The pause as the customer's task: one step per planned pause, with its command and stakes.

A pause protects nothing unless the customer's Exchange Online administrator runs
``New-TenantExemptionInfo`` on its first day. So every pause of the schedule becomes a step
owned by that administrator, dated on the pause's first day (a working day outside freezes),
with the exact command and what happens to which server's mail if it is not run. The cutover
steps a pause protects get the pause's last day as their deadline (MS Project shows it), and
a cutover that ends on that very day has no float: a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from planner.core.catalogue import Catalogue, catalogue
from planner.core.enforcement import DayStage, daily_stages
from planner.core.explanation import Driver, message
from planner.core.knowledge import Knowledge
from planner.core.knowledge_facts import facts_of
from planner.core.model import Finding, Severity
from planner.core.pause_policy import days_per_year, pause_command
from planner.core.plan import Exposure, Pause, Phase, Proposal, Schedule, ScheduledStep, Step

__all__ = ["OWNER", "PauseSteps", "pause_steps"]

OWNER = "exo_admin"  # the customer's Exchange Online administrator
_LANGS = ("en", "de")


@dataclass(frozen=True)
class PauseSteps:
    """The proposal and schedule with the pause steps added, and the no-float warnings."""

    proposal: Proposal
    schedule: Schedule
    findings: tuple[Finding, ...]


def _without(pauses: tuple[Pause, ...], pause: Pause) -> tuple[Pause, ...]:
    return tuple(p for p in pauses if p != pause)


def _first_harm(exposure: Exposure, pause: Pause, others: tuple[Pause, ...],
                knowledge: Knowledge, until: date | None = None) -> DayStage | None:
    """The first throttled or blocked day of this server from the pause start up to ``until``
    (default: the pause's end) and its cutover, were the pause not run."""
    last = until or pause.end
    end = min(last, exposure.cutover) if exposure.cutover else last
    for day in daily_stages(exposure, others, knowledge.policy, end):
        if day.day >= pause.start and day.kind in ("throttle", "block"):
            return day
    return None


def _texts(cat: Catalogue, n: int, pause: Pause, harm: dict[str, DayStage],
           as_of: date) -> tuple[str, str]:
    budget = cat.names(cat("exo.pause_step.budget_year", days=d, year=y)
                       for y, d in days_per_year(pause.start, pause.days).items())
    servers = cat.names(sorted(harm)) or "–"
    why = cat("exo.pause_step.why", start=pause.start, days=pause.days, end=pause.end,
              servers=servers, budget=budget)
    consequences = cat.names(
        cat("exo.pause_step.consequence", server=s, stage=d.stage, from_day=d.day,
            kind=cat(f"exo.today.kind_lower.{d.kind}")) for s, d in sorted(harm.items())
    ) or cat("exo.pause_step.nothing")
    why = f"{why} {cat('exo.pause_step.if_not_run', consequences=consequences)}"
    if pause.start <= as_of:
        why = cat("exo.pause_step.why_now", as_of=as_of, rest=why)
        title = cat("exo.pause_step.title_now", n=n, days=pause.days, as_of=as_of)
    else:
        title = cat("exo.pause_step.title", n=n, days=pause.days)
    return title, why


def _step(n: int, pause: Pause, harm: dict[str, DayStage], as_of: date,
          knowledge: Knowledge) -> Step:
    cmd = pause_command(knowledge.policy.pause_cmdlet, pause.days)
    (title_en, why_en), (title_de, why_de) = (
        _texts(catalogue(lang), n, pause, harm, as_of) for lang in _LANGS)
    return Step(id=f"pause:{n}", title_en=title_en, title_de=title_de, kind="pause",
                phase=Phase.HYBRID, target="tenant", duration_days=1, rule="enforcement_pause",
                why_en=why_en, why_de=why_de, command=cmd,
                source=facts_of(knowledge).pause_cmdlet_source, needs_consultant=False, owner=OWNER)


def _no_float(exit_step: Step, dated: ScheduledStep, server: str, n: int, pause: Pause,
              harm: DayStage) -> Finding:
    # The finding concerns the server the step works on (a step id is no name for people).
    kind = message(f"exo.today.kind_lower.{harm.kind}")
    if exit_step.title_message is not None:
        return Finding.about(Severity.WARNING, "PAUSE-NO-FLOAT", exit_step.target,
                             text_key="exo.pause_step.no_float", server=server, n=n,
                             end=dated.end, step=exit_step.title_message, kind=kind)
    # a step whose title is still an en/de pair: the finding carries a pair too
    en, de = (catalogue(lang)("exo.pause_step.no_float", server=server, n=n, end=dated.end,
                              step=exit_step.title(lang), kind=catalogue(lang).render(kind))
              for lang in _LANGS)
    return Finding(Severity.WARNING, "PAUSE-NO-FLOAT", en, de, target=exit_step.target)


def pause_steps(proposal: Proposal, schedule: Schedule, knowledge: Knowledge,
                as_of: date) -> PauseSteps:
    """Add one customer step per pause; protected cutovers get the pause end as deadline."""
    pauses = schedule.pauses
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
        steps.append(_step(n, pause, held, as_of, knowledge))
        dated.append(ScheduledStep(f"pause:{n}", pause.start, pause.start, "",
                                   Driver(kind="deadline", key="pause", day=pause.start)))
        for i, step in enumerate(steps):
            protected = [s for s in step.exits_exo_view if s in harm]
            if not protected:
                continue
            deadline = min(step.deadline or pause.end, pause.end)
            steps[i] = replace(step, deadline=deadline)
            when = by_id.get(step.id)
            if when is not None and when.end == pause.end:
                findings.append(_no_float(step, when, protected[0], n, pause,
                                          harm[protected[0]]))
    return PauseSteps(replace(proposal, steps=tuple(steps)),
                      replace(schedule, steps=tuple(dated)), tuple(findings))
