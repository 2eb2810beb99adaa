"""Imports sit at the top of modules; one inside a function says why (start-up time, Qt)."""

from __future__ import annotations

import ast

from tests.paths import ROOT


def _inner_imports_without_a_reason() -> list[str]:
    found = []
    for path in sorted((ROOT / "planner").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for fn in ast.walk(ast.parse(source)):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    line, before = lines[node.lineno - 1], lines[node.lineno - 2]
                    if "#" not in line and not before.strip().startswith("#"):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return sorted(set(found))


def test_every_import_inside_a_function_gives_its_reason() -> None:
    assert _inner_imports_without_a_reason() == []
