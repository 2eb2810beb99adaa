"""Settings from the inventory workbook's Project sheet: customer data, so forgiving.

A TOML file given to the CLI is the consultant's own and a bad value stops the run with a
clear error. The Project sheet comes with the customer's inventory: a bad value there becomes
an error finding naming the key, that one setting falls back to its default, and the rest of
the sheet is still used.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from planner.core.importing.findings import Where, finding
from planner.core.model import Finding
from planner.core.settings import Settings
from planner.core.settings_io import settings_from_table
from planner.core.settings_values import SettingsError

__all__ = ["settings_from_sheet"]

_SEGMENT = re.compile(r"^(?P<name>[^\[\]]+)(?:\[(?P<index>\d+)\])?$")
_MAX_REPAIRS = 50


def settings_from_sheet(
    table: Mapping[str, Any], sheet: str = "Project", places: Mapping[str, Any] | None = None
) -> tuple[Settings, tuple[Finding, ...]]:
    """The settings of the sheet, dropping each bad value with an error finding.

    ``places`` (ImportResult.settings_places) lets each finding name the value's cell.
    """
    data: dict[str, Any] = copy.deepcopy(dict(table))
    places = places or {}
    findings: list[Finding] = []
    project = data.get("project")
    if isinstance(project, dict) and project.pop("logo", None) is not None:
        # a customer's file must not make the planner read a file of the consultant's machine
        findings.append(finding("IMPORT-PROJECT-LOGO", _place(places, "project.logo", sheet),
                                column="project.logo"))
    dropped = ""
    for _ in range(_MAX_REPAIRS):
        try:
            return settings_from_table(data), tuple(findings)
        except SettingsError as exc:
            # the same key again means a required value is now missing: drop what holds it
            key = _parent(exc.key) if exc.key and exc.key == dropped else exc.key
            if key != _parent(dropped) or not dropped:
                findings.append(_finding(exc, _place(places, exc.key, sheet)))
            # a value the sheet lacks (a freeze's end) is dropped with what holds it, not
            # the whole sheet: its start date and consultants were lost with a freeze's end
            while key and not _drop(data, key):
                key = _parent(key)
            if not key:
                break
            dropped = key
    return Settings(), tuple(findings)


def _parent(key: str) -> str:
    """``freezes[1].start`` -> ``freezes[1]``; a top-level key has no parent."""
    return key.rsplit(".", 1)[0] if "." in key else ""


def _place(places: Mapping[str, Any], key: str, sheet: str) -> Where:
    """The cell of the sheet key that holds ``key`` (``consultants[1].absent[0]`` is in the
    row of ``consultants.1.absent``); the sheet alone when no row is known."""
    dotted = re.sub(r"\[(\d+)\]", r".\1", key)
    best = max((k for k in places if dotted == k or dotted.startswith(f"{k}.")),
               key=len, default="")
    if not best:
        return Where("", sheet)
    file, sheet_name, row = places[best]
    return Where(str(file), str(sheet_name), row if isinstance(row, int) else None)


def _finding(exc: SettingsError, where: Where) -> Finding:
    # what is wrong in the reader's words; an error without one quotes the reader's text
    return finding("IMPORT-PROJECT-SETTING", where, column=exc.key, setting=exc.key,
                   problem=exc.problem if exc.problem is not None else str(exc))


def _drop(data: dict[str, Any], key: str) -> bool:
    """Remove the value at a dotted key such as ``consultants[1].days_per_week``."""
    node: Any = data
    segments = key.split(".")
    try:
        for position, segment in enumerate(segments):
            match = _SEGMENT.match(segment)
            if match is None:
                return False
            name, index = match["name"], match["index"]
            last = position == len(segments) - 1
            if index is None:
                if last:
                    del node[name]
                    return True
                node = node[name]
                continue
            items = node[name]
            # lists of tables are counted from 1 in messages, lists of values from 0
            at = int(index) - 1 if items and isinstance(items[0], Mapping) else int(index)
            if last:
                del items[at]
                return True
            node = items[at]
    except (KeyError, IndexError, TypeError):
        return False
    return False
