"""An edit in the GUI to its new plan on screen, on the mixed sample (issue #9: "within a second").

Runs the real Document with its worker thread offscreen: applies edits a consultant makes
(exclude a server, pin a step, change the start, undo) and measures from `apply` to the
`planChanged` signal, i.e. until the views can show the new dates.
Run: .venv/bin/python tests/benchmarks/bench_gui_replan.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from planner.core.project import Project  # noqa: E402
from planner.gui.document import Document  # noqa: E402
from planner.gui.edit import set_settings, update_decisions  # noqa: E402
from planner.pipeline import load_inputs  # noqa: E402

MIXED = ROOT / "resources" / "samples" / "mixed" / "inventory.xlsx"


def wait_for_plan(doc: Document, action) -> float:  # type: ignore[no-untyped-def]
    """Seconds from the action to the next planChanged."""
    loop = QEventLoop()
    doc.planChanged.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    started = time.perf_counter()
    action()
    loop.exec()
    doc.planChanged.disconnect(loop.quit)
    return time.perf_counter() - started


def main() -> int:
    """Print the latency of each kind of edit (median of 5)."""
    app = QApplication([])
    inputs = load_inputs([MIXED])
    doc = Document(Project(estate=inputs.estate, findings=inputs.findings,
                           settings=inputs.settings))
    wait_for_plan(doc, doc.replan)
    assert doc.plan is not None
    first = doc.plan.proposal.steps[3].id
    server = inputs.estate.servers[0].name
    edits = {
        "exclude a server": lambda: doc.apply(update_decisions(
            lambda d: replace(d, excluded_servers=d.excluded_servers | {server}), "exclude")),
        "pin a step one week later": lambda: doc.apply(update_decisions(
            lambda d: replace(d, pins={**d.pins, first: inputs.settings.start
                                       + timedelta(days=7)}), "pin")),
        "move the plan start": lambda: doc.apply(set_settings(replace(
            doc.settings, start=doc.settings.start + timedelta(days=1)))),
    }
    print(f"{'edit':<28} {'median s':>9} {'max s':>7}")
    for name, action in edits.items():
        times = []
        for _ in range(5):
            times.append(wait_for_plan(doc, action))
            doc.undo_stack.undo()  # undo restores the earlier plan at once (no re-plan)
            app.processEvents()
        print(f"{name:<28} {statistics.median(times):9.2f} {max(times):7.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
