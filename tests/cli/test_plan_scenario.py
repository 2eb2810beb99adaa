"""``planner plan PROJECT.seplan --scenario NAME`` exports a saved scenario, as the GUI does."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.project import Project, Scenario, save_project
from planner.core.settings import Decisions
from tests.sample_plans import sample_inputs


@pytest.fixture
def project_file(tmp_path: Path) -> tuple[Path, Project]:
    inputs = sample_inputs("small")
    settings = replace(inputs.settings, solver_time_limit_s=5.0)
    later = replace(settings, start=settings.start + timedelta(days=91))
    project = Project(estate=inputs.estate, settings=settings, findings=inputs.findings,
                      scenarios=(Scenario("Later", later, Decisions()),))
    path = tmp_path / "p.seplan"
    save_project(project, path)
    return path, project


def _first_start(path: Path) -> str:
    """The first work step's start (a pause needed now is requested on the as-of date,
    whenever the work starts)."""
    steps = json.loads(path.read_text(encoding="utf-8"))["steps"]
    return min(s["start"] for s in steps if s["start"] and s["kind"] != "pause")


def test_a_saved_scenario_is_exported_from_the_project_file(
        project_file: tuple[Path, Project], tmp_path: Path) -> None:
    path, project = project_file
    assert main(["plan", str(path), "--json", str(tmp_path / "now.json")]) == 0
    assert main(["plan", str(path), "--scenario", "Later", "--json",
                 str(tmp_path / "later.json")]) == 0
    later_start = project.scenarios[0].settings.start.isoformat()
    assert _first_start(tmp_path / "now.json") < later_start <= _first_start(
        tmp_path / "later.json")


def test_an_unknown_scenario_is_named_with_the_saved_ones(
        project_file: tuple[Path, Project], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = project_file
    code = main(["plan", str(path), "--scenario", "Nope", "--json", str(tmp_path / "x.json")])
    err = capsys.readouterr().err
    assert code == 2 and "Nope" in err and "Later" in err


@pytest.mark.parametrize("option", [["--pin", "adprep:org=2027-01-04"],
                                    ["--not-before", "adprep:org=2027-01-04"],
                                    ["--pause", "2027-01-04:3"]])
def test_pins_for_a_project_file_are_refused_not_ignored(
        project_file: tuple[Path, Project], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], option: list[str]) -> None:
    """A project file is exported as saved; a pin the plan would not keep is an error."""
    path, _ = project_file
    code = main(["plan", str(path), *option, "--json", str(tmp_path / "x.json")])
    assert code == 2 and option[0] in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_a_project_exported_in_another_language_says_everything_in_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A German project exported with ``--lang en``: the JSON's titles, reasons, findings and
    placeholder consultants, and the summary printed, are English (they had been German)."""
    inputs = sample_inputs("small")
    settings = replace(inputs.settings, language="de", solver_time_limit_s=5.0,
                       consultants=tuple(replace(c, name=f"Berater {n}") for n, c in
                                         enumerate(inputs.settings.consultants, start=1)))
    path = tmp_path / "de.seplan"
    save_project(Project(estate=inputs.estate, settings=settings, findings=inputs.findings),
                 path)
    capsys.readouterr()
    assert main(["plan", str(path), "--lang", "en", "--json", str(tmp_path / "en.json")]) == 0
    out = capsys.readouterr().out
    data = json.loads((tmp_path / "en.json").read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert "steps" in out and "Schritte" not in out
    assert "Berater" not in text and "Consultant 1" in text
    assert not any(w in text for w in (" und ", " wird ", "Quelle:", "Regel „")), text[:400]
