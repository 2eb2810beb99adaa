"""Project settings and the consultant's decisions, as immutable records.

Settings say how to plan (start, calendar, consultants, enforcement facts, overrides of the
knowledge base); decisions say what the consultant changed in the proposal (excluded
servers, changed paths, switched-off rules, pins). Both are saved in the project file.
Loading them from TOML or a workbook sheet lives in :mod:`planner.core.settings_io`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = ["DEFAULT_NEW_SERVER_PATTERN", "Consultant", "Decisions", "Freeze", "Settings",
           "check_new_server_names", "check_new_server_pattern", "holiday_entry",
           "is_server_name"]

DEFAULT_NEW_SERVER_PATTERN = "{old}-SE"  # the old server's name with "-SE"


@dataclass(frozen=True)
class Consultant:
    """A person who does steps; absent ranges are inclusive."""

    name: str
    days_per_week: int = 5
    absent: tuple[tuple[date, date], ...] = ()


@dataclass(frozen=True)
class Freeze:
    """A customer change freeze (e.g. year end): no step runs on these days."""

    start: date
    end: date
    name: str = ""


@dataclass(frozen=True)
class Settings:
    """How to plan one project."""

    customer: str = ""
    start: date = field(default_factory=date.today)
    as_of: date | None = None  # the plan's "today" (state of enforcement); None = the day planned
    country: str = "DE"
    subdivision: str = "BY"
    language: str = "de"  # report and export language: "de" or "en"
    consultants: tuple[Consultant, ...] = (Consultant("Consultant 1"),)
    freezes: tuple[Freeze, ...] = ()
    # public holidays the customer works (a US state's holidays its agencies keep, a
    # company open on Epiphany): names in either language, or dates (YYYY-MM-DD)
    working_holidays: tuple[str, ...] = ()
    maintenance_days: tuple[str, ...] = ("Sat",)  # Mon..Sun
    # the customer wants mailbox move batches completed in a maintenance window
    # (New-MigrationBatch -CompleteAfter the window day) rather than as soon as they synced
    complete_moves_in_window: bool = False
    pause_days_used: dict[int, int] = field(default_factory=dict)  # year -> days used
    first_detected: dict[str, date] = field(default_factory=dict)  # server name/FQDN -> date
    fixed_pauses: tuple[tuple[date, int], ...] | None = None  # (start, days); None = optimise
    policy_overrides: dict[str, Any] = field(default_factory=dict)  # knowledge key -> value
    durations: dict[str, float] = field(default_factory=dict)  # step kind -> days
    throughput_gb_per_day: float | None = None  # mailbox moves; None = knowledge default
    solver_time_limit_s: float = 10.0
    company: str = ""
    consultant_name: str = ""
    logo_path: str = ""
    plan_version: str = "1.0"
    paper: str = "A4"  # "A4" or "Letter"
    # Names of new SE servers: {old} (the server replaced), {site}, {n} (running number per
    # site), {i} (number among one old server's replacements); the default keeps the old names.
    new_server_pattern: str = DEFAULT_NEW_SERVER_PATTERN
    # The consultant's names for single new servers: proposed name -> his name ([naming.rename])
    new_server_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Decisions:
    """What the consultant changed in the proposal; keys are server names / step ids."""

    excluded_servers: frozenset[str] = frozenset()
    paths: dict[str, str] = field(default_factory=dict)  # server -> MigrationPath value
    disabled_rules: frozenset[str] = frozenset()
    pins: dict[str, date] = field(default_factory=dict)  # step id -> start date
    not_before: dict[str, date] = field(default_factory=dict)  # step id -> earliest start
    repoint_exo_connector: frozenset[str] = frozenset()  # servers to take out of EXO's view early
    new_servers: dict[str, int] = field(default_factory=dict)  # 2016 server -> SE servers


_NETBIOS = re.compile(r"^(?!-)(?![0-9]+$)[A-Za-z0-9-]{1,15}(?<!-)$")


def holiday_entry(entry: str) -> str | date:
    """A working holiday as given: its date when it is one (YYYY-MM-DD), else its name."""
    try:
        return date.fromisoformat(entry.strip())
    except ValueError:
        return entry.strip()


def is_server_name(name: str) -> bool:
    """True for a name a new Windows server can take (NetBIOS/host name, at most 15 chars)."""
    return bool(_NETBIOS.match(name))


def check_new_server_names(names: Mapping[str, str]) -> tuple[str, str] | None:
    """The first wrong rename as (proposed name, error kind): ``bad_server_name`` for a name a
    server cannot take, ``name_twice`` for a name given twice; None when all are right."""
    seen: set[str] = set()
    for proposed, wanted in names.items():
        if not is_server_name(wanted):
            return proposed, "bad_server_name"
        if wanted.lower() in seen:
            return proposed, "name_twice"
        seen.add(wanted.lower())
    return None


_PLACEHOLDERS = ("old", "site", "n", "i")
_WIDTH = re.compile(r"0?[0-9]?d?")  # {n:02}: a number's width, nothing else


def check_new_server_pattern(pattern: str) -> None:
    """Raise ValueError when ``pattern`` uses a placeholder or format a name cannot take.

    Only the four placeholders, each plain or with a width (``{n:02}``), and name letters
    around them: ``{old.upper}`` named a method and its memory address, ``{0}`` failed in
    Python's words, and ``{old.__class__}`` reaches into the program.
    """
    known = ", ".join(f"{{{p}}}" for p in _PLACEHOLDERS)
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:  # a lone { or }
        raise ValueError(f"{pattern!r} has a brace that opens or closes no placeholder; "
                         f"known: {known}") from None
    for text, name, spec, conversion in parts:
        if not re.fullmatch(r"[A-Za-z0-9-]*", text):
            raise ValueError(f"{pattern!r} has characters a server name cannot take "
                             f"(letters, digits and hyphens only)")
        if name is None:
            continue
        if name not in _PLACEHOLDERS or conversion or not _WIDTH.fullmatch(spec or "") \
                or (spec and name not in ("n", "i")):
            shown = "{" + name + (f"!{conversion}" if conversion else "") \
                + (f":{spec}" if spec else "") + "}"
            raise ValueError(f"{pattern!r} uses {shown[:40]}; known: {known} "
                             f"(a number may take a width: {{n:02}})")
