"""Move batches completed in a maintenance window when the customer wants that."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from planner.core.calendar import build_calendar
from planner.core.plan import Plan
from planner.core.project import Project, load_project, save_project
from planner.core.scheduler.problem import build_problem
from planner.core.settings_io import settings_from_table, settings_to_table
from planner.pipeline import knowledge_for, make_plan
from tests.sample_plans import sample_inputs


def _plan(in_window: bool, maintenance: tuple[str, ...] = ("Sat",)) -> Plan:
    inputs = sample_inputs("mixed")
    settings = replace(inputs.settings, complete_moves_in_window=in_window,
                       maintenance_days=maintenance, solver_time_limit_s=2.0)
    return make_plan(inputs.estate, inputs.findings, settings)


@pytest.fixture(scope="module")
def in_window() -> Plan:
    return _plan(True)


def test_each_batch_completes_on_a_window_day_named_in_its_command(in_window: Plan) -> None:
    moves = [s for s in in_window.proposal.steps if s.unattended]
    assert moves
    for move in moves:
        dated = in_window.schedule.for_step(move.id)
        assert dated is not None
        assert dated.end.weekday() == 5, (move.id, dated.end)  # the Saturday window
        assert f"-CompleteAfter {dated.end.isoformat()}" in move.command or \
            f"Resume-MoveRequest  # on {dated.end.isoformat()}" in move.command, move.command
        assert "<completion date>" not in move.command and "-AutoComplete" not in move.command


def test_the_consultant_completes_the_batch_in_the_window(in_window: Plan) -> None:
    """The completion's half day is booked on the window day, not on the Friday before."""
    knowledge = knowledge_for(in_window.settings)
    problem = build_problem(in_window.proposal, in_window.estate, in_window.settings,
                            in_window.decisions, knowledge,
                            build_calendar(in_window.settings, in_window.estate))
    for job in problem.jobs:
        if not job.step.unattended:
            continue
        dated = in_window.schedule.for_step(job.step.id)
        assert dated is not None
        start, end = problem.index(dated.start), problem.index(dated.end) + 1
        spans = job.consultant_spans(problem.cal(job), start, end)
        assert spans[-1][:2] == (end - 1, end)
        assert problem.day(spans[-1][0]).weekday() == 5


def test_without_the_setting_batches_complete_when_synced() -> None:
    plan = _plan(False)
    moves = [s for s in plan.proposal.steps if s.unattended]
    assert moves and all("-CompleteAfter" not in s.command for s in moves)
    assert any("-AutoComplete" in s.command for s in moves)


def test_a_wednesday_window_moves_the_completions_to_wednesdays() -> None:
    plan = _plan(True, ("Wed",))
    for move in (s for s in plan.proposal.steps if s.unattended):
        dated = plan.schedule.for_step(move.id)
        assert dated is not None and dated.end.weekday() == 2


def test_the_setting_reads_and_writes_in_the_settings_file(in_window: Plan) -> None:
    table = settings_to_table(in_window.settings)
    assert table["windows"]["complete_moves"] is True
    assert settings_from_table(table, "test.toml").complete_moves_in_window
    table["windows"]["complete_moves"] = "nein"
    assert not settings_from_table(table, "test.toml").complete_moves_in_window


def test_a_saved_project_reopens_with_the_setting_and_the_dated_commands(
        in_window: Plan, tmp_path: Path) -> None:
    project = Project(estate=in_window.estate, settings=in_window.settings,
                      decisions=in_window.decisions, plan=in_window)
    save_project(project, tmp_path / "p.seplan")
    again = load_project(tmp_path / "p.seplan")
    assert again.settings.complete_moves_in_window
    assert again.plan is not None
    moves = [s for s in again.plan.proposal.steps if s.unattended]
    assert moves and all(s.complete_in_window and s.setup_days == 0.5 for s in moves)
    assert all("-CompleteAfter 20" in s.command or "# on 20" in s.command for s in moves)
