"""Rule edge_2016 (replace 2016 Edge servers) and Edge re-subscription for new Mailbox servers.

Mailbox servers installed after an Edge subscription do not take part in EdgeSync until the
Edge is subscribed again, so every Edge that stays gets a new subscription once the new SE
Mailbox servers exist, and the old Mailbox servers wait for it before they are removed.
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.plan import Dependency, MigrationPath, Phase, Step
from planner.core.rules.assess import product_name
from planner.core.rules.base import Context, Link, Rule, RuleOutput, ServerFacts, deps, make_step
from planner.core.rules.commands import SETUP_ACCEPT, line, placeholder, remark
from planner.core.rules.edge_connectors import edge_connector_steps
from planner.core.rules.groups import new_edge_name
from planner.core.rules.inbound_mail import group_inbound_steps
from planner.core.rules.licensing import LICENSE
from planner.core.rules.receive import unexplained_relay_ips
from planner.core.rules.side_by_side import new_server_install_ids

__all__ = ["INBOUND", "RULE", "RULE_RESUBSCRIBE"]

INBOUND = "edge_inbound_switch"

_SUBSCRIBE = ("New-EdgeSubscription -FileName C:\\EdgeSubscription.xml" + remark("edge.on_edge")
              + "\nNew-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes("
              "'C:\\EdgeSubscription.xml')) -Site " + placeholder("ad_site")
              + remark("edge.on_mailbox_server") + "\n"
              "Start-EdgeSynchronization; Test-EdgeSynchronization")


def _fields(s: ServerFacts) -> dict[str, str]:
    return {"server": s.name, "release": product_name(s.info) if s.info else "",
            "build": str(s.info.number) if s.info else ""}


def _reason(s: ServerFacts) -> tuple[str, str] | None:
    """Own wording when the rule's "Exchange 2016 Edge" reason does not fit this server."""
    if s.product == "2016" and s.path is MigrationPath.SIDE_BY_SIDE:
        return None
    if s.path is MigrationPath.DECOMMISSION:
        return (f"{s.fact_en}: {s.reason_en}. The Edge subscription is removed and mail flows "
                "through the Mailbox servers, then the Edge is uninstalled.",
                f"{s.fact_de}: {s.reason_de}. Das Edge-Abonnement wird entfernt und die Mail "
                "fließt über die Postfachserver, dann wird der Edge deinstalliert.")
    return (f"{s.fact_en}: {s.reason_en}. A new SE Edge with a new Edge subscription replaces "
            "it, then it is removed.",
            f"{s.fact_de}: {s.reason_de}. Ein neuer SE-Edge mit neuem Edge-Abonnement ersetzt "
            "ihn, dann wird er entfernt.")


def _inbound(ctx: Context, s: ServerFacts, to: str, after: str | None) -> Step:
    """Internet mail reaches the new Edge (or the Mailbox servers) before the old one goes."""
    mx = [n.name for n in ctx.estate.namespaces
          if any(ctx.estate.server(r) is s.server for r in n.servers)]
    where = (f"; the inventory ties {', '.join(mx)} to it" if mx else "",
             f"; laut Bestand hängt {', '.join(mx)} daran" if mx else "")
    return make_step(
        ctx, INBOUND, f"edge:inbound:{s.name}", "edge_inbound_switch", Phase.SIDE_BY_SIDE,
        f"server:{s.name}",
        (f"Switch inbound internet mail from {s.name} to {to} and test it",
         f"Eingehende Internet-Mail von {s.name} auf {to} umstellen und testen"),
        (f"{s.fact_en}{where[0]}", f"{s.fact_de}{where[1]}"), {"server": s.name, "target": to},
        needs_window=True, predecessors=deps(after),
        command="\n".join(line(f"edge.inbound_{part}", old=s.name, new=to)
                          for part in ("point", "test", "queue")))


def _receivers(ctx: Context) -> list[str]:
    """Without a new Edge, the Mailbox servers that stay or are new take internet mail."""
    names = [m.name for m in ctx.servers if not m.server.is_edge and not m.excluded
             and m.product != "2013" and m.path is not MigrationPath.DECOMMISSION
             and m.path is not MigrationPath.SIDE_BY_SIDE]
    return names + [i.split(":", 2)[2] for i in new_server_install_ids(ctx)]


def _replace(ctx: Context, s: ServerFacts, prior: Mapping[str, Step]) -> list[Step]:
    new, facts, fields = new_edge_name(ctx, s), (s.fact_en, s.fact_de), _fields(s)
    reason = _reason(s)
    retired = s.path is MigrationPath.DECOMMISSION
    # its own receive connectors and relay clients move first (EdgeSync does not copy them)
    moved = edge_connector_steps(
        ctx, s, (_receivers(ctx) or ["<Mailbox server>"]) if retired else [new], reason,
        new_server_install_ids(ctx) if retired else [f"edge:new:{s.name}"],
        [] if retired else [f"edge:subscribe:{s.name}"])
    remove = make_step(
        ctx, "edge_2016", f"edge:remove:{s.name}", "decommission", Phase.DECOMMISSION,
        f"server:{s.name}",
        (f"Remove the Edge subscription and decommission {s.name}",
         f"Edge-Abonnement entfernen und {s.name} außer Betrieb nehmen"),
        facts, fields, reason, needs_window=True, resources=(f"server:{s.name}",),
        predecessors=deps(None if retired else f"edge:subscribe:{s.name}",
                          [m.id for m in moved]),
        exits_exo_view=(s.name,) if s.judged else (),
        command=f"Remove-EdgeSubscription {s.name}" + remark("edge.on_mailbox_server")
        + "\nSetup.exe /Mode:Uninstall" + remark("on_server", server=s.name))
    if retired:
        return [*moved, remove]  # retired without a replacement: no new Edge
    return [
        make_step(ctx, "edge_2016", f"edge:new:{s.name}", "edge_new", Phase.SIDE_BY_SIDE,
                  f"server:{new}",
                  (f"Install new SE Edge server {new}", f"Neuen SE-Edge-Server {new} installieren"),
                  facts, fields, reason, resources=(f"server:{new}",),
                  predecessors=deps(LICENSE if LICENSE in prior else None),
                  command=f"Setup.exe /Mode:Install /Roles:EdgeTransport {SETUP_ACCEPT}"),
        make_step(ctx, "edge_2016", f"edge:subscribe:{s.name}", "edge_subscription",
                  Phase.SIDE_BY_SIDE, f"server:{new}",
                  (f"Subscribe {new} to the organization", f"{new} an die Organisation abonnieren"),
                  (f"{s.fact_en}; after the new SE Mailbox servers exist",
                   f"{s.fact_de}; nachdem die neuen SE-Postfachserver bestehen"), fields,
                  reason, needs_window=True,
                  predecessors=deps(f"edge:new:{s.name}", new_server_install_ids(ctx)),
                  command=_SUBSCRIBE),
        *moved,
        remove,
    ]


def _leaving(ctx: Context) -> list[ServerFacts]:
    """Edge servers the plan replaces or retires."""
    return [s for s in ctx.planned(MigrationPath.SIDE_BY_SIDE, MigrationPath.DECOMMISSION)
            if s.server.is_edge and s.product != "2013"]


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    leaving = _leaving(ctx)
    return RuleOutput(tuple(st for s in leaving for st in _replace(ctx, s, prior)),
                      findings=tuple(unexplained_relay_ips(ctx, [s.server for s in leaving])))


def _propose_inbound(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    """Every Edge (and Mailbox group) that receives internet mail and leaves hands it to its
    successor first; the removal waits."""
    steps: list[Step] = []
    links: list[Link] = []
    for s in _leaving(ctx):
        if s.path is MigrationPath.DECOMMISSION:
            step = _inbound(ctx, s, ", ".join(_receivers(ctx)) or "?", None)
        else:
            subscribe = f"edge:subscribe:{s.name}"
            step = _inbound(ctx, s, new_edge_name(ctx, s),
                            subscribe if subscribe in prior else None)
        steps.append(step)
        links.append((f"edge:remove:{s.name}", Dependency(step.id)))
    # Mailbox servers that receive internet mail themselves hand it over the same way.
    group_steps, group_links = group_inbound_steps(ctx)
    return RuleOutput(tuple(steps + group_steps), tuple(links + group_links))


def _resubscribe(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    installs = new_server_install_ids(ctx)
    kept = [s for s in ctx.servers if s.server.is_edge and not s.excluded and s.info
            and s.path not in (MigrationPath.SIDE_BY_SIDE, MigrationPath.DECOMMISSION)]
    if not installs or not kept:
        return RuleOutput()
    steps: list[Step] = []
    links: list[Link] = []
    decoms = [st.id for st in prior.values() if st.id.startswith("sbs:decom:")]
    for s in kept:
        sid = f"edge:resubscribe:{s.name}"
        after = [f"su:{s.name}"] if f"su:{s.name}" in prior else []
        steps.append(make_step(
            ctx, "side_by_side_2016", sid, "edge_subscription", Phase.SIDE_BY_SIDE,
            f"server:{s.name}",
            (f"Re-subscribe Edge {s.name} for the new SE Mailbox servers",
             f"Edge {s.name} für die neuen SE-Postfachserver neu abonnieren"),
            (f"{s.fact_en}; Mailbox servers installed after a subscription do not take part in "
             "EdgeSync until the Edge is subscribed again",
             f"{s.fact_de}; nach dem Abonnement installierte Postfachserver nehmen erst nach "
             "einem neuen Abonnement an EdgeSync teil"),
            _fields(s),
            # the side-by-side rule's reason speaks of replacing 2016; this Edge stays
            reason=(f"{s.fact_en}; the Edge stays while new SE Mailbox servers join the "
                    "organization",
                    f"{s.fact_de}; der Edge-Server bleibt, während neue SE-Postfachserver in die "
                    "Organisation kommen"),
            needs_window=True, resources=(f"server:{s.name}",),
            predecessors=deps(installs, after), command=_SUBSCRIBE))
        links += [(d, Dependency(sid)) for d in decoms]
    return RuleOutput(tuple(steps), tuple(links))


RULE = Rule("edge_2016", _propose)
RULE_INBOUND = Rule(INBOUND, _propose_inbound)
RULE_RESUBSCRIBE = Rule("side_by_side_2016", _resubscribe)
