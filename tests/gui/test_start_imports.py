"""The empty window starts without the heavy parts: they load when first needed.

Start-up time is measured in tests/benchmarks/bench_gui_start.py; this test keeps the
modules that made it slow from creeping back into the start (run in a fresh process).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HEAVY = ("ortools", "networkx", "openpyxl", "jinja2", "python_calamine", "holidays",
         "planner.pipeline", "planner.core.exo_view", "PySide6.QtPrintSupport",
         "planner.core.knowledge_overlay",
         # lighter, but together about a third of the start over a bare window: the
         # knowledge base, babel's locale data, the import and recovery dialogs
         "planner.core.knowledge", "babel", "planner.gui.import_flow",
         "planner.core.project_import", "planner.gui.recovery_dialog",
         # the plan's records (an empty project has no plan), the standard library's
         # rotating log handler (socket, pickle, queue) and uuid (platform): together
         # about a fifth of what was left over a bare window
         "planner.core.plan", "planner.core.plan_io", "logging.handlers", "uuid",
         # the estate tables' models (no table is shown while the estate is empty), the
         # bug dialog
         "planner.gui.views.entity_table", "planner.gui.models.estate_model",
         "planner.gui.bug_dialog",
         # the project's records: the empty window shows none of them (frozen dataclasses
         # are compiled when their module loads: about a third of what was left)
         "planner.core.project", "planner.core.model", "planner.core.settings")

_START = """
import sys
from planner.gui.app import create_application
from planner.gui.main_window import MainWindow
app = create_application()
window = MainWindow()
window.show()
app.processEvents()
print(" ".join(m for m in sys.argv[1:] if m in sys.modules))
window.document.undo_stack.setClean()
"""


def test_the_empty_window_loads_no_heavy_module(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", _START, *HEAVY], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.split()
    assert loaded == [], f"loaded at start: {loaded}"


_QT_NAMESPACE = """
import sys
import PySide6.QtCore, PySide6.QtWidgets
if "Qt" in vars(PySide6.QtCore):
    print("eager")  # PYSIDE6_OPTION_LAZY=0: every type is made at import, nothing to keep out
    raise SystemExit(0)
from planner.gui.app import create_application
from planner.gui.main_window import MainWindow
app = create_application()
window = MainWindow()
window.show()
app.processEvents()
print("made" if "Qt" in vars(PySide6.QtCore) else "not made")
window.document.undo_stack.setClean()
"""


def test_the_empty_window_does_not_make_the_qt_namespace(tmp_path: Path) -> None:
    """PySide makes the ``Qt`` namespace's hundred Python enums the first time anything
    names it (``Qt.AlignmentFlag``, ``QKeySequence("Ctrl+I")``, ``setShortcut``): about a
    fifth of the empty window's start over a bare window. The empty window does without."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", _QT_NAMESPACE], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    if done.stdout.strip() == "eager":
        pytest.skip("PySide makes every type at import (PYSIDE6_OPTION_LAZY=0)")
    assert done.stdout.split()[-2:] == ["not", "made"], done.stdout


def test_the_application_collects_garbage_without_freezing_large_plans(qapp: object) -> None:
    """Full collections walk every object of a large plan while holding the interpreter
    lock (seconds of frozen window): the app makes them rare, young objects go as before."""
    import gc

    from planner.gui.app import GC_THRESHOLDS, create_application

    create_application()
    young, middle, full = gc.get_threshold()
    assert (young, middle) == (700, 10)  # Python's defaults
    assert full == GC_THRESHOLDS[2] >= 100 * 10  # a hundred times Python's default


def test_the_gui_thread_gets_the_interpreter_lock_without_waiting_5_ms(qapp: object) -> None:
    """Every call from Qt into a Python model waited up to Python's 5-ms switch interval
    while the worker planned: thousands of rows froze the window for seconds."""
    import sys

    from planner.gui.app import create_application

    create_application()
    assert sys.getswitchinterval() <= 0.0005


_PLAIN_PLANNER = """
import sys
import planner.cli as cli
cli.gui_cmd.run = lambda args: 0  # stands in for the window (measured above)
assert cli.main([]) == 0
print(" ".join(m for m in sys.argv[1:] if m in sys.modules))
"""


def test_a_plain_planner_command_opens_the_app_without_loading_the_other_commands(
        tmp_path: Path) -> None:
    """`planner` with no command is the desktop app; the dispatcher loaded every command's
    module first (the importers, the pipeline, OR-Tools, pandas: 0.7 s before the window)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", _PLAIN_PLANNER, *HEAVY], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []
