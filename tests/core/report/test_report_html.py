"""The report's HTML: facts a manager relies on, both languages, escaping, figure sizes."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.core.catalogue import catalogue
from planner.core.explanation import Message, Reason, message
from planner.core.knowledge import Knowledge
from planner.core.plan import Plan
from planner.core.report.context import build_context
from planner.core.report.estate_figure import estate_figures
from planner.core.report.figure import (
    FIGURE_WIDTH,
    MAX_FIGURE_HEIGHT,
    Label,
    Segment,
    figure_to_svg,
    fit_text,
    text_width,
)
from planner.core.report.gantt import ROWS_PER_PART, gantt_figures
from planner.core.report.html import render_report_html
from planner.core.report.step_order import numbered_steps
from planner.core.report.timeline import stage_bands, timeline_figures
from planner.core.report.wording import load_wording
from planner.core.vocabulary import PATHS
from tests.core.report.report_fixtures import HOSTILE, empty_plan, large_plan
from tests.sample_plans import sample_plan as bundled_plan

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_hostile_server_name_is_text_not_markup(plan_de: Plan, knowledge: Knowledge) -> None:
    html = render_report_html(plan_de, knowledge, "de")
    assert HOSTILE not in html
    assert "<script" not in html.lower()
    assert ESCAPED in html


def test_german_summary_states_the_deadline_and_the_plan(plan_de: Plan,
                                                        knowledge: Knowledge) -> None:
    html = render_report_html(plan_de, knowledge, "de")
    # EX16-01 was first detected on 07.09.2026: throttled after 30 days, fully blocked after 90.
    assert "Ohne Maßnahmen drosselt Exchange Online E-Mails von EX16-01 ab dem 07.10.2026" in html
    assert "ab dem 06.12.2026 vollständig" in html
    assert "Nach diesem Plan endet die Durchsetzung gegen EX19-01 am 02.11.2026" in html
    assert "Contoso GmbH" in html and "Beispiel Consulting AG" in html
    assert "Management-Zusammenfassung" in html and "Seite" not in html


def test_english_report_uses_english_words_and_dates(plan_en: Plan, knowledge: Knowledge) -> None:
    html = render_report_html(plan_en, knowledge, "en")
    assert ("If nothing is done, Exchange Online starts throttling mail from EX16-01 on 7 Oct 2026"
            in html)
    assert "Executive summary" in html
    assert "Management-Zusammenfassung" not in html


def test_sources_chapter_lists_facts_with_as_of_dates(plan_de: Plan, knowledge: Knowledge) -> None:
    ctx = build_context(plan_de, knowledge, "de")
    names = [row.cells[0] for row in ctx.facts.rows]
    assert "Supportende Exchange Server 2016" in names
    assert all(re.fullmatch(r"\d\d\.\d\d\.\d{4}", row.cells[3]) for row in ctx.facts.rows)
    assert len(ctx.stages.rows) == len(knowledge.policy.stages)


def test_steps_are_numbered_by_phase_then_date(plan_de: Plan) -> None:
    items = numbered_steps(plan_de)
    assert len({i.number for i in items}) == len(items) == len(plan_de.proposal.steps)
    assert [i.number for i in items] == sorted(i.number for i in items)
    phases = [i.step.phase for i in items]
    assert phases == sorted(phases, key=list(type(phases[0])).index)


def test_long_gantt_is_split_with_the_task_column_on_every_part(plan_de: Plan) -> None:
    figures = gantt_figures(plan_de, load_wording("de"))
    assert len(figures) == 2  # 43 steps plus phase headings
    for fig in figures:
        assert fig.height <= MAX_FIGURE_HEIGHT and fig.width == FIGURE_WIDTH
        labels = [i for i in fig.items if getattr(i, "text", "")[:1].isdigit()]
        assert 0 < len(labels) <= ROWS_PER_PART


def test_large_estate_overview_is_split_instead_of_overflowing() -> None:
    figures = estate_figures(large_plan(80), load_wording("en"))
    assert len(figures) >= 2
    assert all(f.height <= MAX_FIGURE_HEIGHT for f in figures)
    svg = "".join(figure_to_svg(f) for f in figures)
    # the hostile name is escaped (cut to its box: "<" and ">" are wide in DejaVu Sans)
    assert "MBX079" in svg and "&lt;script&gt;alert(1)" in svg and "<script" not in svg


def test_pause_shows_in_the_enforcement_bands(plan_de: Plan, knowledge: Knowledge) -> None:
    exposure = next(e for e in plan_de.schedule.exposure if e.server == "EX16-01")
    bands = stage_bands(exposure, plan_de, knowledge)
    paused = [b for b in bands if b.kind == "paused"]
    assert paused and paused[0].start == date(2026, 11, 10) and paused[0].end == date(2026, 11, 29)
    assert bands[-1].end == date(2026, 12, 20)  # stops at the cutover


def test_empty_plan_still_renders(knowledge: Knowledge) -> None:
    html = render_report_html(empty_plan(), knowledge, "en")
    assert "Leer AG" in html and "Executive summary" in html


def _with_exposure(plan: Plan, keep: set[str], source: str = "") -> Plan:
    exposure = tuple(replace(e, first_detected_source=source or e.first_detected_source)
                     for e in plan.schedule.exposure if e.server in keep)
    return replace(plan, schedule=replace(plan.schedule, exposure=exposure))


def test_an_assumed_first_detection_is_called_an_estimate(plan_de: Plan,
                                                          knowledge: Knowledge) -> None:
    plan = _with_exposure(plan_de, {"EX16-01", "EX19-01", "EDGE01"}, source="baseline")
    ctx = build_context(plan, knowledge, "de")
    summary = " ".join(ctx.summary)
    assert ("drosselt Exchange Online E-Mails von EX16-01 voraussichtlich ab dem 07.10.2026"
            in summary)
    assert "ist geschätzt" not in summary  # three servers: the plural sentence
    assert "sind geschätzt" in summary and "Get-OnPremServerReportInfo" in summary
    assert ctx.deadlines.rows[0].cells[1] == "07.09.2026 (geschätzt)"


def test_a_reported_first_detection_is_stated_as_fact(plan_en: Plan, knowledge: Knowledge) -> None:
    plan = _with_exposure(plan_en, {"EX16-01", "EX19-01", "EDGE01"}, source="exo_report")
    ctx = build_context(plan, knowledge, "en")
    assert "estimate" not in " ".join(ctx.summary)
    assert all("estimated" not in row.cells[1] for row in ctx.deadlines.rows)


def test_judged_servers_that_pass_the_baseline_are_explained(plan_en: Plan,
                                                            knowledge: Knowledge) -> None:
    # EDGE01 is judged but has no exposure: it meets the minimum version today.
    plan = _with_exposure(plan_en, {"EX16-01", "EX19-01"})
    ctx = build_context(plan, knowledge, "en")
    summary = " ".join(ctx.summary)
    assert "Exchange Online checks the version of 3 servers" in summary
    assert "EDGE01 currently meets the minimum version" in summary
    assert "no date announced" in summary  # when that may change
    assert [row.cells[0] for row in ctx.deadlines.rows] == ["EX16-01", "EX19-01"]
    assert ctx.deadlines_note.startswith("Not listed: EDGE01")
    assert "Not listed: EDGE01" in render_report_html(plan, knowledge, "en")


def test_a_server_of_unknown_version_is_not_called_out_of_support(plan_en: Plan,
                                                                   knowledge: Knowledge) -> None:
    # The summary must not claim Microsoft stopped updating a server whose version is unknown.
    first = plan_en.proposal.servers[0]
    servers = (replace(first, product="", supported=False), *plan_en.proposal.servers[1:])
    plan = replace(plan_en, proposal=replace(plan_en.proposal, servers=servers))
    html = render_report_html(plan, knowledge, "en")
    summary = html[html.index("Executive summary"):html.index("Key figures")]
    assert f"does not show which version {first.name} runs" in summary
    updates = re.search(r"[^.]*no longer receives? security updates[^.]*\.", summary)
    assert updates is None or first.name not in updates.group(0)


def _quality(plan: Plan, knowledge: Knowledge, lang: str, **objective: object) -> str:
    obj = replace(plan.schedule.objective, **objective)  # type: ignore[arg-type]
    ctx = build_context(replace(plan, schedule=replace(plan.schedule, objective=obj)),
                        knowledge, lang)
    label = load_wording(lang)("k_status")
    return next(r.cells[1] for r in ctx.key_figures.rows if r.cells[0] == label)


def test_schedule_quality_is_said_in_a_managers_words(plan_de: Plan, plan_en: Plan,
                                                      knowledge: Knowledge) -> None:
    # The key figures once said "optimal", the solver's word, with no gap or reason.
    assert _quality(plan_de, knowledge, "de", status="optimal") == "nachweislich bester Plan"
    assert _quality(plan_en, knowledge, "en", status="optimal") == "proven best possible plan"
    feasible = _quality(plan_en, knowledge, "en", status="feasible", gap=0.123)
    assert feasible.startswith("good plan, not proven best") and "12%" in feasible
    german = _quality(plan_de, knowledge, "de", status="feasible", gap=0.123)
    assert "höchstens 12\u00a0% vom" in german  # each language's percent sign and space
    # what is open, in figures a manager knows (a PMO read "at most 76 % from the best
    # possible" on a plan whose pause days were open, 25 against a floor of 6)
    pause = _quality(plan_en, knowledge, "en", status="feasible", gap=0.76, blocked_days=0,
                     throttled_days=0, pause_days=25, floor=(0, 0, 6))
    assert pause == "good plan, not proven best: 25 pause days, no plan with fewer than 6"
    blocked = _quality(plan_de, knowledge, "de", status="feasible", gap=0.5, blocked_days=8,
                       throttled_days=0, pause_days=90, floor=(4, 0, 0))
    assert blocked.endswith("an 8 Tagen blockierte Mail, kein Plan an weniger als 4")
    start = plan_en.settings.start
    finish = _quality(plan_en, knowledge, "en", status="feasible", gap=0.07, blocked_days=0,
                      throttled_days=0, pause_days=25, floor=(0, 0, 25),
                      finish=start + timedelta(days=100))
    assert finish.endswith("a plan might finish at most 7 days sooner")
    infeasible = _quality(plan_de, knowledge, "de", status="infeasible",
                          reason_de="Die Frist liegt vor dem Planstart.")
    assert "Die Frist liegt vor dem Planstart." in infeasible


def test_path_labels_in_server_boxes_are_not_cut(plan_de: Plan) -> None:
    # "Erst CU-Update, dann direktes Up…" was cut inside the box; the legend keeps the long text.
    for lang, plan in (("de", plan_de), ("en", large_plan(80))):
        words = load_wording(lang)
        short = {words(term.short_key) for term in PATHS.values()}
        labels = [i for f in estate_figures(plan, words) for i in f.items
                  if isinstance(i, Label) and i.text in short and i.h == 10]  # not the legend
        assert labels
        narrowest = min(labels, key=lambda i: i.w)
        for text in short:
            assert fit_text(text, narrowest.w, narrowest.size) == text
    words = load_wording("de")
    texts = {i.text for f in estate_figures(plan_de, words) for i in f.items
             if isinstance(i, Label)}
    for term in PATHS.values():
        if words(term.short_key) in texts:
            assert words(term.label_key) in texts  # the legend's long form


def test_a_reason_shared_by_consecutive_steps_of_one_target_is_printed_once(
        plan_de: Plan, knowledge: Knowledge) -> None:
    # Exchange 2013 steps repeated the same long paragraph on every step of the step list;
    # only their last detail differs. Reasons are compared as data (keys and fields).
    rule = message("rules.exchange2013_removal.reason", server="EX13", count=1)
    common = catalogue("de").render(rule)

    def own(step_id: str) -> Message:
        return message("steps.milestone.servers_today", servers=[step_id])

    steps = tuple(replace(s, reason=Reason.of("exchange2013_removal", rule, [own(s.id)]))
                  for s in plan_de.proposal.steps)
    plan = replace(plan_de, proposal=replace(plan_de.proposal, steps=steps))
    order = numbered_steps(plan)
    later = [b for a, b in itertools.pairwise(order) if a.step.target == b.step.target]
    assert later
    rows = {r.cells[0]: r for s in build_context(plan, knowledge, "de").phases
            for r in s.table.rows}
    for b in later:
        detail = rows[str(b.number)].detail
        assert detail.startswith("Begründung wie bei Schritt ") and common not in detail
        assert detail.endswith(f"(siehe oben); hier: Exchange-2016/2019-Server heute: "
                               f"{b.step.id}.")
    assert rows[str(order[0].number)].detail == \
        f"{common} Exchange-2016/2019-Server heute: {order[0].step.id}."
    same = tuple(replace(s, reason=Reason.of("exchange2013_removal", rule))
                 for s in plan_de.proposal.steps)
    plan = replace(plan_de, proposal=replace(plan_de.proposal, steps=same))
    rows = {r.cells[0]: r for s in build_context(plan, knowledge, "de").phases
            for r in s.table.rows}
    assert rows[str(later[0].number)].detail.startswith("Begründung: siehe oben (Schritt ")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_section_is_numbered_without_gaps(knowledge: Knowledge, lang: str) -> None:
    """Sections count within their chapter (1.1, 1.2, …), also when one is left out."""
    for plan in (bundled_plan("mixed"), empty_plan()):
        html = render_report_html(plan, knowledge, lang)
        chapters = re.split(r'<h1 class="chapter">', html)[1:]
        for body in chapters:
            number = re.match(r"(\d+)&nbsp;", body)
            headings = re.findall(r"<h2>([^<]*)</h2>", body)
            if number is None:  # the appendix stands outside the numbering
                assert not headings
                continue
            expected = [f"{number.group(1)}.{i}&nbsp;" for i in range(1, len(headings) + 1)]
            assert [h[:len(e)] for h, e in zip(headings, expected, strict=True)] == expected
        assert len(re.findall("<h2>", html)) >= 3


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_enforcement_timeline_explains_every_mark_in_its_legend(
        lang: str, knowledge: Knowledge) -> None:
    """The dashed line on the stage strips (the plan's start; history before it) was drawn
    without a word in the legend; every legend entry fits the figure without overlapping."""
    words = load_wording(lang)
    plan = bundled_plan("small")
    figures = timeline_figures(plan, knowledge, words)
    assert figures
    for fig in figures:
        dashed = [i for i in fig.items if isinstance(i, Segment) and i.dashed]
        labels = [i for i in fig.items if isinstance(i, Label) and i.size == 6.0]
        texts = [i.text for i in labels]
        assert dashed
        assert words("legend_plan_start", date=words.date(plan.settings.start)) in texts
        for a, b in itertools.pairwise(labels):
            assert a.x + text_width(a.text, 6.0) <= b.x or b.y > a.y  # side by side or wrapped
        assert all(i.x + text_width(i.text, 6.0) <= FIGURE_WIDTH for i in labels)
        assert all(i.y + i.h <= fig.height for i in labels)
