"""The management summary and the risk register are derived from the plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest

from planner.core.calendar import build_calendar
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.plan import Pause, Plan
from planner.core.report import management
from planner.core.report.context import build_context
from planner.core.report.risk_register import plan_risks
from planner.core.report.step_order import numbered_steps
from planner.core.report.wording import Wording, load_wording
from planner.pipeline import knowledge_for, make_plan
from tests.sample_plans import QUICK, estate_plan, sample_files, sample_inputs
from tests.sample_plans import sample_plan as bundled_plan


def test_actions_list_the_pause_request_and_name_owners(plan_de: Plan) -> None:
    pause = plan_de.schedule.pauses[0]
    plan = replace(plan_de, as_of=pause.start)
    words = load_wording("de")
    rows = management.action_table(plan, words).rows
    assert rows and all(r.cells[0] and r.cells[2] for r in rows)
    request = next(r for r in rows if "Durchsetzungspause" in r.cells[1])
    assert request.cells[0] == words.date(pause.start)
    assert request.cells[2] == "Kunde (Exchange-Online-Administrator)"


def test_the_pause_request_carries_the_exact_command() -> None:
    plan = bundled_plan("small")  # planned as the CLI does: the pause is a customer step
    pause = plan.schedule.pauses[0]
    rows = management.action_table(replace(plan, as_of=pause.start), load_wording("en")).rows
    request = next(r for r in rows if r.detail)
    assert request.detail.startswith("New-TenantExemptionInfo")
    assert request.detail.endswith(f"-NumberOfDays {pause.days}")
    assert request.cells[2] == "Customer's Exchange Online administrator"


def _due_day(cell: str, words: Wording, today: date) -> date:
    """The day a "due" cell stands for: "now" is the as-of date."""
    if cell == words("due_now"):
        return today
    return datetime.strptime(cell, "%d.%m.%Y" if words.lang == "de" else "%d %b %Y").date()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_what_is_already_due_reads_now_and_the_lists_run_by_date(lang: str) -> None:
    plan = bundled_plan("mixed")
    pause = plan.schedule.pauses[0]
    today = pause.start + timedelta(days=2)  # the pause request is two days overdue
    plan = replace(plan, as_of=today)
    words = load_wording(lang)
    actions = management.action_table(plan, words).rows
    request = next(r for r in actions if r.detail)
    assert request.cells[0] == words("due_now")
    days = [_due_day(r.cells[0], words, today) for r in actions]
    assert days == sorted(days) and min(days) >= today
    decisions = management.decision_table(plan, words).rows
    days = [_due_day(r.cells[1], words, today) for r in decisions]
    assert days == sorted(days) and min(days) >= today


def test_decisions_carry_the_day_the_plan_needs_them() -> None:
    """The new servers' hardware or VMs are due the lead time (knowledge data) before the
    first provisioning step starts, on a working day; not the day before the install that
    waits for Windows Server, when the provisioning itself had long begun."""
    plan = bundled_plan("mixed")
    words = load_wording("de")
    rows = management.decision_table(plan, words).rows
    texts = [r.cells[0] for r in rows]
    assert any(t.startswith("2 neue Windows-Server") for t in texts), texts
    provision = [n for n in numbered_steps(plan) if n.step.kind == "provision_server"]
    lead = load_knowledge().fact("decision.provision_server.lead_days").value
    due = min(n.dated.start for n in provision if n.dated) - timedelta(days=lead)
    while due.weekday() >= 5:  # management decides on a working day
        due -= timedelta(days=1)
    row = next(r for r in rows if r.cells[0].startswith("2 neue Windows-Server"))
    today = plan.as_of or plan.settings.start
    assert row.cells[1] == (words.date(due) if due >= today else words("due_now"))
    assert row.cells[2] == ", ".join(str(n.number) for n in provision)
    if plan.schedule.pauses:
        assert any("Durchsetzungspause" in t and "freigeben" in t for t in texts)
        # a pause's approval names its request step's number, as every decision does
        requests = {n.step.id: n.number for n in numbered_steps(plan) if n.step.kind == "pause"}
        pause_rows = [r for r in rows if "Durchsetzungspause" in r.cells[0]]
        assert pause_rows and all(r.cells[2] in {str(v) for v in requests.values()}
                                  for r in pause_rows)


def test_effort_adds_up_per_person_and_for_the_customer() -> None:
    plan = bundled_plan("mixed")
    words = load_wording("en")
    rows = {r.cells[0]: r.cells[1] for r in management.effort_table(plan, words).rows}
    dated = {s.step_id: s for s in plan.schedule.steps}
    moves = [s for s in plan.proposal.steps if s.unattended]
    assert moves, "the mixed sample moves mailboxes"
    for consultant in plan.settings.consultants:
        mine = [s for s in plan.proposal.steps
                if s.id in dated and dated[s.id].consultant == consultant.name]
        # a move batch books its set-up and completion, not the days it runs on its own
        days = sum(s.duration_days if not s.unattended else
                   s.setup_days + s.completion_days for s in mine)
        if days:
            shown = f"{days:g}"
            assert rows[consultant.name] == f"{shown} day" + ("s" if shown != "1" else "")
    own = [s for s in plan.proposal.steps if not s.needs_consultant and not s.milestone
           and s.id in dated and not dated[s.id].consultant]
    customer = sum(s.duration_days for s in own if not s.owner)
    assert rows["Customer"] == f"{customer} days"
    # a task the customer's SAP team or Exchange Online administrator does is their row, as
    # the workbook's Responsible column names them; the consultants' days and the customer's
    # own are added up apart (one total of both had read as what the consultants cost)
    assert rows["SAP Basis"] == "1 day"
    assert rows["Customer's Exchange Online administrator"] == "1 day"
    names = {c.name for c in plan.settings.consultants}
    consultants = sum(float(v.split()[0]) for k, v in rows.items() if k in names)
    assert rows["Consultants together"] == f"{consultants:g} days"
    own = sum(float(v.split()[0]) for k, v in rows.items()
              if k not in names and not k.endswith("together"))
    assert rows["Your team together"] == f"{own:g} days"
    assert "Total" not in rows


def test_pause_reserve_counts_used_planned_and_left(plan_de: Plan,
                                                    knowledge: Knowledge) -> None:
    plan = replace(plan_de, settings=replace(plan_de.settings, pause_days_used={2026: 30}))
    rows = management.pause_reserve_table(plan, knowledge, load_wording("de")).rows
    year = next(r for r in rows if r.cells[0] == "2026")
    planned = sum(p.days for p in plan.schedule.pauses if p.start.year == 2026)
    allowed = knowledge.policy.pause_max_days_per_year
    assert year.cells[1:] == ("30", str(planned), str(allowed), str(allowed - 30 - planned))


def test_a_cutover_without_float_before_the_pause_ends_is_a_risk(knowledge: Knowledge) -> None:
    base = bundled_plan("mixed")
    judged = {e.server for e in base.schedule.exposure}
    item = next(n for n in numbered_steps(base)
                if set(n.step.exits_exo_view) & judged and n.dated)
    assert item.dated is not None
    end = item.dated.end
    pause = Pause(end - timedelta(days=9), end + timedelta(days=1), 11)
    plan = replace(base, schedule=replace(base.schedule, pauses=(pause,)))
    risks = plan_risks(plan, knowledge, load_wording("de"))
    tight = [r for r in risks if "vor dem Ende der Durchsetzungspause" in r.title]
    assert tight and tight[0].source == f"Nr. {item.number}" and tight[0].impact == "high"


def test_customer_tasks_on_the_critical_path_and_relay_clients_are_risks(
        knowledge: Knowledge) -> None:
    plan = bundled_plan("mixed")
    risks = plan_risks(plan, knowledge, load_wording("en"))
    titles = " ".join(r.title for r in risks)
    assert "is on the critical path" in titles
    # of the three listed clients only SAP ERP leaves its server (the scanner's and PRTG's
    # servers are upgraded in place): the count is the plan's re-point steps'
    assert "One known relay client (device or application) must be re-pointed" in titles
    assert all(r.owner and r.mitigation and r.source for r in risks)


def test_import_findings_go_to_the_appendix(knowledge: Knowledge) -> None:
    plan = bundled_plan("mixed-messy-de")
    ctx = build_context(plan, knowledge, "de")
    assert ctx.findings.rows
    assert any(r.source == "Anhang" for r in plan_risks(plan, knowledge, load_wording("de")))
    assert all("Spalten" not in r.cells[1] for r in ctx.risks.rows)


@cache
def _planned_on_sunday(sample: str) -> Plan:
    """A bundled sample planned as the CLI does, as of and from Sunday 6 December 2026."""
    inputs = sample_inputs(sample)
    sunday = date(2026, 12, 6)
    settings = replace(inputs.settings, as_of=sunday, start=sunday, solver_time_limit_s=QUICK)
    return make_plan(inputs.estate, inputs.findings, settings, knowledge=knowledge_for(settings))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_blocked_days_the_solver_proves_unavoidable_are_not_a_risk_to_avoid(
        knowledge: Knowledge, lang: str) -> None:
    # small sample planned on a Sunday: the edge server is blocked that day, before a pause
    # can be requested on Monday; the plan is proven best, yet the register asked to check
    # whether a pause, earlier dates or another consultant avoid the day. (Planned on the
    # day the suite runs, the test passed on weekends only: on a weekday the pause starts
    # at once and nothing is blocked.)
    words = load_wording(lang)
    plan = _planned_on_sunday("small")
    obj = plan.schedule.objective
    assert obj.blocked_days and obj.status == "optimal"
    blocked = [r for r in plan_risks(plan, knowledge, words) if r.source == words("src_schedule")]
    assert [r.mitigation for r in blocked] == [words("mit_blocked_unavoidable")]
    assert blocked[0].title == words.plural("risk_blocked_unavoidable", obj.blocked_days)
    found_only = replace(plan, schedule=replace(plan.schedule, objective=replace(
        obj, status="feasible")))
    blocked = [r for r in plan_risks(found_only, knowledge, words)
               if r.source == words("src_schedule")]
    assert [r.mitigation for r in blocked] == [words("mit_more_consultants")]


ALPENGLAS = Path(__file__).resolve().parents[2] / "estates" / "alpenglas"


@pytest.mark.parametrize("files", [sample_files("mixed"), sample_files("small"),
                                   (ALPENGLAS / "inventory.xlsx",)],
                         ids=["mixed", "small", "alpenglas"])
def test_a_decision_is_due_on_a_working_day(files: tuple[Path, ...]) -> None:
    """A review read "Provide 3 new Windows servers: due Sunday 24 Jan" (Alpenglas, the day
    before a Monday's setup): a deadline is the last weekday before, no public holiday."""
    plan = estate_plan(files, QUICK)
    words = load_wording("en")
    calendar = build_calendar(plan.settings, plan.estate)
    today = plan.as_of or plan.settings.start
    for row in management.decision_table(plan, words).rows:
        day = _due_day(row.cells[1], words, today)
        if day > today:
            assert day.weekday() < 5 and calendar.holiday_name(day) is None, row.cells
