"""The step graph: a cycle is a clear error, waves are generations, dropped steps keep order."""

from __future__ import annotations

import pytest

from planner.core.plan import Dependency, Phase, Step
from planner.core.rules.order import StepCycleError, check_acyclic, drop_steps, sort_steps, waves


def _step(sid: str, *preds: str) -> Step:
    return Step(sid, sid, sid, "k", Phase.PREPARE, "org", 1, "r", "why", "warum",
                predecessors=tuple(Dependency(p) for p in preds))


def test_a_cycle_is_an_error_naming_the_steps() -> None:
    steps = [_step("a", "c"), _step("b", "a"), _step("c", "b")]
    with pytest.raises(StepCycleError) as err:
        check_acyclic(steps)
    assert set(err.value.cycle) == {"a", "b", "c"}
    assert "a" in str(err.value) and "cycle" in str(err.value)


def test_waves_are_topological_generations() -> None:
    steps = [_step("a"), _step("b", "a"), _step("c", "a"), _step("d", "b", "c")]
    assert waves(steps) == (("a",), ("b", "c"), ("d",))
    assert next(s.id for s in sort_steps(list(reversed(steps)))) == "a"


def test_dropping_a_step_hands_its_prerequisites_on() -> None:
    steps = [_step("a"), _step("b", "a"), _step("c", "b")]
    kept = drop_steps(steps, {"b"})
    assert [s.id for s in kept] == ["a", "c"]
    assert kept[1].predecessors == (Dependency("a"),)
