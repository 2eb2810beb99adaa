"""Rule se_cu_blocking_milestone: every 2016/2019 server gone before the SE CU that refuses them.

The CU's date is an unconfirmed estimate, and missing it only means the customer waits with
that CU until the old servers are gone. So the milestone is not a hard deadline (a plan
that cannot meet an estimate would otherwise get no dates at all); ``late_findings`` warns
after scheduling when the milestone falls after the expected date.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from planner.core.knowledge import Knowledge
from planner.core.model import Finding, Severity
from planner.core.plan import Phase, Schedule, Step
from planner.core.rules.base import Context, Rule, RuleOutput, deps, make_step

__all__ = ["MILESTONE", "RULE", "late_findings"]

MILESTONE = "milestone:se_cu_blocking"
_OLD = ("2016", "2019")
# Steps after which an old server no longer runs 2016/2019 code.
_ENDING_KINDS = ("inplace_upgrade", "decommission")


def _deadline(ctx: Context) -> date | None:
    value = ctx.fact("upgrade.se_cu_blocking_old.date")
    return value if isinstance(value, date) else None


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    old = [s for s in ctx.servers if s.product in _OLD]
    if not old:
        return RuleOutput()
    release = str(ctx.fact("upgrade.se_cu_blocking_old", "CU"))
    deadline = _deadline(ctx)
    # Each language writes the date its own way: "31 Mar 2027", "31.03.2027".
    when_en = f"{deadline.day} {deadline:%b %Y}" if deadline else "?"
    when_de = f"{deadline:%d.%m.%Y}" if deadline else "?"
    findings = [Finding(
        Severity.WARNING, "RULES-OLD-SERVER-KEPT",
        f"{s.name} runs Exchange {s.product} and stays in the plan; Exchange SE {release} "
        f"(expected about {when_en}) will refuse to install while it exists.",
        f"{s.name} läuft mit Exchange {s.product} und bleibt im Plan; Exchange SE {release} "
        f"(erwartet etwa {when_de}) lässt sich nicht installieren, solange er existiert.",
        target=f"server:{s.name}") for s in old if not s.planned]
    ending = [st.id for st in prior.values() if st.kind in _ENDING_KINDS]
    names = ", ".join(s.name for s in old)
    step = make_step(
        ctx, "se_cu_blocking_milestone", MILESTONE, "milestone", Phase.MILESTONE, "org",
        (f"No Exchange 2016/2019 left before Exchange SE {release}",
         f"Kein Exchange 2016/2019 mehr vor Exchange SE {release}"),
        (f"Exchange 2016/2019 servers today: {names}", f"Exchange-2016/2019-Server heute: {names}"),
        {"release": release, "date": when_en}, _reasons(ctx, release, when_en, when_de),
        milestone=True, needs_consultant=False, predecessors=deps(ending))
    return RuleOutput((step,), findings=tuple(findings))


def _reasons(ctx: Context, release: str, when_en: str,
             when_de: str) -> tuple[str, str] | None:
    """The rule's reason in both languages, each with the date written its own way."""
    text = ctx.text("se_cu_blocking_milestone")
    if text is None:
        return None
    return (text.reason_en.format(release=release, date=when_en),
            text.reason_de.format(release=release, date=when_de))


RULE = Rule("se_cu_blocking_milestone", _propose)


def late_findings(steps: Sequence[Step], schedule: Schedule,
                  knowledge: Knowledge) -> tuple[Finding, ...]:
    """A warning when the dated plan removes the last 2016/2019 server after the blocking CU."""
    fact = knowledge.facts.get("upgrade.se_cu_blocking_old.date")
    expected = fact.value if fact is not None and isinstance(fact.value, date) else None
    dated = next((d for d in schedule.steps if d.step_id == MILESTONE), None)
    if expected is None or dated is None or dated.start <= expected:
        return ()
    if not any(st.id == MILESTONE for st in steps):
        return ()
    release = str(knowledge.facts["upgrade.se_cu_blocking_old"].value
                  if "upgrade.se_cu_blocking_old" in knowledge.facts else "CU")
    return (Finding(
        Severity.WARNING, "RULES-SE-CU-BLOCKING-LATE",
        f"The plan removes the last Exchange 2016/2019 server on {dated.start.isoformat()}, "
        f"after Exchange SE {release} is expected (about {expected.isoformat()}); do not "
        f"install SE {release} until then, or start earlier.",
        f"Der Plan entfernt den letzten Exchange-2016/2019-Server am "
        f"{dated.start.strftime('%d.%m.%Y')}, nach dem erwarteten Exchange SE {release} (etwa "
        f"{expected.strftime('%d.%m.%Y')}); SE {release} erst danach installieren oder früher "
        "beginnen.",
        target=MILESTONE),)
