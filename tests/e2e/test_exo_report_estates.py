"""Two customer estates whose Exchange Online report nobody on the team wrote the code for.

``exo-report-nordlicht``: PowerShell CSV exports, the report as CSV with every column and US
dates; one server first detected in 2024 (blocked since), one whose blocking date disagrees
with the stage table, one throttled today; one row recommends only SE builds, another a newer
2016 build. ``exo-report-alster``: UTF-16 exports, the report in ``Format-List`` form with
German dates, pause days already used, a year-end freeze. ``exo-report-wattenmeer``: CSV
with German dates, a throttle date without blocking date, a blocking date earlier than the
table, a server detected in 2024. What a consultant relies on: the
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
from planner.core.plan_json import plan_to_plain
from planner.core.report.summary import deadlines
from planner.core.report.timeline import stage_bands
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
    # throttled since 14.10.2026 by the report, so stage 4 from 03.11. by the table from
    # that day; the report's blocking date (13.12.2026) wins over the table's (13.11.2026)
    assert nordlicht["HH-EX16-02"] == (4, date(2026, 11, 3), 5, date(2026, 12, 13))
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


def _band_starts(plan: Plan, server: str) -> dict[str, date]:
    """The first day of each stage kind on the report's strip (PDF), history included."""
    exposure = {e.server: e for e in plan.schedule.exposure}[server]
    out: dict[str, date] = {}
    for band in stage_bands(exposure, plan, knowledge_for(plan.settings)):
        out.setdefault(band.kind, band.start)
    return out


def _sheet_strip(plan: Plan, tmp_path: Path, server: str) -> dict[tuple[str, str], str]:
    """The enforcement sheet's day-by-day strip for one server: (year, column label) -> the
    stage shown (history columns are months for an estate detected in 2024)."""
    path = tmp_path / "strip.xlsx"
    write_workbook(plan, knowledge_for(plan.settings), path, "en", today=plan.settings.as_of)
    rows = list(openpyxl.load_workbook(path)["Enforcement"].iter_rows(values_only=True))
    at = max(i for i, r in enumerate(rows) if r[0] == server)  # the strip is the last table
    labels = next(i for i in range(at, 0, -1) if rows[i][0] == "Server")
    out: dict[tuple[str, str], str] = {}
    year = ""
    for group, label, value in zip(rows[labels - 1][1:], rows[labels][1:], rows[at][1:],
                                   strict=False):
        year = str(group) if group else year
        if label and value:
            out[(year, str(label))] = str(value)
    return out


def test_each_reported_stage_date_wins_in_the_history_strips(tmp_path: Path) -> None:
    """HH-EX16-02 is throttled since 14.10.2026 by the report, blocked from 13.12.2026
    (30 days later than the table): the strips show throttling from 14.10., never "report
    only" after it, and the table's rhythm from the throttle date until the blocking date."""
    plan = _plan("exo-report-nordlicht")
    starts = _band_starts(plan, "HH-EX16-02")
    assert starts["report"] == date(2026, 9, 14) and starts["throttle"] == date(2026, 10, 14)
    strip = _sheet_strip(plan, tmp_path, "HH-EX16-02")
    # months before the plan start (the worst stage each): throttled in October from 14.10.
    # (stage 3 from 24.10.), stage 4 in November, by the table from 14.10. (one clock shifted
    # to the blocking date said report only in October and stage 2 in November)
    assert [strip[("2026", m)] for m in ("09", "10", "11")] == ["1", "3", "4"]


def test_an_unseen_report_is_followed_piece_by_piece(tmp_path: Path) -> None:
    """Wattenmeer (German dates): WM-EX16-01 throttled after 20 days and no blocking date
    (the table runs on from the throttle date); WM-EX19-01 blocked 40 days after detection
    where the table says 60 (throttled on day 30 as the table says); WM-EX13-01 detected in
    2024 and blocked ever since."""
    plan = _plan("exo-report-wattenmeer", no_pause=True)
    assert _today(plan) == {
        "WM-EX13-01": (8, date(2024, 5, 12), None, None),
        "WM-EX16-01": (8, date(2026, 11, 20), None, None),
        "WM-EX19-01": (6, date(2026, 12, 4), 7, date(2026, 12, 14)),
    }
    clock = sorted(f.target for f in plan.findings if f.code == "EXO-REPORT-CLOCK")
    assert clock == ["server:WM-EX16-01", "server:WM-EX19-01"]
    texts = {f.target: f.message("de") for f in plan.findings if f.code == "EXO-REPORT-CLOCK"}
    assert "24.11.2026" in texts["server:WM-EX19-01"] and "{" not in texts["server:WM-EX19-01"]
    # throttled from the report's 14.11., not from a clock shifted to the blocking date
    starts = _band_starts(plan, "WM-EX19-01")
    assert (starts["throttle"], starts["block"]) == (date(2026, 11, 14), date(2026, 11, 24))
    assert _band_starts(plan, "WM-EX16-01")["throttle"] == date(2026, 9, 21)
    # the summary's "if nothing is done" dates come from the same timeline
    rows = {d.server: d for d in deadlines(plan, knowledge_for(plan.settings))}
    assert rows["WM-EX19-01"].throttle_from == date(2026, 11, 14)
    assert rows["WM-EX19-01"].block_from == date(2026, 12, 24)  # stage 8: 30 days on
    assert rows["WM-EX16-01"].block_from == date(2026, 11, 20)
    # exposure and blocked days: every plan day of a server the report blocks is blocked
    for e in plan.schedule.exposure:
        assert e.cutover is not None and sum(e.days_in_stage[:4]) == 0, e
    blocked = sum(sum(e.days_in_stage[4:]) for e in plan.schedule.exposure)
    assert plan.schedule.objective.blocked_days == blocked > 0
    # the plan JSON names the stages the report dates where the table differs
    plain = {e["server"]: e for e in plan_to_plain(plan, knowledge_for(plan.settings))
             ["exposure"]}
    assert plain["WM-EX19-01"]["reported_stages"] == [{"stage": 5, "from": "2026-11-24"}]
    assert plain["WM-EX16-01"]["reported_stages"] == [{"stage": 2, "from": "2026-09-21"}]
    assert plain["WM-EX13-01"]["reported_stages"] == []
    strip = _sheet_strip(plan, tmp_path, "WM-EX19-01")
    assert [strip[("2026", m)] for m in ("10", "11")] == ["1", "5"]  # not throttled in October
