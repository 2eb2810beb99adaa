"""Fixtures of the export tests: a hand-built mixed plan and the real mixed sample's plan."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from export_fixtures import make_knowledge, make_plan

from planner.core.knowledge import Knowledge
from planner.core.plan import Plan


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The hand-built knowledge base."""
    return make_knowledge()


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The hand-built mixed plan."""
    return make_plan()

