"""``planner plan --pin ID=DATE --not-before ID=DATE --pause START:DAYS``: what the GUI's
drag, "not before" and fixed pauses do, for batch use, scripts and tests."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import Any

from planner.core.edits.decisions import not_before, pin_step
from planner.core.settings import Decisions, Settings
from planner.core.settings_values import FIRST_YEAR, LAST_YEAR
from planner.core.typed_values import ascii_whole

__all__ = ["add_arguments", "apply"]


def _step_day(text: str) -> tuple[str, date]:
    """``STEP=YYYY-MM-DD``: the step's title as the workbook shows it, or its id (either
    may itself contain ``=``; the last one splits)."""
    step, sep, day = text.rpartition("=")
    if not sep or not step.strip():
        raise argparse.ArgumentTypeError(f"expected STEP=YYYY-MM-DD, got {text!r}")
    found = _day(day)
    if found is None:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD or DD.MM.YYYY) from "
                                         f"{FIRST_YEAR} to {LAST_YEAR}: {day!r}")
    return step.strip(), found


def _day(text: str) -> date | None:
    """``YYYY-MM-DD``, or ``DD.MM.YYYY`` as the German workbook writes it, in the years the
    settings allow (a pin on 9999-12-31 planned for minutes, a pause there overflowed)."""
    text = text.strip()
    try:
        if len(parts := text.split(".")) == 3 and len(parts[2]) == 4:
            day = date(int(parts[2]), int(parts[1]), int(parts[0]))
        else:
            day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def _pause(text: str) -> tuple[date, int]:
    """``YYYY-MM-DD:DAYS`` (or ``DD.MM.YYYY:DAYS``): a pause of that many calendar days from
    that day."""
    day, sep, days = text.partition(":")
    start = _day(day)
    if start is None:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD:DAYS (a date from {FIRST_YEAR} "
                                         f"to {LAST_YEAR}), got {text!r}")
    # "-5" days read as a wrong date before: the days are what is wrong
    count = int(days) if ascii_whole(days.strip()) and len(days.strip()) <= 6 else 0
    if not sep or not 1 <= count <= _MOST_DAYS:
        raise argparse.ArgumentTypeError(
            f"expected YYYY-MM-DD:DAYS (DAYS from 1 to {_MOST_DAYS}), got {text!r}")
    return start, count


_MOST_DAYS = 366  # a pause longer than a year is never allowed; more would overflow dates


def add_arguments(p: Any) -> None:
    """The repeatable pin, not-before and pause options."""
    p.add_argument("--pin", action="append", type=_step_day, default=[], metavar="STEP=DATE",
                   help="start this step (its title as in the workbook) on this day "
                        "(repeatable)")
    p.add_argument("--not-before", action="append", type=_step_day, default=[],
                   metavar="STEP=DATE", help="start this step no earlier (repeatable)")
    p.add_argument("--pause", action="append", type=_pause, default=[], metavar="START:DAYS",
                   help="a fixed enforcement pause; with any, the plan uses exactly these "
                        "(repeatable)")


def apply(args: argparse.Namespace, settings: Settings) -> tuple[Settings, Decisions]:
    """Settings and decisions with the command line's pins, not-before dates and pauses."""
    decisions = Decisions()
    for step_id, day in args.pin:
        decisions = pin_step(decisions, step_id, day)
    for step_id, day in args.not_before:
        decisions = not_before(decisions, step_id, day)
    if args.pause:
        settings = replace(settings, fixed_pauses=tuple(sorted(args.pause)))
    return settings, decisions
