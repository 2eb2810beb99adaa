"""Explanations as data: what drove a step's date, as a kind and typed parameters.

The scheduler records a :class:`Driver`; the edges (GUI, report, exports, CLI) render it
from the ``plan.driver`` messages of the text catalogues (see :mod:`planner.core.explain_text`),
so no sentence and no date format is fixed where the decision is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["DRIVER_KINDS", "Driver"]

# The kinds a consultant can filter by; ``key`` picks the sentence within a kind.
DRIVER_KINDS = ("start", "predecessor", "window", "holiday", "absence", "freeze", "pin",
                "deadline", "resource")


@dataclass(frozen=True)
class Driver:
    """What decided a step's start date.

    ``kind`` is one of :data:`DRIVER_KINDS`; ``key`` the message under ``plan.driver``;
    ``day``, ``name`` (holiday, freeze, consultant) and ``step`` (the other step's id) are
    the facts the message names.
    """

    kind: str = "start"
    key: str = "start"
    day: date | None = None
    name: str = ""
    step: str = ""
