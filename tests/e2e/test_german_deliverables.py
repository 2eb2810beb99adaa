"""Every sample's German report and the printed part of its German workbook read as German:
no English leftovers, no internal codes (``server:EX01``, ``site:``, snake_case keys,
true/false), German numbers. The English report carries no internal codes either."""

from __future__ import annotations

import html
import re
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.core.catalogue import catalogue
from planner.core.export.project_calendar import project_calendar
from planner.core.export.xlsx import build_context, write_workbook
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.report.html import render_report_html
from planner.core.step_source import step_source_text
from tests.paths import SAMPLES
from tests.sample_plans import sample_plan

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())

# Words that are English and have a German word in our catalogues; a citation's quoted title
# ('...') and PowerShell are left out before the scan.
ENGLISH = ("the", "and", "with", "row", "true", "false", "primary", "secondary", "Consultant",
           "Customer", "organization", "inbound", "outbound", "receive", "send", "Sat", "Sun",
           "none", "unknown", "yes", "no", "days", "step", "steps", "server(s)", "client(s)")
CODE = re.compile(r"\b(?:server|site|dag|connector|relay|org|organization|project):[\w-]+"
                  r"|\b[a-z]+(?:_[a-z0-9]+)+\b|\b(?:True|False|None)\b"
                  # a knowledge file's table or a key pattern ("[[baseline]]", "baseline.*")
                  r"|\[\[|\b\w+\.\*")
ENGLISH_WORD = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(w) for w in ENGLISH)
                          + r")(?![\w'-])")
# "Client(s)", "Connector(en)": a plural the catalogue should have chosen.
FAKE_PLURAL = re.compile(r"\w\((?:s|e|en|n)\)")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|„[^“]*“|https?://\S+")
# English decimal point in a German number: 2130.75 (build numbers 15.2.1748.39 have three dots).
ENGLISH_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d.])"
                            r"|(?<![\d.])\d+\.\d{1,2}\s*(?:GB|TB|MB|%)"
                            # an ISO date (a source's "(2025-06-04)") where German writes 04.06.2025
                            r"|(?<![\w.-])\d{4}-\d{2}-\d{2}(?![\w.-])")


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The bundled knowledge base."""
    return load_knowledge()


def _report_text(name: str, knowledge: Knowledge, lang: str = "de") -> str:
    page = render_report_html(sample_plan(name), knowledge, lang)
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _workbook_text(name: str, knowledge: Knowledge, path: Path, lang: str = "de") -> str:
    """The cells a PMO prints: the plan's printed columns and every other sheet."""
    write_workbook(sample_plan(name), knowledge, path, lang)
    book = load_workbook(path, read_only=True)
    texts = []
    for sheet in book.worksheets[:1]:  # the plan: ID … reason (the rest is for the consultant)
        for row in sheet.iter_rows(min_row=4, max_col=11, values_only=True):
            # a date cell is shown in the sheet's German date format
            texts += [str(v) for v in row if v is not None and not isinstance(v, datetime)]
    for sheet in book.worksheets[1:]:  # every other sheet, the assumptions and sources too
        for row in sheet.iter_rows(values_only=True):
            texts += [str(v) for v in row if isinstance(v, str | bool)]
    return "\n".join(texts)


# Exchange's own names of its default connectors are names, shown as the product writes them.
PRODUCT_NAMES = re.compile("|".join(
    re.escape(n) for n in sorted(load_knowledge().facts["transport.default_receive_connectors"]
                                 .value, key=len, reverse=True)))


def _leftovers(text: str) -> list[str]:
    plain = PRODUCT_NAMES.sub(" ", QUOTED.sub(" ", text))
    found = [m.group(0) for pattern in (CODE, ENGLISH_WORD, ENGLISH_NUMBER, FAKE_PLURAL)
             for m in pattern.finditer(plain)]
    return sorted(set(found))


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_the_german_report_has_no_english_or_codes(name: str, knowledge: Knowledge) -> None:
    assert _leftovers(_report_text(name, knowledge)) == []


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_the_printed_german_workbook_has_no_english_or_codes(
        name: str, knowledge: Knowledge, tmp_path: Path) -> None:
    assert _leftovers(_workbook_text(name, knowledge, tmp_path / "plan.xlsx")) == []


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_the_english_report_has_no_codes(name: str, knowledge: Knowledge) -> None:
    plain = QUOTED.sub(" ", _report_text(name, knowledge, "en"))
    # "None of them ..." is English; None as a value is a code.
    found = {m.group(0) for m in CODE.finditer(plain)} - {"None"}
    found |= {m.group(0) for m in re.finditer(r"\bNone\b(?! of\b)|\[[a-z_]{3,}\]", plain)}
    assert sorted(found) == []


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_no_name_is_repeated_in_the_parenthesis_after_it(name: str, knowledge: Knowledge,
                                                         lang: str) -> None:
    # the appendix read "Die Umstellung von FAB-EDGE01 (FAB-EDGE01: direktes Upgrade …)" once
    # the German step title named the server first (small sample)
    text = " ".join(_report_text(name, knowledge, lang).replace("\u2060", "").split())
    assert re.findall(r"\b([A-Za-z][\w-]*\d[\w-]*) \(\1\b", text) == []


def test_the_scan_finds_what_it_looks_for() -> None:
    found = _leftovers("Fundstelle server:FAB-EDGE-01, site:Hamburg, ad_prep, True; "
                       "row 5 · D; Consultant 1; 2130.75 GB; 1 Relay-Client(s); "
                       "'the quoted title' bleibt (2025-06-04)")
    assert found == sorted({"server:FAB-EDGE-01", "site:Hamburg", "ad_prep", "True", "row",
                            "Consultant", "2130.75 GB", "t(s)", "2025-06-04"})


def test_a_placeholder_consultant_is_named_in_the_report_language(knowledge: Knowledge) -> None:
    plan = sample_plan("mixed-powershell")  # no consultant named: the German placeholder
    assert [c.name for c in plan.settings.consultants] == ["Berater 1"]
    english = render_report_html(plan, knowledge, "en")
    assert "Berater 1" not in english and "Consultant 1" in english
    assert "Berater 1" in render_report_html(plan, knowledge, "de")


def test_the_english_workbook_names_the_placeholder_consultant_in_english(
        knowledge: Knowledge, tmp_path: Path) -> None:
    """A review: "Berater 1 is busy with …" in 27 cells of an English plan.xlsx, the
    sentences saying whom a step waited for."""
    plan = sample_plan("mixed-powershell")
    assert any(s.driver.name == "Berater 1" for s in plan.schedule.steps)
    path = tmp_path / "plan.xlsx"
    write_workbook(plan, knowledge, path, "en")
    cells = [str(c.value) for ws in load_workbook(path) for row in ws.iter_rows()
             for c in row if c.value is not None]
    assert not [c for c in cells if "Berater" in c]
    assert any("Consultant 1 is busy" in c for c in cells)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_the_english_report_spells_one_way_and_agrees_in_number(
        name: str, knowledge: Knowledge) -> None:
    """Exchange's own word "organization" throughout (the cover said "organisation" beside
    "the organization's object version"), and a single finding is not "them"."""
    text = _report_text(name, knowledge, "en")
    assert "organisation" not in text.lower()
    assert not re.search(r"\bone (?:warning|error)\b[^.]*; the appendix lists them", text)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_short_label_uses_the_words_of_its_long_one(lang: str) -> None:
    """The estate figure's boxes said "In-Place auf SE" beside a legend and tables that say
    "Direktes Upgrade auf SE": one vocabulary, the short label a part of the long one."""
    # and in the long one's order, no sign of its own: "CU update + in place" beside "Update
    # CU, then in place to SE" (English) used only words of the long label
    words = catalogue(lang)
    for code in ("in_place", "cu_then_in_place", "side_by_side", "decommission", "none"):
        short = words(f"vocabulary.path_short.{code}")
        long = iter(re.findall(r"[\w-]+|[^\w\s,]", words(f"vocabulary.path.{code}").lower()))
        assert all(token in long for token in re.findall(r"[\w-]+|[^\w\s,]", short.lower())), \
            (code, short)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_a_german_citation_marks_the_english_titles(name: str, knowledge: Knowledge) -> None:
    """Microsoft publishes its titles in English: the German citation quotes them the German
    way and says so ("„Upgrade to Exchange Server SE“ (engl.)"), never a bare 'English'."""
    plan = sample_plan(name)
    marked = 0
    for step in plan.proposal.steps:
        english, german = (step_source_text(step, knowledge, lang) for lang in ("en", "de"))
        titles = re.findall(r"(?<!\w)'([^']+)'(?!\w)", english)
        assert not re.search(r"(?<!\w)'[^']+'(?!\w)", german), german
        for title in titles:
            assert f"„{title}“ (engl.)" in german, (title, german)
            marked += 1
    assert marked


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_a_group_with_work_never_lasts_zero_working_days(name: str,
                                                         knowledge: Knowledge) -> None:
    """A server group whose one step runs on a maintenance Saturday printed 0 working days
    (Server BER-EDGE01, mixed): a summary counts the window days its steps work."""
    ctx = build_context(sample_plan(name), knowledge, "de")
    days = project_calendar(ctx.plan, ctx.outline, ctx.calendar, "de").durations(ctx.outline)
    open_rows: list[int] = []
    working: set[int] = set()
    for row in ctx.outline.rows:
        while open_rows and ctx.outline.rows[open_rows[-1]].level >= row.level:
            open_rows.pop()
        if row.summary:
            open_rows.append(ctx.outline.rows.index(row))
        elif row.step is not None and not row.step.milestone:
            working |= {ctx.outline.rows[i].id for i in open_rows}
    assert working
    assert all(days[i] >= 1 for i in working), {i: days[i] for i in working if days[i] < 1}


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_the_english_workbook_has_no_codes(name: str, knowledge: Knowledge,
                                           tmp_path: Path) -> None:
    """A review's Assumptions sheet read "rule cu_update_2016" and "add a [[baseline]] row or
    override baseline.* keys": words for the knowledge base's maintainer, not the customer."""
    text = _workbook_text(name, knowledge, tmp_path / "plan.xlsx", "en")
    plain = PRODUCT_NAMES.sub(" ", QUOTED.sub(" ", text))
    assert sorted({m.group(0) for m in CODE.finditer(plain)}) == []
