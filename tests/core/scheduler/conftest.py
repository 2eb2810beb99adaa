"""Shared fixtures for the scheduler tests."""

from __future__ import annotations

import pytest

from planner.core.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The shipped knowledge base."""
    return load_knowledge()
