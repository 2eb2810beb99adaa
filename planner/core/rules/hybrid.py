"""Rule hybrid_hcw: once SE servers carry hybrid mail flow, re-run the HCW, check the hybrid app."""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.plan import Dependency, MigrationPath, Phase, Step
from planner.core.rules.base import Context, Link, Rule, RuleOutput, deps, make_step

__all__ = ["HCW", "RULE"]

HCW = "hybrid:hcw"
APP = "hybrid:app"
_CARRY_KINDS = ("send_connectors", "namespace_switch", "edge_subscription")
_DEFAULT_APP = ".\\ConfigureExchangeHybridApplication.ps1 -FullyConfigureExchangeHybridApplication"


def _carriers(ctx: Context, prior: Mapping[str, Step]) -> list[str]:
    """Steps after which SE servers carry the mail flow to Exchange Online."""
    judged = {s.name for s in ctx.servers if s.judged}
    inplace = [st for st in prior.values() if st.kind == "inplace_upgrade"]
    judged_inplace = [st.id for st in inplace if st.target.split(":", 1)[1] in judged]
    carriers = [st.id for st in prior.values() if st.kind in _CARRY_KINDS] + judged_inplace
    # Without a known carrier, the wizard waits until every in-place upgrade is done.
    return carriers or [st.id for st in inplace]


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    if not ctx.hybrid or not ctx.planned(MigrationPath.IN_PLACE, MigrationPath.CU_THEN_IN_PLACE,
                                         MigrationPath.SIDE_BY_SIDE):
        return RuleOutput()
    leaving = tuple(s.name for s in ctx.planned(MigrationPath.SIDE_BY_SIDE,
                                                MigrationPath.DECOMMISSION)
                    if s.judged and s.product != "2013")
    org = ctx.estate.organization
    tenant = org.tenant or "the tenant"
    facts = (f"{org.customer or 'The organization'} is hybrid with {tenant}",
             f"{org.customer or 'Die Organisation'} ist hybrid mit "
             f"{org.tenant or 'dem Mandanten'}")
    hcw = make_step(
        ctx, "hybrid_hcw", HCW, "hcw_rerun", Phase.HYBRID, "org",
        ("Re-run the Hybrid Configuration Wizard", "Hybrid Configuration Wizard erneut ausführen"),
        facts, {"server": ", ".join(leaving)}, needs_window=True,
        predecessors=deps(_carriers(ctx, prior)), exits_exo_view=leaving,
        command="HCW: choose the SE servers as sending and receiving transport servers, assign "
                "the certificate; keep custom settings with 'Choose Exchange Hybrid "
                "Configuration'")
    app = make_step(
        ctx, "hybrid_hcw", APP, "hybrid_app_check", Phase.HYBRID, "org",
        ("Check the dedicated Exchange hybrid app", "Dedizierte Exchange-Hybrid-App prüfen"),
        facts, {"server": ", ".join(leaving)}, predecessors=deps(HCW),
        command=str(ctx.fact("hybrid.dedicated_app_command", _DEFAULT_APP)))
    # Old servers are removed only after the wizard has taken them out of the hybrid setup.
    links: list[Link] = [(st.id, Dependency(HCW)) for st in prior.values()
                         if st.kind == "decommission" and st.phase is Phase.DECOMMISSION]
    return RuleOutput((hcw, app), tuple(links))


RULE = Rule("hybrid_hcw", _propose)
