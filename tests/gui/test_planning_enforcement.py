"""The enforcement view: strips per judged server, the pause budget and the pause commands."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtGui import QGuiApplication

import planner.gui.replanning as document_module
from planner.core.knowledge import load_knowledge
from planner.core.pause_policy import budget_years, pause_script
from planner.core.plan import Pause, Phase, Step
from planner.gui.views.enforcement import EnforcementView
from planner.gui.views.planning_edits import submit_settings
from tests.gui.planning_fixtures import base_settings, fake_document, make_plan, small_estate


def test_budget_splits_a_pause_across_new_year_and_counts_used_days():
    settings = replace(base_settings(), pause_days_used={2026: 20},
                       fixed_pauses=((date(2026, 12, 22), 20),))
    plan = make_plan(small_estate(), (), settings)
    years = {y.year: y for y in budget_years(plan, 90)}
    assert (years[2026].used, years[2026].planned, years[2026].left) == (20, 10, 60)
    assert (years[2027].used, years[2027].planned, years[2027].left) == (0, 10, 80)


def test_the_gauge_the_report_and_the_workbook_show_one_budget(tmp_path):
    """Every year from start to finish, with the same days: one budget, three edges."""
    import openpyxl

    from planner.core.export.xlsx import write_workbook
    from planner.core.report.management import pause_reserve_table
    from planner.core.report.wording import load_wording
    from planner.pipeline import knowledge_for

    settings = replace(base_settings(), pause_days_used={2025: 5, 2026: 20},
                       fixed_pauses=((date(2026, 12, 22), 20),))
    plan = make_plan(small_estate(), (), settings)
    budget = budget_years(plan, 90)
    assert [y.year for y in budget][:3] == [2025, 2026, 2027]
    knowledge = knowledge_for(plan.settings)
    table = pause_reserve_table(plan, knowledge, load_wording("en"))
    assert [(r.cells[0], r.cells[-1]) for r in table.rows] == [
        (str(y.year), str(y.remaining)) for y in budget]
    write_workbook(plan, knowledge, tmp_path / "p.xlsx", "en")
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx")["Enforcement"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    years = [str(y.year) for y in budget]
    cells = [[v for v in r if v is not None] for r in rows]  # merged cells read as None
    shown = [(r[0], r[-1]) for r in cells if r and r[0] in years]
    assert shown == [(str(y.year), y.remaining) for y in budget]


def test_over_budget_is_flagged():
    settings = replace(base_settings(), pause_days_used={2026: 80},
                       fixed_pauses=((date(2026, 6, 1), 30),))
    year = budget_years(make_plan(small_estate(), (), settings), 90)[0]
    assert year.over and year.left == 0


def test_commands_fill_in_the_days_and_the_day_to_run_them():
    plan = make_plan(small_estate(), (), base_settings())
    base = load_knowledge().policy
    # every command of the script is knowledge data: an override changes the script
    policy = replace(base, pause_cmdlet="New-TenantExemptionInfo -BlockingScenario X "
                     "-NumberOfDays <n>", pause_connect_cmdlet="Connect-Tenant -Y",
                     pause_check_cmdlet="Get-Pause -Z")

    def script(p, lang="en", pol=policy):
        return pause_script(p, pol, lang)

    text = script(plan)
    assert text.splitlines()[0] == "Connect-Tenant -Y" and text.splitlines()[-1] == "Get-Pause -Z"
    assert "New-TenantExemptionInfo -BlockingScenario X -NumberOfDays 30" in text
    assert "run on 9 Mar 2026" in text  # the language's date format, as everywhere
    assert "Pause 1: am 09.03.2026 ausführen" in script(plan, "de")
    shipped = script(plan, pol=base)  # the shipped knowledge's commands
    assert shipped.startswith(base.pause_connect_cmdlet) and "Get-TenantExemptionInfo" in shipped
    none = replace(plan, schedule=replace(plan.schedule, pauses=()))
    assert "needs no enforcement pause" in script(none)
    # a pause needed now (its step due on its day) says to run it then
    request = Step(id="pause:1", title_en="Request", title_de="Beantragen", kind="pause",
                   phase=Phase.HYBRID, target="tenant", duration_days=1,
                   rule="enforcement_pause", why_en="", why_de="", deadline=date(2026, 3, 4))
    now = replace(plan, proposal=replace(plan.proposal, steps=(*plan.proposal.steps, request)))
    assert "Pause 1: needed now, run on 4 Mar 2026;" in script(now)
    assert "sofort nötig, am 04.03.2026 ausführen" in script(now, "de")
    assert Pause  # the record the commands are made from


def test_view_shows_servers_objective_and_copies_commands(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = EnforcementView(doc)
    qtbot.addWidget(view)
    assert [r.server for r in view.strips.rows] == ["EX01", "EX02"]
    assert "proven optimal" in view.objective.text()
    view.copy.click()
    assert "-NumberOfDays 30" in QGuiApplication.clipboard().text()


def test_a_settings_edit_replans_and_undo_restores(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = EnforcementView(doc)
    qtbot.addWidget(view)
    submit_settings(doc, "No pause", lambda s: replace(s, fixed_pauses=()))
    assert "needs no enforcement pause" in view.commands.toPlainText()
    assert view.gauge.years[0].planned == 0
    doc.undo_stack.undo()
    assert view.gauge.years[0].planned == 30


def test_note_calls_an_assumed_first_detection_an_estimate_and_names_passing_servers(
        qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = EnforcementView(doc)
    qtbot.addWidget(view)
    assert view.note_text(doc.plan) == ""  # both dates come from the settings
    ex01, _ex02 = doc.plan.schedule.exposure
    estimated = replace(ex01, first_detected_source="baseline")
    schedule = replace(doc.plan.schedule, exposure=(estimated,))
    note = view.note_text(replace(doc.plan, schedule=schedule))
    assert "First detection of EX01 is an estimate" in note
    assert "Get-OnPremServerReportInfo" in note
    assert "Not shown: EX02, at or above" in note


def test_view_opens_with_the_state_today(qtbot, monkeypatch):
    from planner.core.plan import ServerToday

    doc = fake_document(monkeypatch)
    view = EnforcementView(doc)
    qtbot.addWidget(view)
    state = ServerToday("EX01", 7, "block", date(2026, 12, 3), 8, "block", date(2026, 12, 13),
                        "red", date(2026, 9, 14), date(2027, 3, 1))
    plan = replace(doc.plan, as_of=date(2026, 12, 4), today=(state,))
    monkeypatch.setattr(type(doc), "plan", property(lambda _self: plan))
    view.refresh()
    assert not view.today_group.isHidden()
    assert "4 Dec 2026" in view.today_group.title()
    text = view.today.text()
    assert "EX01" in text and "Stage 7 since 3 Dec 2026" in text and "550 5.7.230" in text


def test_one_click_applies_the_baseline_exchange_online_implies(qtbot, monkeypatch):
    from planner.core.plan import BaselineEvidence, ServerToday

    doc = fake_document(monkeypatch)
    view = EnforcementView(doc)
    qtbot.addWidget(view)
    state = ServerToday("EX01", 2, "throttle", date(2026, 11, 30), 3, "throttle",
                        date(2026, 12, 10), "amber", date(2026, 10, 31), date(2027, 1, 15))
    # EX01's row recommends SE only (no override of its own); EX02's names a CU23 build.
    evidence = (BaselineEvidence("EX01", "15.1.2507.61", "baseline.2016.CU23", "",
                                 "judged_compliant", ("15.2.2562.46",), "no_build_of_product"),
                BaselineEvidence("EX02", "15.1.2507.61", "baseline.2016.CU23", "15.1.2507.63",
                                 "judged_compliant", ("15.1.2507.63",)))
    plan = replace(doc.plan, as_of=date(2026, 12, 4), today=(state,),
                   baseline_evidence=evidence)
    monkeypatch.setattr(type(doc), "plan", property(lambda _self: plan))
    view.refresh()
    assert not view.apply_baseline.isHidden()
    assert 'baseline.2016.CU23 = "15.1.2507.63"' in view.apply_baseline.text()
    view.apply_baseline.click()
    assert doc.settings.policy_overrides["baseline.2016.CU23"] == "15.1.2507.63"


def test_no_button_and_no_empty_override_without_a_build_to_apply(qtbot, monkeypatch):
    from planner.core.plan import BaselineEvidence

    doc = fake_document(monkeypatch)
    view = EnforcementView(doc)
    qtbot.addWidget(view)
    evidence = BaselineEvidence("EX01", "15.1.2507.61", "baseline.2016.CU23", "",
                                "judged_compliant", ("15.2.2562.46",), "no_build_of_product")
    plan = replace(doc.plan, as_of=date(2026, 12, 4), baseline_evidence=(evidence,))
    monkeypatch.setattr(type(doc), "plan", property(lambda _self: plan))
    view.refresh()
    assert view.apply_baseline.isHidden()
    view.apply_reported_baseline()
    assert "baseline.2016.CU23" not in doc.settings.policy_overrides


def test_applying_a_bad_baseline_says_which_key_and_changes_nothing(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from planner.core.plan import BaselineEvidence

    doc = fake_document(monkeypatch)
    view = EnforcementView(doc)
    qtbot.addWidget(view)
    evidence = BaselineEvidence("EX01", "15.1.2507.61", "baseline.2016.CU23", "15.2.2562.46",
                                "judged_compliant", ("15.2.2562.46",))
    plan = replace(doc.plan, baseline_evidence=(evidence,))
    monkeypatch.setattr(type(doc), "plan", property(lambda _self: plan))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    before = dict(doc.settings.policy_overrides)
    view.apply_reported_baseline()
    assert doc.settings.policy_overrides == before
    assert len(shown) == 1 and "baseline.2016.CU23" in shown[0]


def test_strips_start_at_first_detection_with_the_history_hatched(qtbot, monkeypatch):
    # A server Exchange Online detected in 2024 shows its past stages, not only the plan's.
    def detected_2024(*args, **kwargs):
        plan = make_plan(*args, **kwargs)
        ex01, *rest = plan.schedule.exposure
        early = replace(ex01, first_detected=date(2024, 3, 28),
                        first_detected_source="exo_report")
        return replace(plan, schedule=replace(plan.schedule, exposure=(early, *rest)))

    doc = fake_document(monkeypatch)
    monkeypatch.setattr(document_module, "make_plan", detected_2024)
    doc.replan()
    view = EnforcementView(doc)
    qtbot.addWidget(view)
    strips = view.strips
    assert strips.first == date(2024, 3, 28)
    assert strips.history_before == doc.plan.counted_from == doc.plan.settings.start
    row = next(r for r in strips.rows if r.server == "EX01")
    runs = strips.runs(row)
    history = [r for r in runs if r[3]]
    assert history[0][1] == date(2024, 3, 28) and history[0][0] == "report"
    assert history[-1][2] < doc.plan.settings.start and history[-1][0] == "block"
    assert all(r[1] >= doc.plan.settings.start for r in runs if not r[3])
    view.resize(900, 600)
    view.grab()  # paints the hatched history without error


def test_the_axis_names_months_in_the_interface_language(qtbot, monkeypatch, qapp):
    """'Dez. 2026', not '12/26'; a long history shows every few months, never overlapping."""
    from itertools import pairwise

    from planner.gui.i18n import install_translators

    doc = fake_document(monkeypatch)
    view = EnforcementView(doc)
    qtbot.addWidget(view)
    view.resize(900, 600)
    install_translators(qapp, "de")
    try:
        labels = view.strips.axis_labels(room=60)
        assert labels and all("/" not in text for _x, text in labels)
        assert any(text.startswith(("Jan", "Feb", "Mär", "Dez", "Nov", "Okt")) and "20" in text
                   for _x, text in labels)
        xs = [x for x, _text in labels]
        assert all(b - a >= 60 for a, b in pairwise(xs))
        for width in range(500, 1000, 7):  # no label runs off the strip's right edge
            view.strips.resize(width, view.strips.height())
            assert all(x + 50 <= width for x, _text in view.strips.axis_labels(room=60))
    finally:
        install_translators(qapp, "en")


def test_days_the_plan_counts_before_its_work_starts_are_not_hatched(qtbot, monkeypatch):
    """Planned today for work that starts later, the plan counts from today (a pause is
    requested now): those days are the plan's, not history (they were hatched as "before
    the plan start" while the report counted them)."""
    def planned_today(*args, **kwargs):
        plan = make_plan(*args, **kwargs)
        return replace(plan, as_of=plan.settings.start - timedelta(days=27))

    doc = fake_document(monkeypatch)
    monkeypatch.setattr(document_module, "make_plan", planned_today)
    doc.replan()
    view = EnforcementView(doc)
    qtbot.addWidget(view)
    today = doc.plan.settings.start - timedelta(days=27)
    assert doc.plan.counted_from == today
    assert view.strips.history_before == today
    for row in view.strips.rows:
        assert all(first >= today for _, first, _, past in view.strips.runs(row) if not past)
        assert all(last < today for _, _, last, past in view.strips.runs(row) if past)
