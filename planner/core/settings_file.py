"""The settings TOML file (``planner plan --settings S.toml``): read, written, laid over a
workbook's Project sheet.

The file's shape is :mod:`planner.core.settings_io`'s; this module reads its bytes (UTF-8
with or without the mark Notepad writes, or UTF-16), names the file in every error, and lays
what the file names over the sheet's settings so that neither is lost.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from planner.core.errors import os_problem
from planner.core.explanation import message
from planner.core.replace_file import replace_text
from planner.core.settings import Settings
from planner.core.settings_io import settings_from_table, settings_to_table
from planner.core.settings_values import SettingsError, to_toml

__all__ = ["load_settings_toml", "read_settings_table", "save_settings_toml", "setting_keys",
           "settings_over", "settings_to_toml"]


def _file_error(path: Path, kind: str, text: str, **fields: Any) -> SettingsError:
    """A settings file that cannot be read: English with the whole path (logs, the
    terminal), the reader's words with the file's name (``settings_errors.<kind>``)."""
    return SettingsError(f"{path}: {text}", str(path), "",
                         message(f"settings_errors.{kind}", file=path.name, **fields))


def load_settings_toml(path: Path | str) -> Settings:
    """Read a settings TOML file; SettingsError names the file and the key."""
    return settings_from_table(read_settings_table(path), source=str(path))


def settings_over(base: Settings, path: Path | str) -> tuple[Settings, list[str]]:
    """The settings TOML file over ``base`` (a workbook's Project sheet): what the file
    names wins, the rest stays the sheet's (``--settings`` had replaced the whole sheet:
    its start, region, freezes and consultants were lost, and nothing said so). Also the
    sections and keys the file replaced. SettingsError names the file and the key."""
    table = read_settings_table(path)
    settings_from_table(table, source=str(path))  # the file alone first: its errors are its own
    below = settings_to_table(base)
    project = table.get("project")
    if isinstance(project, Mapping) and "country" in project and "subdivision" not in project:
        below["project"].pop("subdivision", None)  # another country: not the sheet's state
    merged = settings_from_table(_overlay(below, table), source=str(path))
    return merged, sorted(setting_keys(table))


def _overlay(below: Mapping[str, Any], above: Mapping[str, Any]) -> dict[str, Any]:
    """``above`` over ``below``, table by table; a list (consultants, freezes) is replaced
    whole."""
    out = dict(below)
    for key, value in above.items():
        out[key] = (_overlay(out[key], value) if isinstance(value, Mapping)
                    and isinstance(out.get(key), Mapping) else value)
    return out


def setting_keys(table: Mapping[str, Any], prefix: str = "") -> set[str]:
    """The dotted keys of a nested settings table's values (a list is one value; keys
    starting with "_" are the reader's notes, not settings)."""
    found: set[str] = set()
    for key, value in table.items():
        if str(key).startswith("_"):
            continue
        if isinstance(value, Mapping):
            found |= setting_keys(value, f"{prefix}{key}.")
        else:
            found.add(f"{prefix}{key}")
    return found


def read_settings_table(path: Path | str) -> dict[str, Any]:
    """A settings TOML file's nested table; SettingsError names the file."""
    path = Path(path)
    try:
        return tomllib.loads(_settings_text(path, path.read_bytes()))
    except FileNotFoundError as exc:
        raise _file_error(path, "file_missing", "settings file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise _file_error(path, "not_toml", f"not valid TOML: {exc}", detail=str(exc)) from exc
    except RecursionError as exc:  # "a = [[[[…" thousands deep: tomllib recurses
        raise _file_error(path, "not_toml", "not valid TOML: nested too deeply",
                          detail="nested too deeply") from exc
    except OSError as exc:
        raise _file_error(path, "cannot_read", f"cannot read: {exc.strerror or exc}",
                          cause=os_problem(exc)) from exc


def _settings_text(path: Path, raw: bytes) -> str:
    """A settings file's text: UTF-8, with or without the byte-order mark Notepad writes,
    or UTF-16 with its mark (PowerShell's Out-File); anything else names the first bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _file_error(path, "not_utf8", f"not UTF-16 text: {exc}",
                              position=exc.start) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _file_error(path, "not_utf8", f"not UTF-8 text at byte {exc.start}",
                          position=exc.start) from exc


def settings_to_toml(settings: Settings) -> str:
    """The settings as a TOML document that load_settings_toml reads back unchanged."""
    return to_toml(settings_to_table(settings))


def save_settings_toml(settings: Settings, path: Path | str) -> None:
    """Write the settings as TOML (UTF-8)."""
    replace_text(path, settings_to_toml(settings))
