"""The state today: stage on the as-of date, since when, and what follows."""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from planner.core.catalogue import catalogue
from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate, ExoReport, Server
from planner.core.plan import Exposure, Pause, Plan
from planner.core.plan_json import plan_to_plain
from planner.core.report.html import render_report_html
from planner.core.resources import resource_path
from planner.core.today import server_today
from planner.pipeline import make_plan
from tests.core.scheduler.builders import settings


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The shipped knowledge base."""
    return load_knowledge()


DETECTED = date(2026, 9, 14)


def test_partially_blocked_since_the_stage_began(knowledge: Knowledge) -> None:
    exposure = Exposure("EX01", DETECTED, date(2027, 3, 1), ())
    today = server_today(exposure, (), knowledge.policy, date(2026, 12, 4))
    # 81 days after detection: stage 7 (days 80-90), blocked 20 minutes per hour.
    assert (today.stage, today.kind, today.rating) == (7, "block", "red")
    assert today.since == DETECTED + timedelta(days=80)
    assert (today.next_stage, today.next_date) == (8, DETECTED + timedelta(days=90))


def test_a_pause_freezes_the_clock_and_says_when_it_resumes(knowledge: Knowledge) -> None:
    exposure = Exposure("EX01", DETECTED, None, ())
    pause = Pause(date(2026, 12, 1), date(2026, 12, 30), 30)
    today = server_today(exposure, (pause,), knowledge.policy, date(2026, 12, 4))
    assert (today.kind, today.since, today.rating) == ("paused", pause.start, "amber")
    assert today.next_date == pause.end + timedelta(days=1) and today.next_kind == "block"


def test_before_detection_and_after_cutover(knowledge: Knowledge) -> None:
    exposure = Exposure("EX01", DETECTED, date(2026, 11, 1), ())
    before = server_today(exposure, (), knowledge.policy, date(2026, 9, 1))
    assert (before.stage, before.kind, before.next_date) == (0, "none", DETECTED)
    gone = server_today(exposure, (), knowledge.policy, date(2026, 12, 4))
    assert (gone.kind, gone.since, gone.rating) == ("gone", date(2026, 11, 2), "green")


def test_the_plan_records_its_as_of_date_and_each_servers_state(knowledge: Knowledge) -> None:
    report = ExoReport("ex01.contoso.com", "15.1.2507.39", date(2024, 3, 28))
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),), exo_reports=(report,))
    plan = make_plan(estate, (), settings(as_of=date(2026, 11, 20)), knowledge=knowledge)
    data = plan_to_plain(plan, knowledge)
    assert data["as_of"] == "2026-11-20"
    (today,) = data["today"]
    assert today["server"] == "EX01" and today["kind"] == "block" and today["stage"] == 8
    assert today["since"] == (date(2024, 3, 28) + timedelta(days=90)).isoformat()
    assert today["rating"] == "red"
    # A start before the as-of date is a warning.
    late = make_plan(estate, (), settings(as_of=date(2026, 12, 10)), knowledge=knowledge)
    assert "PLAN-START-BEFORE-AS-OF" in {f.code for f in late.findings}
    assert "PLAN-START-BEFORE-AS-OF" not in {f.code for f in plan.findings}


def _blocked_plan(knowledge: Knowledge, lang: str) -> Plan:
    report = ExoReport("ex01.contoso.com", "15.1.2507.39", date(2026, 9, 14))
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),), exo_reports=(report,))
    return make_plan(estate, (), settings(as_of=date(2026, 12, 4), start=date(2026, 12, 7),
                                          language=lang), knowledge=knowledge)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Stage 7 since 3 Dec 2026: Blocked 20 minutes per hour (550 5.7.230)"),
    ("de", "Stufe 7 seit 03.12.2026: Blockiert, 20 Minuten pro Stunde (550 5.7.230)"),
])
def test_the_report_summary_opens_with_the_state_today(
        knowledge: Knowledge, lang: str, expected: str) -> None:
    html = render_report_html(_blocked_plan(knowledge, lang), knowledge, lang)
    chapter = html.index('class="chapter"')
    assert html.index(expected) > chapter
    assert html.index(expected) < html.index("<p>", chapter)  # before the first paragraph
    row = html[html.rindex("<tr>", 0, html.index(expected)):html.index(expected)]
    assert 'class="bad' in row  # red: mail is being rejected


def test_every_exo_text_exists_in_both_languages_with_the_same_fields() -> None:
    def flat(table: dict[str, object], prefix: str = "") -> dict[str, str]:
        out: dict[str, str] = {}
        for key, value in table.items():
            if isinstance(value, dict):
                out.update(flat(value, f"{prefix}{key}."))
            else:
                out[f"{prefix}{key}"] = str(value)
        return out

    en, de = (flat(tomllib.loads(resource_path("text", lang, "exo.toml").read_text("utf-8")))
              for lang in ("en", "de"))
    assert set(en) == set(de)
    for key, text in en.items():
        assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", de[key])), key


def test_the_excel_enforcement_sheet_shows_the_state_today(
        knowledge: Knowledge, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_workbook(_blocked_plan(knowledge, "en"), knowledge, path, "en")
    book = openpyxl.load_workbook(path)
    sheet = next(s for s in book.worksheets if "nforcement" in s.title)
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert "The state today (4 Dec 2026)" in cells
    assert "Stage 7 since 3 Dec 2026: Blocked 20 minutes per hour (550 5.7.230)" in cells


def test_the_summary_names_the_current_stage_not_an_older_one(knowledge: Knowledge) -> None:
    html = render_report_html(_blocked_plan(knowledge, "en"), knowledge, "en")
    assert "EX01 is already in enforcement stage 7" in html
    assert "since 3 Dec 2026" in html
    assert "it is throttled since" not in html


def test_a_pause_the_plan_proposes_is_not_the_state_today(knowledge: Knowledge) -> None:
    # Blocked since 2024 with pause budget left: the plan proposes a pause from today, but
    # until the customer runs it, the mail is being rejected and stays so if nothing is done.
    report = ExoReport("ex01.contoso.com", "15.1.2507.39", date(2024, 3, 28))
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),), exo_reports=(report,))
    plan = make_plan(estate, (), settings(as_of=date(2026, 12, 1)), knowledge=knowledge)
    assert plan.schedule.pauses and plan.schedule.pauses[0].start <= date(2026, 12, 1)
    (today,) = plan.today
    assert (today.kind, today.rating, today.next_date) == ("block", "red", None)
    # A pause the consultant recorded as running is the tenant's state.
    running = make_plan(estate, (), settings(start=date(2026, 11, 30), as_of=date(2026, 12, 1),
                                             fixed_pauses=((date(2026, 11, 30), 10),)),
                        knowledge=knowledge)
    (held,) = running.today
    assert (held.kind, held.rating, held.next_date) == ("paused", "amber", date(2026, 12, 10))


@pytest.mark.parametrize(("lang", "said", "not_said"), [
    ("en", "has been blocked completely since 26 Jun 2024", "is blocked completely from"),
    ("de", "seit dem 26.06.2024 vollständig blockiert", "ab dem 26.06.2024"),
])
def test_a_blocking_date_in_the_past_is_told_in_the_past_tense(
        knowledge: Knowledge, lang: str, said: str, not_said: str) -> None:
    report = ExoReport("ex01.contoso.com", "15.1.2507.39", date(2024, 3, 28))
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),), exo_reports=(report,))
    plan = make_plan(estate, (), settings(as_of=date(2026, 12, 1), language=lang),
                     knowledge=knowledge)
    html = render_report_html(plan, knowledge, lang)
    assert said in html and not_said not in html


def test_a_future_blocking_date_stays_in_the_future_tense(knowledge: Knowledge) -> None:
    html = render_report_html(_blocked_plan(knowledge, "en"), knowledge, "en")
    assert "blocked completely from 13 Dec 2026" in html


@pytest.mark.parametrize("kind", ["throttle", "block"])
def test_the_no_float_warning_reads_as_a_sentence_in_german(kind: str) -> None:
    words = catalogue("de")
    harm = words(f"exo.today.kind_lower.{kind}")
    text = words("exo.pause_step.no_float", server="EX01", step="Umstellung", n=1,
                 end=date(2027, 1, 15), kind=harm)
    assert f"werden {harm};" in text and f"bedeutet {harm}" not in text
