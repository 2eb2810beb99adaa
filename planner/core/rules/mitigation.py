"""Rule exo_connector_repoint: a switchable mitigation that takes a server out of EXO's view early.

For each server the consultant names in ``Decisions.repoint_exo_connector``, the send
connector to Exchange Online is pointed at a server that already runs SE (or the first one
the plan upgrades or builds), so the old server stops handing mail to Exchange Online.
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.build_lifecycle import below_baseline
from planner.core.explanation import message
from planner.core.graph import is_exo_send_connector
from planner.core.model import Finding, Severity
from planner.core.plan import Phase, Step
from planner.core.rules.base import Context, Rule, RuleOutput, ServerFacts, deps, make_step
from planner.core.rules.commands import line, placeholder, quoted
from planner.core.rules.estate_facts import site_key
from planner.core.rules.receive import connector_servers

__all__ = ["RULE"]

_RULE = "exo_connector_repoint"


def _se_source(ctx: Context, prior: Mapping[str, Step]) -> tuple[str, str | None] | None:
    """(server name, step after which it runs SE) for the new connector source."""
    ready = [s for s in ctx.servers if s.product == "SE" and not s.server.is_edge
             and not s.excluded]
    if ready:
        return ready[0].name, None
    for st in prior.values():  # rules ran in plan order: the first SE-ready step wins
        if st.kind == "inplace_upgrade" or st.kind == "certificates_vdirs":
            return st.target.split(":", 1)[1], st.id
    return None


def _exo_connector(ctx: Context) -> str:
    """The inventory's send connector to Exchange Online, a placeholder when it lists none."""
    names = [c.name for c in ctx.estate.connectors if is_exo_send_connector(c)]
    return quoted(names[0]) if names else placeholder("outbound_connector")


def _step(ctx: Context, s: ServerFacts, source: tuple[str, str | None]) -> Step:
    to, after = source
    return make_step(
        ctx, _RULE, f"mitigate:{s.name}", "exo_connector_repoint", Phase.SIDE_BY_SIDE,
        f"server:{s.name}",
        message("steps.mitigation.title", server=s.name, to=to),
        [s.fact, message("steps.mitigation.judged"),
         message("steps.mitigation.runs_se" if after is None else "steps.mitigation.runs_se_after",
                 to=to)],
        {"server": s.name}, needs_window=True, predecessors=deps(after),
        exits_exo_view=(s.name,),
        command=f"Set-SendConnector {_exo_connector(ctx)} -SourceTransportServers {to}\n"
                + line("check_exo_inbound", to=to))


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    wanted = {n.lower() for n in ctx.decisions.repoint_exo_connector}
    steps: list[Step] = []
    findings: list[Finding] = []
    for s in ctx.servers:
        if s.name.lower() not in wanted or s.product == "SE":
            continue
        source = _se_source(ctx, prior)
        if not s.judged or source is None:
            why = "not_judged" if not s.judged else "no_takeover"
            findings.append(Finding.about(
                Severity.INFO, "RULES-MITIGATION-SKIPPED", f"server:{s.name}", server=s.name,
                why=message(f"steps.mitigation.skipped_{why}")))
            continue
        steps.append(_step(ctx, s, source))
    return RuleOutput(tuple(steps), findings=(*findings, *_repoint_possible(ctx, wanted)))


def _repoint_possible(ctx: Context, wanted: set[str]) -> list[Finding]:
    """Judged sources of the send connector to Exchange Online beside servers it does not
    judge: making those the only sources ends the enforcement against the judged ones the
    day it is done, without a pause (Nordwind, a consultant's review: four 2019 CU15 Oct25SU
    servers passed the baseline while a blocked 2016 server and a throttled CU14 one sent
    to Exchange Online for weeks more). Said, not planned: the servers taking over need the
    connector's certificate and a route to the cloud, checked first."""
    out = []
    for c in ctx.estate.connectors:
        if not is_exo_send_connector(c):
            continue
        on = connector_servers(ctx.estate, c)
        judged = [s.name for s in ctx.servers if s.name.lower() in on and s.judged
                  and s.name.lower() not in wanted]
        # not judged is not enough: a server that sends nothing to Exchange Online is not
        # judged whatever its build (Alpenglas's CU13 journaling server had been offered)
        today = ctx.settings.as_of or ctx.settings.start
        passing = [s for s in ctx.servers if not s.judged and not s.excluded
                   and not s.server.is_edge and s.product in ("2019", "SE")
                   and "mailbox" in " ".join(s.server.roles).lower() and s.info is not None
                   and not below_baseline(s.info, today, ctx.knowledge)]
        # those at the judged sources' own sites first (the mixed sample's Berlin connector
        # had been offered München's servers): the route to the cloud stays where it was
        sites = {site_key(s.server) for s in ctx.servers if s.name in judged}
        passing = [s for s in passing if site_key(s.server) in sites] or passing
        if judged and passing:
            out.append(Finding.about(
                Severity.WARNING, "RULES-EXO-REPOINT-POSSIBLE", f"server:{judged[0]}",
                judged=judged, connector=c.name, count=len(judged),
                passing=message("findings.passing_servers", count=len(passing),
                                names=[s.name for s in passing])))
    return out


RULE = Rule(_RULE, _propose)
