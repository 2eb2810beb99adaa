"""Rule exchange2013_removal: move everything off Exchange 2013 and remove it before any SE install.

Exchange SE setup and Exchange 2019 CU15 setup refuse to run while Exchange 2013 exists, so
each 2013 server's mailboxes go to a remaining 2016/2019 server, its connectors and relay
clients are re-pointed, and it is uninstalled; the milestone ``legacy:gone`` marks the end.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from planner.core.explanation import Message, message
from planner.core.model import Finding, Namespace, Severity
from planner.core.plan import MigrationPath, Phase, Step
from planner.core.rules.base import Context, Rule, RuleOutput, ServerFacts, deps, make_step
from planner.core.rules.commands import line, placeholder, quoted, send_certificates
from planner.core.rules.estate_facts import (
    data_volume_gb,
    namespaces_of,
    receive_connectors_of,
    relay_clients_of,
    send_connectors_of,
    site_key,
)
from planner.core.rules.move_order import chain, order_source, system_steps
from planner.core.rules.moves import gb_value, move_days, move_request_command, unattended
from planner.core.rules.namespace import (
    namespace_command,
    namespace_detail,
    no_namespaces_finding,
)
from planner.core.rules.namespace_pool import (
    PoolChange,
    grouped,
    interim_pool,
    pool_change,
    pool_today,
    smtp_name_at,
    smtp_only,
)
from planner.core.rules.receive import (
    classify,
    copy_command,
    unexplained_relay_ips,
    unknown_relays,
)
from planner.core.rules.relay_repoint import device_target, repoint_steps

__all__ = ["GONE", "RULE", "legacy_servers", "move_target", "relay_servers",
           "relay_taken_by"]

GONE = "legacy:gone"
_RULE = "exchange2013_removal"
_TEXT = "steps.legacy"  # the catalogue section of this rule's titles and details


def legacy_servers(ctx: Context) -> list[ServerFacts]:
    """Exchange 2013 servers the plan removes."""
    return [s for s in ctx.planned(MigrationPath.DECOMMISSION) if s.product == "2013"]


def move_target(ctx: Context, old: ServerFacts) -> ServerFacts | None:
    """A 2016/2019 Mailbox server to take the mailboxes.

    One at the same site first: its relay clients, connectors and public folders stay where
    they are used (a review's London label printers and payroll connector had gone to a
    standalone server in Edinburgh, down for its own upgrade a week later, and never came
    back). There, one that stays (upgraded in place) first, so they move only once; one that
    is itself replaced later hands them on to its successors (``Group.inherits``).
    """
    # the choice depends on the old server only through its site: found once per site
    memo: dict[str, ServerFacts | None] = ctx.memo.setdefault("move_target", {})
    site = site_key(old.server)
    if site not in memo:
        candidates = [s for s in ctx.servers if s.product in ("2016", "2019")
                      and not s.server.is_edge]
        index = {s.name: i for i, s in enumerate(candidates)}
        stays = (MigrationPath.IN_PLACE, MigrationPath.CU_THEN_IN_PLACE)

        def rank(s: ServerFacts) -> tuple[bool, bool, bool, int]:
            return (s.excluded, site_key(s.server) != site, s.path not in stays, index[s.name])

        memo[site] = min(candidates, key=rank) if candidates else None
    return memo[site]


def relay_servers(ctx: Context, old: ServerFacts) -> list[str]:
    """The servers that take the old server's connectors: those that stay behind the SMTP
    name at its site (relay clients go to the name, so each server behind it needs the
    relay connector: a review had SAP's connector on one of two, which left for its own
    upgrade), else the server that takes its mailboxes."""
    target = move_target(ctx, old)
    return _relay_servers(ctx, old, target.name if target else placeholder("legacy_target"))


def relay_taken_by(ctx: Context, server: str) -> list[str]:
    """The relay clients of the 2013 servers whose re-point steps name ``server`` itself as
    their SMTP server (no SMTP name in between): from then on they depend on it alone."""
    out: list[str] = []
    for old in legacy_servers(ctx):
        to = ", ".join(relay_servers(ctx, old))
        out += [rc.name for rc in relay_clients_of(ctx.estate, old.server)
                if device_target(ctx, to, rc.server)[0].casefold() == server.casefold()]
    return out


def _relay_servers(ctx: Context, old: ServerFacts, target: str) -> list[str]:
    """:func:`relay_servers` with the server that takes the mailboxes (``target``) known."""
    space = smtp_name_at(ctx, old.name)
    if space is None:
        return [target]
    leaving = {s.name for s in legacy_servers(ctx)}
    stays = [n for n in pool_today(ctx, space) if n not in leaving
             and (found := ctx.estate.server(n)) is not None and not found.is_edge]
    return stays or [target]


def _repoint_checklist(ctx: Context, old: ServerFacts,
                       targets: list[str]) -> tuple[str, list[Message]]:
    """Command checklist and the summary of the mail flow that points at the old server."""
    est, srv = ctx.estate, old.server
    connectors = send_connectors_of(est, srv)
    sends = [c.name for c in connectors]
    # Exchange's own receive connectors exist on the target already: only custom ones and
    # the changes made to the default ones travel.
    items = [i for i in classify(ctx, receive_connectors_of(est, srv)) if i.custom or i.changed]
    receives = [i.connector.name for i in items]
    relays = [r.name for r in relay_clients_of(est, srv)]
    lines = send_certificates({c: targets for c in connectors})
    lines += [f"Set-SendConnector {quoted(c)} -SourceTransportServers "
              + placeholder("add_remove", new=", ".join(targets), old=srv.name) for c in sends]
    lines += [copy_command(ctx, i, t) for i in items for t in targets]
    # Each relay client has its own re-point step, done by its owner (relay_repoint).
    parts = [message(f"{_TEXT}.{key}", names=names)
             for key, names in (("sends", sends), ("receives", receives), ("relays", relays))
             if names]
    return "\n".join(lines), parts


def _namespace_step(ctx: Context, old: ServerFacts) -> Step | None:
    """The 2013 server leaves its namespaces' pools; the newest servers that outlive it in
    their Internet-facing sites join (the one namespace rule); None when it serves none."""
    spaces = namespaces_of(ctx.estate, [old.server])
    if ctx.estate.namespaces and not spaces:
        return None  # namespaces are listed and none is served by this server
    name = old.name
    changes = grouped(_change(ctx, ns, name) for ns in spaces)
    joins = list(dict.fromkeys(n for ch in changes for n in ch.add))
    after = list(dict.fromkeys(n for ch in changes for n in ch.after))
    if not spaces:  # nothing listed: the URLs point where the rule would point a namespace
        joins = [n for n in interim_pool(ctx, [name]) if n != name]
    to = joins or after or [placeholder("legacy_target")]
    return make_step(
        ctx, _RULE, f"legacy:namespace:{name}", "namespace_switch", Phase.LEGACY,
        f"server:{name}", message(f"{_TEXT}.namespace_title", server=name, to=to),
        [old.fact, *namespace_detail(changes, to)], {"server": name},
        needs_window=True, command=namespace_command(changes, ", ".join(to), [old.server],
                                                     ctx.estate.namespaces))


def _change(ctx: Context, space: Namespace, old: str) -> PoolChange | None:
    before = pool_today(ctx, space)
    there = set(before)
    joins = [n for n in interim_pool(ctx, before, smtp_only(space)) if n not in there]
    if not joins and all(n == old for n in before):
        joins = [placeholder("legacy_target")]  # no server outlives it: the consultant's
    return pool_change(space, before, joins, [old])


def _no_connectors(name: str) -> Finding:
    return Finding.about(Severity.WARNING, "RULES-2013-NO-CONNECTORS", f"server:{name}",
                         server=name)


def _elsewhere(old: ServerFacts, target: ServerFacts) -> bool:
    """True when the server taking a 2013 server's work stands at another site: its mail
    flow then crosses the WAN (a review: Vienna's public folders, SAP relay and bank TLS
    connector went to the one Zürich server, without a word)."""
    here, there = old.server.site.strip().lower(), target.server.site.strip().lower()
    return bool(here and there) and here != there


def _no_target(name: str) -> Finding:
    return Finding.about(Severity.WARNING, "RULES-2013-NO-TARGET", f"server:{name}",
                         server=name)


def _moves(ctx: Context, old: ServerFacts, to: str) -> list[Step]:
    """Arbitration, users and public folders off the 2013 server, in the project's order."""
    name, fields = old.name, {"server": old.name}
    gb = data_volume_gb(ctx.estate, old.server)
    size = (message("steps.moves.volume", gb=gb_value(gb)) if gb is not None
            else message("steps.moves.volume_unknown"))
    users = make_step(
        ctx, _RULE, f"legacy:moves:{name}", "ex2013_moves", Phase.LEGACY, f"server:{name}",
        message(f"{_TEXT}.moves_title", server=name, to=to), [old.fact, size], fields,
        duration_days=move_days(ctx, gb, "ex2013_moves"), **unattended(ctx),
        command=move_request_command(ctx, f"Get-Mailbox -Server {name} -ResultSize Unlimited",
                                     placeholder("database_on", where=to)))
    source = order_source(ctx, _RULE)

    def make(suffix: str, kind: str, title: Message, detail: list[Message],
             command: str, src: str) -> Step:
        return make_step(ctx, _RULE, f"legacy:{suffix}:{name}", kind, Phase.LEGACY,
                         f"server:{name}", title, [old.fact, *detail], fields,
                         command=command, source=src)

    # a server the inventory says holds no mailbox and no data (public folders or a relay
    # only) has no user batch: a review read "Move mailboxes … 0 GB", a consultant's day
    empty = gb == 0 and old.server.mailbox_count == 0
    return chain(ctx, {"users": [] if empty else [users],
                       **system_steps([old.server], to, make, source)}, None)


def _steps_for(ctx: Context, old: ServerFacts) -> tuple[list[Step], list[Finding]]:
    name, fields = old.name, {"server": old.name}
    target = move_target(ctx, old)
    findings = [] if target is not None else [_no_target(name)]
    if target is not None and _elsewhere(old, target):
        findings.append(Finding.about(
            Severity.WARNING, "RULES-2013-OTHER-SITE", f"server:{name}", server=name,
            taker=target.name, site=old.server.site, to=target.server.site))
    to = target.name if target else placeholder("legacy_target")
    moves = _moves(ctx, old, to)
    namespace = _namespace_step(ctx, old)
    relay_to = _relay_servers(ctx, old, to)
    checklist, what = _repoint_checklist(ctx, old, relay_to)
    repoint = make_step(
        ctx, _RULE, f"legacy:repoint:{name}", "ex2013_repoint", Phase.LEGACY, f"server:{name}",
        message(f"{_TEXT}.repoint_title", server=name, to=relay_to), [old.fact, *what], fields,
        command=checklist) if checklist else None
    if repoint is None and not ctx.estate.connectors:
        findings.append(_no_connectors(name))

    def make(sid: str, kind: str, target: str, title: Message, detail: list[Message],
             **kw: Any) -> Step:
        return make_step(ctx, _RULE, sid, kind, Phase.LEGACY, target, title,
                         [old.fact, *detail], fields, **kw)

    relays = repoint_steps(ctx, relay_clients_of(ctx.estate, old.server),
                           f"legacy:relay:{name}", ", ".join(relay_to), make,
                           unknown_relays(ctx, [old.server]),
                           predecessors=deps(repoint.id if repoint else None),
                           site=old.server.site)
    decom = make_step(
        ctx, _RULE, f"legacy:decom:{name}", "ex2013_decommission", Phase.LEGACY,
        f"server:{name}",
        message(f"{_TEXT}.decom_title", server=name),
        [old.fact, message(f"{_TEXT}.decom_waits")], fields, needs_window=True,
        predecessors=deps([m.id for m in moves], *(st.id for st in (namespace, repoint) if st),
                          [r.id for r in relays]),
        resources=(f"server:{name}",), exits_exo_view=(name,) if old.judged else (),
        command=f"Remove-MailboxDatabase ({line('after_moves')}); Setup.exe /Mode:Uninstall "
                + line("uninstall_2013"))
    return [st for st in (namespace, *moves, repoint, *relays, decom) if st], findings


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    servers = legacy_servers(ctx)
    steps: list[Step] = []
    findings: list[Finding] = []
    for old in servers:
        made, found = _steps_for(ctx, old)
        steps += made
        findings += found
    if servers:
        names = [s.name for s in servers]
        steps.append(make_step(
            ctx, _RULE, GONE, "milestone", Phase.LEGACY, "org",
            message(f"{_TEXT}.gone_title"), [message(f"{_TEXT}.gone_servers", servers=names)],
            {"server": names, "count": len(servers)}, milestone=True,
            needs_consultant=False,
            predecessors=deps(f"legacy:decom:{s.name}" for s in servers)))
    _warn_kept_2013(ctx, findings)
    findings += unexplained_relay_ips(ctx, [s.server for s in servers])
    missing = no_namespaces_finding(ctx) if servers else None
    findings += [missing] if missing else []
    return RuleOutput(tuple(steps), findings=tuple(findings))


def _warn_kept_2013(ctx: Context, findings: list[Finding]) -> None:
    for s in ctx.servers:
        if s.product == "2013" and not s.planned:
            findings.append(Finding.about(Severity.ERROR, "RULES-2013-KEPT",
                                          f"server:{s.name}", server=s.name))


RULE = Rule(_RULE, _propose)
