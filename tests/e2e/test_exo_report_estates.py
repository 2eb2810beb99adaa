"""Two customer estates whose Exchange Online report nobody on the team wrote the code for.

``exo-report-nordlicht``: PowerShell CSV exports, the report as CSV with every column and US
dates; one server first detected in 2024 (blocked since), one whose blocking date disagrees
with the stage table, one throttled today; one row recommends only SE builds, another a newer
2016 build. ``exo-report-alster``: UTF-16 exports, the report in ``Format-List`` form with
German dates, pause days already used, a year-end freeze. What a consultant relies on: the
state today as the report says it, the baseline override it implies, blocked days from the
plan start for a server blocked since 2024, and the pause as a dated customer task on the
same day in every deliverable.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import openpyxl

from planner.core.calendar import build_calendar
from planner.core.exo_view import implied_overrides
from planner.core.export.xlsx import write_workbook
from planner.core.plan import Plan
from planner.core.report.summary import deadlines
from planner.pipeline import knowledge_for, load_inputs, make_plan

HERE = Path(__file__).resolve().parents[1] / "estates"


@cache
def _plan(name: str, no_pause: bool = False) -> Plan:
    folder = HERE / name
    files = sorted(p for p in folder.iterdir() if p.suffix in (".csv", ".txt"))
    inputs = load_inputs(files, settings_path=folder / "settings.toml")
    settings = replace(inputs.settings, solver_time_limit_s=3.0,
                       fixed_pauses=() if no_pause else inputs.settings.fixed_pauses)
    return make_plan(inputs.estate, inputs.findings, settings, knowledge=knowledge_for(settings))


def _today(plan: Plan) -> dict[str, tuple[int, date, int | None, date | None]]:
    return {t.server: (t.stage, t.since, t.next_stage, t.next_date) for t in plan.today}


def test_the_state_today_follows_the_reports_dates_in_us_and_german_notation() -> None:
    nordlicht = _today(_plan("exo-report-nordlicht"))
    assert nordlicht["HH-EX16-01"] == (8, date(2024, 6, 26), None, None)
    # the report's blocking date (13.12.2026) wins over the stage table's (13.11.2026)
    assert nordlicht["HH-EX16-02"] == (4, date(2026, 12, 3), 5, date(2026, 12, 13))
    assert nordlicht["KI-EX19-01"] == (3, date(2026, 11, 29), 4, date(2026, 12, 9))
    alster = _today(_plan("exo-report-alster"))
    assert alster["MS-EX16-01"] == (8, date(2024, 6, 26), None, None)
    assert alster["MS-EX19-01"] == (4, date(2026, 12, 9), 5, date(2026, 12, 19))


def test_the_report_that_disagrees_and_the_moved_baseline_are_findings() -> None:
    plan = _plan("exo-report-nordlicht")
    clock = [f.target for f in plan.findings if f.code == "EXO-REPORT-CLOCK"]
    assert len(clock) == 1 and clock[0].endswith("HH-EX16-02"), clock
    # the SE-only row says nothing about 2016; the other row recommends 2016 CU23 Jun26SU
    assert implied_overrides(plan.baseline_evidence) == {"baseline.2016.CU23": "15.1.2507.69"}


def test_a_server_blocked_since_2024_is_blocked_every_day_from_the_plan_start() -> None:
    plan = _plan("exo-report-nordlicht", no_pause=True)
    exposure = {e.server: e for e in plan.schedule.exposure}["HH-EX16-01"]
    start = plan.settings.start
    # every day from the plan start to the cutover day itself (mail flows again the day after)
    assert exposure.days_in_stage[7] == (exposure.cutover - start).days + 1 > 1
    assert sum(exposure.days_in_stage[:7]) == 0


def test_the_pause_is_a_customer_task_due_on_its_first_counted_day_in_every_deliverable(
        tmp_path: Path) -> None:
    for name in ("exo-report-nordlicht", "exo-report-alster"):
        plan = _plan(name)
        settings = plan.settings
        calendar = build_calendar(settings, plan.estate)
        assert plan.schedule.pauses, name
        for n, pause in enumerate(plan.schedule.pauses, start=1):
            assert calendar.is_working_day(pause.start), (name, pause)
            assert not any(f.start <= pause.start <= f.end for f in settings.freezes)
            step = plan.proposal.step(f"pause:{n}")
            assert step is not None and step.kind == "pause" and step.owner == "exo_admin"
            assert step.command.endswith(f"-NumberOfDays {pause.days}")
            # a server is already blocked: needed now, due on the pause's first counted day
            # (a working day, even for Nordlicht's Saturday as-of date), so that run as told
            # the command's days end on the plan's last pause day, which guards the cutover
            assert step.deadline == pause.start
            dated = plan.schedule.for_step(step.id)
            assert dated is not None and dated.start == pause.start
            assert dated.start + timedelta(days=pause.days - 1) == pause.end
        path = tmp_path / f"{name}.xlsx"
        write_workbook(plan, knowledge_for(settings), path, "en", today=settings.as_of)
        sheet = openpyxl.load_workbook(path)["Enforcement"]
        row = next([c for c in r if c is not None]
                   for r in sheet.iter_rows(values_only=True) if r[0] == "Pause 1")
        # Pause 1 | from | until | days | run on | command: run on the step's day, not later
        assert row[1].date() == plan.schedule.pauses[0].start
        assert row[4].date() == plan.schedule.pauses[0].start, (name, row)


def test_the_summary_says_throttled_since_the_reports_date_even_when_the_clock_moved() -> None:
    """HH-EX16-02: throttled 14.10.2026 by the report, blocking 13.12.2026 (60 days later
    where the table says 30: the report wins for the clock) — the customer's admin center
    shows throttling since 14.10., and so must the report's "if nothing is done" table."""
    plan = _plan("exo-report-nordlicht")
    rows = {d.server: d for d in deadlines(plan, knowledge_for(plan.settings))}
    assert rows["HH-EX16-02"].throttle_from == date(2026, 10, 14)
    assert rows["HH-EX16-01"].throttle_from == date(2024, 4, 27)
    assert rows["KI-EX19-01"].throttle_from == date(2026, 11, 19)
