"""A server blocked today whose baseline update waits for the project's start is told that a
maintenance window before the start could take it (Mercy Valley, a review: blocked since
November, the project starting on 4 January, the update on the pause's last day, 9 January,
while the 12 December window was free)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from planner.core.plan import Plan
from planner.pipeline import load_inputs, make_plan

MERCY = Path(__file__).resolve().parents[1] / "estates" / "mercy-valley-health"


@pytest.fixture(scope="module")
def inputs():  # type: ignore[no-untyped-def]
    return load_inputs([MERCY / "inventory.xlsx"])


def _advice(plan: Plan) -> list[str]:
    return [f.message("en") for f in plan.findings if f.code == "EXO-UPDATE-BEFORE-START"]


def test_the_window_before_the_start_is_offered(inputs) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings)
    assert plan.as_of is not None and plan.as_of < plan.settings.start
    (text,) = _advice(plan)
    assert text.startswith("CMH-EX16-01 is already held back by Exchange Online today")
    assert "The maintenance window of 12 Dec 2026, before the start, could take it" in text
    de = next(f.message("de") for f in plan.findings if f.code == "EXO-UPDATE-BEFORE-START")
    assert "Das Wartungsfenster am 12.12.2026" in de and "würde" in de
    # a server only reported (CMH-EX16-02) is not harmed today: no advice for it
    assert not any(t.startswith("CMH-EX16-02") for t in _advice(plan))


def test_no_advice_when_the_project_starts_today(inputs) -> None:  # type: ignore[no-untyped-def]
    settings = replace(inputs.settings, start=date(2026, 12, 7))
    assert _advice(make_plan(inputs.estate, inputs.findings, settings)) == []


def test_no_advice_where_something_else_holds_the_update() -> None:
    """Ostsee's RS-EX16-02: blocked on the as-of date, its update on 16 January, weeks after
    the first window from the start (7 December): the start is not what holds it, so a
    window before the start would not end the enforcement sooner."""
    estate = Path(__file__).resolve().parents[1] / "estates" / "exo-report-ostsee"
    inputs = load_inputs(sorted(f for f in estate.iterdir() if f.suffix in (".xlsx", ".csv")),
                         settings_path=estate / "settings.toml")
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings)
    assert plan.as_of is not None and plan.as_of < plan.settings.start
    assert any(t.kind in ("throttle", "block") for t in plan.today)
    assert _advice(plan) == []
