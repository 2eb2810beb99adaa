"""How often a relay client that sends on a few days of the logs runs, and how much a run.

A payroll job seen once in three weeks of logs sent 2,640 messages on that day; averaged over
the weeks it read "138.9 messages a day", which says neither how much it sends nor when. So
a client that sent on a few of the logged days (``RelayClient.run_days``) is told by its
runs: runs at a steady gap by that rhythm and the messages of a run ("weekly, about 880
messages a run"); one run as that run, with the days of logs that saw no other. The gaps
that make a rhythm are data (resources/importing/transport_logs.toml, ``[[rhythm]]``).
"""

from __future__ import annotations

import itertools
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from planner.core.model import RelayClient
from planner.core.resources import resource_path

__all__ = ["Runs", "runs_of"]


@dataclass(frozen=True)
class Runs:
    """What the logs saw of an occasional sender, run by run."""

    count: int  # days it sent on, one run a day
    per_run: int  # messages of a run (their mean where there were several)
    first: date
    last: date
    rhythm: str = ""  # a rhythm's name ("weekly", "monthly"); "" for one run or uneven gaps
    logged_days: int = 0  # days of logs read of its server; 0 when unknown


@lru_cache(maxsize=1)
def _rhythms() -> tuple[tuple[str, int, int], ...]:
    """(name, shortest gap, longest gap) in days, from the bundled data."""
    with resource_path("importing", "transport_logs.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return tuple((r["name"], int(r["gap_days"][0]), int(r["gap_days"][1]))
                 for r in data["rhythm"])


def rhythm_of(days: tuple[date, ...]) -> str:
    """The rhythm whose gaps every gap between the days falls in; "" for fewer than two days
    or gaps that keep none."""
    gaps = [(b - a).days for a, b in itertools.pairwise(days)]
    if not gaps:
        return ""
    return next((name for name, low, high in _rhythms()
                 if all(low <= g <= high for g in gaps)), "")


def runs_of(rc: RelayClient) -> Runs | None:
    """Its runs, for a client the logs saw on a few days only; None for one sending daily
    (or without logs): its daily average says what it sends."""
    if not rc.run_days:
        return None
    days = tuple(sorted(rc.run_days))
    per_run = round((rc.messages or 0) / len(days))
    return Runs(len(days), per_run, days[0], days[-1], rhythm_of(days), rc.logged_days or 0)
