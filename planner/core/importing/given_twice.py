"""Input files given twice: the same path twice, or a copy of a file under another name.

Read twice, an inventory had every site, server, DAG, database and connector "appear more
than once in this table" (some thirty warnings, each naming the wrong cause), and a copy of
a CSV export did the same. A file whose bytes an earlier input already gave is read once and
named once (``IMPORT-FILE-GIVEN-TWICE``). Transport logs in folders and zips are matched by
their own fingerprint (``LOGS-GIVEN-TWICE``).
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Sequence
from pathlib import Path

from planner.core.explanation import message
from planner.core.importing.findings import Where, finding
from planner.core.model import Finding

__all__ = ["once_each"]


def once_each(paths: Sequence[Path]) -> tuple[list[Path], list[Finding]]:
    """The paths less each file with the same bytes as an earlier one, and a finding for
    each left out. Only files of equal size are read to compare (most inputs differ)."""
    kept: list[Path] = []
    findings: list[Finding] = []
    sized: dict[int, list[tuple[Path, _Digest]]] = {}
    for path in paths:
        size = _file_size(path)
        if size is None:
            kept.append(path)
            continue
        mine = _Digest(path)
        earlier = next((p for p, d in sized.get(size, ())
                        if mine.value() is not None and d.value() == mine.value()), None)
        if earlier is None:
            sized.setdefault(size, []).append((path, mine))
            kept.append(path)
            continue
        what = (message("findings.given_twice.same", file=path.name)
                if path.name == earlier.name else
                message("findings.given_twice.copy", file=path.name, read=earlier.name))
        findings.append(finding("IMPORT-FILE-GIVEN-TWICE", Where(path.name), what=what))
    return kept, findings


def _file_size(path: Path) -> int | None:
    """The size of a regular, non-empty file; None for a folder, a missing or an empty one
    (their readers say what they are)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) and status.st_size else None


class _Digest:
    """A file's SHA-256, computed when first asked (None when it cannot be read)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._value: bytes | None = None
        self._done = False

    def value(self) -> bytes | None:
        """The digest; a file that cannot be read equals none."""
        if not self._done:
            self._done = True
            try:
                with self.path.open("rb") as handle:
                    self._value = hashlib.file_digest(handle, "sha256").digest()
            except OSError:
                self._value = None
        return self._value
