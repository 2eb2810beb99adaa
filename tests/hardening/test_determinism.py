"""The same project gives byte-identical JSON plan output on two runs (separate processes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.paths import MIXED, ROOT


def _plan_json(out: Path) -> bytes:
    subprocess.run(
        [sys.executable, "-m", "planner", "plan", str(MIXED), "--json", str(out)],
        cwd=ROOT, check=True, capture_output=True, timeout=300,
    )
    return out.read_bytes()


def test_two_runs_give_identical_json(tmp_path: Path) -> None:
    first = _plan_json(tmp_path / "a.json")
    second = _plan_json(tmp_path / "b.json")
    assert first == second
    assert b'"steps"' in first
