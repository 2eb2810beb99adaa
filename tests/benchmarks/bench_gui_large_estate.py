"""How long the window is frozen with a large estate: apply the import, show each page.

The inventory (N servers, default 20,000) is read as on the worker and not timed against the
window. A 10-ms QTimer heartbeat runs on the GUI thread throughout; for each stage the
benchmark waits until the window is idle again (work on the worker and drawing in slices
included) and prints how long that took and the longest gap between two heartbeats — the
longest time the window could not repaint or react — beside the 200-ms budget (ratio ≤ 1
is within it). Offscreen; the re-plan is held back (no planning).
With ``--plan`` the estate is then planned twice (on the worker, the Gantt and then the steps
page shown) and each stage lasts until the quick plan is on screen; use a few hundred servers.
Run: .venv/bin/python tests/benchmarks/bench_gui_large_estate.py [servers] [--plan]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import bench_import
from PySide6.QtCore import QEventLoop, QTimer

from planner.gui.app import create_application
from planner.gui.document import Document
from planner.gui.import_flow import import_edit, read_inventory
from planner.gui.main_window import MainWindow
from planner.gui.worker import ThreadRunner

BEAT_MS = 10
BUDGET_S = 0.2  # the longest the window may stay unresponsive
QUIET_S = 0.5  # idle this long (every beat on time) = the stage is over


class Heartbeat:
    """Records when a repeating 10-ms timer fires on the GUI thread."""

    def __init__(self) -> None:
        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))
        self.timer.start()

    def settle(self, since: float, limit_s: float = 300.0) -> tuple[float, float]:
        """Run the event loop until quiet; (seconds until the last late beat, longest gap)."""
        loop = QEventLoop()
        while time.perf_counter() - since < limit_s:
            QTimer.singleShot(50, loop.quit)
            loop.exec()
            recent = [b for b in self.beats if b >= since]
            gaps = [(b, b - a) for a, b in zip([since, *recent], recent, strict=False)]
            late = [b for b, gap in gaps if gap > 3 * BEAT_MS / 1000]
            last_late = late[-1] if late else since
            if time.perf_counter() - last_late > QUIET_S:
                return last_late - since, max((g for _, g in gaps), default=0.0)
        raise TimeoutError("the window never became idle")


def main() -> int:
    """Print, per stage, the time until idle and the longest freeze against the budget."""
    app = create_application()  # as the planner starts (its garbage-collector tuning too)
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    servers = int(numbers[0]) if numbers else 20_000
    folder = Path(tempfile.mkdtemp())
    _xlsx, csv = bench_import._write(folder, servers)
    started = time.perf_counter()
    outcome = read_inventory([csv])
    print(f"{servers:,} servers; reading the CSV on the worker: "
          f"{time.perf_counter() - started:.2f} s (not on the GUI thread)")
    window = MainWindow(Document(runner=ThreadRunner(), replan_delay_ms=10**8),
                        recovery_dir=folder / "recovery")
    window.show()
    app.processEvents()
    beat = Heartbeat()
    print(f"{'stage':<36} {'until idle s':>12} {'longest freeze s':>17} {'x budget':>9}")

    def stage(name: str, action: Callable[[], object]) -> None:
        begun = time.perf_counter()
        action()
        window.grab()
        busy, freeze = beat.settle(begun)
        print(f"{name:<36} {busy:12.2f} {freeze:17.2f} {freeze / BUDGET_S:9.2f}", flush=True)

    stage("apply the import, paint the estate", lambda: window.document.apply(
        import_edit(window.document.project, outcome)[0]))
    for key in window.pages:
        stage(f"page {key}", lambda k=key: window.show_page(k))
    if "--plan" in sys.argv:  # planning runs on the worker; the window must stay live
        landed: list[bool] = []
        window.document.planChanged.connect(lambda: landed.append(True))
        for key in ("schedule", "steps"):
            window.show_page(key)
            landed.clear()
            begun = time.perf_counter()
            window.document.replan()
            loop = QEventLoop()
            while not landed:  # the event loop runs (heartbeat included) until the plan lands
                QTimer.singleShot(50, loop.quit)
                loop.exec()
            window.document.cancel()  # keep the quick plan; the search stops
            busy, freeze = beat.settle(begun)
            print(f"{'re-plan until shown, page ' + key:<36} {busy:12.2f} {freeze:17.2f} "
                  f"{freeze / BUDGET_S:9.2f}", flush=True)
    window.document.abandon()
    window.document.undo_stack.setClean()
    ThreadRunner().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
