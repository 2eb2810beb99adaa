"""Recovery files: each open window owns one, and a crash leaves it for the next start.

A window's :class:`RecoverySlot` is ``recovery-<token>.seplan`` plus ``recovery-<token>.lock``
in the recovery folder. The window holds an operating-system lock on the ``.lock`` file for
as long as it lives; the operating system drops that lock when the process ends, however it
ends. So at the next start "can I take the lock?" tells a crashed window's file from a live
one exactly, with no process ids (which are reused, above all after a reboot) and on Windows
as on POSIX. :func:`find_recoveries` takes the lock of every orphan it offers, so two
starting programs never offer the same file; the lock is released once the user decided.

A recovery file that cannot be read is never deleted: :func:`set_aside` moves it into
``unreadable/`` below the folder, where it is kept for a person to look at.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from planner.core.explanation import Message
from planner.core.project_file import FILE_SUFFIX, ProjectError

if TYPE_CHECKING:  # the project's records load with the first write or read (start-up time:
    from planner.core.project import Project  # a window makes its slot before its first paint)

if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

__all__ = [
    "PREFIX",
    "UNREADABLE_FOLDER",
    "FileLock",
    "Recovery",
    "RecoverySlot",
    "Scan",
    "discard",
    "find_recoveries",
    "set_aside",
]

PREFIX = "recovery-"
UNREADABLE_FOLDER = "unreadable"


class FileLock:
    """An exclusive, non-blocking operating-system lock on one file, freed when we exit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._handle is not None

    def acquire(self) -> bool:
        """Take the lock; False when another window (in any process) holds it."""
        if self._handle is not None:
            return True
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        except OSError:
            return False
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self, remove: bool = False) -> None:
        """Give the lock up (and delete the lock file when ``remove``)."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):  # closing the handle frees it as well
            _unlock(handle)
        handle.close()
        if remove:
            with contextlib.suppress(OSError):  # Windows: another program opened it just now
                self.path.unlink(missing_ok=True)


def _lock_path(recovery: Path) -> Path:
    return recovery.with_suffix(".lock")


class RecoverySlot:
    """One window's recovery file, owned (locked) from creation until :meth:`close`."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        # 128 random bits as uuid4 has them, without importing uuid (and platform) at start
        self.path = self.folder / f"{PREFIX}{os.urandom(16).hex()}{FILE_SUFFIX}"
        self._lock = FileLock(_lock_path(self.path))  # taken with the first write

    def write(self, project: Project, original: Path | str | None = None) -> Path:
        """Autosave ``project``; raises ProjectError when the folder cannot be written."""
        if not self._lock.held:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        extra = {"recovery": {"original": str(original or "")}}
        from planner.core.project import save_project  # start-up time, see the imports

        save_project(project, self.path, extra)
        return self.path

    def discard(self) -> None:
        """Remove the recovery file (saved or closed cleanly); the slot stays usable."""
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """Remove the file and give up the slot (the window closes cleanly)."""
        self.discard()
        self._lock.release(remove=True)


@dataclass
class Recovery:
    """A recovery file left by a window that is gone, held (locked) until the user decides."""

    path: Path
    original: str  # the project file it belongs to; "" for a project never saved
    saved_at: datetime | None  # aware (UTC in the file); None when the file did not say
    project: Project
    lock: FileLock = field(repr=False)

    @property
    def customer(self) -> str:
        """The customer named in the project's settings ("" when none)."""
        return self.project.settings.customer

    def release(self) -> None:
        """Keep the file for a later start (the user chose neither restore nor discard)."""
        self.lock.release()


@dataclass(frozen=True)
class Scan:
    """What a start found: files to offer and files that cannot be read."""

    recoveries: tuple[Recovery, ...]
    unreadable: tuple[tuple[Path, Message], ...]  # (path, why: project_errors.*)


def _saved_at(path: Path) -> tuple[str, datetime | None]:
    doc: Any = json.loads(path.read_text(encoding="utf-8"))
    info = doc.get("recovery", {}) if isinstance(doc, dict) else {}
    original = str(info.get("original", "")) if isinstance(info, dict) else ""
    try:
        stamp: datetime | None = datetime.fromisoformat(str(doc.get("saved_at", "")))
    except ValueError:
        stamp = None
    return original, stamp


def _read(path: Path, lock: FileLock) -> Recovery:
    from planner.core.project import load_project  # start-up time, see the imports

    project = load_project(path)
    try:
        original, stamp = _saved_at(path)
    except (OSError, ValueError) as exc:  # load_project read it a moment ago
        raise ProjectError(path, "damaged", str(exc)) from exc
    return Recovery(path, original, stamp, project, lock)


def find_recoveries(folder: Path | str) -> Scan:
    """Recovery files whose window is gone (newest first), each locked for this program.

    A live window's file is skipped; an unreadable orphan is listed in ``unreadable`` and
    left where it is (see :func:`set_aside`).
    """
    base = Path(folder)
    if not base.is_dir():
        return Scan((), ())
    found: list[Recovery] = []
    unreadable: list[tuple[Path, Message]] = []
    _remove_orphan_locks(base)
    for path in sorted(base.glob(f"{PREFIX}*{FILE_SUFFIX}")):
        lock = FileLock(_lock_path(path))
        if not lock.acquire():
            continue  # its window is still open (here or in another program)
        try:
            found.append(_read(path, lock))
        except ProjectError as exc:
            unreadable.append((path, exc.problem))
            lock.release()
    found.sort(key=lambda r: r.saved_at.timestamp() if r.saved_at else 0.0, reverse=True)
    return Scan(tuple(found), tuple(unreadable))


def _remove_orphan_locks(base: Path) -> None:
    # A window that crashed between taking its lock and writing its file left only the lock.
    for lock_path in base.glob(f"{PREFIX}*.lock"):
        if lock_path.with_suffix(FILE_SUFFIX).exists():
            continue
        lock = FileLock(lock_path)
        if lock.acquire():
            lock.release(remove=True)


def discard(recovery: Recovery) -> None:
    """Delete a recovery file the user chose to discard (or restored and saved again)."""
    recovery.path.unlink(missing_ok=True)
    recovery.lock.release(remove=True)


def set_aside(path: Path) -> Path:
    """Move an unreadable recovery file into ``unreadable/`` (kept, never offered again)."""
    target_dir = path.parent / UNREADABLE_FOLDER
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / path.name
    counter = 1
    while target.exists():
        target = target_dir / f"{path.stem}-{counter}{path.suffix}"
        counter += 1
    os.replace(path, target)
    with contextlib.suppress(OSError):  # Windows: still open somewhere; harmless if left
        _lock_path(path).unlink(missing_ok=True)
    return target
