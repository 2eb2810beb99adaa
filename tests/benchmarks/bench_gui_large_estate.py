"""How long the GUI thread is busy with a large estate: apply the import, paint each page.

The inventory (N servers, default 20,000) is read as on the worker and not timed against the
window; beside each GUI-thread figure the ratio to that raw read shows what the consultant
waits for on top of reading the file. Offscreen; the re-plan is held back (no planning).
Run: .venv/bin/python tests/benchmarks/bench_gui_large_estate.py [servers]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import bench_import
from PySide6.QtWidgets import QApplication

from planner.gui.document import Document
from planner.gui.import_flow import import_edit, read_inventory
from planner.gui.main_window import MainWindow
from planner.gui.worker import ThreadRunner


def main() -> int:
    """Print seconds on the GUI thread per stage and page, and the ratio to the raw read."""
    app = QApplication.instance() or QApplication([])
    servers = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    folder = Path(tempfile.mkdtemp())
    _xlsx, csv = bench_import._write(folder, servers)
    started = time.perf_counter()
    outcome = read_inventory([csv])
    read = time.perf_counter() - started
    print(f"{'stage (GUI thread unless noted)':<36} {'s':>7} {'x read':>7}")
    print(f"{'read the CSV (worker)':<36} {read:7.2f} {1.0:7.2f}")
    window = MainWindow(Document(runner=ThreadRunner(), replan_delay_ms=10**8),
                        recovery_dir=folder / "recovery")
    window.show()
    app.processEvents()

    def timed(name: str, action: object) -> None:
        begun = time.perf_counter()
        action()  # type: ignore[operator]
        app.processEvents()
        window.grab()
        took = time.perf_counter() - begun
        print(f"{name:<36} {took:7.2f} {took / read:7.2f}", flush=True)

    timed("apply the import, paint the estate", lambda: window.document.apply(
        import_edit(window.document.project, outcome)[0]))
    for key in window.pages:
        timed(f"page {key}", lambda k=key: window.show_page(k))
    window.document.abandon()
    window.document.undo_stack.setClean()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
