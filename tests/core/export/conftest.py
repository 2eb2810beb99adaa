"""Fixtures of the export tests: a hand-built mixed plan and the real mixed sample's plan."""

from __future__ import annotations

import pytest

from planner.core.knowledge import Knowledge
from planner.core.plan import Plan
from tests.core.export.export_fixtures import make_knowledge, make_plan


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The hand-built knowledge base."""
    return make_knowledge()


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The hand-built mixed plan."""
    return make_plan()


@pytest.fixture(scope="session")
def mixed() -> tuple[Plan, Knowledge]:
    """The real pipeline's plan of the mixed sample estate, with the real knowledge base."""
    from planner.pipeline import knowledge_for
    from tests.sample_plans import sample_plan

    # the exports need a plan, not the best one: the shared plan has a short solver limit
    plan = sample_plan("mixed")
    return plan, knowledge_for(plan.settings)


@pytest.fixture(scope="session")
def jvm() -> object:
    """MPXJ's reader on a JVM started once per session; skipped where Java is missing."""
    import shutil

    jpype = pytest.importorskip("jpype", reason="JPype1 is not installed (test dependency)")
    pytest.importorskip("mpxj", reason="mpxj is not installed (test dependency)")
    if not jpype.isJVMStarted():
        if shutil.which("java") is None and not jpype.getDefaultJVMPath():
            pytest.skip("no Java runtime: MPXJ needs a JVM to read MSPDI back")
        try:
            jpype.startJVM(convertStrings=True)
        except (OSError, RuntimeError, jpype.JVMNotFoundException) as exc:
            pytest.skip(f"no usable Java runtime for MPXJ: {exc}")
    from org.mpxj.reader import UniversalProjectReader

    return UniversalProjectReader
