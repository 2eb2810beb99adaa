"""Hostile and odd inputs, thirteenth round (2026-12-08): numbers no float holds, rates that
are no numbers, digits that are no ASCII digits, dates of year 1 and 9999, stored plans that
do not fit their project, many small logs in one zip, long plans in the report, output paths
that cannot be, a pipe read twice, one inventory given twice. Each is refused with a message
naming it, or read as meant."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from tests.hardening.workbooks import workbook

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "mixed" / "inventory.xlsx"
HUGE = "9" * 400  # no float holds it: float("9" * 400) is inf, int(inf) an OverflowError


def _project_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((DATA / "project-format-1.seplan").read_text(
        encoding="utf-8"))
    return doc


def _write_doc(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# --- 4: a whole number too big for a float ----------------------------------------------

@pytest.mark.parametrize(("toml", "key"), [
    (f'[[consultants]]\nname = "A"\ndays_per_week = "{HUGE}"\n', "days_per_week"),
    (f'[enforcement.pause_days_used]\n2026 = "{HUGE}"\n', "2026"),
    (f'[enforcement]\npauses = [{{start = 2027-03-01, days = {HUGE}}}]\n', "days")])
def test_a_whole_number_no_float_holds_is_named_in_settings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, key: str) -> None:
    """int(float("9" * 400)) raised OverflowError: exit 70, "a bug"."""
    settings = tmp_path / "s.toml"
    settings.write_text(toml, encoding="utf-8")
    code = main(["plan", str(SAMPLE), "--settings", str(settings), "--json",
                 str(tmp_path / "o.json")])
    err = capsys.readouterr().err
    assert code == 2 and key in err and "whole number" in err, err


def test_a_whole_number_no_float_holds_on_the_project_sheet_is_a_finding(
        tmp_path: Path) -> None:
    from planner.pipeline import load_inputs

    path = workbook(tmp_path / "p.xlsx", {
        "Servers": [["Name", "Site", "Roles", "Build"],
                    ["BER-EX19-01", "Berlin", "Mailbox", "15.2.1748.39"]],
        "Project": [["Key", "Value"], ["consultants.1.name", "A"],
                    ["consultants.1.days_per_week", HUGE]]})
    inputs = load_inputs([path])
    said = [f for f in inputs.findings if "days_per_week" in f.message("en")]
    assert said and said[0].sheet == "Project", inputs.findings
    assert inputs.settings.consultants[0].days_per_week == 5  # the default applies


@pytest.mark.parametrize("where", ["settings", "decisions"])
def test_a_whole_number_no_float_holds_in_a_project_file_is_damage(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    doc = _project_doc()
    if where == "settings":
        doc["project"]["settings"]["consultants"][0]["days_per_week"] = HUGE
    else:
        doc["project"]["decisions"]["new_servers"] = {"BER-EX16-01": HUGE}
    path = _write_doc(tmp_path / "p.seplan", doc)
    code = main(["plan", str(path), "--json", str(tmp_path / "o.json")])
    err = capsys.readouterr().err
    assert code == 2 and "whole number" in err, err


# --- 6: knowledge overrides that are no plausible number --------------------------------

@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e-300", "1e300"])
def test_a_knowledge_override_that_is_no_plausible_number_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    """NaN as GB a day planned 509 steps to 2036 (exit 0); inf stopped with exit 70."""
    settings = tmp_path / "s.toml"
    settings.write_text('[enforcement.overrides]\n'
                        f'"duration.mailbox_moves_gb_per_day" = {value}\n', encoding="utf-8")
    code = main(["plan", str(SAMPLE), "--settings", str(settings), "--json",
                 str(tmp_path / "o.json")])
    err = capsys.readouterr().err
    assert code == 2 and "duration.mailbox_moves_gb_per_day" in err, err
    assert not (tmp_path / "o.json").exists()


def test_a_stage_override_of_infinity_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text('[enforcement.overrides]\n"stage.2.start_day" = inf\n',
                        encoding="utf-8")
    code = main(["plan", str(SAMPLE), "--settings", str(settings), "--json",
                 str(tmp_path / "o.json")])
    assert code == 2 and "stage.2.start_day" in capsys.readouterr().err


# --- 7: a build list with digits that are no ASCII digits, dates of year 1 --------------

@pytest.mark.parametrize(("build", "day"), [
    ("15.2.1544.\u00b2", "3/8/2026"),  # a superscript two: isdigit() yes, int() no
    ("15.2.1544.\u0663", "3/8/2026"),  # an Arabic-Indic three: int() reads it as 3
    ("15.2.1544.99", "1/1/0001"),  # PowerShell's empty date
    ("15.2.1544.99", "12/31/9999")])
def test_a_build_list_row_with_foreign_digits_or_an_implausible_date_is_refused(
        own_data_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        build: str, day: str) -> None:
    from planner.core.knowledge_overlay import overlay_path

    listed = tmp_path / "list.csv"
    listed.write_text("Product Name,Build Number,Date,KB,Blog\n"
                      f"Exchange Server 2019 CU99,{build},{day},,\n", encoding="utf-8")
    assert main(["knowledge", "import", str(listed)]) == 1
    err = capsys.readouterr().err
    assert "list.csv" in err and (build in err or day in err), err
    assert not overlay_path().exists()
