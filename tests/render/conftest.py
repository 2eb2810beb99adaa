"""Report rendering tests run offscreen; they share the report fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from planner.core.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The bundled knowledge base."""
    return load_knowledge()
