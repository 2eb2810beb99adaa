"""Which servers a client namespace's load balancer pool holds, and how it changes.

The one namespace rule (README, rule ``namespace_before_moves``) as every group applies it: a
client namespace and Autodiscover point at the newest version's Client Access servers in the
Internet-facing site(s) the namespace serves, through its load balancer pool, before mailboxes
move. While Exchange 2013 leaves that is the newest 2016/2019/SE servers there that outlive it
(the interim pool); in the end it is the SE servers there: new side-by-side servers and
servers upgraded in place (the final pool). A server in the pool leaves it by a switch step
before it is removed. The legacy and side-by-side rules both ask this module, so their
switches agree; they name inventoried servers or the plan's new ones, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.core.model import Namespace
from planner.core.plan import MigrationPath
from planner.core.rules.base import Context, ServerFacts
from planner.core.rules.estate_facts import site_key

__all__ = ["Candidate", "PoolChange", "choose", "final_pool", "grouped", "interim_pool",
           "pool_change", "pool_today", "se_candidates", "serves_mail", "smtp_name_at", "smtp_only",
           "target_sites"]

# Newer versions rank higher: the namespace points at the newest that is there.
_RANK = {"2016": 1, "2019": 2, "SE": 3}
_STAYS = (MigrationPath.IN_PLACE, MigrationPath.CU_THEN_IN_PLACE)
_SMTP = frozenset({"smtp", "smtprelay", "relay"})  # a service's name, spaces left out


def serves_mail(space: Namespace) -> bool:
    """Whether mail is sent to the name (among other services: the hybrid name)."""
    return any("".join(v.lower().split()) in _SMTP for v in space.services)


def smtp_only(space: Namespace) -> bool:
    """A name only mail is sent to (``smtp.contoso.local`` for relay clients): its servers
    are those that carry the relay connectors at each site it serves, not the Internet-facing
    site's client access servers (a review's Antwerp scanners were pointed at Venlo, which
    has no relay connector for them)."""
    return bool(space.services) and all("".join(v.lower().split()) in _SMTP
                                        for v in space.services)


def smtp_name_at(ctx: Context, server: str) -> Namespace | None:
    """The SMTP name (:func:`smtp_only`) relay clients of ``server`` send to: the first by
    name that the server is behind or that serves its site; None for an Edge or where no
    such name is listed. A device takes one SMTP host; the name keeps it sending while one
    of the servers behind it is updated or replaced."""
    memo: dict[str, Namespace | None] = ctx.memo.setdefault("smtp_name_at", {})
    if server not in memo:
        found = ctx.estate.server(server)
        memo[server] = None if found is None or found.is_edge else next(
            (ns for ns in sorted(ctx.estate.namespaces, key=lambda ns: ns.name.lower())
             if smtp_only(ns) and (found.name in (pool := pool_today(ctx, ns))
                                   or site_key(found) in {_site_of(ctx, n) for n in pool})),
            None)
    return memo[server]


@dataclass(frozen=True)
class Candidate:
    """A server that may serve a namespace: its site, version rank and when it is ready."""

    name: str
    site: str  # site key (lower case)
    rank: int
    ready: str = ""  # the step after which it serves as intended ("" = it does today)


@dataclass(frozen=True)
class PoolChange:
    """One switch of namespaces that share a pool: who joins, who leaves, who serves after."""

    spaces: tuple[Namespace, ...]
    add: tuple[str, ...]
    leave: tuple[str, ...]
    after: tuple[str, ...]


def _leaving_2013(ctx: Context) -> set[str]:
    if "leaving_2013" not in ctx.memo:
        ctx.memo["leaving_2013"] = frozenset(s.name for s in ctx.servers
                                             if s.product == "2013" and s.planned)
    return set(ctx.memo["leaving_2013"])


def pool_today(ctx: Context, space: Namespace) -> tuple[str, ...]:
    """The inventory names of the servers behind ``space`` today."""
    key = ("pool_today", space.name)  # asked per namespace and group: found once
    if key not in ctx.memo:
        names = []
        for ref in space.servers:
            server = ctx.estate.server(ref)
            names.append(server.name if server else ref)
        ctx.memo[key] = tuple(dict.fromkeys(names))
    return tuple(ctx.memo[key])


def _site_of(ctx: Context, name: str) -> str:
    server = ctx.estate.server(name)
    return site_key(server) if server else ""


def _facing(ctx: Context) -> set[str]:
    """Site keys of the Internet-facing sites."""
    return {s.name.strip().lower() for s in ctx.estate.sites if s.internet_facing}


def target_sites(ctx: Context, today: Iterable[str], smtp: bool = False) -> set[str]:
    """Where a namespace's servers belong: the Internet-facing sites it serves today, else
    every Internet-facing site, else (none is marked) the sites it serves; an SMTP name
    (:func:`smtp_only`) stays at every site it serves. A site where a client namespace's
    pool holds a server that stays (upgraded in place, or SE already) serves clients on
    purpose: it stays too, and a replaced server's successor there takes its place (a
    review's Bremen 2016 server had handed its place to a Hamburg server no pool held). A
    namespace no server of which is at an Internet-facing site is published from its own
    site(s), with its load balancer and certificate there: it stays there too (a review's
    Innsbruck name had been handed to Bellinzona's servers, which hold neither its
    certificate nor its load balancer, and their Autodiscover had been pointed at it)."""
    own = {_site_of(ctx, n) for n in today} - {""}
    if smtp and own:
        return own
    facing = _facing(ctx)
    kept = own & _served_on_purpose(ctx)
    if kept:
        return (own & facing) | kept
    return (own & facing) or own or facing


def _served_on_purpose(ctx: Context) -> set[str]:
    """Site keys where a client namespace's pool holds a server that serves on as SE
    (upgraded in place, or SE already) today: found once per proposal."""
    if "served_on_purpose" not in ctx.memo:
        sites = set()
        for space in ctx.estate.namespaces:
            if smtp_only(space):
                continue
            for name in pool_today(ctx, space):
                facts = ctx.facts_for(name)
                if facts is not None and not facts.excluded and (
                        facts.path in _STAYS
                        or (facts.product == "SE" and facts.path is MigrationPath.NONE)):
                    sites.add(site_key(facts.server))
        ctx.memo["served_on_purpose"] = frozenset(sites)
    return set(ctx.memo["served_on_purpose"])


def _newest(cands: Sequence[Candidate]) -> list[Candidate]:
    """Per site, the candidates of the newest version there."""
    best: dict[str, int] = {}
    for c in cands:
        best[c.site] = max(best.get(c.site, 0), c.rank)
    return [c for c in cands if c.rank == best[c.site]]


def choose(ctx: Context, cands: Sequence[Candidate], sites: set[str]) -> list[Candidate]:
    """The newest candidates in ``sites``; else in the Internet-facing sites; else in the
    first site that has any (the inventory holds no distances)."""
    at = [c for c in cands if c.site in sites]
    if at:
        return _newest(at)
    facing = [c for c in cands if c.site in _facing(ctx)]
    if facing:
        return _newest(facing)
    return _newest([c for c in cands if c.site == cands[0].site]) if cands else []


def _client_access(ctx: Context) -> list[ServerFacts]:
    if "client_access" not in ctx.memo:  # asked per namespace: found once
        ctx.memo["client_access"] = tuple(s for s in ctx.servers if not s.server.is_edge
                                          and not s.excluded and s.product in _RANK)
    return list(ctx.memo["client_access"])


def interim_pool(ctx: Context, today: Sequence[str], smtp: bool = False) -> tuple[str, ...]:
    """The pool once Exchange 2013 has left it: the servers that stay in it plus the newest
    servers that outlive 2013 in its sites (``today`` unchanged when no 2013 server is in it)."""
    key = ("interim_pool", tuple(today), smtp)  # asked per namespace and group: found once
    if key not in ctx.memo:
        ctx.memo[key] = _interim(ctx, today, smtp)
    return tuple(ctx.memo[key])


def _interim(ctx: Context, today: Sequence[str], smtp: bool) -> tuple[str, ...]:
    leaving = _leaving_2013(ctx)
    if not leaving & set(today):
        return tuple(today)
    if "interim_candidates" not in ctx.memo:  # the same for every pool: found once
        staying = [s for s in _client_access(ctx)
                   if s.path is not MigrationPath.DECOMMISSION]
        ctx.memo["interim_candidates"] = tuple(
            Candidate(s.name, site_key(s.server), _RANK[s.product])
            for s in (staying or _client_access(ctx)))
    cands = list(ctx.memo["interim_candidates"])
    chosen = choose(ctx, cands, target_sites(ctx, today, smtp))
    kept = [n for n in today if n not in leaving]
    return tuple(dict.fromkeys([*kept, *(c.name for c in chosen)]))


def se_candidates(ctx: Context, new: Iterable[tuple[str, str]]) -> list[Candidate]:
    """Servers that run SE in the end: ``new`` (name, site) side-by-side servers, ready once
    configured; servers upgraded in place, once upgraded; servers on SE already."""
    out = [Candidate(n, site.strip().lower(), _RANK["SE"], f"sbs:config:{n}") for n, site in new]
    for s in _client_access(ctx):
        if s.path in _STAYS:
            out.append(Candidate(s.name, site_key(s.server), _RANK["SE"], f"inplace:{s.name}"))
        elif s.product == "SE" and s.path is MigrationPath.NONE:
            out.append(Candidate(s.name, site_key(s.server), _RANK["SE"]))
    return out


def final_pool(ctx: Context, today: Sequence[str], se: tuple[Candidate, ...],
               smtp: bool = False) -> list[Candidate]:
    """The SE servers a namespace served by ``today`` points at in the end."""
    key = ("final_pool", tuple(today), id(se), smtp)  # asked per namespace and group; ``se``
    # is the proposal's one tuple, kept alive by the memo, so its id stays its own
    if key not in ctx.memo:
        ctx.memo[key] = tuple(choose(ctx, se, target_sites(ctx, today, smtp)))
    return list(ctx.memo[key])


def pool_change(space: Namespace, before: Sequence[str], add: Iterable[str],
                leave: Iterable[str], elsewhere: Iterable[str] = ()) -> PoolChange | None:
    """The change of one namespace's pool (None when nothing changes); ``elsewhere`` leave
    it by other switches, so the pool from then on does not count on them."""
    gone, there = set(leave), set(before)
    joins = tuple(n for n in dict.fromkeys(add) if n not in there)
    out = tuple(n for n in before if n in gone)
    if not joins and not out:
        return None
    after = tuple(n for n in before if n not in gone) + joins
    later = set(elsewhere)
    return PoolChange((space,), joins, out, tuple(n for n in after if n not in later) or after)


def grouped(changes: Iterable[PoolChange | None]) -> list[PoolChange]:
    """Namespaces whose pools change alike as one change (mail and Autodiscover usually)."""
    out: dict[tuple[tuple[str, ...], ...], PoolChange] = {}
    for ch in changes:
        if ch is None:
            continue
        key = (ch.add, ch.leave, ch.after)
        had = out.get(key)
        out[key] = ch if had is None else PoolChange(had.spaces + ch.spaces, *key)
    return list(out.values())
