"""Internet mail that reaches Mailbox servers directly, switched before they are removed.

Without an Edge, the MX record, the firewall's NAT or an SMTP gateway (spam filter) in front
hands internet mail to the Default Frontend connector of the Mailbox servers. When a group
of them is replaced, that hand-over points at the servers that take over, and a test message
from outside arrives, before the old ones are removed, or internet mail stops that day.

A group receives internet mail when the transport logs saw it arrive there; where no logs
were read, when its site is marked as where mail enters and leaves and no Edge server is in
that site (an Edge would receive it instead).
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.explanation import Message, message
from planner.core.mail_flow_volumes import daily_volumes
from planner.core.model import MailFlowKind
from planner.core.plan import Dependency, Phase, Step
from planner.core.rules.base import Context, Link, deps, make_step
from planner.core.rules.commands import line
from planner.core.rules.estate_facts import site_key
from planner.core.rules.groups import Group, side_by_side_groups
from planner.core.rules.side_by_side import send_step_id

__all__ = ["group_inbound_steps"]

_RULE = "edge_inbound_switch"
_TEXT = "steps.inbound"


def _evidence(ctx: Context, g: Group) -> tuple[Message, list[str]] | None:
    """Why this group receives internet mail and which of its servers do; None when none
    does (or nothing says so). A DAG over two sites takes internet mail only where it
    enters: a review's hospital had the NAT pointed at Indianapolis's new servers too, while
    only Columbus is Internet-facing."""
    names = {s.name.lower() for s in g.old}
    if ctx.estate.mail_flows:  # the logs tell where internet mail arrives
        seen = [v for v in daily_volumes(ctx.estate) if v.server.lower() in names
                and v.flow is MailFlowKind.INBOUND_INTERNET and v.messages]
        if not seen:
            return None
        there = {v.server.lower() for v in seen}
        return (message(f"{_TEXT}.logs", count=round(sum(v.per_day for v in seen))),
                [s.name for s in g.old if s.name.lower() in there])
    sites = {site_key(s.server) for s in g.old if ctx.internet_facing(s.server)}
    edges = {site_key(s.server) for s in ctx.servers if s.server.is_edge and not s.excluded}
    facing = sorted(sites - edges)
    if not facing:
        return None
    receiving = [s for s in g.old if site_key(s.server) in facing]
    return (message(f"{_TEXT}.site", site=receiving[0].server.site),
            [s.name for s in receiving])


def group_inbound_steps(ctx: Context,
                        prior: Mapping[str, Step]) -> tuple[list[Step], list[Link]]:
    """One switch per side-by-side group that receives internet mail; its removals wait.

    The switch also waits for the new servers' receive connectors (``sbs:receive``): the
    certificate re-applied to their Default Frontend (the one the HCW or the customer set,
    which Exchange Online's hybrid connector and TLS partners check) and the custom connectors
    recreated, or mail arriving there the day the MX/NAT points at them is refused."""
    steps: list[Step] = []
    links: list[Link] = []
    for g in side_by_side_groups(ctx):
        found = _evidence(ctx, g)
        if found is None or not g.targets:
            continue
        why, old = found
        new = list(g.successors(old))  # the new servers where internet mail enters
        receive = f"sbs:receive:{g.key}"
        step = make_step(
            ctx, _RULE, f"inbound:{g.key}", "edge_inbound_switch", Phase.SIDE_BY_SIDE,
            f"group:{g.key}", message(f"{_TEXT}.title", old=old, new=new),
            [*(s.fact for s in g.old if s.name in old), why],
            {"server": old, "target": new, "count": len(old)},
            needs_window=True,
            predecessors=deps(send_step_id(g), [receive] if receive in prior else []),
            command="\n".join(line(f"edge.inbound_{part}", old=", ".join(old),
                                   new=", ".join(new), count=len(old))
                              for part in ("point", "test", "queue")))
        steps.append(step)
        links += [(f"sbs:decom:{name}", Dependency(step.id)) for name in old]
    return steps, links
