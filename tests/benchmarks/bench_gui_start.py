"""GUI start to first paint, the planner vs a bare PySide6 window, measured in the same run.

Each variant runs in a fresh process (offscreen), timed from just before the process starts
to the first paint event the window receives; best and median of 5 runs are printed.
The last variant starts the window, imports the mixed sample on the worker and stops at the
first plan on screen (the quick plan; the solver's plan replaces it later).
Run: .venv/bin/python tests/benchmarks/bench_gui_start.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MIXED = ROOT / "resources" / "samples" / "mixed" / "inventory.xlsx"

_FIRST_PAINT = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
t0 = float(sys.argv[1])

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"FIRST_PAINT {time.time() - t0:.3f}", flush=True)
            QApplication.instance().exit(0)
        return False
"""

BARE = _FIRST_PAINT + """
from PySide6.QtWidgets import QLabel, QMainWindow
app = QApplication([])
watcher = FirstPaint(); app.installEventFilter(watcher)
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 800); w.show()
app.exec()
"""

PLANNER = _FIRST_PAINT + """
from planner.gui.app import create_application
from planner.gui.main_window import MainWindow
app = create_application()
watcher = FirstPaint(); app.installEventFilter(watcher)
w = MainWindow(); w.show()
app.exec()
"""

PLANNER_WITH_SAMPLE = _FIRST_PAINT + """
from pathlib import Path
from planner.gui.app import create_application, _load_files
from planner.gui.document import Document
from planner.gui.main_window import MainWindow
from planner.gui.worker import SyncRunner
app = create_application()
w = MainWindow(Document(runner=SyncRunner()))
_load_files(w, [Path(sys.argv[2])], quiet=True)   # import and plan before the first paint
watcher = FirstPaint(); app.installEventFilter(watcher)
w.show()
app.exec()
"""

# As the consultant sees it: the window first, the import on the worker, and the time until
# the first plan (the quick plan, while the search goes on) is on screen.
PLANNER_FIRST_PLAN = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication
t0 = float(sys.argv[1])
from planner.gui.app import create_application, _load_files
from planner.gui.main_window import MainWindow
app = create_application()
w = MainWindow(); w.show()

def landed():
    if w.document.plan is not None:
        app.processEvents()  # painted
        print(f"FIRST_PAINT {time.time() - t0:.3f}", flush=True)
        w.document.abandon(); w.document.undo_stack.setClean(); app.exit(0)

w.document.planChanged.connect(landed)
QTimer.singleShot(0, lambda: _load_files(w, [Path(sys.argv[2])]))
app.exec()
QThreadPool.globalInstance().waitForDone()  # as planner.gui.app.run does
"""


def measure(code: str, runs: int = 5) -> list[float]:
    """Seconds from process start to first paint, per run (after one unmeasured warm-up)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # As installed or bundled: compiled modules, not source compiled afresh on every start
    # (a shell with PYTHONDONTWRITEBYTECODE made the planner, not the bare window, pay that).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    for run in range(runs + 1):
        started = time.time()
        out = subprocess.run([sys.executable, "-c", code, str(started), str(MIXED)], env=env,
                             capture_output=True, text=True, timeout=300, cwd=ROOT).stdout
        line = next(x for x in out.splitlines() if x.startswith("FIRST_PAINT"))
        if run:  # the first run writes the compiled modules
            times.append(float(line.split()[1]))
    return times


def main() -> int:
    """Print best and median for each variant."""
    print(f"{'variant':<40} {'best s':>8} {'median s':>9}")
    variants = (("bare PySide6 window", BARE, 5),
                ("planner main window (empty)", PLANNER, 5),
                ("planner with mixed sample imported+planned", PLANNER_WITH_SAMPLE, 3),
                ("mixed sample: first plan on screen", PLANNER_FIRST_PLAN, 3))
    for name, code, runs in variants:
        times = measure(code, runs)
        print(f"{name:<40} {min(times):8.2f} {statistics.median(times):9.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
