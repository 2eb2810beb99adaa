"""Exchange Online's report is the truth: its dates stand, and the plan counts from them."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.build_lifecycle import below_baseline
from planner.core.builds import identify
from planner.core.enforcement import Detection, daily_stages, first_detection, timeline
from planner.core.exo_view import (
    baseline_evidence,
    evidence_findings,
    implied_overrides,
    knowledge_findings,
    report_findings,
)
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate, ExoReport, Server
from planner.core.scheduler import schedule
from planner.core.settings import Decisions, Settings
from planner.pipeline import make_plan
from tests.core.scheduler.builders import make_step, proposal, settings


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The shipped knowledge base."""
    return load_knowledge()


def _estate(report: ExoReport) -> Estate:
    return Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", build="15.1.2507.39"),),
                  exo_reports=(report,))


def test_a_2024_detection_is_blocked_from_the_plan_start_on(knowledge: Knowledge) -> None:
    estate = _estate(ExoReport("ex01.contoso.com", first_detected=date(2024, 3, 28)))
    steps = proposal(make_step("move", 5, exits=("EX01",)))
    spent = settings(pause_days_used={2026: 90, 2027: 90})  # no pause left to soften it
    plan = schedule(steps, estate, spent, Decisions(), knowledge)
    (exposure,) = plan.exposure
    assert exposure.first_detected == date(2024, 3, 28)
    assert exposure.first_detected_source == "exo_report"
    blocked = exposure.days_in_stage[7]  # stage 8: all mail blocked
    assert exposure.cutover is not None
    span = (exposure.cutover - date(2026, 12, 1)).days + 1
    assert blocked == span >= 5 and sum(exposure.days_in_stage) == blocked
    assert plan.objective.blocked_days == blocked
    # With budget left, every plan day is blocked or paused: never "reported only".
    (exposure,) = schedule(steps, estate, settings(), Decisions(), knowledge).exposure
    assert exposure.days_in_stage[7] + exposure.paused_days == span
    assert sum(exposure.days_in_stage[:7]) == 0


def test_the_reports_blocking_date_wins_over_the_stage_table(knowledge: Knowledge) -> None:
    detected, blocking = date(2026, 9, 14), date(2026, 10, 14)  # blocked after 30 days, not 60
    estate = _estate(ExoReport("ex01.contoso.com", first_detected=detected,
                               block_date=blocking))
    found = first_detection("EX01", estate, Settings(), knowledge)
    assert found and found.day == detected and _begins(found, knowledge)[5] == blocking
    (warning,) = report_findings(estate, Settings(), knowledge)
    assert warning.code == "EXO-REPORT-CLOCK" and warning.target == "server:EX01"
    assert "14.10.2026" in warning.message("de") and "14 Oct 2026" in warning.message("en")
    steps = proposal(make_step("move", 5, exits=("EX01",)))
    plan = schedule(steps, estate, settings(start=date(2026, 10, 20)), Decisions(), knowledge)
    (exposure,) = plan.exposure
    strip = daily_stages(exposure, (), knowledge.policy, date(2026, 10, 20))
    assert next(d.day for d in strip if d.kind == "block") == blocking
    assert strip[0].day == detected  # the strip still starts at first detection


def test_dates_that_agree_with_the_table_give_no_finding(knowledge: Knowledge) -> None:
    detected = date(2026, 9, 14)
    estate = _estate(ExoReport("ex01.contoso.com", first_detected=detected,
                               throttle_date=detected + timedelta(days=30),
                               block_date=detected + timedelta(days=61)))
    assert report_findings(estate, Settings(), knowledge) == ()
    found = first_detection("EX01", estate, Settings(), knowledge)
    assert found and found.anchors == ()  # the stage table as it stands


def _judged_2016(recommended: tuple[str, ...]) -> Estate:
    report = ExoReport("ex01.contoso.com", "15.1.2507.61", date(2026, 9, 14),
                       recommended_builds=recommended)
    return Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", build="15.1.2507.61"),),
                  exo_reports=(report,))


def test_a_judged_compliant_build_moves_the_baseline(knowledge: Knowledge) -> None:
    estate = _judged_2016(("15.1.2507.66", "15.2.2562.46"))  # a newer CU23 update passes
    evidence = baseline_evidence(estate, Settings(), knowledge, date(2026, 12, 4))
    assert [(e.server, e.key, e.value) for e in evidence] == [
        ("EX01", "baseline.2016.CU23", "15.1.2507.66")]
    (warning,) = evidence_findings(evidence)
    assert warning.code == "EXO-BASELINE-MOVED" and warning.severity.value == "warning"
    assert "15.1.2507.61" in warning.message("en")
    # the override in words, never its settings key
    assert "Exchange 2016 CU23 auf 15.1.2507.66" in warning.message("de")
    assert "baseline.2016" not in warning.message("de") + warning.message("en")
    # Applying the override makes knowledge base and report agree: no evidence is left.
    agreed = load_knowledge(implied_overrides(evidence))
    assert baseline_evidence(estate, Settings(), agreed, date(2026, 12, 4)) == ()
    assert below_baseline(identify("15.1.2507.61", agreed), date(2026, 12, 4), agreed)


def _rows(*rows: tuple[str, str, tuple[str, ...]]) -> Estate:
    """Servers with Exchange Online report rows: (name, build, recommended builds)."""
    return Estate(
        servers=tuple(Server(n, fqdn=f"{n.lower()}.contoso.com", build=b) for n, b, _ in rows),
        exo_reports=tuple(ExoReport(f"{n.lower()}.contoso.com", b, date(2026, 9, 14),
                                    recommended_builds=r) for n, b, r in rows))


@pytest.mark.parametrize("order", [1, -1])  # whichever row comes first
def test_a_row_recommending_only_se_does_not_drop_another_rows_build(
        knowledge: Knowledge, order: int) -> None:
    rows = [("EX01", "15.1.2507.61", ("15.2.2562.46", "15.02.2562.046")),  # SE only
            ("EX02", "15.1.2507.61", ("15.1.2507.63", "15.2.2562.46")),
            ("EX03", "15.1.2507.61", ("15.1.2507.66",))]
    estate = _rows(*rows[::order])
    evidence = baseline_evidence(estate, Settings(), knowledge, date(2026, 12, 4))
    # Per product, the oldest build any row recommends; SE builds are not 2016 builds.
    assert {e.server: e.value for e in evidence} == {
        "EX01": "15.1.2507.63", "EX02": "15.1.2507.63", "EX03": "15.1.2507.63"}
    assert implied_overrides(evidence) == {"baseline.2016.CU23": "15.1.2507.63"}
    agreed = load_knowledge(implied_overrides(evidence))
    assert baseline_evidence(estate, Settings(), agreed, date(2026, 12, 4)) == ()


@pytest.mark.parametrize(("recommended", "why_en", "why_de"), [
    (("15.2.2562.46", "15.02.2562.046"),  # every row: SE only
     "no row of the report recommends a build of Exchange 2016",
     "Keine Zeile des Berichts empfiehlt einen Build von Exchange 2016"),
    (("15.1.2507.39", "15.2.2562.46"),  # only an older 2016 build: the report contradicts itself
     "recommends no build of Exchange 2016 newer than 15.1.2507.61",
     "keinen Build von Exchange 2016, der neuer als 15.1.2507.61 ist"),
])
def test_no_override_is_proposed_without_a_build_of_the_product(
        knowledge: Knowledge, recommended: tuple[str, ...], why_en: str, why_de: str) -> None:
    estate = _rows(("EX01", "15.1.2507.61", recommended), ("EX02", "15.1.2507.61", recommended))
    evidence = baseline_evidence(estate, Settings(), knowledge, date(2026, 12, 4))
    assert [e.server for e in evidence] == ["EX01", "EX02"]
    assert implied_overrides(evidence) == {}  # never `baseline.2016.CU23 = ""`
    warning = evidence_findings(evidence)[0]
    assert warning.code == "EXO-BASELINE-MOVED" and warning.target == "server:EX01"
    why = {f.name: f.value for f in warning.fields}["why"]
    assert why.key.startswith("exo.finding.why_")  # the reason is a field, not prose
    assert why_en in warning.message("en") and why_de in warning.message("de")
    assert '= ""' not in warning.message("en") and "{" not in warning.message("de")


def test_recommending_a_line_the_baseline_excludes_is_evidence(knowledge: Knowledge) -> None:
    report = ExoReport("ex02.contoso.com", "15.2.1544.14", date(2026, 9, 14),
                       recommended_builds=("15.2.1544.36", "15.2.1748.39"))
    estate = Estate(servers=(Server("EX02", fqdn="ex02.contoso.com", build="15.2.1544.14"),),
                    exo_reports=(report,))
    evidence = baseline_evidence(estate, Settings(), knowledge, date(2026, 12, 4))
    assert implied_overrides(evidence) == {"baseline.2019.CU14": "15.2.1544.36"}


def test_a_report_that_agrees_gives_no_evidence(knowledge: Knowledge) -> None:
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", build="15.1.2507.39"),),
                    exo_reports=(ExoReport("ex01.contoso.com", "15.1.2507.39",
                                           recommended_builds=("15.1.2507.61",)),))
    assert baseline_evidence(estate, Settings(), knowledge, date(2026, 12, 4)) == ()


def test_the_cli_prints_the_implied_override_as_toml(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inventory = tmp_path / "servers.csv"
    inventory.write_text("Name,FQDN,Roles,Build\nEX01,ex01.contoso.com,Mailbox,15.1.2507.61\n"
                         "EX02,ex02.contoso.com,Mailbox,15.1.2507.61\n",
                         encoding="utf-8")
    report = tmp_path / "Get-OnPremServerReportInfo.csv"
    report.write_text(
        '"ServerFQDN","Build","FirstDetectedDate","RecommendedBuildVersions"\n'
        '"ex01.contoso.com","15.1.2507.61","9/14/2026 12:00:00 AM","{15.2.2562.46}"\n'
        '"ex02.contoso.com","15.1.2507.61","9/14/2026 12:00:00 AM",'
        '"{15.1.2507.63, 15.2.2562.46}"\n',
        encoding="utf-8")
    settings = tmp_path / "settings.toml"
    settings.write_text("[project]\nstart = 2026-12-07\nas_of = 2026-12-04\n"
                        "solver_time_limit_s = 2\n", encoding="utf-8")
    assert main(["plan", str(inventory), str(report), "--settings", str(settings)]) == 0
    out = capsys.readouterr().out
    toml = out[out.index("[enforcement.overrides]"):]
    assert tomllib.loads(toml) == {"enforcement": {"overrides": {"baseline.2016.CU23":
                                                                 "15.1.2507.63"}}}


def test_the_reports_update_level_is_more_precise_than_admin_display_version(
        knowledge: Knowledge) -> None:
    server = Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                    build="Version 15.1 (Build 2507.6)")  # CU23: the update level unknown
    report = ExoReport("ex01.contoso.com", "15.1.2507.61", date(2026, 9, 14))
    plan = make_plan(Estate(servers=(server,), exo_reports=(report,)), (),
                     settings(as_of=date(2026, 12, 1)), knowledge=knowledge)
    (assessed,) = plan.proposal.servers
    assert (assessed.build, assessed.release) == ("15.1.2507.61", "CU23 Oct25SU")
    assert plan.estate.servers[0] is server  # the plan stays current for its inputs
    (note,) = [f for f in plan.findings if f.code == "BUILD-FROM-EXO-REPORT"]
    assert "15.1.2507.61" in note.message("en") and note.target == "server:EX01"


def test_a_plan_made_with_older_knowledge_says_so(knowledge: Knowledge) -> None:
    estate = Estate(servers=(Server("EX01", roles=("Mailbox",), build="15.2.2562.17"),))
    plan = make_plan(estate, (), settings(), knowledge=knowledge)
    assert plan.knowledge_id == knowledge.fingerprint and knowledge_findings(plan, knowledge) == ()
    older = replace(plan, knowledge_as_of=date(2026, 1, 5), knowledge_id="earlier")
    (note,) = knowledge_findings(older, knowledge)
    assert note.code == "PLAN-KNOWLEDGE-OLDER" and "Re-plan" in note.message("en")
    assert "05.01.2026" in note.message("de")
    # Changed the same day (a second list imported): the date cannot tell, the fingerprint can.
    (same_day,) = knowledge_findings(replace(plan, knowledge_id="earlier"), knowledge)
    assert "other knowledge" in same_day.message("en") and "{" not in same_day.message("de")
    # A plan saved by an older version has no fingerprint: its date decides.
    assert knowledge_findings(replace(plan, knowledge_id=""), knowledge) == ()
    assert knowledge_findings(replace(older, knowledge_id=""), knowledge)
    assert knowledge_findings(None, knowledge) == ()


def test_the_fingerprint_follows_what_the_knowledge_says(knowledge: Knowledge) -> None:
    assert load_knowledge().fingerprint == knowledge.fingerprint != ""
    assert load_knowledge({"policy.start": "2026-09-14"}).fingerprint != knowledge.fingerprint


DETECTED = date(2026, 9, 14)


def _begins(found: Detection, knowledge: Knowledge) -> dict[int, date | None]:
    """The first day of each stage on the server's timeline (None: it skips the stage)."""
    stages = timeline(knowledge.policy, found.anchors)
    return {s.number: None if (n := stages.begins(s.number)) is None
            else found.day + timedelta(days=n) for s in knowledge.policy.stages}


@pytest.mark.parametrize(("report", "whats", "begins"), [
    # throttled 20 days after detection instead of 30: the throttle date wins, and the
    # stages the report does not date follow the table from it
    (ExoReport("ex01.contoso.com", first_detected=DETECTED, throttle_date=date(2026, 10, 4)),
     ["throttling enabled"], {1: DETECTED, 2: date(2026, 10, 4), 5: date(2026, 11, 3)}),
    # blocking agrees with the table from detection, throttling does not: each date wins for
    # its stage (blocking is 10 days early by the table from the throttle date), the throttle
    # stages between run by the table from the throttle date until blocking
    (ExoReport("ex01.contoso.com", first_detected=DETECTED, throttle_date=date(2026, 10, 24),
               block_date=DETECTED + timedelta(days=60)),
     ["throttling enabled", "blocking enabled"],
     {2: date(2026, 10, 24), 3: date(2026, 11, 3), 4: None, 5: DETECTED + timedelta(days=60)}),
    # both 10 days late: blocking follows from the throttle date by the table, one finding
    (ExoReport("ex01.contoso.com", first_detected=DETECTED, throttle_date=date(2026, 10, 24),
               block_date=date(2026, 11, 23)),
     ["throttling enabled"],
     {1: DETECTED, 2: date(2026, 10, 24), 4: date(2026, 11, 13), 5: date(2026, 11, 23)}),
    # only the next stage disagrees: blocking from day 45, where the table blocks from day 60
    (ExoReport("ex01.contoso.com", first_detected=DETECTED, next_block_rate="5",
               next_throttle_rate="30", next_stage_date=DETECTED + timedelta(days=45)),
     ["next stage starts"], {2: DETECTED + timedelta(days=30), 4: None,
                             5: DETECTED + timedelta(days=45)}),
])
def test_every_reported_stage_date_is_checked_and_the_report_wins(
        knowledge: Knowledge, report: ExoReport, whats: list[str],
        begins: dict[int, date | None]) -> None:
    estate = _estate(report)
    found = first_detection("EX01", estate, Settings(), knowledge)
    assert found is not None and found.day == DETECTED
    assert {n: d for n, d in _begins(found, knowledge).items() if n in begins} == begins
    warnings = report_findings(estate, Settings(), knowledge)
    assert [w.code for w in warnings] == ["EXO-REPORT-CLOCK"] * len(whats)
    for warning, what in zip(warnings, whats, strict=True):
        assert what in warning.message("en") and "server:" not in warning.message("en")
        assert warning.message("de") and "{" not in warning.message("de")


def test_a_next_stage_that_agrees_with_the_table_gives_no_finding(knowledge: Knowledge) -> None:
    estate = _estate(ExoReport("ex01.contoso.com", first_detected=DETECTED,
                               next_throttle_rate="10", next_stage_date=DETECTED
                               + timedelta(days=40)))
    assert report_findings(estate, Settings(), knowledge) == ()
    found = first_detection("EX01", estate, Settings(), knowledge)
    assert found is not None and found.anchors == ()


def test_the_reports_throttle_date_moves_the_planned_stages(knowledge: Knowledge) -> None:
    """Throttled from 04.10. by the report: the plan's strip throttles from that day."""
    throttled = date(2026, 10, 4)
    estate = _estate(ExoReport("ex01.contoso.com", first_detected=DETECTED,
                               throttle_date=throttled))
    steps = proposal(make_step("move", 5, exits=("EX01",)))
    plan = schedule(steps, estate, settings(start=date(2026, 10, 20)), Decisions(), knowledge)
    (exposure,) = plan.exposure
    strip = daily_stages(exposure, (), knowledge.policy, date(2026, 10, 20))
    assert next(d.day for d in strip if d.kind == "throttle") == throttled


def test_a_build_the_report_lists_in_two_notations_is_named_once(knowledge: Knowledge) -> None:
    """``{15.2.2562.46, 15.02.2562.046}`` is one build: the warning names it once."""
    estate = _judged_2016(("15.2.2562.46", "15.02.2562.046", "15.1.2507.66"))
    (warning,) = evidence_findings(baseline_evidence(estate, Settings(), knowledge,
                                                     date(2026, 12, 4)))
    for lang in ("en", "de"):
        text = warning.message(lang)
        assert "15.02.2562.046" not in text and text.count("15.2.2562.46") == 1, text


def test_a_date_that_contradicts_the_reports_earlier_stages_is_named_and_ignored(
        knowledge: Knowledge) -> None:
    """Blocking on 01.11. but throttling only from 14.11.: the report contradicts itself;
    throttling (the earlier stage) stands, blocking follows the table from it, and the
    finding says which date the plan ignores."""
    estate = _estate(ExoReport("ex01.contoso.com", first_detected=DETECTED,
                               throttle_date=date(2026, 11, 14), block_date=date(2026, 11, 1)))
    found = first_detection("EX01", estate, Settings(), knowledge)
    assert found is not None
    begins = _begins(found, knowledge)
    assert (begins[2], begins[5]) == (date(2026, 11, 14), date(2026, 12, 14))
    warnings = report_findings(estate, Settings(), knowledge)
    assert len(warnings) == 2
    ignored = warnings[1].message("en")
    assert "contradicts" in ignored and "1 Nov 2026" in ignored
    assert "widerspricht" in warnings[1].message("de") and "01.11.2026" in warnings[1].message("de")
