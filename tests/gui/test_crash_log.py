"""A crash leaves its stack in the log; a bug in a worker is logged and shown with its details."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from planner.core.log_file import FaultLogHandler
from planner.core.project import Project
from planner.gui import crash_log
from planner.gui.bug_dialog import BugDialog
from planner.gui.crash_log import LOG, install_crash_log, is_bug
from planner.gui.document import Document
from planner.gui.worker import SyncRunner
from tests.gui import planning_fixtures as fixtures

ROOT = Path(__file__).resolve().parents[2]

_SEGFAULT = textwrap.dedent("""
    import faulthandler, sys
    from planner.gui.crash_log import install_crash_log
    from pathlib import Path
    install_crash_log(Path(sys.argv[1]))
    faulthandler._sigsegv()
""")


@pytest.fixture
def log_dir(tmp_path: Path) -> Any:
    """The crash log in a temporary folder; handlers and hooks restored afterwards."""
    hooks = sys.excepthook, threading.excepthook
    path = install_crash_log(tmp_path)
    yield path
    for handler in list(LOG.handlers):
        LOG.removeHandler(handler)
        handler.close()
    sys.excepthook, threading.excepthook = hooks


def test_a_crash_inside_native_code_leaves_its_stack_in_the_log(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", _SEGFAULT, str(tmp_path)], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                          timeout=60)
    assert done.returncode != 0
    text = (tmp_path / crash_log.LOG_NAME).read_text(encoding="utf-8")
    assert "Segmentation fault" in text and "Current thread" in text


def test_the_log_keeps_faulthandler_after_it_rotates(log_dir: Path, monkeypatch: Any) -> None:
    handler = next(h for h in LOG.handlers if isinstance(h, FaultLogHandler))
    handler.doRollover()
    import faulthandler

    assert faulthandler.is_enabled()
    assert handler.stream is not None and not handler.stream.closed


def test_a_bug_in_a_replan_is_logged_and_raised_with_its_traceback(
        qtbot: Any, log_dir: Path, monkeypatch: Any) -> None:
    import planner.gui.replanning as document_module

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        return {}["no such key"]

    monkeypatch.setattr(document_module, "make_plan", broken)
    monkeypatch.setattr(document_module, "knowledge_for", lambda _s: fixtures.knowledge())
    doc = Document(runner=SyncRunner())
    bugs: list[tuple[str, str]] = []
    doc.bugRaised.connect(lambda summary, trace: bugs.append((summary, trace)))
    doc.set_project(Project(estate=fixtures.small_estate(), settings=fixtures.base_settings()))
    assert bugs and bugs[0][0].startswith("KeyError") and "broken" in bugs[0][1]
    for handler in LOG.handlers:
        handler.flush()
    assert "Traceback" in log_dir.read_text(encoding="utf-8")


def test_the_planners_own_errors_are_messages_not_bugs() -> None:
    from planner.core.project import ProjectError

    assert not is_bug(ProjectError("x.seplan", "damaged"))
    assert is_bug(KeyError("x")) and is_bug(ValueError("x"))


def test_copy_details_puts_the_traceback_on_the_clipboard(qtbot: Any) -> None:
    dialog = BugDialog(None, "KeyError: 'x'", "Traceback (most recent call last):\n ...")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.copy_button.click()
    assert dialog.isVisible()  # copying does not close the dialog
    assert "Traceback" in QApplication.clipboard().text()
    assert "KeyError" in QApplication.clipboard().text()
    dialog.close()
