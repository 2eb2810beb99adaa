"""A third language is a folder of catalogues: a pseudo-locale (every text reversed) added in
a test renders the report and the workbook, and no English catalogue text leaks through.

Catalogue-driven words (headings, labels, vocabulary, column titles, sheet names) and every
step title, step reason and finding that is data (a Message/Reason, a code with fields) must
show in the pseudo language. The last test adds an "accented" language the way CONTRIBUTING
says (tests/pseudo_language.py) and fails on any English word in the report or the workbook
that is not data. The GUI's pages: tests/gui/test_pseudo_language_widgets.py.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from planner.core import catalogue as catalogue_module
from planner.core.catalogue import catalogue, languages
from planner.core.errors import InfeasiblePlanError, error_words
from planner.core.explanation import message
from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.plan import Objective, Plan
from planner.core.report import wording
from planner.core.report.html import render_report_html
from tests.core.rules.test_grammar import proposals
from tests.paths import ROOT
from tests.pseudo_language import (
    accented,
    add_language,
    data_words,
    pseudo_table,
    references,
    toml_text,
    untranslated,
)
from tests.sample_plans import sample_plan

_FIELD = re.compile(r"(\{\w+\})")
_STYLE = re.compile(r"<style>.*?</style>|<!--.*?-->", re.DOTALL)  # the look, not words
PSEUDO = "qx"


def _reverse(text: str) -> str:
    """Reverse every run of text between fields; the {fields} stay readable for format()."""
    return "".join(part if _FIELD.fullmatch(part) else part[::-1]
                   for part in _FIELD.split(text))


@pytest.fixture
def pseudo_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """resources/text with a reversed copy of English as a third language."""
    text = tmp_path / "text"
    shutil.copytree(ROOT / "resources" / "text", text)
    (text / PSEUDO).mkdir()
    for path in (text / "en").glob("*.toml"):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        if path.name != "language.toml":
            data = pseudo_table(data, _reverse)
        (text / PSEUDO / path.name).write_text("\n".join(toml_text(data)) + "\n",
                                              encoding="utf-8")
    monkeypatch.setattr(catalogue_module, "text_root", lambda: text)
    catalogue.cache_clear()
    wording.load_wording.cache_clear()
    yield PSEUDO
    catalogue.cache_clear()
    wording.load_wording.cache_clear()




def _not_catalogue_text(plan: Plan, knowledge: Knowledge) -> str:
    """English that does not come from the catalogues: the records that still carry
    English/German pairs, commands, knowledge data and the estate."""
    parts = [s.command for s in plan.proposal.steps]
    parts += [s.title("en") for s in plan.proposal.steps if s.title_message is None]
    parts += [s.why("en") for s in plan.proposal.steps if s.reason is None]
    parts += [f.message("en") for f in plan.findings if f.text is None]
    parts += [catalogue("en")(r.title_key) for r in knowledge.rules.values()]
    parts += [f"{f.value} {f.source}" for f in knowledge.facts.values()]
    parts += [repr(plan.estate)]
    return "\n".join(parts)


def _english_texts(plan: Plan, knowledge: Knowledge) -> set[str]:
    """Longer plain English texts of the catalogues that only the catalogues can show."""
    english = catalogue("en").messages
    other = _not_catalogue_text(plan, knowledge)
    return {v for k, v in english.items() if isinstance(v, str) and len(v) >= 12
            and "{" not in v
            and k.split(".")[0] in ("report", "export", "vocabulary", "knowledge")
            and not k.startswith(("report.facts.", "report.source_short."))  # names
            and v not in other}


def test_a_third_language_is_found_and_complete(pseudo_locale: str) -> None:
    assert pseudo_locale in languages()
    cat = catalogue(pseudo_locale)
    assert cat.lang == pseudo_locale and set(cat.messages) == set(catalogue("en").messages)
    assert cat("vocabulary.phase.prepare") == "noitaraperP"


def test_the_report_in_a_pseudo_locale_shows_no_english_catalogue_text(
        pseudo_locale: str) -> None:
    plan, knowledge = sample_plan("mixed"), load_knowledge()
    html = render_report_html(plan, knowledge, pseudo_locale)
    leaks = sorted(t for t in _english_texts(plan, knowledge) if t in html)
    assert leaks == [], '\n'.join(leaks)
    assert "yrammus evitucexE" in html  # the summary heading, reversed
    stage = knowledge.policy.stages[1]  # the stage table's words come from its minutes
    assert stage.action("en") not in html and stage.action(pseudo_locale) in html


def test_the_workbook_in_a_pseudo_locale_shows_no_english_catalogue_text(
        pseudo_locale: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    plan, knowledge = sample_plan("mixed"), load_knowledge()
    write_workbook(plan, knowledge, path, pseudo_locale)
    book = openpyxl.load_workbook(path)
    cells = {str(c.value) for sheet in book.worksheets for row in sheet.iter_rows()
             for c in row if isinstance(c.value, str)}
    shown = "\n".join(cells | set(book.sheetnames))
    leaks = sorted(t for t in _english_texts(plan, knowledge) if t in shown)
    assert leaks == [], '\n'.join(leaks)
    assert "nalP" in book.sheetnames  # "Plan", reversed
    stage = knowledge.policy.stages[1]
    assert stage.action("en") not in shown and stage.action(pseudo_locale) in shown
    note = knowledge.facts["upgrade.se_blocks_2013"].remark("en")  # the facts' notes too
    assert note not in shown and note[::-1] in shown


def _data_texts(plan: Plan) -> set[str]:
    """The English words of every title, reason and finding that is data: none of them may
    appear when the deliverable is written in another language."""
    texts = {s.title("en") for s in plan.proposal.steps if s.title_message is not None}
    texts |= {s.why("en") for s in plan.proposal.steps if s.reason is not None}
    texts |= {f.message("en") for f in plan.findings if f.text is not None}
    return {t for t in texts if len(t) >= 12}


@pytest.mark.parametrize("name", ["mixed", "legacy"])
def test_explanations_that_are_data_show_in_the_pseudo_locale(pseudo_locale: str,
                                                              name: str) -> None:
    plan, knowledge = sample_plan(name), load_knowledge()
    data = _data_texts(plan)
    assert len(data) >= 5  # the samples have many steps whose reasons are data
    html = render_report_html(plan, knowledge, pseudo_locale)
    assert sorted(t for t in data if t in html) == []
    for step in plan.proposal.steps:
        if step.reason is not None:
            assert step.why(pseudo_locale) != step.why("en")


def test_every_rule_step_is_data_for_one_and_several_servers() -> None:
    pairs = {(s.rule, s.kind) for p in proposals().values() for s in p.steps
             if s.reason is None or s.title_message is None}
    assert pairs == set()


def _english_fragments() -> list[str]:
    """The fixed parts of the English step, rule and command texts long enough to be words."""
    texts: list[str] = []
    for key, value in catalogue("en").messages.items():
        if key.split(".")[0] in ("steps", "rules", "commands"):
            texts += [value] if isinstance(value, str) else list(value.values())
    # words, not product names: two lower-case words in a row ("Exchange 2016" is data)
    return [p.strip() for t in texts for p in re.split(r"\{\w+\}", t)
            if len(p.strip()) >= 12 and re.search(r"\b[a-z]{2,} [a-z]{2,}\b", p)]


@pytest.mark.parametrize("name", ["one", "several", "retired one", "retired several"])
def test_rule_titles_reasons_and_command_notes_show_in_the_pseudo_locale(
        pseudo_locale: str, name: str) -> None:
    english = _english_fragments()
    for step in proposals()[name].steps:
        shown = "\n".join((step.title(pseudo_locale), step.why(pseudo_locale),
                           step.command_in(pseudo_locale)))
        leaks = [t for t in english if t in shown]
        assert leaks == [], (step.id, leaks)
        assert step.title(pseudo_locale) != step.title("en"), step.id


def test_why_no_plan_exists_and_a_step_cycle_show_in_the_pseudo_locale(
        pseudo_locale: str) -> None:
    """The schedule's explanation and a planner error are messages, not English pairs."""
    objective = Objective(0, 0, 0, None, "infeasible",
                          explanation=message("schedule.infeasible.no_consultant"))
    assert objective.reason(pseudo_locale) == objective.reason("en")[::-1]
    error = InfeasiblePlanError(message("schedule.order.unnamed_step"))
    assert error_words(error, pseudo_locale) == str(error)[::-1]


@pytest.fixture
def accented_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A third language added as catalogues only, every text accented (no ASCII letter)."""
    root = add_language(tmp_path / "resources", "qy", accented, widgets=False)
    monkeypatch.setenv("PLANNER_RESOURCES", str(root))
    catalogue.cache_clear()
    wording.load_wording.cache_clear()
    yield "qy"
    monkeypatch.undo()
    catalogue.cache_clear()
    wording.load_wording.cache_clear()


@pytest.mark.parametrize("name", ["mixed", "legacy"])
def test_report_and_workbook_have_no_word_outside_the_language_but_data(
        accented_language: str, name: str, tmp_path: Path) -> None:
    """Every English word left in the report or the workbook is data (names, builds,
    commands, sources, dates) or a reference a reader needs (a finding code, a fact's key)."""
    plan, knowledge = sample_plan(name), load_knowledge()
    plan = replace(plan, settings=replace(plan.settings, language=accented_language))
    data = data_words(plan, knowledge, accented_language)
    refs = references(plan, knowledge)
    html = _STYLE.sub("", render_report_html(plan, knowledge, accented_language))
    leaks = untranslated([f"report: {line}" for line in html.splitlines()], data, refs)
    path = tmp_path / "plan.xlsx"
    write_workbook(plan, knowledge, path, accented_language)
    book = openpyxl.load_workbook(path)
    cells = [f"{sheet.title}: {c.value}" for sheet in book.worksheets
             for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    leaks += untranslated([f"sheet: {t}" for t in book.sheetnames] + cells, data, refs)
    assert leaks == [], f"{len(leaks)} texts not in the language:\n" + "\n".join(leaks)
