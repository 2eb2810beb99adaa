"""Edits in the core: pure functions on plain decisions and projects, no Qt needed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planner.core.edits.decisions import (
    by_title,
    disable_rule,
    enable_rule,
    exclude_server,
    not_before,
    pin_step,
    set_path,
)
from planner.core.edits.scenarios import (
    add_scenario,
    choose_for_export,
    delete_scenario,
    export_choice,
    rename_scenario,
    switch_to_scenario,
    update_scenario,
)
from planner.core.errors import InputError
from planner.core.project import Project, Scenario, plan_is_current
from planner.core.settings import Decisions, Settings
from tests.sample_plans import sample_plan

DAY = date(2026, 11, 2)


def test_each_edit_returns_new_decisions_and_can_be_undone_by_its_inverse() -> None:
    before = Decisions()
    after = pin_step(not_before(set_path(exclude_server(disable_rule(
        before, "hybrid_hcw"), "EX01"), "EX02", "side_by_side"), "cu:EX03", DAY), "ad_prep", DAY)
    assert before == Decisions()  # the old decisions are untouched (undo keeps them)
    assert after.disabled_rules == {"hybrid_hcw"} and after.excluded_servers == {"EX01"}
    assert after.paths == {"EX02": "side_by_side"} and after.pins == {"ad_prep": DAY}
    assert after.not_before == {"cu:EX03": DAY}
    undone = pin_step(not_before(set_path(exclude_server(enable_rule(
        after, "hybrid_hcw"), "EX01", False), "EX02", None), "cu:EX03", None), "ad_prep", None)
    assert undone == before


def test_a_pin_by_title_becomes_a_pin_by_id_unless_it_is_ambiguous() -> None:
    steps = sample_plan("small").proposal.steps
    first, second = steps[0], steps[1]
    twin = replace(first, id="twin")  # another step of the same title
    asked = Decisions(pins={f"  {first.title('de').upper()} ": DAY, second.id: DAY},
                      not_before={second.title("en").lower(): DAY, "no such step": DAY})
    named = by_title(asked, steps, ("de", "en"))
    assert named.pins == {first.id: DAY, second.id: DAY}
    assert named.not_before == {second.id: DAY, "no such step": DAY}  # the rules report it
    # two steps of one title: the pin stays as given, never on a guessed step
    ambiguous = Decisions(pins={first.title("en"): DAY})
    assert by_title(ambiguous, (*steps, twin), ("de", "en")) == ambiguous
    assert by_title(Decisions(pins={first.id: DAY}), steps, ("de", "en")).pins == {first.id: DAY}


def test_the_scenario_chosen_for_export_is_the_one_exported() -> None:
    later = Settings(start=date(2027, 3, 1))
    project = Project(scenarios=(Scenario("Later", later, Decisions()),))
    assert export_choice(project)[1] == project.settings  # none chosen: the project's own
    chosen = replace(project, active_scenario="Later")
    assert export_choice(chosen)[1] is later
    assert export_choice(chosen, "")[1] == project.settings  # "" asks for the own plan
    with pytest.raises(InputError, match="Later"):
        export_choice(project, "Earlier")


def test_a_plan_made_with_other_knowledge_is_not_current() -> None:
    plan = sample_plan("small")
    args = (plan.estate, plan.settings, plan.decisions)
    assert plan.knowledge_as_of is not None
    assert plan_is_current(plan, *args) and plan_is_current(plan, *args, plan.knowledge_as_of)
    assert not plan_is_current(plan, *args, date(2099, 1, 1))


def test_scenarios_are_edited_in_the_core_without_qt() -> None:
    """Duplicate, switch, update, rename, choose for export, delete: plain functions on a
    project, each leaving the old project as it was (undo keeps it)."""
    plan = sample_plan("small")
    project = Project(estate=plan.estate, settings=plan.settings, decisions=plan.decisions,
                      plan=plan)
    saved = add_scenario(project, " Base ", plan)
    assert [s.name for s in saved.scenarios] == ["Base"] and saved.scenarios[0].plan is plan
    assert add_scenario(saved, "Base", plan) is saved and add_scenario(saved, " ") is saved
    later = replace(saved, settings=replace(plan.settings, start=date(2027, 3, 1)))
    assert update_scenario(later, "Base").scenarios[0].settings == later.settings
    assert update_scenario(later, "Base", plan).scenarios[0].plan is None  # not its plan
    back = switch_to_scenario(later, "Base")
    assert back.settings == plan.settings and back.plan is plan  # its stored plan fits
    chosen = choose_for_export(later, "Base")
    assert export_choice(chosen)[1] == plan.settings
    renamed = rename_scenario(chosen, "Base", "Option A")
    assert renamed.active_scenario == "Option A" and export_choice(renamed)[0] is plan
    assert choose_for_export(renamed, "Option A").active_scenario == ""  # chosen again: own
    gone = delete_scenario(renamed, "Option A")
    assert gone.scenarios == () and gone.active_scenario == ""
    assert [s.name for s in saved.scenarios] == ["Base"]  # the old project is untouched
