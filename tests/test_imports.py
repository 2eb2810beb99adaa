"""Imports sit at the top of modules; one inside a function says why (start-up time, Qt)."""

from __future__ import annotations

import ast

import grimp
import networkx as nx

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


def test_no_module_imports_itself_back_through_others() -> None:
    """The house reads top to bottom: no import cycle, not even one hidden by an import
    inside a function (annotations under TYPE_CHECKING do not run and do not count)."""
    graph = grimp.build_graph("planner", exclude_type_checking_imports=True)
    edges = nx.DiGraph((m, i) for m in graph.modules
                       for i in graph.find_modules_directly_imported_by(m))
    assert [c for c in nx.strongly_connected_components(edges) if len(c) > 1] == []
