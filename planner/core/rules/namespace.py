"""Rule namespace_before_moves: one namespace rule for every group that moves mailboxes.

Client namespaces, virtual directory URLs and the Autodiscover SCP point at the servers that
stay before any mailbox leaves an old server, whether the old server is an Exchange 2013
server on its way out or a side-by-side group replaced by new SE servers. The fact behind it
(``namespace.switch_before_moves``) is data with its source and confidence: Microsoft
documents that 2019 and 2016 accept proxy traffic from 2013 front ends, but nothing about SE,
so by default the cautious order holds; a project that sets the fact to false lets moves
start first, and only the removal of the old server waits for the switch (every group's
decommission already does). An in-place upgrade keeps its namespace, an Edge has none.

The namespace switch steps themselves belong to their group's rule; this rule only orders
them before the moves, and switching it off removes that order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planner.core.explanation import Message, message
from planner.core.knowledge_facts import NAMESPACE_FIRST
from planner.core.model import Finding, Namespace, Server, Severity
from planner.core.plan import Dependency, Phase, Step
from planner.core.rules.base import Context, Link, Rule, RuleOutput
from planner.core.rules.commands import line, placeholder
from planner.core.rules.namespace_pool import PoolChange, smtp_only

__all__ = ["FACT", "MOVE_KINDS", "RULE", "before_moves", "namespace_command",
           "namespace_detail", "no_namespaces_finding"]

_RULE = "namespace_before_moves"
FACT = NAMESPACE_FIRST  # the key, named in knowledge_facts
# Step kinds that take mailboxes off an old server.
MOVE_KINDS = ("mailbox_moves", "ex2013_moves", "arbitration_moves", "public_folder_moves")
# Groups whose moves and namespace switches belong together; a 2013 server's namespace
# points at the 2016/2019 server that stays, a side-by-side group's at the new SE servers.
_PHASES = (Phase.LEGACY, Phase.SIDE_BY_SIDE)


def before_moves(ctx: Context) -> bool:
    """True when namespaces switch before mailboxes move (the knowledge fact, overridable)."""
    return ctx.facts.namespace_switch_before_moves


def namespace_detail(changes: Sequence[PoolChange], to: str | list[str]) -> tuple[Message, ...]:
    """What the switch covers: per pool, whom it points at from then on and who leaves it;
    no hole when the inventory lists no namespace (``to`` is where the URLs point)."""
    if not changes:
        return (message("steps.namespace.none_listed", to=to),)
    out: list[Message] = []
    for ch in changes:
        names = [n.name for n in ch.spaces]
        lb = _lb(list(dict.fromkeys(n.load_balancer for n in ch.spaces if n.load_balancer)))
        key = "points" if ch.add else "keeps"
        out.append(message(f"steps.namespace.{key}", count=len(names), names=names, lb=lb,
                           to=list(ch.after)))
        if ch.leave:
            out.append(message("steps.namespace.leaves", count=len(ch.leave),
                               servers=list(ch.leave)))
    return tuple(out)


def _lb(names: Sequence[str]) -> Message | str:
    return message("steps.namespace.load_balancer", names=list(names)) if names else ""


def namespace_command(changes: Sequence[PoolChange], to: str, olds: Sequence[Server],
                      listed: Sequence[Namespace] = ()) -> str:
    """DNS, load balancer, URLs and Autodiscover SCP: the switch as a checklist, per pool who
    joins and who is drained (``to`` is where the URLs point when no namespace is listed;
    ``listed`` are the inventory's namespaces, where the Autodiscover name is found)."""
    old = ", ".join(s.name for s in olds)
    pools = [_pool_line(ch) for ch in changes]
    if changes and all(smtp_only(n) for ch in changes for n in ch.spaces):
        # a name only mail goes to: DNS or its load balancer, then a relay client's test;
        # no client URLs or Autodiscover
        names = ", ".join(dict.fromkeys(n.name for ch in changes for n in ch.spaces))
        return "\n".join([*pools, line("test_smtp_relay", names=names)])
    if not changes:
        pools.append(line("lb_pool_switch_unlisted", to=to, old=old))
    added = ", ".join(dict.fromkeys(n for ch in changes for n in ch.add)) if changes else to
    left = ", ".join(dict.fromkeys(n for ch in changes for n in ch.leave)) if changes else old
    first_old = olds[0].name if olds else placeholder("old")
    spaces = [*(n for ch in changes for n in ch.spaces), *listed]
    autodiscover = next((n.name for n in spaces
                         if any(v.lower() == "autodiscover" for v in n.services)),
                        placeholder("autodiscover_namespace"))
    scp = ([f"Set-ClientAccessService {_each(added)} "
            f"-AutoDiscoverServiceInternalUri https://{autodiscover}/Autodiscover/Autodiscover.xml"]
           if added else [])
    scp += [f"Set-ClientAccessService {_each(left)} -AutoDiscoverServiceInternalUri $null"
            ] if left else []
    return "\n".join([
        f"Get-ClientAccessService {first_old} | fl "
        f"AutoDiscoverServiceInternalUri; Get-OwaVirtualDirectory -Server {first_old} | fl *Url",
        *pools, *scp, line("test_clients"),
    ])


def _pool_line(ch: PoolChange) -> str:
    names = ", ".join(n.name for n in ch.spaces)
    add, leave = ", ".join(ch.add), ", ".join(ch.leave)
    if add and leave:
        return line("lb_pool_switch", names=names, to=add, old=leave)
    if leave:
        return line("lb_pool_keep", name=names, old=leave, stay=", ".join(ch.after))
    return line("lb_pool_add", names=names, to=add)


def _each(names: str) -> str:
    """One server by its name; several as the placeholder the consultant repeats per server."""
    return names if names and "," not in names else placeholder("each_of", names=names)


def no_namespaces_finding(ctx: Context) -> Finding | None:
    """A finding when moves are planned but the inventory names no client namespace."""
    if ctx.estate.namespaces:
        return None
    return Finding.about(Severity.WARNING, "RULES-NO-NAMESPACES", "namespaces")


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    if not before_moves(ctx):
        return RuleOutput()
    links: list[Link] = []
    for phase in _PHASES:
        switches = [st.id for st in prior.values()
                    if st.kind == "namespace_switch" and st.phase is phase]
        moves = [st for st in prior.values() if st.kind in MOVE_KINDS and st.phase is phase]
        ids = {m.id for m in moves}
        # The first move of each chain is enough: the others wait for it already.
        heads = [m.id for m in moves if not any(d.step_id in ids for d in m.predecessors)]
        links += [(m, Dependency(n)) for m in heads for n in switches]
    return RuleOutput(links=tuple(links))


RULE = Rule(_RULE, _propose, links_only=True)
