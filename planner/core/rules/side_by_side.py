"""Rule side_by_side_2016: new SE servers take over from Exchange 2016 (or re-pathed) servers.

Per group (a DAG, or one standalone server): provision, install and configure the new SE
servers, build a new DAG and databases, switch namespaces, move the send connectors,
recreate relay receive connectors and re-point relay clients, move mailboxes in batches
sized from the data volume, then arbitration and public folder mailboxes, and only then
decommission the old servers.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from planner.core.explanation import Message, message
from planner.core.graph import is_exo_send_connector
from planner.core.model import (
    Connector,
    ConnectorType,
    Estate,
    Finding,
    RelayClient,
    Severity,
)
from planner.core.plan import Phase, Step
from planner.core.rules.adprep import ADPREP
from planner.core.rules.base import Context, Rule, RuleOutput, deps
from planner.core.rules.commands import (
    SETUP_ACCEPT,
    line,
    placeholder,
    quoted,
    remark,
    send_certificates,
)
from planner.core.rules.estate_facts import (
    receive_connectors_of,
    relay_clients_of,
    send_connectors_of,
)
from planner.core.rules.groups import (
    Group,
    group_fields,
    group_step,
    side_by_side_groups,
)
from planner.core.rules.inplace import latest_se_build
from planner.core.rules.legacy2013 import move_target, relay_servers
from planner.core.rules.licensing import LICENSE
from planner.core.rules.moves import gb_value
from planner.core.rules.namespace import no_namespaces_finding
from planner.core.rules.receive import (
    UnknownRelay,
    change_detail,
    classify,
    connector_servers,
    copy_command,
    distinct,
    unexplained_relay_ips,
    unknown_relays,
)
from planner.core.rules.relay_repoint import device_target, repoint_steps
from planner.core.rules.sbs_cutover import cutover_steps
from planner.core.rules.sbs_namespace import (
    after_receive_connectors,
    namespace_step,
    switch_waits_for,
)
from planner.core.rules.takeover import existing_se_in_site

__all__ = ["RULE", "new_server_install_ids", "send_step_id"]

_RULE = "side_by_side_2016"
_TEXT = "steps.side_by_side"  # the catalogue section of this rule's titles and details
SBS = Phase.SIDE_BY_SIDE


def send_step_id(group: Group) -> str:
    """Id of the step that moves a group's send connectors to the new servers."""
    return f"sbs:send:{group.key}"


def new_server_install_ids(ctx: Context) -> list[str]:
    """Ids of the install steps of all new SE Mailbox servers."""
    return [f"sbs:install:{n}" for g in side_by_side_groups(ctx) for n in g.new]


def _text(key: str, **values: Any) -> Message:
    return message(f"{_TEXT}.{key}", **values)


def _new_server_steps(ctx: Context, g: Group, prior: Mapping[str, Step]) -> list[Step]:
    fields = group_fields(g)
    latest = latest_se_build(ctx.knowledge)
    su = ("\n" + line("install_se_update", release=latest[1], build=latest[0])
          if latest else "")
    out: list[Step] = []
    alt = _alternative(ctx, g)
    for new in g.new:
        out.append(group_step(
            ctx, g, _RULE, f"sbs:provision:{new}", "provision_server", SBS, f"server:{new}",
            _text("provision_title", server=new), alt, fields, needs_consultant=False,
            predecessors=deps(LICENSE if LICENSE in prior else None),
            command=line("windows_prereqs")))
        out.append(group_step(
            ctx, g, _RULE, f"sbs:install:{new}", "install_se", SBS, f"server:{new}",
            _text("install_title", server=new), [], fields, resources=(f"server:{new}",),
            predecessors=deps(f"sbs:provision:{new}", ADPREP if ADPREP in prior else None),
            # setup registers the server's own Autodiscover SCP (its name, a self-signed
            # certificate): Outlook in the domain finds it at once, days before the
            # certificate and URL step, so the SCP is set right after setup
            command=(f"Setup.exe /Mode:Install /Roles:Mailbox {SETUP_ACCEPT}\n"
                     f"Set-ClientAccessService {new} -AutoDiscoverServiceInternalUri "
                     f"<{line('same_urls')}>" + remark("scp_after_setup") + su)))
        out.append(group_step(
            ctx, g, _RULE, f"sbs:config:{new}", "certificates_vdirs", SBS, f"server:{new}",
            _text("config_title", server=new), [], fields, resources=(f"server:{new}",),
            predecessors=deps(f"sbs:install:{new}"),
            command=(f"Import-ExchangeCertificate -Server {new} ...; Enable-ExchangeCertificate "
                     f"-Server {new} -Services IIS,SMTP\nSet-OwaVirtualDirectory, "
                     "Set-EcpVirtualDirectory, Set-WebServicesVirtualDirectory, "
                     "Set-ActiveSyncVirtualDirectory, Set-OabVirtualDirectory, "
                     "Set-MapiVirtualDirectory, Set-OutlookAnywhere, "
                     "Set-ClientAccessService -AutoDiscoverServiceInternalUri "
                     f"({line('same_urls')})")))
    return out


def _alternative(ctx: Context, g: Group) -> list[Message]:
    """The default (one new server per old one) and, where it exists, the cheaper way."""
    site = g.old[0].server.site
    there = existing_se_in_site(ctx, site, g.old)
    default = _text("one_per_old")
    if not there:
        return [default]
    return [default, _text("could_take_over", count=len(there), names=there, site=site,
                           olds=[s.name for s in g.old])]


def _witness(ctx: Context, g: Group) -> str:
    """The old DAG's witness server as the proposal (the consultant may choose another);
    a placeholder only when the inventory names none."""
    old = ctx.estate.dag(g.old_dag) if g.old_dag else None
    if old is None or not old.witness:
        return placeholder("witness")
    return old.witness + remark("witness_proposal")


def _dag_command(ctx: Context, g: Group) -> str:
    """The new DAG without an administrative access point (IP-less), its members, and
    Datacenter Activation Coordination where they span sites."""
    lines = [f"New-DatabaseAvailabilityGroup -Name {g.new_dag}"
             " -DatabaseAvailabilityGroupIPAddresses ([System.Net.IPAddress]::None)"
             f" -WitnessServer {_witness(ctx, g)}", line("dag_ipless")]
    lines += [f"Add-DatabaseAvailabilityGroupServer {g.new_dag} -MailboxServer {n}"
              for n in g.new]
    if len({s for s in g.new_sites if s}) > 1:
        lines.append(f"Set-DatabaseAvailabilityGroup {g.new_dag} -DatacenterActivationMode"
                     " DagOnly" + remark("dag_dac"))
    return "\n".join(lines)


def _dag_and_databases(ctx: Context, g: Group) -> list[Step]:
    fields = group_fields(g)
    configs = [f"sbs:config:{n}" for n in g.new]
    out: list[Step] = []
    if g.new_dag:
        out.append(group_step(
            ctx, g, _RULE, f"sbs:dag:{g.key}", "new_dag", SBS, f"dag:{g.new_dag}",
            _text("dag_title", dag=g.new_dag, members=list(g.new)),
            [_text("no_mixing")], fields,
            predecessors=deps(configs), resources=(f"dag:{g.new_dag}",),
            command=_dag_command(ctx, g)))
    where = g.new_dag or g.new[0]
    volume = (_text("to_hold", gb=gb_value(g.data_gb)) if g.data_gb is not None
              else _text("to_hold_unknown"))
    out.append(group_step(
        ctx, g, _RULE, f"sbs:databases:{g.key}", "databases", SBS,
        f"dag:{g.new_dag}" if g.new_dag else f"server:{g.new[0]}",
        _text("databases_title", where=where), [volume],
        fields, predecessors=deps(out[-1].id if out else configs),
        command=f"New-MailboxDatabase -Server {g.new[0]} -Name ...; "
                "Add-MailboxDatabaseCopy (DAG); Set-MailboxDatabase -OfflineAddressBook ..."))
    return out


def _connector_names(items: list[Connector]) -> list[str]:
    return list(dict.fromkeys(c.name for c in items))


def _switch_steps(ctx: Context, g: Group, after: str | list[str],
                  known: Collection[str]) -> list[Step]:
    """Namespace switch and send connectors: the new servers take the traffic."""
    est, olds = ctx.estate, [s.server for s in g.old]
    namespace = namespace_step(ctx, g, after, known)
    out = [namespace] if namespace else []
    # with the connectors a member took from Exchange 2013 (a review's payroll connector)
    sends = list(dict.fromkeys(c for s in (*olds, *(i.server for i in g.inherits))
                               for c in send_connectors_of(est, s)))
    if not sends and any(c.type is ConnectorType.SEND for c in est.connectors):
        return out  # send connectors are listed and none uses these servers: nothing to move
    listed = (message("steps.legacy.sends", names=_connector_names(sends)) if sends
              else _text("sends_unlisted", olds=[s.name for s in g.old]))
    # each connector's new sources: the successors of its old ones (the Zürich member of a
    # DAG across sites does not become a source of Vienna's connector to Exchange Online)
    sources = {c: g.successors(connector_servers(est, c)) for c in dict.fromkeys(sends)}
    to = [t for t in g.targets if any(t in new for new in sources.values())]
    out.append(group_step(
        ctx, g, _RULE, send_step_id(g), "send_connectors", SBS, f"group:{g.key}",
        _text("send_title", to=to or list(g.targets)), [listed],
        group_fields(g), needs_window=True, predecessors=deps(after),
        exits_exo_view=_exo_sources(ctx, g, sends),
        command="\n".join(
            [*send_certificates(sources), *(
                f"Set-SendConnector {quoted(c.name)} -SourceTransportServers "
                + placeholder("add_remove", new=", ".join(new), old=_old_sources(g, est, c))
                for c, new in sources.items())])
        or "Get-SendConnector | ft Name,SourceTransportServers" + remark("add_new_remove_old")))
    return out


def _old_sources(g: Group, est: Estate, c: Connector) -> str:
    """The group's old servers that send through ``c``."""
    return ", ".join(g.holders(connector_servers(est, c))) or ", ".join(s.name for s in g.old)


def _exo_sources(ctx: Context, g: Group, sends: list[Connector]) -> tuple[str, ...]:
    """Judged old servers that stop handing mail to EXO once the connectors move."""
    exo = [c for c in sends if is_exo_send_connector(c)]
    return tuple(s.name for s in g.old if s.judged
                 and any(c in send_connectors_of(ctx.estate, s.server) for c in exo))


def _receive_step(ctx: Context, g: Group, after: str | list[str],
                  receives: list[Connector]) -> Step | None:
    """Custom receive connectors recreated, changes to default ones re-applied; None if neither."""
    items = distinct(classify(ctx, receives))
    custom = [i for i in items if i.custom]
    changed = [i for i in items if i.changed]
    if not custom and not changed:
        return None
    # no SE server at all takes over: the consultant names one
    targets = list(g.targets) or [placeholder("se_server")]
    # each connector on the successors of the servers it is on: a relay connector of one
    # site is not opened on the new servers of another
    on = {i: list(g.successors(connector_servers(ctx.estate, i.connector))) or targets
          for i in (*custom, *changed)}
    detail = ([_text("custom_receives", names=_connector_names([i.connector for i in custom]))]
              if custom else [])
    detail += [change_detail(i, on[i] if g.targets else ["–"])  # "–": not known
               for i in changed]
    lines = [copy_command(ctx, i, t) for i in (*custom, *changed) for t in on[i]]
    used = list(dict.fromkeys(t for where in on.values() for t in where))
    title = _text("recreate_title" if custom else "reapply_title",
                  to=used if g.targets else message("steps.moves.the_se_servers"))
    return group_step(
        ctx, g, _RULE, f"sbs:receive:{g.key}", "receive_connectors", SBS, f"group:{g.key}",
        title, detail, group_fields(g),
        predecessors=deps(after, [f"legacy:repoint:{s.name}" for s in g.inherits]),
        duration_days=ctx.days("receive_connectors", max(1, len(g.new))),
        command="\n".join(lines))


def _relay_steps(ctx: Context, g: Group, after: str | list[str]) -> list[Step]:
    est, olds = ctx.estate, [s.server for s in (*g.old, *g.inherits)]
    receives = [c for s in olds for c in receive_connectors_of(est, s)]
    own = [s.server for s in g.old]
    clients = list(dict.fromkeys(r for s in own for r in relay_clients_of(est, s)))
    unknown = unknown_relays(ctx, own)  # admitted by a custom connector, no client known
    now: dict[RelayClient | UnknownRelay, str] = {}
    for old in g.inherits:
        # Relay clients a 2013 server handed to this group move once more (SE cannot be
        # installed while 2013 exists, and no server that stays took them): from the member
        # that took them and its copy of the 2013 connector, not from the removed server;
        # one that its first step pointed at the SMTP name moves with the name, no step.
        via = move_target(ctx, old)
        name = via.name if via is not None else old.name
        took = ", ".join(relay_servers(ctx, old))  # where its first step pointed them
        device = device_target(ctx, took, old.name)[0]
        mine = [replace(rc, server=name) for rc in relay_clients_of(est, old.server)]
        theirs = [replace(u, servers=(name,)) for u in unknown_relays(ctx, [old.server])]
        now.update({rc: device for rc in mine})
        now.update({u: took if u.partner else device for u in theirs})
        clients += mine
        unknown += theirs
    recv = _receive_step(ctx, g, after, receives)
    out = [recv] if recv else []
    if clients or unknown:
        fields = group_fields(g)
        new = ", ".join(g.targets) or placeholder("se_server")

        def new_for(olds: Sequence[str]) -> str:  # a client moves to its server's successor
            return ", ".join(g.successors(olds)) or new

        def make(sid: str, kind: str, target: str, title: Message, detail: list[Message],
                 **kw: Any) -> Step:
            return group_step(ctx, g, _RULE, sid, kind, SBS, target, title, detail, fields,
                              **kw)

        out += repoint_steps(
            ctx, clients, f"sbs:relay:{g.key}", new, make, unknown, new_for=new_for, now=now,
            predecessors=deps(recv.id if recv else after,
                              [f"legacy:repoint:{s.name}" for s in g.inherits]))
    return out


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    steps: list[Step] = []
    findings: list[Finding] = []
    # Replaced groups first: a retired group's mailboxes may go to their new servers.
    for g in sorted(side_by_side_groups(ctx), key=lambda g: not g.replaced):
        if g.replaced:
            built = _new_server_steps(ctx, g, prior) + _dag_and_databases(ctx, g)
            ready = built[-1].id
            switch = _switch_steps(ctx, g, ready, switch_waits_for(ctx, prior))
            # every new server's certificate first: its connector names it
            # (-TlsCertificateName), not only the last server's
            relay = _relay_steps(ctx, g, [f"sbs:config:{n}" for n in g.new])
            # the switch of a name mail is sent to waits for the receive connectors
            traffic = after_receive_connectors(g, ctx.estate.namespaces, switch + relay)
            # The namespace rule orders the moves after every namespace switch.
            cut = cutover_steps(ctx, g, ready, [s.id for s in traffic])
            steps += at_site(g, built + traffic + cut)
        else:
            steps += at_site(g, _retire(ctx, g, prior, steps))
            findings += [] if g.takeover else [_no_takeover(g)]
    missing = [no_namespaces_finding(ctx), _no_send_connectors(ctx)] if steps else []
    leaving = [s.server for g in side_by_side_groups(ctx) for s in g.old]
    findings += unexplained_relay_ips(ctx, leaving)
    return RuleOutput(tuple(steps), findings=(*findings, *(f for f in missing if f)))


def _no_send_connectors(ctx: Context) -> Finding | None:
    if any(c.type is ConnectorType.SEND for c in ctx.estate.connectors):
        return None
    return Finding.about(Severity.WARNING, "RULES-NO-SEND-CONNECTORS", "connectors")


def at_site(g: Group, steps: list[Step]) -> list[Step]:
    """The group's steps keep the holidays of the site of the servers they replace: a new
    server's own steps those of the server it replaces and an old server's its own (a DAG
    over Leipzig and Vienna: the Vienna server and its successor keep Vienna's holidays),
    the group's steps those of its first server's site."""
    site = next((s.server.site for s in g.old if s.server.site), "")
    own = {f"server:{n}".lower(): s for n, s in zip(g.new, g.new_sites, strict=False) if s}
    own.update({f"server:{s.name}".lower(): s.server.site for s in g.old if s.server.site})
    return [replace(st, site=where) if not st.site and (where := own.get(st.target.lower(), site))
            else st for st in steps]


def _retire(ctx: Context, g: Group, prior: Mapping[str, Step], made: list[Step]) -> list[Step]:
    """A group without new servers: everything moves to the SE servers that take over.

    Namespaces, send connectors and relay clients move exactly as for new servers, only to
    servers that run SE already or become SE in place; the decommission waits for all of it.
    """
    known = {*prior, *(s.id for s in made)}
    if g.takeover is not None:
        after = [a for a in g.takeover.after if a in known]
    else:
        after = [s.id for s in made if s.kind == "databases"] + [
            s.id for s in prior.values() if s.kind == "inplace_upgrade"]
    after = after or ([ADPREP] if ADPREP in prior else [])
    switch = _switch_steps(ctx, g, after, switch_waits_for(ctx, prior))
    relay = _relay_steps(ctx, g, after)
    return switch + relay + cutover_steps(ctx, g, after, [s.id for s in switch + relay])


def _no_takeover(g: Group) -> Finding:
    return Finding.about(Severity.WARNING, "RULES-NO-TAKEOVER", f"server:{g.old[0].name}",
                         count=len(g.old), servers=[s.name for s in g.old])


RULE = Rule(_RULE, _propose)
