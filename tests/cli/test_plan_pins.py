"""``planner plan --pin/--not-before/--pause`` do what the GUI's pins and fixed pauses do."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.settings_file import save_settings_toml
from planner.pipeline import load_inputs
from tests.paths import SMALL


def _plan(tmp_path: Path, *extra: str) -> dict[str, dict[str, str]]:
    # The sample carries no start (planned from the day it is opened): its settings with a
    # fixed start and as-of date keep these dates meaningful on any day.
    settings = replace(load_inputs([SMALL]).settings, start=date(2026, 12, 1),
                       as_of=date(2026, 12, 1))
    toml = tmp_path / "project.toml"
    save_settings_toml(settings, toml)
    out = tmp_path / "plan.json"
    assert main(["plan", str(SMALL), "--settings", str(toml), "--json", str(out), *extra]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    return {s["id"]: s for s in data["steps"]}


def test_pins_not_before_and_pauses_from_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steps = _plan(tmp_path, "--pin", "hybrid:app=2026-12-15", "--not-before",
                  "adprep:org=2026-12-08", "--pause", "2026-12-01:3")
    assert steps["hybrid:app"]["start"] == "2026-12-15"
    assert steps["hybrid:app"]["driver_kind"] == "pin"
    assert steps["adprep:org"]["start"] >= "2026-12-08"
    assert "Pausentage 3" in capsys.readouterr().out  # the plan's language (German)


def test_a_pin_on_a_saturday_moves_to_monday_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steps = _plan(tmp_path, "--pin", "hybrid:app=12.12.2026")  # the German date form too
    assert steps["hybrid:app"]["start"] == "2026-12-14"
    assert "14.12.2026" in capsys.readouterr().err  # moved, and said so


def test_a_pin_naming_no_step_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A typo in a title must not give a plan without the pin: exit 2, no file written."""
    settings = replace(load_inputs([SMALL]).settings, start=date(2026, 12, 1),
                       as_of=date(2026, 12, 1))
    save_settings_toml(settings, tmp_path / "project.toml")
    out = tmp_path / "plan.json"
    code = main(["plan", str(SMALL), "--settings", str(tmp_path / "project.toml"),
                 "--json", str(out), "--pin", "Nothing like this=2027-01-04"])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert "Nothing like this" in err and "nothing written" in err


@pytest.mark.parametrize("bad", [["--pin", "adprep:org"], ["--pin", "adprep:org=31.13.2026"],
                                 ["--pause", "2026-12-01"], ["--pause", "2026-12-01:0"]])
def test_malformed_options_are_refused(bad: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["plan", str(SMALL), *bad])
    assert exc.value.code == 2


def test_a_step_is_named_by_its_title_in_either_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The workbook and MS Project show titles, not ids: a pin takes the title (German, the
    plan's language, or English; case and spacing aside) and pins the same step as its id."""
    titles = {k: (s["title"], s["start"]) for k, s in _plan(tmp_path).items()}
    german = titles["hybrid:app"][0]
    english = _plan(tmp_path, "--lang", "en")["adprep:org"]["title"]
    steps = _plan(tmp_path, "--pin", f"  {german.upper()} =2026-12-15",
                  "--not-before", f"{' '.join(english.split()).lower()}=2026-12-08")
    assert steps["hybrid:app"]["start"] == "2026-12-15"
    assert steps["hybrid:app"]["driver_kind"] == "pin"
    assert steps["adprep:org"]["start"] >= "2026-12-08" > titles["adprep:org"][1]
    assert "ignoriert" not in capsys.readouterr().err  # both named a step


def test_a_pin_that_leaves_no_valid_plan_writes_nothing_and_says_why(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No deliverable without dates: exit 1, the reason in words, no file (it wrote a JSON
    with every step undated and printed "finish None")."""
    settings = replace(load_inputs([SMALL]).settings, start=date(2026, 12, 1),
                       as_of=date(2026, 12, 1))
    save_settings_toml(settings, tmp_path / "project.toml")
    out = tmp_path / "infeasible.json"
    steps = _plan(tmp_path)
    last = max((s for s in steps.values() if s["start"]), key=lambda s: s["start"])
    first = min((s for s in steps.values() if s["start"] and s["predecessors"]),
                key=lambda s: s["start"])
    code = main(["plan", str(SMALL), "--settings", str(tmp_path / "project.toml"),
                 "--json", str(out), "--pin", f"{last['id']}={settings.start.isoformat()}",
                 "--pin", f"{first['id']}={settings.start.isoformat()}"])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists(), err
    assert "kein gültiger Zeitplan" in err and "None" not in err


def test_a_pin_and_an_earliest_start_for_one_step_say_which_applies(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A hostile-input round: --not-before on a pinned step was ignored without a word, and
    a step pinned twice kept the last day silently."""
    steps = _plan(tmp_path, "--pin", "hybrid:app=2026-12-15", "--not-before",
                  "hybrid:app=2027-02-01", "--not-before", "adprep:org=2026-12-08",
                  "--not-before", "adprep:org=2026-12-09")
    assert steps["hybrid:app"]["start"] == "2026-12-15"  # the pin fixes the day
    err = capsys.readouterr().err
    assert "15.12.2026" in err and "01.02.2027" in err  # the plan's language: German
    assert "--not-before" in err and "adprep:org" in err and "09.12.2026" in err
