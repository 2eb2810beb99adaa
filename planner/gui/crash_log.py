"""The planner's log file, faulthandler, and bugs shown as bugs ("Copy details").

One rotating log in the per-user data folder (``…/logs/planner.log``) receives Python
tracebacks from the GUI thread and from workers, and ``faulthandler`` writes to the same
file, so a crash inside Qt (no Python traceback at all) still leaves the stack of every
thread behind. faulthandler keeps the file object it was given, so the handler points it at
the new file each time the log rotates.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

__all__ = ["LOG_NAME", "BugDialog", "install_crash_log", "is_bug", "log_bug", "log_folder",
           "show_bug"]

LOG_NAME = "planner.log"
LOG = logging.getLogger("planner")
_MAX_BYTES = 1_000_000
_BACKUPS = 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("BugDialog", text)


def log_folder() -> Path:
    """The per-user folder for the log (QStandardPaths gives the right one on Windows too)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "logs"


class _FaultLogHandler(RotatingFileHandler):
    """A rotating log whose current file is also faulthandler's target."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8")
        self._point_faulthandler()

    def doRollover(self) -> None:
        """Rotate; faulthandler must not keep writing to a closed (or renamed) file."""
        faulthandler.disable()
        super().doRollover()
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


def install_crash_log(folder: Path | None = None) -> Path | None:
    """Log to ``folder`` (default :func:`log_folder`), faulthandler on; returns the log path.

    Installs ``sys.excepthook`` and ``threading.excepthook`` so an uncaught exception is
    logged and shown as a bug instead of vanishing. Returns None when the folder cannot be
    written (then faulthandler still writes to stderr).
    """
    target = (folder or log_folder()) / LOG_NAME
    for old in [h for h in LOG.handlers if isinstance(h, _FaultLogHandler)]:
        LOG.removeHandler(old)
        old.close()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = _FaultLogHandler(target)
    except OSError:
        faulthandler.enable(all_threads=True)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    return target


def is_bug(exc: BaseException) -> bool:
    """True for an exception no input can explain: one not defined by the planner itself.

    The planner's own errors (a damaged project, bad settings, an impossible plan) are
    messages for the user; a KeyError or TypeError from inside the code is a bug.
    """
    return not type(exc).__module__.startswith("planner.")


def log_bug(what: str, details: str) -> None:
    """Write a bug (a traceback text) to the log."""
    LOG.error("%s\n%s", what, details)


def _excepthook(kind: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    details = "".join(traceback.format_exception(kind, exc, tb))
    log_bug("uncaught exception", details)
    on_gui_thread = threading.current_thread() is threading.main_thread()
    if QApplication.instance() is not None and on_gui_thread:
        show_bug(None, f"{kind.__name__}: {exc}", details)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    details = "".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                 args.exc_traceback))
    log_bug(f"uncaught exception in thread {args.thread.name if args.thread else '?'}", details)


class BugDialog(QMessageBox):
    """A bug in the planner: what happened, the traceback under Details, and Copy details."""

    def __init__(self, parent: QWidget | None, summary: str, details: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(_tr("Something went wrong"))
        self.setText(_tr("The planner ran into a bug. Your work is kept; the details "
                         "are in the log file."))
        self.setInformativeText(summary)
        self.setDetailedText(details)
        self.copy_button = QPushButton(_tr("&Copy details"))
        self.addButton(self.copy_button, QMessageBox.ButtonRole.ActionRole)
        self.copy_button.clicked.disconnect()  # copying must not close the dialog
        self.copy_button.clicked.connect(self.copy_details)
        self.addButton(QMessageBox.StandardButton.Close)
        self.details = f"{summary}\n\n{details}"

    def copy_details(self) -> None:
        """Put the summary and the traceback on the clipboard."""
        QApplication.clipboard().setText(self.details)


def show_bug(parent: QWidget | None, summary: str, details: str) -> None:
    """Show a bug to the user (the caller has logged it)."""
    BugDialog(parent, summary, details).exec()
