"""Start the desktop application: QApplication, translations, recovery offer, main window.

``run(files, selftest)`` is what ``planner gui`` and a plain ``planner`` call. With
``selftest`` the window is built offscreen, the given files are opened or imported and
planned synchronously, the window is painted once, and the program quits with 0 when
everything worked (used by the bundle test and CI).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from planner import __version__
from planner.core.project_file import FILE_SUFFIX, ProjectError
from planner.gui.autosave import recovery_folder
from planner.gui.crash_log import install_crash_log
from planner.gui.document import Document
from planner.gui.i18n import install_translators, preferred_language
from planner.gui.main_window import MainWindow
from planner.gui.rich_text import literal
from planner.gui.worker import SyncRunner, load_solver_on_this_thread

if TYPE_CHECKING:
    from planner.core.recovery import Recovery

__all__ = ["GC_THRESHOLDS", "SWITCH_INTERVAL_S", "create_application", "run"]


# A large estate's plan keeps millions of objects alive, and Python's full garbage collection
# walks them all while holding the interpreter lock: run on the worker, each one froze the
# window for 0.6-1.3 s (1,000 servers, re-plan, 10-ms heartbeat). Full collections a hundred
# times rarer; young objects are collected as often as before.
GC_THRESHOLDS = (700, 10, 1000)

# A view fills itself through calls from Qt into Python (index, rowCount, data), each of which
# must take the interpreter lock. While the worker plans or writes the autosave, the GUI
# thread waited Python's default 5 ms for the lock on every call: the Steps page's first
# thousands of rows (1,000 servers) froze the window for 3-4 s, the Gantt's for 2 s. 0.1 ms
# hands the lock over fifty times sooner; the worker loses little (it is only interrupted
# while the GUI thread wants the lock).
SWITCH_INTERVAL_S = 0.0001


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with names for QSettings and the translations installed; the
    garbage collector and the interpreter lock's hand-over tuned for a window that must
    stay live (:data:`GC_THRESHOLDS`, :data:`SWITCH_INTERVAL_S`)."""
    gc.set_threshold(*GC_THRESHOLDS)
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        list(argv if argv is not None else sys.argv[:1]))
    app.setOrganizationName("ExchangeSEPlanner")
    app.setOrganizationDomain("exchange-se-planner.invalid")
    app.setApplicationName("Exchange SE Planner")
    app.setApplicationVersion(__version__)
    install_translators(app, preferred_language())
    return app


def _load_files(window: object, files: Sequence[Path], quiet: bool = False) -> str:
    """Open a project or import inventory files into the window's document; '' when fine.

    ``quiet`` (the self-test) reports a damaged project as text instead of a message box.
    """
    assert isinstance(window, MainWindow)
    projects = [f for f in files if f.suffix.lower() == FILE_SUFFIX]
    inventories = [f for f in files if f.suffix.lower() != FILE_SUFFIX]
    if projects and quiet:
        try:
            window.document.open(projects[0])
        except ProjectError as exc:
            return str(exc)
        return ""
    if projects:
        return "" if window.open_path(projects[0]) else f"cannot open {projects[0]}"
    if inventories:
        from planner.gui.import_flow import import_into_document  # start-up time

        return import_into_document(window.document, inventories, window)
    return ""


def _selftest(files: Sequence[Path]) -> int:
    window = MainWindow(Document(runner=SyncRunner()))
    problem = _load_files(window, files, quiet=True)
    window.show()
    QApplication.processEvents()
    for key in window.pages:
        window.show_page(key)
        QApplication.processEvents()
    image = window.grab()
    doc = window.document
    print(f"selftest: {len(doc.estate.servers)} servers, "
          f"{len(doc.plan.proposal.steps) if doc.plan else 0} steps, "
          f"{len(doc.findings)} findings, window {image.width()}x{image.height()}")
    window.document.set_project(window.document.project)  # nothing unsaved: close quietly
    window.close()
    if problem:
        print(f"selftest failed: {problem}", file=sys.stderr)
        return 1
    if image.isNull() or (files and not doc.estate.servers):
        print("selftest failed: nothing was shown", file=sys.stderr)
        return 1
    if files and doc.plan is None:
        print("selftest failed: no plan was made", file=sys.stderr)
        return 1
    return 0


def run(files: Sequence[str | Path] = (), selftest: bool = False) -> int:
    """Run the GUI until the window closes; returns the exit code."""
    if selftest:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QStandardPaths.setTestModeEnabled(True)  # leave the user's settings alone
    app = create_application()
    install_crash_log()  # needs the application's names for the per-user folder
    paths = [Path(f) for f in files]
    if selftest:
        return _selftest(paths)
    window = MainWindow()
    window.show()
    # Load the planner (OR-Tools, pandas, networkx) right after the first paint, on this
    # thread, so the first import or plan does not wait for it (see worker.py why here).
    QTimer.singleShot(50, load_solver_on_this_thread)
    windows = [window]  # every window restored from a recovery file stays referenced here

    def new_window() -> MainWindow:
        extra = MainWindow()
        extra.show()
        return extra

    def after_first_paint() -> None:
        # Recovery files are read (and the project's records loaded) once the window is on
        # screen: the offer is a dialog over it, and the empty window needs neither.
        from planner.gui.recovery_dialog import offer_recoveries  # start-up time

        restored = offer_recoveries(window, recovery_folder(),
                                    lambda item: restore_recovery(windows, item, new_window))
        if not restored and paths:
            _report_problem(window, _load_files(window, paths))

    QTimer.singleShot(0, after_first_paint)
    code = int(app.exec())
    # A closed window stopped its search, but the worker may still be returning: Python
    # code on a pool thread while the interpreter shuts down crashed ("double free").
    QThreadPool.globalInstance().waitForDone(30_000)
    return code


def restore_recovery(windows: list[Any], item: Recovery, new_window: Callable[[], Any]) -> None:
    """Open a recovered project in the last window if it is empty, else in a new window.

    The old recovery file is deleted only once the window wrote its own copy.
    """
    target = windows[-1]
    if target.document.modified or target.document.estate.servers:
        target = new_window()
        windows.append(target)
    from planner.core.recovery import discard  # start-up time: loaded on first use

    target.document.set_project(item.project, Path(item.original) if item.original else None)
    target.document.set_modified()
    if target.autosave.save_now() is not None:
        discard(item)
    else:
        item.release()  # could not write a copy: keep the old file for the next start


def _report_problem(window: object, problem: str) -> None:
    if problem and isinstance(window, QWidget):
        # start-up time: the message box class loads when there is something to say
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, "Exchange SE Planner", literal(problem))
