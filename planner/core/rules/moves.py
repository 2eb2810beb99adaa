"""Mailbox move effort: days from data volume and throughput, split into batches."""

from __future__ import annotations

import math
from typing import Any

from planner.core.rules.base import Context
from planner.core.rules.commands import placeholder, quoted, remark

__all__ = ["COMPLETION_DATE", "batch_command", "gb_value", "move_batches", "move_days",
           "move_request_command", "throughput", "unattended"]

# Stands in a command for the day a batch completes; the plan fills in the scheduled date
# (planner.core.completion_dates) once the schedule is known.
COMPLETION_DATE = "<completion date>"


def throughput(ctx: Context) -> float:
    """GB moved per working day: the project's figure, else the knowledge base."""
    if ctx.settings.throughput_gb_per_day:
        return float(ctx.settings.throughput_gb_per_day)
    return max(1.0, ctx.amount("mailbox_moves_gb_per_day", 150.0))


def move_days(ctx: Context, gb: float | None, min_kind: str) -> int:
    """Working days to move ``gb`` of mailbox data, at least the kind's minimum."""
    minimum = ctx.days(min_kind)
    if gb is None:
        return minimum
    return max(minimum, math.ceil(gb / throughput(ctx) - 1e-9))


def move_batches(ctx: Context, gb: float | None) -> list[tuple[float | None, int]]:
    """(GB, days) per batch: at most ``mailbox_move_batch_days`` working days each."""
    total = move_days(ctx, gb, "mailbox_moves")
    per_batch = max(1, math.floor(ctx.amount("mailbox_move_batch_days", 5.0)))
    count = max(1, math.ceil(total / per_batch))
    days = [total // count + (1 if i < total % count else 0) for i in range(count)]
    if gb is None:
        return [(None, d) for d in days]
    return [(gb * d / total if total else gb, d) for d in days]


def gb_value(gb: float) -> int | float:
    """A data volume as a message shows it: whole gigabytes from 10 GB up (a move plan needs
    no more), one decimal below; the catalogue writes the separators of its language."""
    return round(gb) if gb >= 10 else round(gb, 1)


def unattended(ctx: Context) -> dict[str, Any]:
    """Step fields of a move that runs on its own: the consultant sets it up and completes it
    (in a maintenance window when the project asks for that)."""
    return {"unattended": True, "setup_days": ctx.amount("mailbox_move_setup"),
            "completion_days": ctx.amount("mailbox_move_completion"),
            "complete_in_window": ctx.settings.complete_moves_in_window}


def batch_command(ctx: Context, name: str, targets: str) -> str:
    """A local migration batch: completed as soon as it has synced, or after the window day
    (``targets``: the target databases, or a placeholder for them)."""
    done = (f"-CompleteAfter {COMPLETION_DATE}" if ctx.settings.complete_moves_in_window
            else "-AutoComplete")
    return (f"New-MigrationBatch -Local -Name {quoted(name)} -CSVData {placeholder('users')} "
            f"-TargetDatabases {targets} -AutoStart {done}")


def move_request_command(ctx: Context, source: str, target: str) -> str:
    """Move requests; in a window they wait synced and are resumed on the window day
    (``target``: the target database, or a placeholder for it)."""
    line = f"{source} | New-MoveRequest -TargetDatabase {target}"
    if not ctx.settings.complete_moves_in_window:
        return line
    return (f"{line} -SuspendWhenReadyToComplete\n"
            "Get-MoveRequest -MoveStatus AutoSuspended | Resume-MoveRequest"
            + remark("on_day", day=COMPLETION_DATE))
