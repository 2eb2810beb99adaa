"""Public holidays the customer works: the plan may use them, and says which they are.

The holidays package knows every public holiday of a region, also those only a state's
agencies keep (Texas: Confederate Memorial Day, Cesar Chavez Day); a customer who works
them named them in ``[calendar] working_holidays`` and the plan kept off them all the same.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planner.core.plan import Plan
from planner.core.report.assumptions import planning_table
from planner.core.report.wording import load_wording
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, make_plan
from tests.sample_plans import sample_inputs

EASTER_MONDAY = date(2027, 3, 29)  # a holiday in Hamburg, the small sample's region


def _pinned_start(worked: tuple[str, ...]) -> tuple[date, Plan]:
    inputs = sample_inputs("small")
    settings = replace(inputs.settings, working_holidays=worked, solver_time_limit_s=0.0)
    decisions = Decisions(pins={"postcheck:FAB-DAG01": EASTER_MONDAY})
    plan = make_plan(inputs.estate, inputs.findings, settings, decisions)
    return {s.step_id: s.start for s in plan.schedule.steps}["postcheck:FAB-DAG01"], plan


def test_a_step_may_fall_on_a_holiday_the_customer_works() -> None:
    kept, _ = _pinned_start(())
    assert kept == date(2027, 3, 30)  # a pin on a holiday moves to the next working day
    worked, plan = _pinned_start(("Ostermontag",))
    assert worked == EASTER_MONDAY
    rows = planning_table(plan, knowledge_for(plan.settings), load_wording("en")).rows
    assert any("customer works" in str(r.cells[0]) and "Ostermontag" in str(r.cells[1])
               for r in rows)
