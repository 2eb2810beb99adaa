"""Rule se_cu_blocking_milestone: every 2016/2019 server gone before the SE CU that refuses them.

The CU's date is an unconfirmed estimate, and missing it only means the customer waits with
that CU until the old servers are gone. So the milestone is not a hard deadline (a plan
that cannot meet an estimate would otherwise get no dates at all); ``late_findings`` warns
after scheduling when the milestone falls after the expected date.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planner.core.explanation import message
from planner.core.knowledge import Knowledge
from planner.core.knowledge_facts import facts_of
from planner.core.model import Finding, Severity
from planner.core.plan import Phase, Schedule, Step
from planner.core.rules.base import Context, Rule, RuleOutput, deps, make_step

__all__ = ["MILESTONE", "RULE", "late_findings"]

MILESTONE = "milestone:se_cu_blocking"
_OLD = ("2016", "2019")
# Steps after which an old server no longer runs 2016/2019 code.
_ENDING_KINDS = ("inplace_upgrade", "decommission")


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    old = [s for s in ctx.servers if s.product in _OLD]
    if not old:
        return RuleOutput()
    release = ctx.facts.se_cu_blocking_release
    deadline = ctx.facts.se_cu_blocking_date
    findings = [Finding.about(Severity.WARNING, "RULES-OLD-SERVER-KEPT", f"server:{s.name}",
                              server=s.name, product=s.product, release=release, day=deadline)
                for s in old if not s.planned]
    ending = [st.id for st in prior.values() if st.kind in _ENDING_KINDS]
    step = make_step(
        ctx, "se_cu_blocking_milestone", MILESTONE, "milestone", Phase.MILESTONE, "org",
        message("steps.milestone.title", release=release),
        [message("steps.milestone.servers_today", servers=[s.name for s in old])],
        {"release": release, "date": deadline},
        milestone=True, needs_consultant=False, predecessors=deps(ending))
    return RuleOutput((step,), findings=tuple(findings))


RULE = Rule("se_cu_blocking_milestone", _propose)


def late_findings(steps: Sequence[Step], schedule: Schedule,
                  knowledge: Knowledge) -> tuple[Finding, ...]:
    """A warning when the dated plan removes the last 2016/2019 server after the blocking CU."""
    facts = facts_of(knowledge)
    expected = facts.se_cu_blocking_date
    dated = next((d for d in schedule.steps if d.step_id == MILESTONE), None)
    if expected is None or dated is None or dated.start <= expected:
        return ()
    if not any(st.id == MILESTONE for st in steps):
        return ()
    return (Finding.about(Severity.WARNING, "RULES-SE-CU-BLOCKING-LATE", MILESTONE,
                          day=dated.start, release=facts.se_cu_blocking_release,
                          expected=expected),)
