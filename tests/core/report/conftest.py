"""Fixtures for the report tests: the real knowledge base and hand-built plans."""

from __future__ import annotations

import pytest

from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.plan import Plan
from tests.core.report.report_fixtures import sample_plan


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The bundled knowledge base."""
    return load_knowledge()


@pytest.fixture
def plan_de() -> Plan:
    """The mixed sample plan, German settings."""
    return sample_plan("de")


@pytest.fixture
def plan_en() -> Plan:
    """The mixed sample plan, English settings."""
    return sample_plan("en")
