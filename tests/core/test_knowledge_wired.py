"""Knowledge wired or marked: every fact is read by planner code or marked documentation.

A fact that no code reads but a consultant can override would let them believe the plan
moved; such a fact must say ``documentation = true`` in the data, and overriding it must
produce a note in the plan's findings.
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

from planner.core.documentation_facts import OVERRIDE_CODE, documentation_override_findings
from planner.core.knowledge import load_knowledge
from planner.pipeline import make_plan
from tests.paths import ROOT
from tests.sample_plans import QUICK, sample_inputs

_DECLARATIONS = {"REQUIRED_FACTS"}  # lists of keys the loader checks; naming is not reading


def _declared_nodes(tree: ast.Module) -> set[int]:
    """Node ids inside the declaration dicts, which mention keys without reading them."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id in _DECLARATIONS for t in targets):
                skip |= {id(n) for n in ast.walk(node)}
    return skip


def _key_patterns(code: Path) -> list[re.Pattern[str]]:
    """Every string constant and f-string (a hole is one key segment) in the code."""
    patterns: list[re.Pattern[str]] = []
    for path in code.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _declared_nodes(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            # an f-string counts only when it starts with a key's first segment ("lifecycle.")
            if isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
                parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"[^.]+"
                         for v in node.values]
                patterns.append(re.compile("".join(parts)))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                patterns.append(re.compile(re.escape(node.value)))
    return patterns


def _unread(keys: set[str]) -> set[str]:
    patterns = _key_patterns(ROOT / "planner")
    return {k for k in keys if not any(p.fullmatch(k) for p in patterns)}


def test_every_fact_is_read_by_code_or_marked_documentation() -> None:
    facts = load_knowledge().facts
    unmarked = _unread({k for k, f in facts.items() if not f.documentation})
    assert not unmarked, ("facts no code reads; read them through an accessor or mark them "
                          f"documentation = true: {sorted(unmarked)}")


def test_the_scan_finds_an_unread_fact() -> None:
    # The scan must be able to fail: a made-up key is unread, a key read in a rule is not.
    assert _unread({"upgrade.not_a_real_fact", "moves.order"}) == {"upgrade.not_a_real_fact"}
    assert _unread({"lifecycle.2013.end_of_support"}) == set()  # read through an f-string


def test_overriding_a_documentation_fact_says_it_changes_nothing() -> None:
    assert documentation_override_findings(load_knowledge()) == ()
    overridden = load_knowledge({"esu.period2.end": "2029-01-01"})
    assert overridden.facts["esu.period2.end"].documentation
    (note,) = documentation_override_findings(overridden)
    assert note.code == OVERRIDE_CODE and "esu.period2.end" in note.message("en")
    assert "esu.period2.end" in note.message("de") and "Dokumentation" in note.message("de")
    read = load_knowledge({"moves.order": overridden.facts["moves.order"].value})
    assert documentation_override_findings(read) == ()


def test_the_plan_carries_the_note_and_its_dates_do_not_move() -> None:
    inputs = sample_inputs("small")
    settings = replace(inputs.settings, solver_time_limit_s=QUICK)
    moved = replace(settings, policy_overrides={"upgrade.se_cu2.expected": "2030-01-01"})
    plain, overridden = (make_plan(inputs.estate, inputs.findings, s) for s in (settings, moved))
    assert [f.code for f in overridden.findings if f.code == OVERRIDE_CODE] == [OVERRIDE_CODE]
    assert OVERRIDE_CODE not in {f.code for f in plain.findings}
    assert overridden.schedule == plain.schedule
