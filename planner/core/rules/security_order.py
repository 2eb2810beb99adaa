"""Rule security_order: old Exchange 2019 goes to CU15 before the first SE server joins.

Microsoft names only Exchange 2016 CU23 and 2019 CU14/CU15 as sources for SE and says nothing
about SE beside 2019 CU13 or older. The cautious plan, as for 2016 below CU23, updates such
servers first: every SE install and every in-place upgrade waits for every 2019 CU update.
The fact (``security.2019_cu_before_first_se``) is marked unconfirmed; a project overrides it
or switches the rule off. Within those bounds the in-place rules already take judged and
Internet-facing servers first.
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.explanation import message
from planner.core.knowledge_facts import CU_BEFORE_SE
from planner.core.plan import Dependency, Phase, Step
from planner.core.rules.base import Context, Link, Rule, RuleOutput, deps, make_step

__all__ = ["FACT", "GATE", "RULE", "active"]

GATE = "security:cu15"

FACT = CU_BEFORE_SE  # the key, named in knowledge_facts
_RULE = "security_order"
# Steps after which an SE server is part of the organization.
_JOINS = ("install_se", "inplace_upgrade")


def active(ctx: Context) -> bool:
    """True when 2019 CU updates go before the first SE server (fact and rule switch)."""
    off = _RULE in {r.lower() for r in ctx.decisions.disabled_rules}
    return ctx.facts.cu_before_first_se and not off


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    if not active(ctx):
        return RuleOutput()
    updates = [st for st in prior.values() if st.rule == "cu_update_2019"]
    joins = [st for st in prior.values() if st.kind in _JOINS]
    if not updates or not joins:
        return RuleOutput()
    names = [st.target.partition(":")[2] for st in updates]
    # One milestone between the updates and the joins keeps the links linear in the estate.
    gate = make_step(
        ctx, _RULE, GATE, "milestone", Phase.UPDATE, "org",
        message("steps.security_order.title"),
        [message("steps.security_order.updated_first", names=names)],
        milestone=True, needs_consultant=False, predecessors=deps(st.id for st in updates))
    # A server's own upgrade follows its CU anyway; it waits for the others' updates too.
    links: list[Link] = [(j.id, Dependency(GATE)) for j in joins]
    return RuleOutput((gate,), tuple(links))


# Switching the rule off skips it, milestone and links alike.
RULE = Rule(_RULE, _propose, links_only=True)
