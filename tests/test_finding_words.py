"""A finding is a code with fields; its sentence is the catalogues' ``findings.<CODE>``.

No module builds people's sentences for a finding: every ``Finding`` is made by
``Finding.about`` (or the importer's ``finding``) with a code (or text key) that both
languages' catalogues hold, and the English and the German text name the same fields. No
module hands a Finding an English/German pair (those fields only read older project files).
"""

from __future__ import annotations

import ast
import re
import string
from functools import cache

import pytest

from planner.core.catalogue import catalogue
from planner.core.importing.findings import SEVERITIES, percent
from tests.paths import ROOT

PLANNER = ROOT / "planner"



@cache
def _modules() -> list[tuple[str, ast.Module]]:
    """The modules that mention findings at all, parsed once."""
    texts = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted(PLANNER.rglob("*.py"))}
    return [(name, ast.parse(text)) for name, text in texts.items()
            if "Finding" in text or "finding(" in text]


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return ""


def _calls(tree: ast.Module, name: str) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n.func) == name]


def _fields(text: object) -> set[str]:
    texts = text.values() if isinstance(text, dict) else [text]
    return {f for t in texts for _, f, _, _ in string.Formatter().parse(str(t)) if f}


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_no_module_hands_a_finding_an_english_or_german_sentence() -> None:
    """No ``Finding(severity, code, en, de, ...)`` or ``message_en=`` anywhere."""
    offenders = set()
    for name, tree in _modules():
        for call in _calls(tree, "Finding"):
            keywords = {k.arg for k in call.keywords}
            if len(call.args) > 2 or keywords & {"message_en", "message_de"}:
                offenders.add(name)
    assert offenders == set()


def _finding_keys() -> set[str]:
    """Every catalogue key a Finding.about or finding call names literally."""
    keys: set[str] = set()
    for _, tree in _modules():
        for call in _calls(tree, "Finding.about"):
            code = _literal(call.args[1]) if len(call.args) > 1 else None
            given = [k.value for k in call.keywords if k.arg == "text_key"] + call.args[3:4]
            if given:  # a variant of the code's text; a key chosen at run time is not seen
                keys |= {k for k in map(_literal, given) if k}
            elif code:
                keys.add(f"findings.{code}")
        for call in _calls(tree, "finding"):
            code = _literal(call.args[0]) if call.args else None
            if code:
                keys.add(f"findings.{code}")
    return keys


def test_every_finding_a_module_makes_has_words_in_both_languages() -> None:
    keys = _finding_keys() | {f"findings.{code}" for code in SEVERITIES}
    assert len(keys) > 60  # the scan found the importer's, the graph's and the rules' codes
    for lang in ("en", "de"):
        messages = catalogue(lang).messages
        assert sorted(k for k in keys if k not in messages) == [], lang


def test_the_importer_knows_the_severity_of_every_code_it_uses() -> None:
    used = {k.removeprefix("findings.") for k in _finding_keys()}
    importer = {c for c in used if c.startswith(("IMPORT-", "LOGS-"))}
    assert sorted(importer - set(SEVERITIES)) == []


@pytest.mark.parametrize("section", ["findings", "builds", "region", "settings_errors"])
def test_english_and_german_finding_texts_name_the_same_fields(section: str) -> None:
    en, de = catalogue("en").messages, catalogue("de").messages
    keys = [k for k in en if k.startswith(f"{section}.")]
    assert keys and sorted(k for k in keys if k not in de) == []
    assert [k for k in keys if _fields(en[k]) != _fields(de[k])] == []


def test_finding_texts_have_no_format_specs() -> None:
    """Catalogue texts are filled by name only (no ``{x:.0%}``): numbers and percentages
    are fields the language formats ("69 %" in German)."""
    for lang in ("en", "de"):
        text = (ROOT / "resources" / "text" / lang / "findings.toml").read_text("utf-8")
        assert ":.0" not in text and "%}" not in text, lang


def test_percentages_are_worded_by_the_language() -> None:
    """Python's ``{x:.0%}`` writes "69%" in every language; German writes "69 %". Shares
    are formatted by the catalogue (``Catalogue.percent``, ``common.percent``) instead."""
    spec = re.compile(r"\{[\w.]*:[^{}]*%\}")
    places = [*PLANNER.rglob("*.py"), *(ROOT / "resources" / "i18n").glob("*.ts"),
              *(ROOT / "resources" / "text").rglob("*.toml")]
    assert [p.name for p in places if spec.search(p.read_text(encoding="utf-8"))] == []
    assert catalogue("de").percent(0.69) == "69\u00a0%" and catalogue("en").percent(0.69) == "69%"
    for lang in ("en", "de"):
        assert catalogue(lang).render(percent(0.69)) == catalogue(lang).percent(0.69)
