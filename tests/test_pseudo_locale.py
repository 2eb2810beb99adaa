"""A third language is a folder of catalogues: a pseudo-locale (every text reversed) added in
a test renders the report and the workbook, and no English catalogue text leaks through.

Step titles and reasons, findings and the schedule's objective still carry English/German
field pairs (see LANG_BRANCHES_LEFT in test_words_at_the_edges.py), so this test checks the
catalogue-driven words: headings, labels, vocabulary, column titles, sheet names.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planner.core import catalogue as catalogue_module
from planner.core.catalogue import catalogue, languages
from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.plan import Plan
from planner.core.report import wording
from planner.core.report.html import render_report_html
from tests.paths import ROOT
from tests.sample_plans import sample_plan

_FIELD = re.compile(r"(\{\w+\})")
PSEUDO = "qx"


def _reverse(text: str) -> str:
    """Reverse every run of text between fields; the {fields} stay readable for format()."""
    return "".join(part if _FIELD.fullmatch(part) else part[::-1]
                   for part in _FIELD.split(text))


def _pseudo(value: Any) -> Any:
    if isinstance(value, str):
        return _reverse(value)
    if isinstance(value, dict):
        return {k: _pseudo(v) for k, v in value.items()}
    return value


def _toml(table: dict[str, Any], prefix: str = "") -> list[str]:
    lines: list[str] = []
    subs = {k: v for k, v in table.items() if isinstance(v, dict)
            and not ({"one", "other"} >= set(v) and "other" in v)}
    for key, value in table.items():
        if key in subs:
            continue
        if isinstance(value, dict):
            inner = ", ".join(f"{k} = {_quote(v)}" for k, v in value.items())
            lines.append(f"{_quote(key)} = {{ {inner} }}")
        else:
            lines.append(f"{_quote(key)} = {_quote(str(value))}")
    for key, value in subs.items():
        name = f"{prefix}.{_quote(key)}" if prefix else _quote(key)
        lines += ["", f"[{name}]", *_toml(value, name)]
    return lines


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


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
            data = _pseudo(data)
        (text / PSEUDO / path.name).write_text("\n".join(_toml(data)) + "\n", encoding="utf-8")
    monkeypatch.setattr(catalogue_module, "text_root", lambda: text)
    catalogue.cache_clear()
    wording.load_wording.cache_clear()
    yield PSEUDO
    catalogue.cache_clear()
    wording.load_wording.cache_clear()


def _not_catalogue_text(plan: Plan, knowledge: Knowledge) -> str:
    """English that does not come from the catalogues: the records that still carry
    English/German pairs (steps, findings, rule texts), knowledge data and the estate."""
    parts = [p for s in plan.proposal.steps for p in (s.title("en"), s.why("en"), s.command)]
    parts += [f.message("en") for f in plan.findings]
    parts += [catalogue("en")(r.title_key) for r in knowledge.rules.values()]
    parts += [f"{f.value} {f.source} {f.note}" for f in knowledge.facts.values()]
    parts += [repr(plan.estate)]
    return "\n".join(parts)


def _english_texts(plan: Plan, knowledge: Knowledge) -> set[str]:
    """Longer plain English texts of the catalogues that only the catalogues can show."""
    english = catalogue("en").messages
    other = _not_catalogue_text(plan, knowledge)
    return {v for k, v in english.items() if isinstance(v, str) and len(v) >= 12
            and "{" not in v and k.split(".")[0] in ("report", "export", "vocabulary")
            and not k.startswith("report.facts.") and v not in other}


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
