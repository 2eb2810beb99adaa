"""A run of GUI tests ends with exit code 0, not a crash at interpreter exit.

A Python wrapper of a Qt object that C++ deletes without telling Python (an item made by
``scene.addLine`` and kept in the graph page's edge list) was freed a second time when the
garbage collector met it at exit: the whole run ended with a segmentation fault after every
test had passed, and CI failed on the exit code. Two graph tests in sequence (a main window's
graph page, then a graph page of its own) were enough; this runs them in a child process so
that crash is a failing test here instead of a red CI run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_graph_tests_in_one_process_end_without_a_crash(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         "tests/gui/test_graph_view.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (done.returncode, done.stdout[-1500:], done.stderr[-1500:])
