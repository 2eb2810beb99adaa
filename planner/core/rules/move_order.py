"""The order in which mailboxes leave an old server: arbitration, users, public folders.

Arbitration (and audit-log) mailboxes go first, so the organization's system functions run
on the new version before users follow; users move in batches; public folder mailboxes
go after them, the primary hierarchy mailbox (the one writable hierarchy) first. The order
is knowledge data (``moves.order``, practitioner guidance, overridable). Health (monitoring)
mailboxes are never moved: Managed Availability creates them per server and database. An old
database cannot be removed while arbitration, audit-log or public folder mailboxes remain on
it, so every removal waits for all of these steps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from planner.core.explanation import Message, message
from planner.core.knowledge_facts import MOVE_ORDER
from planner.core.model import Server
from planner.core.plan import Step
from planner.core.rules.base import Context, deps
from planner.core.rules.commands import line, placeholder

__all__ = ["FACT", "KINDS", "MakeStep", "chain", "move_order", "order_source", "system_steps"]

FACT = MOVE_ORDER  # the key, named in knowledge_facts
KINDS = ("arbitration", "users", "public_folders")
# (id suffix, kind, titles, detail, command) -> Step; the caller adds its ids and reason.
MakeStep = Callable[..., Step]
Where = str | list[str] | Message  # a DAG, servers, or "the SE servers"


def move_order(ctx: Context) -> list[str]:
    """The project's order of mailbox kinds; kinds it leaves out still move, last."""
    wanted = list(ctx.facts.move_order)
    known = [k for k in dict.fromkeys(wanted) if k in KINDS]
    return known + [k for k in KINDS if k not in known]


def order_source(ctx: Context, rule: str) -> str:
    """The group rule's source and the move order's, since the order rests on its own fact."""
    text = ctx.text(rule)
    fact = ctx.facts.record(FACT)
    return "; ".join(p for p in (text.source if text else "", fact.source if fact else "") if p)


def _holds(olds: Sequence[Server], attr: str) -> int | None:
    """How many such mailboxes the old servers hold: a count, 0, or None when unknown."""
    counts: list[int | None] = [getattr(s, attr) for s in olds]
    known = [c for c in counts if c]
    if all(c is not None for c in counts):
        return sum(known)
    return sum(known) if known else None


@dataclass(frozen=True)
class _Kind:
    """One kind of system mailbox: where the inventory counts it and how the step reads
    (its texts are ``steps.moves.<part>.title``, ``.count``, ``.uncounted`` and ``.why``)."""

    part: str  # the moves.order name
    attr: str  # the Server field that counts it
    suffix: str  # step id part
    kind: str  # step kind (durations.toml)
    switches: tuple[str, ...]  # Get-Mailbox switches that list them

    def text(self, key: str, **values: Any) -> Message:
        """One of this kind's messages."""
        return message(f"steps.moves.{self.part}.{key}", **values)


_KINDS = (
    _Kind("arbitration", "arbitration_mailboxes", "arbitration", "arbitration_moves",
          ("Arbitration", "AuditLog")),
    _Kind("public_folders", "public_folder_mailboxes", "publicfolders", "public_folder_moves",
          ("PublicFolder",)),
)


def _move_lines(k: _Kind, olds: Sequence[Server], target: str) -> list[str]:
    """The move requests of one kind; public folder mailboxes the primary hierarchy mailbox
    first (it holds the one writable hierarchy), the others once its move has completed."""
    if k.part != "public_folders":
        return [f"Get-Mailbox -Server {s.name} -{sw} | New-MoveRequest -TargetDatabase {target}"
                for s in olds for sw in k.switches]
    pick = ("Get-Mailbox -PublicFolder -Server {} | "
            "Where-Object {{ {}$_.IsRootPublicFolderMailbox }}")
    first = [f"{pick.format(s.name, '')} | New-MoveRequest -TargetDatabase {target}"
             for s in olds]
    rest = [f"{pick.format(s.name, '-not ')} | New-MoveRequest -TargetDatabase {target}"
            for s in olds]
    return [*first, "# " + line("hierarchy_moved"), *rest]


def _system_step(k: _Kind, olds: Sequence[Server], to: Where, make: MakeStep,
                 source: str) -> Step | None:
    count = _holds(olds, k.attr)
    if count == 0:
        return None
    what = k.text("uncounted") if count is None else k.text("count", count=count)
    detail = [k.text("why", what=what)]
    if count is None:
        detail.append(message("steps.moves.not_counted", switch=k.switches[0]))
    detail.append(message("steps.moves.health"))
    target = (placeholder("database_on", where=to) if isinstance(to, str) else
              placeholder("database_on", where=", ".join(to)) if isinstance(to, list)
              else placeholder("se_database"))
    command = "\n".join(_move_lines(k, olds, target))
    return make(k.suffix, k.kind, k.text("title", names=[s.name for s in olds], to=to),
                detail, command + "\n# Get-Mailbox -Monitoring: " + line("never_moved"),
                source)


def system_steps(olds: Sequence[Server], to: Where, make: MakeStep,
                 source: str) -> dict[str, list[Step]]:
    """Arbitration and public folder steps for these servers (none where they hold none).

    ``make(suffix, kind, title, details, command, source)`` gets the title and details as
    messages and builds the step in the calling rule's words.
    """
    out: dict[str, list[Step]] = {}
    for k in _KINDS:
        step = _system_step(k, olds, to, make, source)
        if step is not None:
            out[k.part] = [step]
    return out


def chain(ctx: Context, parts: Mapping[str, list[Step]], after: Any) -> list[Step]:
    """The parts in the project's order, each part's first step after the previous part."""
    out: list[Step] = []
    prev: Any = after
    for kind in move_order(ctx):
        steps = list(parts.get(kind) or [])
        if not steps:
            continue
        first = steps[0]
        extra = [d for d in deps(prev) if d not in first.predecessors]
        steps[0] = replace(first, predecessors=(*first.predecessors, *extra))
        out += steps
        prev = steps[-1].id
    return out
