"""Links MS Project and the workbook leave out: only finish-to-start links the kept links
imply, so the network a PMO reads has the same dates with fewer arrows."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.implied_links import implied_links
from planner.core.outline import build_outline
from planner.core.plan import Dependency, Phase, Step
from tests.paths import SAMPLES
from tests.sample_plans import sample_plan

_TYPES = ("FS", "FS", "FS", "SS", "FF")


def _step(i: int, before: tuple[Dependency, ...]) -> Step:
    return Step(f"s{i}", f"s{i}", f"s{i}", "k", Phase.PREPARE, "org", 1, "r", "", "", before)


@st.composite
def _networks(draw: st.DrawFn) -> list[Step]:
    """Random acyclic networks: step i's predecessors come from steps before it."""
    count = draw(st.integers(1, 14))
    steps = []
    for i in range(count):
        preds = draw(st.lists(st.integers(0, max(i - 1, 0)), max_size=min(i, 5), unique=True))
        steps.append(_step(i, tuple(
            Dependency(f"s{p}", draw(st.sampled_from(_TYPES)), draw(st.sampled_from((0, 0, 2, -1))))
            for p in preds)))
    return draw(st.permutations(steps))  # any order in, as the rules give them


def _kept(steps: list[Step], implied: Mapping[str, frozenset[str]]) -> dict[str, set[str]]:
    """Each step's finish-to-start predecessors (lag 0 or more) that stay drawn."""
    return {s.id: {d.step_id for d in s.predecessors
                   if d.type == "FS" and d.lag_days >= 0
                   and d.step_id not in implied.get(s.id, frozenset())} for s in steps}


def _reaches(kept: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [goal]
    while todo:
        node = todo.pop()
        for pred in kept[node]:
            if pred == start:
                return True
            if pred not in seen:
                seen.add(pred)
                todo.append(pred)
    return False


@settings(max_examples=300, deadline=None)
@given(_networks())
def test_a_link_left_out_is_implied_by_a_chain_of_kept_finish_to_start_links(
        steps: list[Step]) -> None:
    implied = implied_links(steps)
    kept = _kept(steps, implied)
    for step in steps:
        for pred in implied.get(step.id, frozenset()):
            links = [d for d in step.predecessors if d.step_id == pred]
            assert any(d.type == "FS" and d.lag_days == 0 for d in links)
            assert _reaches(kept, pred, step.id), (pred, step.id)


def test_a_diamond_loses_only_its_shortcut() -> None:
    a = _step(0, ())
    b = _step(1, (Dependency("s0"),))
    c = _step(2, (Dependency("s0"), Dependency("s1")))
    lagged = _step(3, (Dependency("s0", "FS", 2), Dependency("s1")))
    started = _step(4, (Dependency("s0", "SS"), Dependency("s1")))
    assert implied_links([a, b, c, lagged, started]) == {"s2": frozenset({"s0"})}


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir() if p.is_dir()))
def test_every_samples_outline_keeps_every_predecessor_drawn_or_implied(name: str) -> None:
    plan = sample_plan(name)
    outline = build_outline(plan, "en")
    steps = list(plan.proposal.steps)
    rows = {r.step.id: r for r in outline.rows if r.step is not None}
    task_step = {task_id: step_id for step_id, task_id in outline.ids.items()}
    drawn = {s.id: {task_step[t] for t, _ in outline.links(rows[s.id])} for s in steps}
    kept = {s.id: {task_step[t] for t, d in outline.links(rows[s.id])
                   if d.type == "FS" and d.lag_days >= 0} for s in steps}
    for step in steps:
        for dep in step.predecessors:
            assert dep.step_id in drawn[step.id] or _reaches(kept, dep.step_id, step.id)
