"""A step id never reaches a person: a date reason or a pin naming a step the plan no longer
holds shows what the id names, not the id ("sbs:moves:DAG1:2")."""

from __future__ import annotations

from dataclasses import replace

from planner.core.explain_text import render_driver
from planner.core.explanation import Driver
from planner.core.plan import step_about
from tests.sample_plans import sample_plan


def test_an_id_is_shown_by_what_it_names() -> None:
    assert step_about("sbs:moves:DAG1:2") == "DAG1"
    assert step_about("inplace:EX01") == "EX01"
    assert step_about("hybrid") == "–"


def test_a_reason_naming_a_step_the_plan_lost_shows_no_id() -> None:
    plan = sample_plan("mixed")
    gone = Driver("predecessor", "predecessor", step="sbs:moves:GONE-DAG:3")
    for lang in ("en", "de"):
        text = render_driver(plan, gone, lang)
        assert "GONE-DAG" in text and "sbs:" not in text and ":3" not in text
    # a step the plan holds is named by its title
    step = plan.proposal.steps[0]
    held = replace(gone, step=step.id)
    assert step.title("en") in render_driver(plan, held, "en")


def test_a_finding_about_the_schedule_concerns_the_schedule() -> None:
    """The overbooked-week and unrealistic-plan warnings said they concerned the
    "Organization"."""
    from planner.core.outline import target_label

    assert (target_label("schedule", "en"), target_label("schedule", "de")) == (
        "Schedule", "Zeitplan")
