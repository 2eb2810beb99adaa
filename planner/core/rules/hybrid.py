"""Rule hybrid_hcw: re-run the HCW when the hybrid servers change; always check the hybrid app.

The Hybrid Configuration Wizard records which on-premises servers send to and receive from
Exchange Online and assigns their certificate. It only has to run again when those servers
change: new SE servers replacing 2016/2019 (side by side) or a retired server that carried
the hybrid mail flow. An in-place upgrade keeps the server names, certificates and
connectors, so it needs no re-run. The dedicated Exchange hybrid app (April 2025 hotfix
update on) is checked in every hybrid plan: first thing where every server's build can use
it already, else once SE servers carry the hybrid mail flow.
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.explanation import Message, message
from planner.core.model import ConnectorType
from planner.core.plan import Dependency, MigrationPath, Phase, Step
from planner.core.rules.base import Context, Link, Rule, RuleOutput, ServerFacts, deps, make_step
from planner.core.rules.commands import line
from planner.core.rules.hybrid_app import app_after, app_updates

__all__ = ["APP", "HCW", "RULE", "hybrid_carriers"]

HCW = "hybrid:hcw"
APP = "hybrid:app"
_TEXT = "steps.hybrid"  # the catalogue section of this rule's titles and details
_CARRY_KINDS = ("send_connectors", "namespace_switch", "edge_subscription")
_DEFAULT_APP = ".\\ConfigureExchangeHybridApplication.ps1 -FullyConfigureExchangeHybridApplication"
_LEAVES = (MigrationPath.SIDE_BY_SIDE, MigrationPath.DECOMMISSION)
_STAYS = (MigrationPath.IN_PLACE, MigrationPath.CU_THEN_IN_PLACE)


def _receive_endpoints(ctx: Context) -> set[str]:
    """Servers behind the host names Exchange Online's outbound connector delivers to."""
    est = ctx.estate
    hosts = {h.lower().rstrip(".") for c in est.connectors
             if c.type is ConnectorType.EXO_OUTBOUND for h in c.smart_hosts}
    out = set()
    for ns in est.namespaces:
        if ns.name.lower().rstrip(".") in hosts:
            out |= {s.name for ref in ns.servers if (s := est.server(ref)) is not None}
    out |= {s.name for h in hosts if (s := est.server(h)) is not None}
    return out


def hybrid_carriers(ctx: Context) -> list[ServerFacts]:
    """Servers known to carry hybrid mail flow: senders Exchange Online judges, receive ends."""
    names = set(ctx.graph.judged) | _receive_endpoints(ctx)
    return [s for s in ctx.servers if s.name in names and s.product != "2013"]


def _carrier_steps(ctx: Context, prior: Mapping[str, Step]) -> list[str]:
    """Steps after which SE servers carry the mail flow to Exchange Online."""
    judged = {s.name for s in ctx.servers if s.judged}
    edges = {s.name for s in ctx.servers if s.server.is_edge}
    inplace = [st for st in prior.values() if st.kind == "inplace_upgrade"]
    judged_inplace = [st.id for st in inplace if st.target.split(":", 1)[1] in judged]
    carriers = [st.id for st in prior.values() if st.kind in _CARRY_KINDS] + judged_inplace
    # Without a known carrier, the check waits until every Mailbox server's in-place upgrade
    # is done; an Edge carries no hybrid free/busy or MailTips, so it is not waited for.
    return carriers or [st.id for st in inplace if st.target.split(":", 1)[1] not in edges]


def _on_2013(ctx: Context) -> list[Message]:
    """That Exchange 2013 servers, still there, cannot use the dedicated app."""
    old = [s.name for s in ctx.servers if s.product == "2013" and not s.excluded]
    return [_text("app_2013", servers=old)] if old else []


def _names(servers: list[ServerFacts]) -> list[str]:
    return [s.name for s in servers]


def _text(key: str, **values: object) -> Message:
    return message(f"{_TEXT}.{key}", **values)


def _hcw_needed(ctx: Context) -> tuple[bool, Message]:
    """Whether the servers carrying hybrid mail flow change, and why."""
    carriers = hybrid_carriers(ctx)
    leaving = [s for s in carriers if s.planned and s.path in _LEAVES]
    if leaving:
        return True, _text("leaving", count=len(leaving), names=_names(leaving))
    old = [s for s in ctx.planned(*_LEAVES) if s.product in ("2016", "2019")]
    if not carriers and old:
        return True, _text("carriers_unknown", count=len(old), names=_names(old))
    staying = [s for s in carriers if s.planned and s.path in _STAYS] or ctx.planned(*_STAYS)
    return False, (_text("staying_named", names=_names(staying)) if staying
                   else _text("staying"))


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    if not ctx.hybrid or not ctx.planned(*_STAYS, MigrationPath.SIDE_BY_SIDE):
        return RuleOutput()
    org = ctx.estate.organization
    hybrid = _text("is_hybrid", customer=org.customer or _text("the_organization"),
                   tenant=org.tenant or _text("the_tenant"))
    needed, why = _hcw_needed(ctx)
    detail = [_text("situation", org=hybrid, why=why)]
    updates, update_links = app_updates(ctx, prior)
    early = app_after(ctx, {**prior, **{st.id: st for st in updates}})
    app = make_step(
        ctx, "hybrid_hcw", APP, "hybrid_app_check", Phase.HYBRID, "org",
        _text("app_now_title" if early == [] else "app_title"),
        detail if early is None else [*detail, _text("app_now" if not early else "app_soon"),
                                      *_on_2013(ctx)],
        predecessors=deps(early) if early is not None else
        deps(HCW if needed else _carrier_steps(ctx, prior)),
        command=ctx.facts.dedicated_app_command(_DEFAULT_APP))
    if not needed:
        return RuleOutput((*updates, app), tuple(update_links))
    leaving = tuple(s.name for s in ctx.planned(*_LEAVES) if s.judged and s.product != "2013")
    hcw = make_step(
        ctx, "hybrid_hcw", HCW, "hcw_rerun", Phase.HYBRID, "org",
        _text("hcw_title"), detail, needs_window=True,
        predecessors=deps(_carrier_steps(ctx, prior)),
        exits_exo_view=leaving,
        command=line("hcw"))
    # Old servers are removed only after the wizard has taken them out of the hybrid setup.
    links: list[Link] = [(st.id, Dependency(HCW)) for st in prior.values()
                         if st.kind == "decommission" and st.phase is Phase.DECOMMISSION]
    return RuleOutput((*updates, hcw, app), (*update_links, *links))


RULE = Rule("hybrid_hcw", _propose)
