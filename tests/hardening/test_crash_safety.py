"""Killing the planner while it saves never leaves a corrupt project (#11)."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from planner.core.project import load_project, save_project
from tests.paths import MIXED, ROOT
from tests.sample_plans import sample_inputs

DATA = Path(__file__).parent / "data"

# The child saves the project and its recovery file over and over, each time a little
# different, until it is killed.
_SAVER = """
import sys
from dataclasses import replace
from pathlib import Path
from planner.core.project import Project, save_project
from planner.core.recovery import RecoverySlot
from planner.pipeline import load_inputs
inputs = load_inputs([Path(sys.argv[1])])
project = Project(estate=inputs.estate, findings=inputs.findings, settings=inputs.settings)
target, folder = Path(sys.argv[2]), Path(sys.argv[3])
slot = RecoverySlot(folder)
print("ready", flush=True)
n = 0
while True:
    n += 1
    project = replace(project, settings=replace(project.settings, plan_version=str(n)))
    save_project(project, target)
    slot.write(project, original=target)
"""


def test_sigkill_during_save_and_autosave_never_corrupts(tmp_path: Path) -> None:
    inputs = sample_inputs("mixed")
    from planner.core.project import Project

    target = tmp_path / "customer.seplan"
    save_project(Project(estate=inputs.estate, settings=inputs.settings), target)
    rng = random.Random(20261128)
    for _ in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(MIXED), str(target), str(tmp_path)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        project = load_project(target)  # must never raise
        assert {s.name for s in project.estate.servers} == {s.name for s in inputs.estate.servers}
        for recovery in tmp_path.glob("recovery-*.seplan"):
            load_project(recovery)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    # a killed writer may leave its temporary file; it is never the project itself
    assert all(name.startswith(".") for name in leftovers)


def test_a_project_file_of_the_previous_format_version_opens(tmp_path: Path) -> None:
    """A file written by format 1 (the first release) must open in every later version."""
    old = DATA / "project-format-1.seplan"
    copy = tmp_path / old.name
    shutil.copy2(old, copy)
    project = load_project(copy)
    assert project.estate.servers
    assert project.settings.customer
