"""Inputs that can be read only once: a pipe (``<(cat inventory.xlsx)``), ``/dev/stdin``.

The importer reads a file more than once (the transport-log sniffer reads its head, the
table reader reads it again, a workbook is opened by path), and a pipe hands its bytes to
the first reader only: the inventory read as "the file is empty". Such an input is copied
once into a temporary folder under its own name and read from there.
"""

from __future__ import annotations

import contextlib
import shutil
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from planner.core.importing.findings import Where, finding
from planner.core.model import Finding

__all__ = ["read_once"]

# A pipe says nothing of its size; past this it is refused (/dev/zero would fill the disk).
# Transport logs, the largest input, are read from folders and zips of that size.
PIPE_CAP = 2 * 1024**3


@contextlib.contextmanager
def read_once(paths: Sequence[Path]) -> Iterator[tuple[list[Path], list[Finding]]]:
    """The paths with each pipe or device copied once into a file of the same name (kept
    while the block runs), and findings for those too large to copy."""
    if not any(_is_stream(p) for p in paths):
        yield list(paths), []
        return
    with tempfile.TemporaryDirectory(prefix="planner-input-") as folder:
        readable: list[Path] = []
        findings: list[Finding] = []
        for n, path in enumerate(paths):
            if not _is_stream(path):
                readable.append(path)
                continue
            copy = Path(folder) / str(n) / (path.name or "input")
            copy.parent.mkdir()
            if _copy(path, copy):
                readable.append(copy)
            else:
                findings.append(finding("IMPORT-PIPE-TOO-LARGE", Where(path.name),
                                        size=round(PIPE_CAP / 1024**2)))
        yield readable, findings


def _is_stream(path: Path) -> bool:
    """A pipe, socket or character device: neither a file nor a folder."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # the reader says it is missing
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _copy(source: Path, target: Path) -> bool:
    """Copy up to :data:`PIPE_CAP` bytes; False when there was more."""
    try:
        with source.open("rb") as stream, target.open("wb") as out:
            shutil.copyfileobj(_Capped(stream), out, 1 << 20)
            return stream.read(1) == b""
    except OSError:
        target.unlink(missing_ok=True)
        return True  # nothing copied: the reader names the file as missing or empty


class _Capped:
    """Reads at most :data:`PIPE_CAP` bytes from a stream."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._left = PIPE_CAP

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes, never past the cap."""
        size = self._left if size < 0 else min(size, self._left)
        data = self._stream.read(size) if size else b""
        self._left -= len(data)
        return data
