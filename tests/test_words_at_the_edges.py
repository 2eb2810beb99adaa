"""Words live at the edges: no language branches, no palettes, no label tables in the code.

Text for people comes from ``resources/text/<lang>/`` and colours and labels of phases,
paths and stage kinds from ``planner.core.vocabulary``. The language-branch ratchet lists
the places that still break the rule (records with English/German field pairs that wait
for structured reasons): a new offender fails, and a fixed one must be taken off the list
so it cannot come back.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections import Counter
from pathlib import Path

from tests.paths import ROOT

PLANNER = ROOT / "planner"
_LANG_BRANCH = re.compile(r"""\blang(?:uage)?\b\s*(?:\(\))?\s*[!=]=|[!=]=\s*["']de["']""")
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")

# Records with *_en/*_de pairs (Step, Finding, Objective, stage actions, build warnings,
# server assessments) choose through planner.core.bilingual until they carry a Reason.
LANG_BRANCHES_LEFT = {
    "planner/gui/i18n.py": 2,  # the system locale's language; Qt's source-language catalogue
}
# The vocabulary and catalogue define languages; the Qt catalogue tool treats the source
# language (English .ts holds plural forms only) differently by design, not for prose.
_EXEMPT = {"planner/core/vocabulary.py", "planner/core/catalogue.py",
           "planner/gui/i18n_catalogue.py",
           "planner/core/bilingual.py"}  # the one chooser for records' en/de pairs


def _count(pattern: re.Pattern[str]) -> dict[str, int]:
    found: Counter[str] = Counter()
    for path in sorted(PLANNER.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name not in _EXEMPT:
            found[name] += len(pattern.findall(path.read_text(encoding="utf-8")))
    return {name: n for name, n in found.items() if n}


def test_no_new_language_branch_in_the_code() -> None:
    assert _count(_LANG_BRANCH) == LANG_BRANCHES_LEFT


def test_no_colour_outside_the_vocabulary() -> None:
    assert _count(_HEX) == {}


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
