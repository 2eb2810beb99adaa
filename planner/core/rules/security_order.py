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

from planner.core.plan import Dependency, Step
from planner.core.rules.base import Context, Link, Rule, RuleOutput

__all__ = ["FACT", "RULE", "active"]

FACT = "security.2019_cu_before_first_se"
_RULE = "security_order"
# Steps after which an SE server is part of the organization.
_JOINS = ("install_se", "inplace_upgrade")


def active(ctx: Context) -> bool:
    """True when 2019 CU updates go before the first SE server (fact and rule switch)."""
    off = _RULE in {r.lower() for r in ctx.decisions.disabled_rules}
    return bool(ctx.fact(FACT, True)) and not off


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    if not active(ctx):
        return RuleOutput()
    updates = [st for st in prior.values() if st.rule == "cu_update_2019"]
    joins = [st for st in prior.values() if st.kind in _JOINS]
    links: list[Link] = [(j.id, Dependency(u.id)) for j in joins for u in updates
                         if j.target != u.target]  # a server's own upgrade follows its CU anyway
    return RuleOutput(links=tuple(links))


RULE = Rule(_RULE, _propose, links_only=True)
