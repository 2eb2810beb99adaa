"""GUI tests run offscreen, with QSettings and the recovery folder in a temporary home."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the QApplication is made


class UnexpectedMessageBox(AssertionError):
    """A test opened a modal message box it did not patch (offscreen nobody answers it)."""


@pytest.fixture(autouse=True)
def _no_unanswered_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail instead of hanging when code under test asks the user something unexpectedly.

    Offscreen a modal ``QMessageBox`` waits forever: the stress test's teardown hung that
    way (a close asking "Save changes?"). A test that expects a box patches it itself; its
    own ``monkeypatch`` runs after this one and wins.
    """
    def refuse(name: str) -> Any:
        def ask(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
            raise UnexpectedMessageBox(f"QMessageBox.{name}({title!r}, {text!r})")
        return staticmethod(ask)

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse(name))


@pytest.fixture(autouse=True)
def _collect_qt_garbage() -> Iterator[None]:
    """Free each test's unreachable Qt objects when the test ends.

    A top-level widget a test leaves in a reference cycle (a wizard, a dialog) is otherwise
    freed whenever the collector happens to run, which can be inside a later test's nested
    event loop while Qt is delivering a queued signal: a crash that has nothing to do with
    that later test.
    """
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _no_recent_files_of_other_tests() -> None:
    """Each test starts with no recent project files: the list lives in QSettings for the
    whole session, and with the tests spread over workers one worker's order put a file a
    build-list test had saved into the menu the pseudo-language test reads (a name, not a
    text in the language)."""
    from PySide6.QtCore import QSettings

    QSettings().remove("files/recent")
