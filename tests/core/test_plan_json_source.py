"""The plan JSON carries each step's source like every other deliverable: the rule's name
and the document it rests on, in the plan's language."""

from __future__ import annotations

from planner.core.knowledge import load_knowledge
from planner.core.plan_json import plan_to_plain
from tests.sample_plans import sample_plan


def test_every_step_in_the_plan_json_names_its_rule_and_document() -> None:
    plan = sample_plan("mixed")
    steps = plan_to_plain(plan, load_knowledge())["steps"]
    assert steps and all(s["source"] for s in steps), [s["id"] for s in steps if not s["source"]]
    arbitration = next(s for s in steps if s["kind"] == "arbitration_moves")
    assert "OfficeDocs-Exchange" in arbitration["source"]
    assert all(s["rule"] not in s["source"] for s in steps)  # the rule's name, not its id
