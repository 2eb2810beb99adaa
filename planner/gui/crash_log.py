"""Bugs shown as bugs in the GUI ("Copy details"), logged to the planner's log file.

The log itself (rotating file in the per-user data folder, faulthandler writing to the same
file) is :mod:`planner.core.log_file`, shared with the CLI; this module adds the hooks that
log an uncaught exception and show it (:mod:`planner.gui.bug_dialog`).
"""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from planner.core.log_file import LOG, LOG_NAME, install_log, is_bug, log_bug, log_folder

__all__ = ["LOG", "LOG_NAME", "install_crash_log", "is_bug", "log_bug", "log_folder",
           "show_bug"]


def install_crash_log(folder: Path | None = None) -> Path | None:
    """Log to ``folder`` (default: the data folder's ``logs``) and hook uncaught exceptions.

    Installs ``sys.excepthook`` and ``threading.excepthook`` so an uncaught exception is
    logged and shown as a bug instead of vanishing. Returns None when the folder cannot be
    written (then faulthandler still writes to stderr).
    """
    target = install_log(folder)
    if target is not None:
        sys.excepthook = _excepthook
        threading.excepthook = _thread_excepthook
    return target


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


def show_bug(parent: QWidget | None, summary: str, details: str) -> None:
    """Show a bug to the user (the caller has logged it)."""
    # start-up time: the dialog (a QMessageBox) loads with the first bug, not with the window
    from planner.gui.bug_dialog import BugDialog

    BugDialog(parent, summary, details).exec()
