"""The end of a side-by-side group: mailbox move batches, system mailboxes, decommissioning."""

from __future__ import annotations

from planner.core.explanation import Message, message
from planner.core.plan import Phase, Step
from planner.core.rules.base import Context, deps
from planner.core.rules.commands import placeholder, remark
from planner.core.rules.groups import Group, group_fields, group_reason, group_step
from planner.core.rules.move_order import chain, order_source, system_steps
from planner.core.rules.moves import (
    batch_command,
    gb_value,
    move_batches,
    move_request_command,
    throughput,
    unattended,
)

__all__ = ["cutover_steps"]

_RULE = "side_by_side_2016"
_TEXT = "steps.side_by_side"


def _text(key: str, **values: object) -> Message:
    return message(f"{_TEXT}.{key}", **values)


def _to(g: Group) -> str | list[str] | Message:
    """Where the mailboxes go: the new DAG, the servers, or (none known) the SE servers."""
    return g.new_dag or list(g.targets) or message("steps.moves.the_se_servers")


def _move_steps(ctx: Context, g: Group, after: str | list[str]) -> list[Step]:
    if g.data_gb == 0 and all(s.server.mailbox_count == 0 for s in g.old):
        # a hub or relay server the inventory says holds no mailbox and no data: nothing
        # to move (a review: "about 0 GB of 0 GB at 150 GB a day", a day of a batch)
        return []
    fields, to = group_fields(g), _to(g)
    olds = [s.name for s in g.old]
    batches = move_batches(ctx, g.data_gb)
    rate = throughput(ctx)
    out: list[Step] = []
    for i, (gb, days) in enumerate(batches, start=1):
        size = (_text("moves_size", part=gb_value(gb), whole=gb_value(g.data_gb),
                      speed=gb_value(rate))
                if gb is not None and g.data_gb is not None
                else message("steps.moves.volume_unknown"))
        title = (_text("moves_title_batch", olds=olds, to=to, batch=i, batches=len(batches))
                 if len(batches) > 1 else _text("moves_title", olds=olds, to=to))
        target = g.new_dag or ", ".join(g.new)
        out.append(group_step(
            ctx, g, _RULE, f"sbs:moves:{g.key}:{i}", "mailbox_moves", Phase.SIDE_BY_SIDE,
            f"group:{g.key}", title, [size], fields,
            duration_days=days, predecessors=deps(out[-1].id if out else after),
            **unattended(ctx),
            command=(batch_command(ctx, f"{g.key}-{i}", placeholder("databases_on", where=target))
                     if g.new else move_request_command(ctx, placeholder("users"),
                                                        placeholder("se_database")))))
    return out


def _system_parts(ctx: Context, g: Group) -> dict[str, list[Step]]:
    fields, to = group_fields(g), _to(g)

    def make(suffix: str, kind: str, title: Message, detail: list[Message],
             command: str, source: str) -> Step:
        return group_step(ctx, g, _RULE, f"sbs:{suffix}:{g.key}", kind, Phase.SIDE_BY_SIDE,
                          f"group:{g.key}", title, detail, fields,
                          command=command, source=source)

    return system_steps(g.carried(), to, make, order_source(ctx, _RULE))


def _decom_command(ctx: Context, name: str, dag: str) -> str:
    """Uninstall checklist; the DAG part only when no teardown step takes the DAG down first."""
    switched_off = "dag_teardown" in {r.lower() for r in ctx.decisions.disabled_rules}
    lines = [f"Get-MailboxDatabase -Server {name} | Remove-MailboxDatabase"]
    if dag and switched_off:
        lines = [f"Get-MailboxDatabase -Server {name} | Remove-MailboxDatabaseCopy / "
                 f"Remove-MailboxDatabase", f"Remove-DatabaseAvailabilityGroupServer {dag} "
                 f"-MailboxServer {name}"]
    return "\n".join([*lines, "Setup.exe /Mode:Uninstall" + remark("on_server", server=name)])


def cutover_steps(ctx: Context, g: Group, moves_after: str | list[str],
                  decom_after: list[str]) -> list[Step]:
    """Arbitration, user batches and public folders in the project's order, then removal."""
    fields = group_fields(g)
    moves = chain(ctx, {"users": _move_steps(ctx, g, []), **_system_parts(ctx, g)},
                  moves_after)
    out = list(moves)
    # the DAG's teardown takes the members out of it first; only without it does each
    # removal leave the DAG itself, one member at a time (the DAG held); after a teardown
    # the members' removals may share a Saturday (a two-week-later finish otherwise)
    torn_down = "dag_teardown" not in {r.lower() for r in ctx.decisions.disabled_rules}
    for s in g.old:
        dag = s.server.dag
        held = dag and not (torn_down and dag == g.old_dag)
        out.append(group_step(
            ctx, g, _RULE, f"sbs:decom:{s.name}", "decommission", Phase.DECOMMISSION,
            f"server:{s.name}",
            # the group's own reason already says the server goes once its work has moved
            _text("decom_title", server=s.name),
            [] if group_reason(g, s) else [_text("decom_after")],
            {**fields, "server": [s.name], "count": 1}, only=s, needs_window=True,
            # No database is removed while arbitration, audit-log or public folder
            # mailboxes remain on it: the removal waits for every move step.
            predecessors=deps([m.id for m in moves], decom_after),
            resources=(f"server:{s.name}", f"dag:{dag}") if held else (f"server:{s.name}",),
            exits_exo_view=(s.name,) if s.judged else (),
            command=_decom_command(ctx, s.name, dag)))
    return out
