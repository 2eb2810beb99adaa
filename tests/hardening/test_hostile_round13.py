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


@pytest.mark.parametrize(("key", "value"), [
    ("stage.2.start_day", "inf"),
    ("stage.\u00b2.start_day", "5")])  # passed isdigit(); int("²") stopped it as a bug
def test_a_stage_override_that_is_no_stage_or_number_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text(f'[enforcement.overrides]\n"{key}" = {value}\n', encoding="utf-8")
    code = main(["plan", str(SAMPLE), "--settings", str(settings), "--json",
                 str(tmp_path / "o.json")])
    err = capsys.readouterr().err
    assert code == 2 and key in err and "bug" not in err, err


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


# --- 5: Exchange Online's report with dates and rates that cannot be -------------------

EXO_HEAD = ('"ServerFQDN","Build","FirstDetectedDate","ThrottleEnabledDate",'
            '"BlockingEnabledDate","ExchangeServer","RecommendedBuildVersions",'
            '"NextStageThrottleRate","NextStageBlockRate","NextStageStartDate"')


def _exo_findings(tmp_path: Path, first: str, throttle: str = "", rates: str = '"20","0"'
                  ) -> tuple[Any, list[Any]]:
    from planner.pipeline import load_inputs

    servers = workbook(tmp_path / "servers.xlsx", {
        "Servers": [["Name", "FQDN", "Site", "Roles", "Build"],
                    ["LNZ-EX19-01", "lnz-ex19-01.alpenglas.local", "Linz", "Mailbox",
                     "15.2.1544.36"]]})
    report = tmp_path / "exo.csv"
    report.write_text(f'{EXO_HEAD}\n"lnz-ex19-01.alpenglas.local","15.2.1544.36","{first}",'
                      f'"{throttle}","","LNZ-EX19-01","{{15.2.2562.46}}",{rates},""\n',
                      encoding="utf-8")
    inputs = load_inputs([servers, report])
    said = [f for f in inputs.findings if f.file == "exo.csv"
            and f.code in ("IMPORT-DATE-IMPLAUSIBLE", "IMPORT-VALUE-IMPLAUSIBLE",
                           "IMPORT-VALUE-INVALID")]
    return inputs, said


@pytest.mark.parametrize(("first", "throttle", "column"), [
    ("12/31/9999 12:00:00 AM", "", "C"),  # OverflowError in today.server_today: exit 70
    ("10/26/1601 12:00:00 AM", "", "C"),  # PowerShell's zero file time: "since 1602"
    ("3/2/2025 12:00:00 AM", "1/1/0001 12:00:00 AM", "D")])
def test_a_report_date_that_cannot_be_is_named_and_ignored(
        tmp_path: Path, first: str, throttle: str, column: str) -> None:
    inputs, said = _exo_findings(tmp_path, first, throttle)
    assert [(f.code, f.row, f.column) for f in said] == [
        ("IMPORT-DATE-IMPLAUSIBLE", 2, column)], inputs.findings
    assert "plausible" in said[0].message("en") and "plausibles" in said[0].message("de")
    (row,) = inputs.estate.exo_reports
    assert all(d is None or 2000 <= d.year <= 2100
               for d in (row.first_detected, row.throttle_date, row.block_date))


@pytest.mark.parametrize("rates", ['"NaN","0"', '"Infinity","0"', '"20","-5"',
                                   '"1e999","0"', '"20","100000"'])
def test_a_report_rate_that_is_no_rate_is_named_and_ignored(
        tmp_path: Path, rates: str) -> None:
    inputs, said = _exo_findings(tmp_path, "3/2/2025 12:00:00 AM", rates=rates)
    assert len(said) == 1 and said[0].row == 2 and said[0].column in ("H", "I"), said
    (row,) = inputs.estate.exo_reports
    assert {row.next_throttle_rate, row.next_block_rate} <= {"20", "0", ""}


def test_a_report_with_year_9999_plans(tmp_path: Path) -> None:
    from planner.pipeline import make_plan

    inputs, _ = _exo_findings(tmp_path, "12/31/9999 12:00:00 AM")
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings)
    assert plan.schedule.steps


# --- 2: a zip of many small logs ---------------------------------------------------------

LOGS = ROOT / "resources" / "samples" / "mixed-transport-logs.zip"


def test_a_zip_of_many_small_logs_is_opened_once_not_per_member(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each member re-opened the archive, reading its whole directory again: 8,000 small
    logs took over a minute (the same files as a folder: 2 s). Counted, not timed."""
    import zipfile

    from planner.pipeline import load_inputs

    with zipfile.ZipFile(LOGS) as sample:
        name = sorted(n for n in sample.namelist()
                      if n.startswith("BER-EX19-01/") and "/SmtpReceive/RECV" in n)[0]
        lines = sample.read(name).decode("utf-8-sig").splitlines()
    header = "\n".join(x for x in lines if x.startswith("#"))
    line = next(x for x in lines if x and not x.startswith("#"))
    count = 2000
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(count):  # each its own session: none is "given twice"
            archive.writestr(f"BER-EX19-01/RECV{n:05d}.LOG",
                             f"{header}\n{line.replace(',08', f',{n:08X}', 1)}\n")
    opened: list[str] = []
    real = zipfile.ZipFile

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, file: Any, *args: Any, **kwargs: Any) -> None:
            if str(file) == str(many):
                opened.append(str(file))
            super().__init__(file, *args, **kwargs)

    monkeypatch.setattr(zipfile, "ZipFile", Counting)
    inputs = load_inputs([SAMPLE, many])
    assert not [f for f in inputs.findings if f.code == "LOGS-GIVEN-TWICE"]
    (read,) = [f.message("en") for f in inputs.findings if f.code == "LOGS-READ"]
    assert f"{count:,} SMTP Receive" in read, read
    assert 1 <= len(opened) <= 3, len(opened)  # once to find the logs, once to read them


# --- 4: a whole number too big for a float in an inventory cell -------------------------

def _patched_workbook(path: Path, values: dict[str, str]) -> Path:
    """A workbook whose numeric cells hold ``values`` as written (openpyxl writes no number
    a float does not hold, so the placeholders are replaced in the sheet's XML)."""
    import zipfile

    rows: list[list[object]] = [["Name", "Site", "Roles", "Build", "Mailboxes",
                                 "Mailbox data (GB)"]]
    for n, _ in enumerate(values, start=1):
        rows.append([f"BER-EX19-0{n}", "Berlin", "Mailbox", "15.2.1748.39",
                     987654300 + 2 * n, 987654301 + 2 * n])
    plain = workbook(path.with_suffix(".plain.xlsx"), {"Servers": rows})
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                for n, text in enumerate(values.values(), start=1):
                    for placeholder in (987654300 + 2 * n, 987654301 + 2 * n):
                        data = data.replace(str(placeholder).encode(), text.encode())
            dst.writestr(info, data)
    return path


def test_a_number_no_float_holds_in_an_inventory_cell_is_named_per_cell(
        tmp_path: Path) -> None:
    from planner.core.errors import ValueParseError
    from planner.core.importing.values import parse_int, parse_size_gb
    from planner.core.typed_values import parse_number
    from planner.pipeline import load_inputs

    path = _patched_workbook(tmp_path / "inv.xlsx", {"a": HUGE, "b": "1e400", "c": "-1e400"})
    inputs = load_inputs([path])
    said = sorted((f.row, f.column) for f in inputs.findings if f.code == "IMPORT-VALUE-INVALID")
    assert said == [(r, c) for r in (2, 3, 4) for c in ("E", "F")], inputs.findings
    assert all(s.mailbox_count in (None, 0) for s in inputs.estate.servers)
    for parse in (parse_number, parse_int, parse_size_gb):  # whatever a reader hands on
        for raw in (10**400, float("inf"), float("nan"), HUGE + ".5"):
            with pytest.raises(ValueParseError):
                parse(raw)


# --- 1: a stored plan that does not fit its own steps ------------------------------------

@pytest.fixture(scope="module")
def planned_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A project file with its plan, as the app saves it (read back as JSON to tamper)."""
    from planner.core.project import Project, save_project
    from planner.pipeline import load_inputs, make_plan

    inputs = load_inputs([SAMPLE])
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings)
    path = tmp_path_factory.mktemp("planned") / "planned.seplan"
    save_project(Project(estate=inputs.estate, findings=inputs.findings,
                         settings=inputs.settings, plan=plan), path)
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return doc


def _linked(plan: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A step with a prerequisite, and that prerequisite (their proposal records)."""
    steps = {s["id"]: s for s in plan["proposal"]["steps"]}
    step = next(s for s in plan["proposal"]["steps"] if s["predecessors"])
    return step, steps[step["predecessors"][0]["step_id"]]


def _placed(plan: dict[str, Any], step_id: str) -> dict[str, Any]:
    placed: dict[str, Any] = next(s for s in plan["schedule"]["steps"]
                                  if s["step_id"] == step_id)
    return placed


def _swap_order(plan: dict[str, Any]) -> str:
    step, before = _linked(plan)
    mine, theirs = _placed(plan, step["id"]), _placed(plan, before["id"])
    for key in ("start", "end"):
        mine[key], theirs[key] = theirs[key], mine[key]
    return "starts before"


def _unknown_placement(plan: dict[str, Any]) -> str:
    plan["schedule"]["steps"][0]["step_id"] = "nothing:EX99"
    return "does not have"


def _unknown_link(plan: dict[str, Any]) -> str:
    step, _ = _linked(plan)
    step["predecessors"][0]["step_id"] = "nothing:EX99"
    return "waits for a step the plan does not have"


def _twice(plan: dict[str, Any]) -> str:
    plan["schedule"]["steps"].append(dict(plan["schedule"]["steps"][0]))
    return "twice"


def _circle(plan: dict[str, Any]) -> str:
    step, before = _linked(plan)
    before["predecessors"] = [*before["predecessors"], {"step_id": step["id"], "type": "FS",
                                                        "lag_days": 0}]
    return "for itself"


def _backwards(plan: dict[str, Any]) -> str:
    placed = plan["schedule"]["steps"][0]
    placed["start"], placed["end"] = "2027-05-03", "2027-05-01"
    return "cannot be"


def _year_9999(plan: dict[str, Any]) -> str:
    plan["schedule"]["steps"][-1]["end"] = "9999-12-31"
    return "cannot be"


def _garbage(plan: dict[str, Any]) -> str:
    plan["schedule"]["steps"][0]["start"] = "2026-13-45"
    return "a date, a number or a name"


@pytest.mark.parametrize("tamper", [_swap_order, _unknown_placement, _unknown_link, _twice,
                                    _circle, _backwards, _year_9999, _garbage])
def test_a_stored_plan_that_does_not_fit_is_replanned_and_said(
        planned_doc: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        tamper: Any) -> None:
    """The stored plan was trusted: out of order it was exported as saved, unknown ids or
    impossible dates stopped the export. It is now planned afresh, with a warning naming
    the file and the fault, and the estate and settings are kept."""
    import copy

    from planner.core.project import PLAN_REPLANNED, load_project, save_project
    from planner.core.stored_plan import stored_plan_fault

    doc = copy.deepcopy(planned_doc)
    why = tamper(doc["project"]["plan"])
    path = _write_doc(tmp_path / "tampered.seplan", doc)
    project = load_project(path)
    assert project.plan is None and len(project.estate.servers) > 1
    (said,) = [f for f in project.findings if f.code == PLAN_REPLANNED]
    assert "tampered.seplan" in said.message("en") and why in said.message("en"), said
    assert "tampered.seplan" in said.message("de") and said.file == "tampered.seplan"
    code = main(["plan", str(path), "--json", str(tmp_path / "o.json")])
    err = capsys.readouterr().err
    assert code == 0 and "tampered.seplan" in err and "Traceback" not in err, err
    written = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert written["steps"]
    assert load_project(path).plan is None  # the file itself is left as it was
    save_project(project, tmp_path / "again.seplan")  # said once, not saved as a fact
    assert PLAN_REPLANNED not in {f.code for f in load_project(tmp_path / "again.seplan").findings}
    fresh = _write_doc(tmp_path / "fresh.seplan", planned_doc)
    assert load_project(fresh).plan is not None  # the untouched file shows its plan
    plan = load_project(fresh).plan
    assert plan is not None and stored_plan_fault(plan) is None


@pytest.mark.parametrize("sample", ["small/inventory.xlsx", "legacy/inventory.xlsx",
                                    "mixed-messy-de/Bestand.xlsx"])
def test_every_plan_the_planner_makes_passes_the_stored_plan_check(sample: str) -> None:
    """No false alarm: a plan just made is one the check accepts."""
    from planner.core.stored_plan import stored_plan_fault
    from planner.pipeline import load_inputs, make_plan

    inputs = load_inputs([ROOT / "resources" / "samples" / sample])
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings)
    assert stored_plan_fault(plan) is None


# --- 3: a plan decades long in the report; a failing export --------------------------------

def test_a_time_axis_of_decades_draws_months_without_weeks() -> None:
    """No week interval fitted a label on a 50-year axis: next() raised StopIteration."""
    from datetime import date

    from planner.core.report.figure import Label
    from planner.core.report.time_axis import TimeAxis
    from planner.core.report.wording import load_wording

    axis = TimeAxis(date(2026, 1, 5), date(2080, 1, 15), 0.0, 500.0)
    items = axis.draw_months_and_weeks(0.0, 20.0, 100.0, load_wording("en"))
    assert items and not any(isinstance(i, Label) and "W" in i.text for i in items)


def test_a_plan_finishing_decades_out_gets_its_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["plan", str(SAMPLE), "--pin", "sbs:decom:BER-EX16-02=2080-01-08",
                 "--html", str(tmp_path / "r.html"), "--pdf", str(tmp_path / "r.pdf")])
    err = capsys.readouterr().err
    assert code == 0 and "bug" not in err, err
    assert (tmp_path / "r.pdf").stat().st_size > 10_000
    assert "2080" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("failure", ["disk full", "bug"])
def test_a_failing_export_replaces_none_of_the_outputs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    """The workbook was renamed into place before the report failed: a new workbook beside
    last week's report. Now every output of the run replaces its file, or none does."""
    import errno

    import planner.render.exporters as exporters
    from planner.core.replace_file import replace_file

    old = tmp_path / "plan.json"
    old.write_text("last week's plan", encoding="utf-8")

    def half(path: Path) -> None:
        path.write_text("<html><body>half", encoding="utf-8")
        if failure == "bug":
            raise KeyError("a bug halfway through the report")
        raise OSError(errno.ENOSPC, "No space left on device")

    real = exporters.replace_text

    def report_fails(target: Path, text: str) -> Path:
        return replace_file(target, half) if target.suffix == ".html" else real(target, text)

    monkeypatch.setattr(exporters, "replace_text", report_fails)
    code = main(["plan", str(SAMPLE), "--json", str(old), "--xlsx", str(tmp_path / "p.xlsx"),
                 "--html", str(tmp_path / "r.html")])
    err = capsys.readouterr().err
    if failure == "bug":
        assert code == 70 and "bug" in err, err
    else:
        assert code == 1 and "r.html" in err and "nothing written" in err, err
    assert old.read_text(encoding="utf-8") == "last week's plan"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


# --- 8: output paths that cannot be written ----------------------------------------------

SMALL = ROOT / "resources" / "samples" / "small" / "inventory.xlsx"


def _read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """A folder nobody may write to (the tests run as root, whom chmod does not stop)."""
    import errno
    import tempfile

    real = tempfile.mkstemp

    def refused(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if Path(kwargs.get("dir", "")) == folder:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refused)


@pytest.mark.parametrize("place", ["folder", "missing", "read-only"])
@pytest.mark.parametrize("command", [
    ["plan", str(SMALL), "--json"], ["plan", str(SMALL), "--xlsx"],
    ["plan", str(SMALL), "--mspdi"], ["template"], ["check", str(SMALL), "--save-mapping"]])
def test_an_output_path_that_cannot_be_written_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        place: str, command: list[str]) -> None:
    """The template writer stopped with a bug (xlsxwriter's FileCreateError) on a missing
    folder; every writer now says which path and why, and leaves nothing behind."""
    out = tmp_path / "out.xlsx"
    if place == "folder":
        out.mkdir()
        if command == ["template"]:
            command = [*command, "--force"]
    elif place == "missing":
        out = tmp_path / "no such folder" / "out.xlsx"
    else:
        _read_only(monkeypatch, tmp_path)
    before = sorted(tmp_path.rglob("*"))
    code = main([*command, str(out)] if command[0] != "template" else
                [command[0], str(out), *command[1:]])
    err = capsys.readouterr().err
    assert code in (1, 2) and str(out) in err and "bug" not in err, err
    why = {"folder": "directory", "missing": "does not exist", "read-only": "Permission"}
    assert why[place] in err, err
    assert sorted(tmp_path.rglob("*")) == before


# --- 9: a pipe given as input --------------------------------------------------------------

def _pipe(tmp_path: Path, source: Path, name: str = "63") -> Path:
    """A named pipe fed ``source`` once, as ``<(cat source)`` is (a thread writes it)."""
    import os
    import threading

    fifo = tmp_path / name
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as out:
            out.write(source.read_bytes())

    threading.Thread(target=feed, daemon=True).start()
    return fifo


@pytest.mark.parametrize("source", [
    SMALL, ROOT / "resources" / "samples" / "mixed-powershell" / "Get-ExchangeServer.csv"])
def test_a_pipe_is_read_once(tmp_path: Path, source: Path) -> None:
    """<(cat inventory.xlsx) was sniffed for transport logs, which took its bytes: the
    inventory read as "the file is empty"."""
    from planner.pipeline import load_inputs

    inputs = load_inputs([_pipe(tmp_path, source)])
    assert inputs.estate.servers, inputs.findings
    assert not [f for f in inputs.findings if f.code == "IMPORT-FILE-EMPTY"]
    assert [p.name for p in tmp_path.iterdir()] == ["63"]  # the copy went with the import


def test_a_pipe_that_never_ends_is_refused_not_copied_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import planner.core.importing.streams as streams
    from planner.pipeline import load_inputs

    monkeypatch.setattr(streams, "PIPE_CAP", 1000)  # /dev/zero: more than any cap
    inputs = load_inputs([SMALL, Path("/dev/zero")])
    assert [(f.code, f.file) for f in inputs.findings if f.file == "zero"] == [
        ("IMPORT-PIPE-TOO-LARGE", "zero")]
    assert inputs.estate.servers  # the other file is read


# --- 10: one inventory given twice; no maintenance day ------------------------------------

def test_the_same_inventory_given_twice_is_read_once_and_named_once(tmp_path: Path) -> None:
    """Every site, server, DAG, database and connector 'appeared more than once in this
    table' (30 warnings for the mixed sample), naming the wrong cause."""
    import shutil

    from planner.pipeline import load_inputs

    copy = tmp_path / "copy.xlsx"
    shutil.copy(SAMPLE, copy)
    once = load_inputs([SAMPLE])
    twice = load_inputs([SAMPLE, SAMPLE, copy])
    said = [f for f in twice.findings if f.code == "IMPORT-FILE-GIVEN-TWICE"]
    assert [f.file for f in said] == ["inventory.xlsx", "copy.xlsx"], said
    assert "given twice" in said[0].message("en") and "inventory.xlsx" in said[1].message("en")
    assert "zweimal" in said[0].message("de")
    assert not [f for f in twice.findings if f.code == "IMPORT-DUPLICATE"]
    assert twice.estate == once.estate


def test_an_empty_list_of_maintenance_days_is_named_not_saturday(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """maintenance_days = [] silently meant Saturday (the default)."""
    from planner.pipeline import load_inputs

    for toml in ("[windows]\nmaintenance_days = []\n", '[windows]\ndays = ""\n'):
        settings = tmp_path / "s.toml"
        settings.write_text(toml, encoding="utf-8")
        code = main(["plan", str(SAMPLE), "--settings", str(settings), "--json",
                     str(tmp_path / "o.json")])
        err = capsys.readouterr().err
        assert code == 2 and "s.toml" in err and "days" in err and "no day" in err, err
    path = workbook(tmp_path / "p.xlsx", {
        "Servers": [["Name", "Site", "Roles", "Build"],
                    ["BER-EX19-01", "Berlin", "Mailbox", "15.2.1748.39"]],
        "Project": [["Key", "Value"], ["windows.maintenance_days", "[]"]]})
    inputs = load_inputs([path])
    said = [f for f in inputs.findings if "maintenance_days" in f.message("en")]
    assert said and said[0].sheet == "Project" and "no day" in said[0].message("en"), said


# --- 7 (the class): a digit that is no ASCII digit wherever a number is read from text --

def test_a_superscript_list_number_on_the_project_sheet_is_a_finding(tmp_path: Path) -> None:
    from planner.pipeline import load_inputs

    path = workbook(tmp_path / "p.xlsx", {
        "Servers": [["Name", "Site", "Roles", "Build"],
                    ["BER-EX19-01", "Berlin", "Mailbox", "15.2.1748.39"]],
        "Project": [["Key", "Value"], ["consultants.\u00b2.name", "A"]]})
    inputs = load_inputs([path])
    said = [f for f in inputs.findings if f.sheet == "Project"]
    assert said and "consultants" in said[0].message("en"), inputs.findings


@pytest.mark.parametrize("days", ["\u00b2", "\u0663"])
def test_a_pause_of_foreign_digits_is_refused_with_the_expected_form(
        capsys: pytest.CaptureFixture[str], days: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["plan", str(SMALL), "--pause", f"2027-03-01:{days}"])
    assert stop.value.code == 2 and "YYYY-MM-DD:DAYS" in capsys.readouterr().err


def test_ascii_whole_takes_ascii_digits_only() -> None:
    from planner.core.typed_values import ascii_whole

    assert ascii_whole("2026") and not ascii_whole("\u00b2") and not ascii_whole("\u0663")
    assert not ascii_whole("") and not ascii_whole("-1")
