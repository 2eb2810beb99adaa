"""Receive connectors and relay clients of an Edge that is replaced or retired.

An Edge keeps its receive connectors in its own AD LDS, and EdgeSync copies send connectors
and recipients to it, never receive connectors. So a custom one on the old Edge (a relay for
systems in the perimeter network, a partner connector) is recreated on its successor by hand,
changes to its default connector are re-applied there, and every relay client that submits
through it (listed, or only admitted by a connector's remote IP ranges) is re-pointed by its
owner before the old Edge is removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.core.explanation import Message, message
from planner.core.plan import MigrationPath, Phase, Step
from planner.core.rules.base import Context, ServerFacts, deps, make_step
from planner.core.rules.estate_facts import receive_connectors_of, relay_clients_of
from planner.core.rules.receive import (
    change_detail,
    classify,
    copy_command,
    distinct,
    unknown_relays,
)
from planner.core.rules.relay_repoint import repoint_steps

__all__ = ["edge_connector_steps"]

_RULE = "edge_2016"
_TEXT = "steps.edge_receive"


def edge_connector_steps(ctx: Context, edge: ServerFacts, to: Sequence[str],
                         reason: Message | None, after: Sequence[str],
                         live: Sequence[str]) -> list[Step]:
    """The old Edge's custom receive connectors on ``to`` (after ``after``), then one re-point
    step per relay client (after ``live``: once ``to`` carries mail); [] when there are none.

    ``reason`` is the Edge rule's own wording where its general reason does not fit.
    """
    retired = edge.path is MigrationPath.DECOMMISSION  # its connectors go to Mailbox servers
    items = distinct(classify(ctx, receive_connectors_of(ctx.estate, edge.server)))
    custom = [i for i in items if i.custom]
    changed = [i for i in items if i.changed]
    fields = {"server": edge.name}

    def make(sid: str, kind: str, target: str, title: Message, detail: list[Message],
             **kw: Any) -> Step:
        # the Edge rule's own reason already states the Edge's fact
        parts = detail if reason is not None else [edge.fact, *detail]
        return make_step(ctx, _RULE, sid, kind, Phase.SIDE_BY_SIDE, target, title, parts,
                         fields, reason, **kw)

    out: list[Step] = []
    if custom or changed:
        detail = [message(f"{_TEXT}.custom", names=[i.connector.name for i in custom])]
        detail = (detail if custom else []) + [change_detail(i, to) for i in changed]
        lines = [copy_command(ctx, i, t, edge=not retired) for i in (*custom, *changed)
                 for t in to]
        out.append(make(
            f"edge:receive:{edge.name}", "receive_connectors", f"server:{edge.name}",
            message(f"{_TEXT}.{'title' if custom else 'reapply_title'}", server=edge.name,
                    to=list(to)),
            detail, predecessors=deps(list(after)), command="\n".join(lines)))
    clients = relay_clients_of(ctx.estate, edge.server)
    unknown = unknown_relays(ctx, [edge.server])
    out += repoint_steps(ctx, clients, f"edge:relay:{edge.name}", ", ".join(to), make, unknown,
                         predecessors=deps([s.id for s in out], list(live)))
    return out
