"""Every relay client, listed, found in the transport logs or only admitted by a connector,
gets its own re-point step.

The scanner, the ERP system and the web shop each have an owner who changes the SMTP server
in their own configuration; the consultant does not. So each client is one step, done by
its owner (the inventory's owner column, else the customer), after the new receive
connector exists; the removal of the server it used waits for every one of them. Where the
logs saw the client, the reason says when it was last seen and how much it sends, so the
owner knows it is real and how urgent it is. An address or range a custom relay connector
admits that no client explains is somebody's device too: the customer finds it (one step per
address, one per range, whose devices are found together) and re-points it, and the removal
waits for that as well.

Where a device sends today is said as far as it is known, never assumed from the server
whose connector it uses: the transport logs show the server address it reached (not the
name in its settings, which may already be the SMTP name); a client no log saw, or an
address only a connector admits, is said to send to a place the plan does not know.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from planner.core.explanation import Message, message
from planner.core.ip_ranges import parse_range
from planner.core.mail_flow_volumes import shown_rate
from planner.core.model import Namespace, RelayClient
from planner.core.plan import MigrationPath, Step
from planner.core.rules.base import Context
from planner.core.rules.commands import line, quoted, remark
from planner.core.rules.namespace_pool import pool_today, smtp_name_at
from planner.core.rules.receive import UnknownRelay
from planner.core.rules.relay_ranges import exchange_addresses
from planner.core.send_rhythm import runs_of

__all__ = ["client_detail", "device_target", "repoint_steps"]

MakeStep = Callable[..., Step]
_LEAVES = (MigrationPath.SIDE_BY_SIDE, MigrationPath.DECOMMISSION)


def _slug(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "-", name).strip("-") or "client"


def client_detail(rc: RelayClient) -> list[Message]:
    """What is known about one client: where it sends, what the logs saw of it (a job that
    ran on a few days by those days, not by an average), the addresses of a listed range
    that sent."""
    where = rc.connector + (f" ({rc.server})" if rc.server else "") or "?"
    host = f" ({rc.host})" if rc.host and rc.host != rc.name else ""
    out = [message("steps.relay.submits", name=rc.name, host=host, where=where)]
    if rc.addresses:
        out.append(message("steps.relay.addresses_seen", count=len(rc.addresses),
                           addresses=list(rc.addresses)))
    if rc.last_seen is not None:
        out.append(_seen(rc))
    if rc.discovered:
        out.append(message("steps.relay.discovered"))
    return out


def _seen(rc: RelayClient) -> Message:
    """What the logs saw: a daily sender by its daily average, an occasional one by its runs
    (their rhythm and a run's messages, or the one run and the days that saw no other)."""
    auth = message("steps.relay." + ("authenticated" if rc.authenticated else "anonymous"))
    runs = runs_of(rc)
    if runs is None:
        per_day = rc.messages_per_day if rc.messages_per_day is not None else 0.0
        return message("steps.relay.seen", day=rc.last_seen, per_day=shown_rate(per_day),
                       auth=auth)
    if runs.count == 1:
        others = (message("steps.relay.other_days", count=runs.logged_days - 1)
                  if runs.logged_days > 1 else message("steps.relay.no_other_day"))
        return message("steps.relay.seen_run", day=runs.last, others=others, auth=auth,
                       messages=message("steps.relay.message_count", count=runs.per_run))
    if runs.rhythm:
        return message("steps.relay.seen_rhythm", count=runs.count, last=runs.last,
                       rhythm=message(f"transport.rhythm.{runs.rhythm}"), auth=auth,
                       per_run=message("steps.relay.message_count", count=runs.per_run))
    return message("steps.relay.seen_days", count=runs.count,
                   messages=message("steps.relay.message_count", count=rc.messages or 0),
                   first=runs.first, last=runs.last, auth=auth)


def _proof(rc: RelayClient, old: str, new: str) -> str:
    """For a client that sends on a few days only: its owner's test send, and the old
    server's receive protocol log showing no session from it before the server goes (its
    next run may come after the removal, and nobody would notice until payday)."""
    if not rc.run_days:
        return ""
    senders = rc.addresses or ((rc.host,) if rc.host else ())
    # single-quoted: a host or name is the customer's text, and in PowerShell's double
    # quotes "sap01$(calc)" ran calc when the admin pasted the line
    pattern = ",".join(map(quoted, senders)) or quoted(rc.name)
    return "\n" + line("relay.prove_occasional", new=new, old=old, pattern=pattern)


def _unique(key: str, used: set[str]) -> str:
    while key in used:
        key += "-2"
    used.add(key)
    return key


def repoint_steps(ctx: Context, clients: list[RelayClient], prefix: str, new: str,
                  make: MakeStep, unknown: Sequence[UnknownRelay] = (),
                  new_for: Callable[[Sequence[str]], str] | None = None,
                  now: Mapping[RelayClient | UnknownRelay, str] | None = None,
                  **extra: Any) -> list[Step]:
    """One customer step per client and per unknown relay: change its SMTP server to ``new``
    (``new_for``: to the successor of the old servers it used, where known).

    ``now`` says where a device sends today when that is not the server it used (a 2013
    server's client after its first re-point): a device that sends to its target already
    gets no step (the SMTP name it was pointed at moves with the namespace), and the step of
    one that moves on names where it sends then.
    ``make(id, kind, target, title, details, **kw)`` builds the step in the calling rule's
    words (its reason, phase, fields and facts; title and details come as messages);
    ``extra`` passes predecessors and the site through.
    """
    out: list[Step] = []
    used: set[str] = set()
    now = now or {}
    for rc in clients:
        key = _unique(_slug(rc.name), used)
        source = rc.server or "?"  # whose receive protocol log proves it gone
        to, how = device_target(ctx, new_for([rc.server]) if new_for is not None and rc.server
                                else new, rc.server)
        was = now.get(rc)
        if was is not None and was.casefold() == to.casefold():
            continue
        proof = ([message("steps.relay.occasional_check", old=source,
                          host=", ".join(rc.addresses) or rc.host or rc.name)]
                 if rc.run_days else [])
        today, command = _today(ctx, rc, was, to)
        out.append(make(
            f"{prefix}:{key}", "relay_repoint", f"relay:{rc.name}",
            message("steps.relay.title", name=rc.name, new=to),
            [*client_detail(rc), today, *how, *proof],
            needs_consultant=False, owner=rc.owner,
            duration_days=max(1, ctx.days("relay_repoint")),
            command=command + _proof(rc, source, to),
            **extra))
    for u in unknown:
        key = _unique(("partner-" if u.partner else "unknown-") + _slug(u.span.text), used)
        to = new_for(u.servers) if new_for is not None and u.servers else new
        if not u.partner:  # a device sends to one host; a partner's NAT may name several
            to = device_target(ctx, to, u.servers[0] if u.servers else "")[0]
        # where it sends today: known only where an earlier step of the plan pointed it
        was = now.get(u)
        if was is not None and was.casefold() == to.casefold():
            continue
        out.append(_unknown_step(ctx, u, f"{prefix}:{key}", to, make, was, **extra))
    return out


def _today(ctx: Context, rc: RelayClient, was: str | None, new: str) -> tuple[Message, str]:
    """Where ``rc`` sends today as far as anything shows it, and the re-point line from there
    to ``new``: where an earlier step of the plan pointed it (``was``), the server
    addresses the logs saw it reach (and whose they are), the server whose log saw it, or
    nothing known. Never the server of its connector stated as its setting."""
    client = rc.name + (f" ({rc.host})" if rc.host else "")
    # RemoteIPRanges holds addresses only: a client listed by its name is admitted by the
    # address it has
    admitted = bool(rc.host) and parse_range(rc.host) is not None
    admits = {"host": rc.host} if admitted else {}
    suffix = "" if admitted else "_no_host"
    if was is not None:  # the plan's own earlier step set it
        return (message("steps.relay.today_planned", old=was),
                line("relay.repoint" + suffix, client=client, old=was, new=new, **admits))
    if rc.reached:
        owners = exchange_addresses(ctx)  # the server that answered on each address
        pairs = [(a, owners.get(a) or rc.server) for a in rc.reached]
        reached = [message("steps.relay.reached", address=a, server=server) if server
                   else message("steps.relay.reached_address", address=a)
                   for a, server in pairs]
        shown = ", ".join(f"{a} ({server})" if server else a for a, server in pairs)
        return (message("steps.relay.today_seen", targets=reached, count=len(reached)),
                line("relay.repoint_seen" + suffix, client=client, old=shown, new=new,
                     **admits))
    if rc.last_seen is not None and rc.server:  # seen, where it connected not kept
        return (message("steps.relay.today_server", server=rc.server),
                line("relay.repoint_seen" + suffix, client=client, old=rc.server, new=new,
                     **admits))
    return (message("steps.relay.today_unknown"),
            line("relay.repoint_unknown" + suffix, client=client, new=new, **admits))


def device_target(ctx: Context, new: str, old: str) -> tuple[str, list[Message]]:
    """Where a device that sent to ``old`` sends from now on, and why: the SMTP name at its
    site when the inventory lists one (the connector is on every server behind it), else
    the first of the new servers ``new`` names, with the others named beside it. A device
    takes one SMTP host ("A, B, C" in a scanner's settings is no address)."""
    space = smtp_name_at(ctx, old) if old else None
    servers = [n for n in new.split(", ") if n]
    if space is not None and _carried(ctx, space, servers):
        return space.name, [message("steps.relay.via_name", space=space.name, servers=servers)]
    if len(servers) > 1:
        return servers[0], [message("steps.relay.one_host", first=servers[0],
                                    others=servers[1:])]
    return new, []


def _carried(ctx: Context, space: Namespace, servers: Sequence[str]) -> bool:
    """Whether every server that stays behind the SMTP name gets the relay connector
    (``servers``): else the name also reaches one without it (Van Dijk's smtp.vdl.local
    holds Venlo's server too, which has no connector for Antwerp's printers)."""
    leaving = {s.name.lower() for s in ctx.servers if s.planned and s.path in _LEAVES}
    have = {n.lower() for n in servers}
    return all(n.lower() in have for n in pool_today(ctx, space) if n.lower() not in leaving)


def _unknown_step(ctx: Context, u: UnknownRelay, sid: str, new: str, make: MakeStep,
                  was: str | None, **extra: Any) -> Step:
    """The customer finds the device (or the devices of a range) and re-points it from
    ``was`` (where an earlier step pointed it; None: not known, no log saw it); a
    partner's sender is switched where it reaches the old servers."""
    servers = ", ".join(u.servers)
    if u.partner:
        return _partner_step(ctx, u, sid, new, make, was or servers, **extra)
    one = u.span.single
    title = (message("steps.relay.unknown_title", entry=u.span.text, connector=u.connector,
                     new=new) if one else
             message("steps.relay.unknown_range_title", entry=u.span.text,
                     connector=u.connector, new=new, count=u.span.size))
    detail = message("steps.relay.unknown_detail" if one else "steps.relay.unknown_range_detail",
                     connector=u.connector, servers=list(u.servers), entry=u.span.text,
                     count=u.span.size)
    named = ([message("steps.relay.named_only", names=list(u.named), count=len(u.named))]
             if u.named else [])
    return make(
        sid, "relay_repoint", f"relay:{u.span.text}", title, [detail, *named],
        needs_consultant=False, duration_days=max(1, ctx.days("relay_repoint")),
        command="\n".join(
            f"Set-ReceiveConnector {quoted(_on(server, u.connector))} "
            "-ProtocolLoggingLevel Verbose" for server in u.servers)
        + remark("relay.read_logs", entry=u.span.text) + "\n"
        + (line("relay.unknown_repoint" if one else "relay.unknown_range_repoint",
                old=was, new=new, entry=u.span.text) if was is not None else
           line("relay.unknown_repoint_unseen" if one else "relay.unknown_range_repoint_unseen",
                servers=servers, connector=u.connector, new=new, entry=u.span.text)),
        **extra)


def _on(server: str, connector: str) -> str:
    r"""A receive connector's identity: ``server\connector``."""
    return f"{server}\\{connector}"


def _partner_step(ctx: Context, u: UnknownRelay, sid: str, new: str, make: MakeStep,
                  was: str, **extra: Any) -> Step:
    """The firewall NAT (or the partner's smart host) for a partner connector's sender
    points at ``new`` and a test message from the partner arrives."""
    return make(
        sid, "relay_repoint", f"relay:{u.span.text}",
        message("steps.relay.partner_title", entry=u.span.text, connector=u.connector,
                new=new),
        [message("steps.relay.partner_detail", connector=u.connector, servers=list(u.servers),
                 entry=u.span.text, count=u.span.size, new=new)],
        needs_consultant=False, duration_days=max(1, ctx.days("relay_repoint")),
        command=line("relay.partner_repoint", old=was, new=new,
                     entry=u.span.text, connector=u.connector),
        **extra)
