"""A side-by-side group's namespace switch: its old servers leave the client namespaces' load
balancer pools and its new SE servers join them, as the one namespace rule wants
(``namespace_pool``); a group whose successors do not belong to the pool (not in an
Internet-facing site) hands its place to the SE servers that do, once they are set up.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace

from planner.core.explanation import message
from planner.core.model import Namespace
from planner.core.plan import Dependency, Phase, Step
from planner.core.rules.base import Context, deps
from planner.core.rules.commands import placeholder
from planner.core.rules.groups import (
    Group,
    group_fields,
    group_step,
    new_server_sites,
    side_by_side_groups,
)
from planner.core.rules.namespace import namespace_command, namespace_detail
from planner.core.rules.namespace_pool import (
    Candidate,
    PoolChange,
    final_pool,
    grouped,
    interim_pool,
    pool_change,
    pool_today,
    se_candidates,
    serves_mail,
    smtp_only,
)

__all__ = ["after_receive_connectors", "namespace_step", "se_servers", "switch_waits_for"]

_RULE = "side_by_side_2016"  # the side-by-side rule proposes the switch


def namespace_step(ctx: Context, g: Group, after: str | list[str],
                   known: Collection[str]) -> Step | None:
    """The group's old servers leave the namespaces' pools and its new SE servers join them
    (the one namespace rule, ``namespace_pool``); None when no pool changes."""
    changes: list[PoolChange | None] = []
    ready: list[str] = []
    for ns in ctx.estate.namespaces:
        change, waits = _pool_change(ctx, g, ns)
        changes.append(change)
        ready += waits if change else []
    pools = grouped(changes)
    if ctx.estate.namespaces and not pools:
        return None
    olds = [s.server for s in g.old]
    to = (list(dict.fromkeys(n for ch in pools for n in ch.add))
          or list(dict.fromkeys(n for ch in pools for n in ch.after)) or list(g.targets))
    return group_step(
        ctx, g, _RULE, f"sbs:namespace:{g.key}", "namespace_switch", Phase.SIDE_BY_SIDE,
        f"group:{g.key}",
        message("steps.side_by_side.namespace_title", to=to), namespace_detail(pools, to),
        group_fields(g), needs_window=True,
        predecessors=deps(after, [r for r in ready if r in known]),
        command=namespace_command(pools, ", ".join(to), olds, ctx.estate.namespaces))


def after_receive_connectors(g: Group, namespaces: Collection[Namespace],
                             steps: list[Step]) -> list[Step]:
    """``steps`` with the group's namespace switch after its receive connectors, where the
    switch moves a name mail is sent to (SMTP: the hybrid name Exchange Online delivers to):
    its new servers must present the connector's certificate (-TlsCertificateName) before
    that mail reaches them (a review: hybrid.mercyvalley.org switched on 6 February, its
    certificate set on the new Default Frontend connectors only from 3 to 11 February)."""
    receive = next((s.id for s in steps if s.kind == "receive_connectors"), None)
    olds = {s.name.lower() for s in g.old}
    mail = any(serves_mail(ns) and olds & {n.lower() for n in ns.servers}
               for ns in namespaces)
    if receive is None or not mail:
        return steps
    return [replace(s, predecessors=(*s.predecessors, Dependency(receive)))
            if s.kind == "namespace_switch" and s.id.startswith("sbs:namespace:") else s
            for s in steps]


def _pool_change(ctx: Context, g: Group, ns: Namespace) -> tuple[PoolChange | None, list[str]]:
    """One namespace: the group's servers that leave its pool, the SE servers that join, and
    the steps after which those are ready (another group's configuration, an upgrade)."""
    today, smtp = pool_today(ctx, ns), smtp_only(ns)
    before = interim_pool(ctx, today, smtp)
    final = final_pool(ctx, today, se_servers(ctx), smtp)
    olds = {s.name for s in g.old}
    leave = [n for n in before if n in olds]
    # a successor joins where its server leaves, or where the name is served from its site
    # by design (Internet-facing); not a pool of a site it only shares with others
    facing = {site.name.strip().lower() for site in ctx.estate.sites if site.internet_facing}
    own = [c for c in final if c.name in g.new and (leave or c.site in facing)]
    joins = own or (final if leave else [])
    names = [c.name for c in joins]
    if leave and not names:  # no SE server anywhere: the group's targets, or the consultant's
        names = list(g.targets) or [placeholder("se_server")]
    # the 2013 switch that put these servers into the pool comes first
    there = set(before)
    legacy = [f"legacy:namespace:{n}" for n in set(today) - there] if leave else []
    waits = [c.ready for c in joins if c.ready and c.name not in g.new
             and c.name not in there] + legacy
    others = _leaving(ctx) - olds
    return pool_change(ns, before, names, leave, others), waits


def _leaving(ctx: Context) -> set[str]:
    """Old servers of every side-by-side group (found once per proposal)."""
    if "sbs_leaving" not in ctx.memo:
        ctx.memo["sbs_leaving"] = frozenset(s.name for g in side_by_side_groups(ctx)
                                            for s in g.old)
    return set(ctx.memo["sbs_leaving"])


def se_servers(ctx: Context) -> tuple[Candidate, ...]:
    """Every server that runs SE in the end (found once per proposal)."""
    if "se_servers" not in ctx.memo:
        new = [p for g in side_by_side_groups(ctx) for p in new_server_sites(ctx, g)]
        ctx.memo["se_servers"] = tuple(se_candidates(ctx, new))
    se: tuple[Candidate, ...] = ctx.memo["se_servers"]
    return se


def switch_waits_for(ctx: Context, prior: Mapping[str, Step]) -> set[str]:
    """Steps a namespace switch may wait for: earlier rules' and every new server's set-up."""
    if "sbs_known" not in ctx.memo:
        ctx.memo["sbs_known"] = frozenset(f"sbs:config:{n}" for g in side_by_side_groups(ctx)
                                          for n in g.new)
    return {*prior, *ctx.memo["sbs_known"]}
