"""Words live at the edges: no language branches, no palettes, no label tables in the code.

Text for people comes from ``resources/text/<lang>/`` and colours and labels of phases,
paths and stage kinds from ``planner.core.vocabulary``. No code compares a language
(``lang ==``, ``language() ==``, ``== "de"``): a language is its catalogues, and what differs
between languages (a fallback, the Qt source language's options) is data.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections import Counter
from pathlib import Path

from tests.paths import ROOT

PLANNER = ROOT / "planner"
_LANG_BRANCH = re.compile(r"""\blang(?:uage)?\b\s*(?:\(\))?\s*[!=]=|[!=]=\s*["'](?:de|en)["']"""
                          r"""|["'](?:de|en)["']\s*[!=]=""")
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
# A colour made in code: QColor(60, 60, 60), QColor("white"), Qt.GlobalColor.red, Qt.red.
_MADE_COLOUR = re.compile(r"""QColor\(\s*(?:\d|["'][a-zA-Z#])|Qt\.(?:GlobalColor\.)?"""
                          r"""(?:red|green|blue|black|white|gray|darkGray|lightGray|yellow)\b""")

# The vocabulary defines the colours (the only place a hex colour may stand).
_COLOURS = frozenset({"planner/core/vocabulary.py"})


def _count(pattern: re.Pattern[str], exempt: frozenset[str] = frozenset()) -> dict[str, int]:
    found: Counter[str] = Counter()
    for path in sorted(PLANNER.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name not in exempt:
            found[name] += len(pattern.findall(path.read_text(encoding="utf-8")))
    return {name: n for name, n in found.items() if n}


def test_no_language_branch_in_the_code() -> None:
    assert _count(_LANG_BRANCH) == {}


def test_no_colour_outside_the_vocabulary() -> None:
    assert _count(_HEX, _COLOURS) == {}
    assert _count(_MADE_COLOUR) == {}  # a colour by number or name is a second palette too
    # the report's stylesheet and templates name the vocabulary's colour roles ($accent);
    # icons are artwork and keep their own colours
    styles = [p for pattern in ("*.css", "*.j2", "*.html", "*.qss")
              for p in (ROOT / "resources").rglob(pattern)]
    assert styles, "the report's stylesheet is where the house test expects it"
    assert {p.name: _HEX.findall(p.read_text(encoding="utf-8")) for p in styles
            if _HEX.search(p.read_text(encoding="utf-8"))} == {}


def _vocabulary_labels() -> set[str]:
    labels: set[str] = set()
    for path in (ROOT / "resources" / "text").glob("*/vocabulary.toml"):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for group in ("phase", "path", "path_short", "stage_kind"):
            labels |= {v for v in data[group].values() if len(v) > 6}
    return labels


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def test_no_phase_path_or_stage_label_is_written_in_the_code() -> None:
    labels = _vocabulary_labels()
    assert "Cumulative updates" in labels and "Kumulative Updates" in labels
    offenders = {path.relative_to(ROOT).as_posix(): sorted(_string_constants(path) & labels)
                 for path in PLANNER.rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}
