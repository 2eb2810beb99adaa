"""Run a job on the worker while a progress dialog with Cancel keeps the window responsive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner.gui.crash_log import is_bug, show_bug
from planner.gui.worker import Runner

__all__ = ["Outcome", "run_with_progress"]


@dataclass
class Outcome:
    """How a job ended: ``result`` when ``ok``; ``error`` text otherwise; or ``cancelled``."""

    ok: bool = False
    cancelled: bool = False
    result: Any = None
    error: str = ""
    trace: str = ""  # set for a bug (the traceback, already logged)


def run_with_progress(runner: Runner, parent: QWidget | None, label: str,
                      fn: Callable[..., Any]) -> Outcome:
    """Run ``fn`` on ``runner``; wait in a local event loop (the GUI stays live) until it ends.

    The dialog appears only when the job takes longer than half a second.
    """
    outcome = Outcome()
    loop = QEventLoop()

    def done(result: Any) -> None:
        outcome.ok, outcome.result = True, result
        loop.quit()

    def failed(exc: BaseException, trace: str) -> None:
        outcome.error = f"{type(exc).__name__}: {exc}" if is_bug(exc) else str(exc)
        outcome.trace = trace if is_bug(exc) else ""
        loop.quit()

    cancel_text = QCoreApplication.translate("QProgressDialog", "Cancel")  # qtbase_de has it
    dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    job = runner.submit(label, fn, done, failed)

    def advance(percent: int, text: str) -> None:
        # reading transport logs knows how far it is; everything else stays "busy"
        if percent >= 0:
            dialog.setMaximum(100)
            dialog.setValue(min(percent, 99))
            dialog.setLabelText(f"{label}\n{text}" if text else label)

    job.progress.connect(advance)

    def cancel() -> None:
        job.cancel()
        outcome.cancelled = True
        loop.quit()

    dialog.canceled.connect(cancel)
    if not job.done and not outcome.cancelled:
        loop.exec()
    dialog.reset()
    dialog.deleteLater()
    if outcome.trace:
        show_bug(parent, outcome.error, outcome.trace)
    return outcome
