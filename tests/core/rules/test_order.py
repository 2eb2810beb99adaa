"""The step graph: a cycle is a clear error, waves are generations, dropped steps keep order."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.core.catalogue import catalogue
from planner.core.errors import error_words
from planner.core.explanation import message
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


def test_a_cycle_names_the_steps_by_their_titles_in_the_readers_language() -> None:
    licensing = message("steps.licensing.title")
    backup = message("steps.org_checks.ad_backup_title")
    steps = [replace(_step("lic", "bak"), title_message=licensing),
             replace(_step("bak", "lic"), title_message=backup)]
    with pytest.raises(StepCycleError) as err:
        check_acyclic(steps)
    problem = err.value.problem
    assert problem is not None
    english, german = catalogue("en").render(problem), catalogue("de").render(problem)
    assert "Check Exchange Server SE licensing" in english and "cycle" in english
    assert "Active Directory vor der AD-Vorbereitung sichern" in german
    assert "Kreis" in german and "cycle" not in german
    assert "lic" not in english.replace("licensing", "")  # no step id for people
    assert str(err.value) == english  # the terminal and the log read English
    assert error_words(err.value, "de") == german  # the GUI says it in its language


def test_waves_are_topological_generations() -> None:
    steps = [_step("a"), _step("b", "a"), _step("c", "a"), _step("d", "b", "c")]
    assert waves(steps) == (("a",), ("b", "c"), ("d",))
    assert next(s.id for s in sort_steps(list(reversed(steps)))) == "a"


def test_dropping_a_step_hands_its_prerequisites_on() -> None:
    steps = [_step("a"), _step("b", "a"), _step("c", "b")]
    kept = drop_steps(steps, {"b"})
    assert [s.id for s in kept] == ["a", "c"]
    assert kept[1].predecessors == (Dependency("a"),)
