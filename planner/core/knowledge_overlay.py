"""The per-user knowledge overlay: builds imported from Microsoft's lists after a release.

``planner knowledge import FILE`` (and Help › Update knowledge from file… in the GUI) writes
the rows Microsoft's list adds or corrects to ``builds.csv`` in the user's data folder. Every
later :func:`planner.core.knowledge.load_knowledge` lays it over the shipped builds, so a new
security update is known without a new release of the planner. Each row keeps its source
(the list's file name, never a local path) and as-of date.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner.core import knowledge_files as kf
from planner.core.build_lists import merge_builds, read_any, write_builds_csv
from planner.core.errors import KnowledgeError
from planner.core.knowledge import (
    BuildRow,
    Knowledge,
    load_knowledge,
    load_knowledge_from,
    overlay_path,
)
from planner.core.resources import resource_path

__all__ = ["ImportResult", "import_build_list", "overlay_path", "read_overlay"]


def read_overlay() -> tuple[BuildRow, ...]:
    """The overlay's rows; none when nothing was imported yet."""
    path = overlay_path()
    return kf.read_builds(path) if path.is_file() else ()


@dataclass(frozen=True)
class ImportResult:
    """What an imported list added or corrected, and where the overlay was written."""

    kind: str  # "build_list" | "healthchecker"
    new: tuple[BuildRow, ...]
    changed: tuple[BuildRow, ...]
    path: Path | None  # None when nothing was new (the overlay was left alone)
    knowledge: Knowledge  # the knowledge every later plan uses


def _text(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def _write(rows: Iterable[BuildRow]) -> Path:
    """Write the overlay, checked first as every later load reads it: a row the loader would
    refuse is never written (a list with build 15.1.2507.12345 had stopped every command)."""
    path = overlay_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(write_builds_csv(rows), encoding="utf-8")
    try:
        kf.read_builds(temporary)
    except KnowledgeError as exc:
        temporary.unlink(missing_ok=True)
        problem = str(exc).split(": ", 1)[-1]
        raise KnowledgeError(f"not imported, nothing written: {problem}") from exc
    os.replace(temporary, path)  # a reader never sees half a file
    return path


def _known() -> tuple[tuple[BuildRow, ...], tuple[BuildRow, ...]]:
    """The builds known now and the overlay's rows; a damaged overlay counts as none (the
    import replaces it) rather than stopping the import that repairs it."""
    try:
        return load_knowledge().builds, read_overlay()
    except KnowledgeError:
        return load_knowledge_from(resource_path("knowledge")).builds, ()


def import_build_list(path: Path, today: date | None = None) -> ImportResult:
    """Read Microsoft's list, lay it over what is known, keep what is new in the overlay."""
    listed = read_any(_text(path), f"{path.name} (imported)", today or date.today())
    known, overlay = _known()
    _, new, changed = merge_builds(known, listed.rows)
    if not new and not changed:
        return ImportResult(listed.kind, (), (), None, load_knowledge())
    rows, _, _ = merge_builds(overlay, (*new, *changed))
    written = _write(rows)
    return ImportResult(listed.kind, new, changed, written, load_knowledge())
