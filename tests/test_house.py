"""House rules that are cheap to check: two commands, CI runs one of them, a stdlib bootstrap.

ruff, mypy and lint-imports run in ``python3 packaging/dev.py test`` itself (see that file).
"""

from __future__ import annotations

import ast
import re
import sys

from tests.paths import ROOT


def test_readme_has_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = set(re.findall(r"python3 packaging/dev\.py (\w+)", readme))
    assert commands == {"run", "test"}
    assert r"py packaging\dev.py run" in readme and r"py packaging\dev.py test" in readme
    assert "## How the planner knows" in readme


def test_ci_runs_the_readme_test_command_and_nothing_else() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert lines == ["#!/usr/bin/env bash", "exec python3 packaging/dev.py test"]


def test_bootstrap_uses_only_the_standard_library() -> None:
    tree = ast.parse((ROOT / "packaging" / "dev.py").read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert imported, "no imports found"
    assert imported <= set(sys.stdlib_module_names), imported - set(sys.stdlib_module_names)
