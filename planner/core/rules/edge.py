"""Rule edge_2016 (replace 2016 Edge servers) and Edge re-subscription for new Mailbox servers.

Mailbox servers installed in the subscribed AD site after an Edge subscription do not take
part in EdgeSync until the Edge is subscribed again, so every Edge that stays gets a new
subscription once the new SE Mailbox servers of its site exist, and the old Mailbox servers
there wait for it before they are removed. New servers in another site never take part in
this Edge's EdgeSync, subscribed again or not: they get no re-subscription.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from planner.core.explanation import Message, message
from planner.core.model import ConnectorType
from planner.core.plan import Dependency, MigrationPath, Phase, Step
from planner.core.rules.assess import product_name
from planner.core.rules.base import Context, Link, Rule, RuleOutput, ServerFacts, deps, make_step
from planner.core.rules.commands import SETUP_ACCEPT, line, placeholder, quoted, remark
from planner.core.rules.edge_connectors import edge_connector_steps
from planner.core.rules.groups import new_edge_name, side_by_side_groups
from planner.core.rules.inbound_mail import group_inbound_steps
from planner.core.rules.licensing import LICENSE
from planner.core.rules.namespace_pool import choose
from planner.core.rules.receive import unexplained_relay_ips
from planner.core.rules.sbs_namespace import se_servers
from planner.core.rules.side_by_side import new_server_install_ids

__all__ = ["INBOUND", "RULE", "RULE_RESUBSCRIBE"]

INBOUND = "edge_inbound_switch"
_TEXT = "steps.edge"  # the catalogue section of these rules' titles and details



def _edge_site(ctx: Context, edge: ServerFacts) -> str:
    """The AD site the Edge is subscribed to today (its EdgeSync connector), else its own
    site in the inventory ("" when neither is known)."""
    key = edge.name.lower()
    sites = [c.site for c in ctx.estate.connectors
             if c.type is ConnectorType.EDGE_SUBSCRIPTION and c.site
             and any(n.lower().split(".", 1)[0] == key for n in c.servers)]
    return sites[0] if sites else edge.server.site


def _subscribe(ctx: Context, edge: ServerFacts) -> str:
    """The subscription commands; the site is the one the Edge is subscribed to today (its
    EdgeSync connector) or its own site in the inventory, else a placeholder."""
    site = _edge_site(ctx, edge) or placeholder("ad_site")
    return ("New-EdgeSubscription -FileName C:\\EdgeSubscription.xml" + remark("edge.on_edge")
            + "\nNew-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes("
            f"'C:\\EdgeSubscription.xml')) -Site {_quoted_site(site)}"
            + remark("edge.on_mailbox_server") + "\n"
            "Start-EdgeSynchronization; Test-EdgeSynchronization")


def _quoted_site(site: str) -> str:
    """An AD site as an argument: bare when it is one word (or a placeholder), else quoted
    (a space, or a ";" from a customer's file, would end the argument)."""
    return site if site.startswith("<") or re.fullmatch(r"[\w-]+", site) else quoted(site)


def _fields(s: ServerFacts) -> dict[str, str]:
    return {"server": s.name, "release": product_name(s.info) if s.info else "",
            "build": str(s.info.number) if s.info else ""}


def _text(key: str, **values: object) -> Message:
    return message(f"{_TEXT}.{key}", **values)


def _reason(s: ServerFacts) -> Message | None:
    """Own wording when the rule's "Exchange 2016 Edge" reason does not fit this server."""
    if s.product == "2016" and s.path is MigrationPath.SIDE_BY_SIDE:
        return None
    key = "retired" if s.path is MigrationPath.DECOMMISSION else "replaced"
    return _text(key, fact=s.fact, why=s.why)


def _facts(s: ServerFacts, reason: Message | None) -> list[Message]:
    """The Edge's fact as a detail, unless its own reason already states it."""
    return [] if reason is not None else [s.fact]


def _inbound(ctx: Context, s: ServerFacts, to: list[str], after: list[str]) -> Step:
    """Internet mail reaches the new Edge (or the Mailbox servers) before the old one goes."""
    mx = [n.name for n in ctx.estate.namespaces
          if any(ctx.estate.server(r) is s.server for r in n.servers)]
    to = to or ["–"]  # nobody takes internet mail: not known
    return make_step(
        ctx, INBOUND, f"edge:inbound:{s.name}", "edge_inbound_switch", Phase.SIDE_BY_SIDE,
        f"server:{s.name}", _text("inbound_title", server=s.name, to=to),
        [s.fact, *([_text("inbound_ties", count=len(mx), names=mx)] if mx else [])],
        {"server": s.name, "target": ", ".join(to)},
        needs_window=True, predecessors=deps(after),
        command="\n".join(line(f"edge.inbound_{part}", old=s.name, new=", ".join(to))
                          for part in ("point", "test", "queue")))


def _receivers(ctx: Context, edge: ServerFacts) -> tuple[list[str], list[str]]:
    """Without a new Edge: the SE Mailbox servers of the site the Edge serves take its
    internet mail, connectors and relay clients, chosen as the namespace rule chooses (the
    newest there, else those of the Internet-facing sites); and the set-up steps of the new
    ones among them, which the hand-over waits for."""
    site = _edge_site(ctx, edge).strip().lower()
    chosen = choose(ctx, se_servers(ctx), {site} if site else set())
    return ([c.name for c in chosen],
            [c.ready for c in chosen if c.ready.startswith("sbs:")])


def _replace(ctx: Context, s: ServerFacts, prior: Mapping[str, Step]) -> list[Step]:
    new, fields = new_edge_name(ctx, s), _fields(s)
    reason = _reason(s)
    facts = _facts(s, reason)
    retired = s.path is MigrationPath.DECOMMISSION
    # its own receive connectors and relay clients move first (EdgeSync does not copy them)
    takers, ready = _receivers(ctx, s) if retired else ([new], [f"edge:new:{s.name}"])
    moved = edge_connector_steps(
        ctx, s, takers or [placeholder("mailbox_server")], reason, ready,
        [] if retired else [f"edge:subscribe:{s.name}"])
    remove = make_step(
        ctx, "edge_2016", f"edge:remove:{s.name}", "decommission", Phase.DECOMMISSION,
        f"server:{s.name}",
        _text("remove_title", server=s.name),
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
                  _text("new_title", server=new),
                  facts, fields, reason, resources=(f"server:{new}",),
                  predecessors=deps(LICENSE if LICENSE in prior else None),
                  command=f"Setup.exe /Mode:Install /Roles:EdgeTransport {SETUP_ACCEPT}"),
        make_step(ctx, "edge_2016", f"edge:subscribe:{s.name}", "edge_subscription",
                  Phase.SIDE_BY_SIDE, f"server:{new}",
                  _text("subscribe_title", server=new),
                  [*facts, _text("after_new_mailbox_servers")], fields,
                  reason, needs_window=True,
                  predecessors=deps(f"edge:new:{s.name}", new_server_install_ids(ctx)),
                  command=_subscribe(ctx, s)),
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
        # its connectors are on the successor (certificate, custom ones) before mail arrives
        receive = [f"edge:receive:{s.name}"] if f"edge:receive:{s.name}" in prior else []
        if s.path is MigrationPath.DECOMMISSION:
            to, ready = _receivers(ctx, s)
            step = _inbound(ctx, s, to, [*ready, *receive])
        else:
            subscribe = f"edge:subscribe:{s.name}"
            step = _inbound(ctx, s, [new_edge_name(ctx, s)],
                            [*([subscribe] if subscribe in prior else []), *receive])
        steps.append(step)
        links.append((f"edge:remove:{s.name}", Dependency(step.id)))
    # Mailbox servers that receive internet mail themselves hand it over the same way.
    group_steps, group_links = group_inbound_steps(ctx, prior)
    return RuleOutput(tuple(steps + group_steps), tuple(links + group_links))


def _joining(ctx: Context, site: str, prior: Mapping[str, Step]) -> tuple[list[str], list[str]]:
    """The install steps of the new SE Mailbox servers in the AD site ``site`` and the
    removals of the old servers there, which wait for the new subscription; with the site
    unknown ("") or holding no Mailbox server, every new server's and every removal."""
    key = site.strip().lower()
    # a site no Mailbox server of the estate is in (the Edge's own perimeter site, where
    # no EdgeSync connector tells the subscribed one) tells nothing: every new server
    if not key or not any(s.server.site.strip().lower() == key for s in ctx.servers
                          if not s.server.is_edge):
        return new_server_install_ids(ctx), [st.id for st in prior.values()
                                             if st.id.startswith("sbs:decom:")]
    installs, decoms = [], []
    for g in side_by_side_groups(ctx):
        installs += [f"sbs:install:{n}" for n, at in zip(g.new, g.new_sites, strict=False)
                     if at.strip().lower() == key]
        decoms += [f"sbs:decom:{o.name}" for o in g.old
                   if o.server.site.strip().lower() == key and f"sbs:decom:{o.name}" in prior]
    return installs, decoms


def _resubscribe(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    kept = [s for s in ctx.servers if s.server.is_edge and not s.excluded and s.info
            and s.path not in (MigrationPath.SIDE_BY_SIDE, MigrationPath.DECOMMISSION)]
    steps: list[Step] = []
    links: list[Link] = []
    for s in kept:
        installs, decoms = _joining(ctx, _edge_site(ctx, s), prior)
        if not installs:
            continue
        sid = f"edge:resubscribe:{s.name}"
        after = [step_id for step_id in (f"su:{s.name}", f"inplace:{s.name}") if step_id in prior]
        # subscribed as it will run: after its own upgrade, and said so (the inventory's
        # build is history by then)
        upgraded = f"inplace:{s.name}" in prior
        steps.append(make_step(
            ctx, "side_by_side_2016", sid, "edge_subscription", Phase.SIDE_BY_SIDE,
            f"server:{s.name}",
            _text("resubscribe_title", server=s.name), [_text("edgesync_after_subscription")],
            _fields(s),
            # the side-by-side rule's reason speaks of replacing 2016; this Edge stays
            reason=_text("stays_upgraded", server=s.name) if upgraded
            else _text("stays", fact=s.fact),
            needs_window=True, resources=(f"server:{s.name}",),
            predecessors=deps(installs, after), command=_subscribe(ctx, s)))
        links += [(d, Dependency(sid)) for d in decoms]
    return RuleOutput(tuple(steps), tuple(links))


RULE = Rule("edge_2016", _propose)
RULE_INBOUND = Rule(INBOUND, _propose_inbound)
RULE_RESUBSCRIBE = Rule("side_by_side_2016", _resubscribe)
