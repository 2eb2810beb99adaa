"""The end of a side-by-side group: mailbox move batches, system mailboxes, decommissioning."""

from __future__ import annotations

from planner.core.explanation import Message, message
from planner.core.plan import Phase, Step
from planner.core.rules.base import Context, deps, pair_of
from planner.core.rules.groups import Group, group_facts, group_fields, group_step
from planner.core.rules.move_order import chain, order_source, system_steps
from planner.core.rules.moves import (
    batch_command,
    gb_text,
    move_batches,
    move_request_command,
    throughput,
    unattended,
)

__all__ = ["cutover_steps"]

_RULE = "side_by_side_2016"


def _facts(g: Group) -> tuple[tuple[str, str], dict[str, str]]:
    return group_facts(g), group_fields(g)


def _move_steps(ctx: Context, g: Group, after: str | list[str]) -> list[Step]:
    facts, fields = _facts(g)
    to = g.new_dag or (", ".join(g.targets) or "the SE servers")
    to_de = g.new_dag or (", ".join(g.targets) or "die SE-Server")
    olds = ", ".join(s.name for s in g.old)
    batches = move_batches(ctx, g.data_gb)
    rate = throughput(ctx)
    out: list[Step] = []
    for i, (gb, days) in enumerate(batches, start=1):
        label = f" ({i}/{len(batches)})" if len(batches) > 1 else ""
        part, whole, speed = gb_text(gb), gb_text(g.data_gb), gb_text(rate)
        size_en = (f"about {part[0]} of {whole[0]} at {speed[0]}/day"
                   if gb is not None and g.data_gb is not None
                   else "mailbox data volume unknown: default duration")
        size_de = (f"etwa {part[1]} von {whole[1]} bei {speed[1]}/Tag"
                   if gb is not None and g.data_gb is not None
                   else "Postfach-Datenmenge unbekannt: Standarddauer")
        out.append(group_step(
            ctx, g, _RULE, f"sbs:moves:{g.key}:{i}", "mailbox_moves", Phase.SIDE_BY_SIDE,
            f"group:{g.key}",
            (f"Move mailboxes from {olds} to {to}{label}",
             f"Postfächer von {olds} nach {to_de} verschieben{label}"),
            (f"{facts[0]}; {size_en}", f"{facts[1]}; {size_de}"), fields,
            duration_days=days, predecessors=deps(out[-1].id if out else after),
            **unattended(ctx),
            command=(batch_command(ctx, f"{g.key}-{i}", f"databases on {to}") if g.new
                     else move_request_command(ctx, "<users>", "SE database"))))
    return out


def _system_parts(ctx: Context, g: Group) -> dict[str, list[Step]]:
    facts, fields = _facts(g)
    to: str | Message = g.new_dag or ", ".join(g.targets) or message("steps.moves.the_se_servers")

    def make(suffix: str, kind: str, title: Message, detail: list[Message],
             command: str, source: str) -> Step:
        own = pair_of(detail)
        return group_step(ctx, g, _RULE, f"sbs:{suffix}:{g.key}", kind, Phase.SIDE_BY_SIDE,
                          f"group:{g.key}", pair_of(title),
                          (f"{facts[0]}; {own[0]}", f"{facts[1]}; {own[1]}"), fields,
                          command=command, source=source)

    return system_steps([s.server for s in g.old], to, make, order_source(ctx, _RULE))


def _decom_command(ctx: Context, name: str, dag: str) -> str:
    """Uninstall checklist; the DAG part only when no teardown step takes the DAG down first."""
    switched_off = "dag_teardown" in {r.lower() for r in ctx.decisions.disabled_rules}
    lines = [f"Get-MailboxDatabase -Server {name} | Remove-MailboxDatabase"]
    if dag and switched_off:
        lines = [f"Get-MailboxDatabase -Server {name} | Remove-MailboxDatabaseCopy / "
                 f"Remove-MailboxDatabase", f"Remove-DatabaseAvailabilityGroupServer {dag} "
                 f"-MailboxServer {name}"]
    return "\n".join([*lines, f"Setup.exe /Mode:Uninstall  # on {name}"])


def cutover_steps(ctx: Context, g: Group, moves_after: str | list[str],
                  decom_after: list[str]) -> list[Step]:
    """Arbitration, user batches and public folders in the project's order, then removal."""
    fields = _facts(g)[1]
    moves = chain(ctx, {"users": _move_steps(ctx, g, []), **_system_parts(ctx, g)},
                  moves_after)
    out = list(moves)
    for s in g.old:
        dag = s.server.dag
        out.append(group_step(
            ctx, g, _RULE, f"sbs:decom:{s.name}", "decommission", Phase.DECOMMISSION,
            f"server:{s.name}",
            (f"Decommission {s.name}", f"{s.name} außer Betrieb nehmen"),
            (f"{s.fact_en}; after its mailboxes, connectors, namespaces and relay clients "
             "have moved",
             f"{s.fact_de}; nachdem Postfächer, Connectoren, Namespaces und Relay-Clients "
             "umgezogen sind"),
            {**fields, "server": s.name, "count": "1"}, only=s, needs_window=True,
            # No database is removed while arbitration, audit-log or public folder
            # mailboxes remain on it: the removal waits for every move step.
            predecessors=deps([m.id for m in moves], decom_after),
            resources=(f"server:{s.name}", f"dag:{dag}") if dag else (f"server:{s.name}",),
            exits_exo_view=(s.name,) if s.judged else (),
            command=_decom_command(ctx, s.name, dag)))
    return out
