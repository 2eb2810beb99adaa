"""Rule cu_update_2016: bring Exchange 2016 below CU23 to CU23 before the first SE setup runs.

Exchange 2016 goes side by side, but it stays in the organization next to the new SE servers
until its mailboxes have moved. Secondary sources (otsnews, eightwone) name 2016 CU23 as the
oldest release that coexists with SE and serves as a migration source; Microsoft's own table
could not be read, so the fact (``upgrade.2016_min_cu``) is marked secondary and a project can
override it. Every planned 2016 Mailbox server below that CU is updated first (latest SU in
the same window), DAG members one at a time, and Active Directory preparation with the SE
media (the first SE setup run) and every SE install wait for these updates. Edge servers are
left out: they sit outside the organization's Active Directory, and a 2016 Edge is replaced
by a new SE Edge anyway.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from planner.core.build_lifecycle import baseline_build
from planner.core.explanation import Message, message
from planner.core.knowledge_facts import MIN_CU_2016
from planner.core.plan import Dependency, Phase, Step
from planner.core.rules.adprep import ADPREP
from planner.core.rules.assess import product_name
from planner.core.rules.base import Context, Link, Rule, RuleOutput, ServerFacts, deps, make_step
from planner.core.rules.commands import (
    line,
    maintenance_wrapped,
    redirect_target,
    remark,
    setup_upgrade,
)
from planner.core.rules.licensing import LICENSE

__all__ = ["FACT", "RULE", "below_min_cu", "cu_number"]

_RULE = "cu_update_2016"
FACT = MIN_CU_2016  # the key, named in knowledge_facts
# The steps that run SE setup; the first of them must find no 2016 server below the minimum.
_SE_SETUP_KINDS = ("ad_prep", "install_se", "inplace_upgrade")


def cu_number(cu: str) -> int | None:
    """23 for "CU23", 0 for "RTM", None when the text names no CU."""
    text = cu.strip().upper()
    if text == "RTM":
        return 0
    m = re.fullmatch(r"CU\s*(\d+)", text)
    return int(m.group(1)) if m else None


def below_min_cu(s: ServerFacts, minimum: int) -> bool:
    """True for a 2016 server whose CU is older than ``minimum`` (or older than every known)."""
    if s.info is None or s.product != "2016":
        return False
    number = cu_number(s.info.cu) if s.info.cu else -1  # "": older than every known build
    return number is not None and number < minimum


def _targets(ctx: Context, minimum: int) -> list[ServerFacts]:
    return [s for s in ctx.servers if s.planned and not s.server.is_edge
            and below_min_cu(s, minimum)]


def _confidence(ctx: Context) -> Message:
    fact = ctx.facts.record(MIN_CU_2016)
    if fact is not None and fact.confidence == "override":
        return message("steps.cu2016.overridden")
    return message("steps.cu2016.secondary")


def _step(ctx: Context, s: ServerFacts, target: str, after: tuple[Dependency, ...]) -> Step:
    assert s.info is not None
    name, dag = s.name, s.server.dag
    note = [message("steps.inplace.dag_note", dag=dag)] if dag else []
    return make_step(
        ctx, _RULE, f"cu2016:{name}", "cu_update", Phase.UPDATE, f"server:{name}",
        message("steps.cu2016.title", server=name, target=target),
        [_confidence(ctx), *note],
        {"server": name, "release": product_name(s.info), "build": str(s.info.number),
         "target": target},
        predecessors=after, needs_window=True,
        resources=(f"server:{name}", f"dag:{dag}") if dag else (f"server:{name}",),
        # with the latest SU of its new CU it meets Exchange Online's baseline, if any does
        exits_exo_view=(name,) if s.judged and baseline_build("2016", target, ctx.knowledge)
        else (),
        command=maintenance_wrapped(
            name, dag, setup_upgrade() + remark("media_2016", target=target)
            + "\n" + line("install_2016_su", target=target),
            redirect_target(ctx, s)))


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    target = ctx.facts.min_cu_2016
    minimum = cu_number(target)
    if minimum is None:
        return RuleOutput()
    servers = _targets(ctx, minimum)
    # Only when the plan runs SE setup at all: otherwise nothing has to coexist with SE.
    setups = [st.id for st in prior.values() if st.kind in _SE_SETUP_KINDS]
    if not servers or not setups:
        return RuleOutput()
    gate = deps(LICENSE if LICENSE in prior else None)
    steps: list[Step] = []
    links: list[Link] = []
    last_in_dag: dict[str, str] = {}
    for s in servers:
        dag = s.server.dag.lower()
        after = deps(*(d.step_id for d in gate), last_in_dag.get(dag))
        step = _step(ctx, s, target, after)
        steps.append(step)
        if dag:
            last_in_dag[dag] = step.id
    # AD preparation is the first SE setup run and every install waits for it; without it
    # (no Mailbox install), every SE setup step waits for the updates directly.
    firsts = [ADPREP] if ADPREP in prior else setups
    links += [(first, Dependency(st.id)) for first in firsts for st in steps]
    return RuleOutput(tuple(steps), tuple(links))


RULE = Rule(_RULE, _propose)
