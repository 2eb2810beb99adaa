"""The planner's log file and faulthandler, shared by the CLI and the GUI (no Qt).

One rotating log in the per-user data folder (``…/logs/planner.log``) receives the
tracebacks of bugs, and ``faulthandler`` writes to the same file, so a crash inside native
code (no Python traceback at all) still leaves the stack of every thread behind.
faulthandler keeps the file object it was given, so the handler points it at the new file
each time the log rotates.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from pathlib import Path

from planner.core.errors import PlannerError

__all__ = [
    "LOG",
    "LOG_NAME",
    "FaultLogHandler",
    "data_folder",
    "install_log",
    "is_bug",
    "log_bug",
    "log_folder",
]

LOG_NAME = "planner.log"
LOG = logging.getLogger("planner")
# The names the GUI gives Qt, so QStandardPaths and this module agree on the folder.
ORGANIZATION = "ExchangeSEPlanner"
APPLICATION = "Exchange SE Planner"
_MAX_BYTES = 1_000_000
_BACKUPS = 3


def data_folder() -> Path:
    """The per-user data folder (Qt's AppLocalDataLocation for the planner)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION / APPLICATION


def log_folder() -> Path:
    """Where the log lives: ``logs`` in the data folder."""
    return data_folder() / "logs"


class FaultLogHandler(logging.FileHandler):
    """A rotating log (``planner.log``, ``.1`` … ``.3``) whose current file is also
    faulthandler's target.

    Rotation is done here rather than by ``logging.handlers.RotatingFileHandler``: that
    module pulls in socket, pickle and queue, a tenth of the window's start-up over a bare
    Qt window, for the two methods below.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8")
        self._point_faulthandler()

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record, rotating first when it would pass the size limit."""
        try:
            if self._full_after(self.format(record)):
                self.doRollover()
        except Exception:  # as logging does: a failing log must not break the program
            self.handleError(record)
            return
        super().emit(record)

    def _full_after(self, text: str) -> bool:
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() > 0 and self.stream.tell() + len(text) + 1 >= _MAX_BYTES

    def doRollover(self) -> None:
        """Rotate; faulthandler must not keep writing to a closed (or renamed) file."""
        faulthandler.disable()
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        base = Path(self.baseFilename)
        for n in range(_BACKUPS - 1, 0, -1):
            older = base.with_name(f"{base.name}.{n}")
            if older.exists():
                os.replace(older, base.with_name(f"{base.name}.{n + 1}"))
        if base.exists():
            os.replace(base, base.with_name(f"{base.name}.1"))
        self._point_faulthandler()

    def close(self) -> None:
        """Close the file; faulthandler goes back to stderr first."""
        if self.stream is not None and faulthandler.is_enabled():
            faulthandler.enable(file=sys.__stderr__ or sys.stderr, all_threads=True)
        super().close()

    def _point_faulthandler(self) -> None:
        if self.stream is None:
            self.stream = self._open()
        faulthandler.enable(file=self.stream, all_threads=True)


def install_log(folder: Path | None = None) -> Path | None:
    """Log to ``folder`` (default :func:`log_folder`) with faulthandler on; the log's path.

    Returns None when the folder cannot be written (faulthandler then writes to stderr).
    Installing again replaces the earlier handler.
    """
    target = (folder or log_folder()) / LOG_NAME
    for old in [h for h in LOG.handlers if isinstance(h, FaultLogHandler)]:
        LOG.removeHandler(old)
        old.close()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = FaultLogHandler(target)
    except OSError:
        faulthandler.enable(all_threads=True)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    return target


def is_bug(exc: BaseException) -> bool:
    """True for an exception no input can explain.

    The planner's own errors (:class:`PlannerError`: a damaged project, bad settings, an
    impossible plan) and the operating system's (a missing file, a full disk) are messages
    for the user; a ValueError, KeyError or TypeError from inside the code is a bug.
    """
    return not isinstance(exc, PlannerError | OSError)


def log_bug(what: str, details: str) -> None:
    """Write a bug (a traceback text) to the log."""
    LOG.error("%s\n%s", what, details)
