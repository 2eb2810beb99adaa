"""The desktop bundle builds and runs without the virtual environment (issue #10)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import MIXED, ROOT

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the one-folder bundle once for this module."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_bundle.py"), "--dist", str(dist)],
        check=True, cwd=ROOT, timeout=1200,
    )
    exe = dist / "planner" / ("planner.exe" if os.name == "nt" else "planner")
    assert exe.exists()
    return exe


def _clean_env(tmp: Path) -> dict[str, str]:
    """An environment without the virtual environment, the checkout or Python on any path."""
    venv = str(Path(sys.prefix))
    path = os.pathsep.join(
        p for p in os.environ.get("PATH", "").split(os.pathsep) if p and not p.startswith(venv)
    )
    env = {k: v for k, v in os.environ.items()
           if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PLANNER_RESOURCES"}}
    env.update(PATH=path, QT_QPA_PLATFORM="offscreen", HOME=str(tmp))
    return env


def test_bundled_binary_plans_the_mixed_sample(bundle: Path, tmp_path: Path) -> None:
    outs = {ext: tmp_path / f"plan.{ext}" for ext in ("xlsx", "pdf", "xml", "json")}
    subprocess.run(
        [str(bundle), "plan", str(MIXED), "--xlsx", str(outs["xlsx"]), "--pdf", str(outs["pdf"]),
         "--mspdi", str(outs["xml"]), "--json", str(outs["json"])],
        check=True, cwd=tmp_path, env=_clean_env(tmp_path), timeout=600,
    )
    assert outs["xlsx"].read_bytes()[:2] == b"PK"
    assert outs["pdf"].read_bytes()[:5] == b"%PDF-"
    assert b"http://schemas.microsoft.com/project" in outs["xml"].read_bytes()
    plan = json.loads(outs["json"].read_text(encoding="utf-8"))
    assert plan["steps"] and plan["objective"]["status"] in {"optimal", "feasible"}


def test_bundled_gui_starts_offscreen_and_quits(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(bundle), "gui", str(MIXED), "--selftest"],
        cwd=tmp_path, env=_clean_env(tmp_path), timeout=300, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
