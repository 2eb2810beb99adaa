"""GUI tests run offscreen, with QSettings and the recovery folder in a temporary home."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
