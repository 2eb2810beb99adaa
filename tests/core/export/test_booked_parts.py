"""A move batch books its consultant for its set-up and completion only, and every
deliverable says so: the plan JSON as parts, the Excel plan in words and as a hatched run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from planner.core.booked_time import consultant_days, days_by_person
from planner.core.export.xlsx import build_context, write_workbook
from planner.core.export.xlsx_gantt import LEFT
from planner.core.knowledge import Knowledge
from planner.core.outline import build_outline
from planner.core.plan import Plan
from planner.core.plan_json import plan_to_plain

HEADER_ROW = 4  # 1-based, as openpyxl counts
CONSULTANT_COLUMN = 8


def _batches(plan: Plan) -> list[str]:
    ids = [s.step_id for s in plan.schedule.steps if s.booked]
    assert len(ids) >= 2, "the mixed sample moves mailboxes in batches"
    return ids


def test_the_plan_json_shows_set_up_unattended_run_and_completion(
        mixed: tuple[Plan, Knowledge]) -> None:
    plan, knowledge = mixed
    rows = {r["id"]: r for r in plan_to_plain(plan, knowledge)["steps"]}
    for step_id in _batches(plan):
        row = rows[step_id]
        setup, run, completion = row["booked"]
        assert [setup["part"], run["part"], completion["part"]] == [
            "setup", "unattended", "completion"]
        assert setup["consultant"] == completion["consultant"] == row["consultant"]
        assert run["consultant"] is None and run["days"] is None  # nobody is held
        assert setup["start"] == row["start"] and completion["end"] == row["end"]
        assert setup["end"] < run["start"] <= run["end"] < completion["start"]
        assert row["consultant_days"] == setup["days"] + completion["days"] == 1.0
    ordinary = next(r for r in rows.values() if r["consultant"] and len(r["booked"]) == 1)
    assert ordinary["booked"][0]["part"] == "whole"
    assert ordinary["booked"][0]["consultant"] == ordinary["consultant"]


def test_booked_days_are_a_small_part_of_the_batches_elapsed_days(
        mixed: tuple[Plan, Knowledge]) -> None:
    plan, _ = mixed
    steps = {s.id: s for s in plan.proposal.steps}
    batches = _batches(plan)
    elapsed = sum((d.end - d.start).days + 1 for d in plan.schedule.steps
                  if d.step_id in batches)
    booked = sum(steps[b].consultant_days for b in batches)
    assert booked <= elapsed / 3
    people, _ = days_by_person(plan)
    assert consultant_days(plan) == pytest.approx(sum(people.values()))
    whole = sum(s.duration_days for s in plan.proposal.steps
                if s.needs_consultant and not s.milestone and plan.schedule.for_step(s.id))
    assert consultant_days(plan) == pytest.approx(
        whole - sum(steps[b].duration_days - steps[b].consultant_days for b in batches))


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ("set-up", "completion", "unattended", "0.5 days")),
    ("de", ("Einrichtung", "Abschluss", "unbeaufsichtigt", "0,5 Tage")),
])
def test_the_workbook_names_the_booked_days_and_hatches_the_unattended_run(
        mixed: tuple[Plan, Knowledge], tmp_path: Path, lang: str,
        words: tuple[str, ...]) -> None:
    plan, knowledge = mixed
    write_workbook(plan, knowledge, tmp_path / "plan.xlsx", lang, today=date(2026, 11, 4))
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    outline = build_outline(plan, lang)
    ids = {r.step.id: r for r in outline.rows if r.step}
    sheet, gantt = book.worksheets[0], book.worksheets[1]
    timeline = build_context(plan, knowledge, lang, date(2026, 11, 4)).timeline
    hatched = 0
    for step_id in _batches(plan):
        row = ids[step_id]
        assert row.dated is not None
        cell = str(sheet.cell(HEADER_ROW + row.id, CONSULTANT_COLUMN).value)
        assert cell.startswith(row.dated.consultant) and all(w in cell for w in words), cell
        for part in row.dated.booked:
            assert part.start.strftime("%d.%m." if lang == "de" else "%-d %b") in cell
        run = row.dated.unattended_run()
        assert run is not None
        gantt_row = next(r for r in range(1, gantt.max_row + 1)
                         if gantt.cell(r, 1).value == row.id)
        booked = {i for b in row.dated.booked for i in timeline.span(b.start, b.end)}
        for i in timeline.span(row.dated.start, row.dated.end):
            fill = gantt.cell(gantt_row, LEFT + 1 + i).fill.fill_type
            # a column holding a set-up or completion day is solid; the run is hatched
            assert fill == ("solid" if i in booked else "lightUp"), (step_id, i)
            hatched += i not in booked
    assert hatched


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_reports_assumptions_say_when_batches_complete_only_where_batches_move(
        mixed: tuple[Plan, Knowledge], lang: str) -> None:
    from dataclasses import replace

    from planner.core.report.assumptions import planning_table
    from planner.core.report.wording import load_wording

    plan, knowledge = mixed
    words = load_wording(lang)

    def row(p: Plan) -> list[str]:
        return [r.cells[1] for r in planning_table(p, knowledge, words).rows
                if r.cells[0] == words("a_complete_moves")]

    assert row(plan) == [words("a_complete_moves_any")]
    window = replace(plan, settings=replace(plan.settings, complete_moves_in_window=True))
    assert row(window) == [words("a_complete_moves_window")]
    no_moves = replace(plan, proposal=replace(plan.proposal, steps=tuple(
        s for s in plan.proposal.steps if not s.unattended)))
    assert row(no_moves) == []


@pytest.mark.parametrize("sample", ["legacy", "mixed-powershell"])
def test_every_batch_of_a_sample_books_exactly_its_set_up_and_completion(sample: str) -> None:
    from tests.sample_plans import sample_plan

    plan = sample_plan(sample)
    batches = [s for s in plan.proposal.steps if s.unattended]
    assert batches  # the 2013 removal moves unattended too
    for step in batches:
        dated = plan.schedule.for_step(step.id)
        assert dated is not None and dated.consultant
        assert sum(b.days for b in dated.booked) == step.consultant_days < step.duration_days
        assert dated.booked[0].start == dated.start and dated.booked[-1].end == dated.end
