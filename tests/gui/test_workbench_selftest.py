"""`planner gui FILE --selftest` starts the real window offscreen, plans, draws and quits with 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from planner.core.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_selftest_imports_plans_and_quits_cleanly(tmp_path: Path) -> None:
    sample = resource_path("samples", "small", "inventory.xlsx")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "planner", "gui", str(sample), "--selftest"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "selftest:" in result.stdout and " 0 steps" not in result.stdout


def test_selftest_fails_on_a_damaged_project(tmp_path: Path) -> None:
    broken = tmp_path / "broken.seplan"
    broken.write_text("{", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "planner", "gui", str(broken), "--selftest"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
