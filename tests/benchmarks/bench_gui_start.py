"""GUI start to first paint, the planner vs a bare PySide6 window, measured in the same run.

Each variant runs in a fresh process (offscreen), timed from just before the process starts
to the first paint event the window receives. The bare window and the empty planner run
in turns, nine rounds, and their ratio is printed: best against best, the median of the
rounds' ratios, and CPU time (which a busy shared machine disturbs less than wall time).
The last variant starts the window, imports the mixed sample on the worker and stops at the
first plan on screen (the quick plan; the solver's plan replaces it later).
Run: .venv/bin/python tests/benchmarks/bench_gui_start.py
"""

from __future__ import annotations

import os
import resource
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


def _run_once(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds to first paint and the CPU seconds the process used (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, str(started), str(MIXED)], env=env,
                         capture_output=True, text=True, timeout=300, cwd=ROOT).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next(x for x in out.splitlines() if x.startswith("FIRST_PAINT"))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return float(line.split()[1]), cpu


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # As installed or bundled: compiled modules, not source compiled afresh on every start
    # (a shell with PYTHONDONTWRITEBYTECODE made the planner, not the bare window, pay that).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(code: str, runs: int = 5) -> list[float]:
    """Seconds from process start to first paint, per run (after one unmeasured warm-up)."""
    env = _env()
    _run_once(code, env)  # the first run writes the compiled modules
    return [_run_once(code, env)[0] for _ in range(runs)]


def measure_pair(first: str, second: str, runs: int) -> list[tuple[float, float, float, float]]:
    """Both variants run in turns (first, second, first, ...), so a load that comes and goes
    on the shared machine falls on both alike: (wall, cpu) of each, per round."""
    env = _env()
    _run_once(first, env), _run_once(second, env)  # warm-up: compiled modules written
    rounds = []
    for _ in range(runs):
        a, b = _run_once(first, env), _run_once(second, env)
        rounds.append((a[0], a[1], b[0], b[1]))
    return rounds


def main() -> int:
    """Bare window and empty planner window in turns with their ratio; then the samples."""
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    rounds = measure_pair(BARE, PLANNER, 9)
    print(f"{'variant':<40} {'best s':>8} {'median s':>9} {'CPU s (median)':>15}")
    for name, wall, cpu in (("bare PySide6 window", 0, 1), ("planner main window (empty)", 2, 3)):
        walls, cpus = [r[wall] for r in rounds], [r[cpu] for r in rounds]
        print(f"{name:<40} {min(walls):8.2f} {statistics.median(walls):9.2f} "
              f"{statistics.median(cpus):15.2f}")
    best = min(r[2] for r in rounds) / min(r[0] for r in rounds)
    paired = statistics.median(r[2] / r[0] for r in rounds)
    cpu = statistics.median(r[3] for r in rounds) / statistics.median(r[1] for r in rounds)
    print(f"empty window / bare: best {best:.2f}x, median of rounds {paired:.2f}x, "
          f"CPU {cpu:.2f}x (target <= 1.5x)", flush=True)
    variants = (("planner with mixed sample imported+planned", PLANNER_WITH_SAMPLE, 3),
                ("mixed sample: first plan on screen", PLANNER_FIRST_PLAN, 3))
    for name, code, runs in variants:
        times = measure(code, runs)
        print(f"{name:<40} {min(times):8.2f} {statistics.median(times):9.2f}", flush=True)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
