"""The empty window starts without the heavy parts: they load when first needed.

Start-up time is measured in tests/benchmarks/bench_gui_start.py; this test keeps the
modules that made it slow from creeping back into the start (run in a fresh process).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
         "planner.core.plan", "planner.core.plan_io", "logging.handlers", "uuid")

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


def test_the_application_collects_garbage_without_freezing_large_plans(qapp: object) -> None:
    """Full collections walk every object of a large plan while holding the interpreter
    lock (seconds of frozen window): the app makes them rare, young objects go as before."""
    import gc

    from planner.gui.app import GC_THRESHOLDS, create_application

    create_application()
    young, middle, full = gc.get_threshold()
    assert (young, middle) == (700, 10)  # Python's defaults
    assert full == GC_THRESHOLDS[2] >= 100 * 10  # a hundred times Python's default
