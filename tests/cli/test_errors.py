"""Errors on the command line: the user's mistakes as one line, the planner's bugs as bugs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner.cli import BUG_EXIT, main, plan_cmd
from planner.core import log_file
from planner.core.errors import (
    InfeasiblePlanError,
    InputError,
    KnowledgeError,
    PlannerError,
    ProjectFileError,
    SettingsError,
)
from planner.core.importing.mapping import MappingError
from planner.core.project import ProjectError
from planner.core.rules.order import StepCycleError
from tests.paths import SMALL

INVENTORY = str(SMALL)


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(log_file, "log_folder", lambda: tmp_path)
    yield tmp_path
    for handler in list(log_file.LOG.handlers):
        log_file.LOG.removeHandler(handler)
        handler.close()


def _broken(*_args: Any, **_kwargs: Any) -> Any:
    return int("not a number")  # a ValueError from a bug, not from the user's input


def test_a_value_error_from_a_bug_is_reported_as_a_bug_not_as_bad_input(
        log_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    monkeypatch.setattr(plan_cmd, "make_plan", _broken)
    code = main(["plan", INVENTORY, "--json", str(tmp_path / "plan.json")])
    err = capsys.readouterr().err
    assert code == BUG_EXIT != 2
    assert "bug" in err and str(log_dir / log_file.LOG_NAME) in err
    log = (log_dir / log_file.LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback" in log and "_broken" in log and "ValueError" in log


def test_a_broken_settings_file_is_one_line_for_the_user(
        log_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[project]\nstart = 'next tuesday'\n", encoding="utf-8")
    code = main(["plan", INVENTORY, "--settings", str(settings),
                 "--json", str(tmp_path / "plan.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert "settings.toml" in err and "bug" not in err and "Traceback" not in err


def test_every_error_of_the_planner_is_a_planner_error_and_no_value_error() -> None:
    for kind in (InputError, KnowledgeError, SettingsError, ProjectFileError,
                 InfeasiblePlanError, MappingError, ProjectError, StepCycleError):
        assert issubclass(kind, PlannerError) and not issubclass(kind, ValueError), kind
    assert log_file.is_bug(ValueError("x")) and log_file.is_bug(KeyError("x"))
    assert not log_file.is_bug(SettingsError("x")) and not log_file.is_bug(OSError("disk"))


def test_a_value_error_from_a_bug_deep_in_build_identification_is_not_an_unknown_build(
        log_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    """The callers of ``identify`` catch the error it raises for text it cannot read, not
    every ValueError: a bug in it must not turn a known build into an unknown one."""
    from planner.core import builds

    monkeypatch.setattr(builds, "_from_number", _broken)
    monkeypatch.setattr(builds, "_IDENTIFIED", {})  # no answer remembered from other tests
    code = main(["plan", INVENTORY, "--json", str(tmp_path / "plan.json")])
    assert code == BUG_EXIT
    assert "_broken" in (log_dir / log_file.LOG_NAME).read_text(encoding="utf-8")


@pytest.mark.parametrize(("where", "function", "extra"), [
    ("planner.core.enforcement", "_baseline_day", ()),
    ("planner.core.build_sources", "_identified", ("inventory",)),
    ("planner.core.exo_view", "_identified", ()),
])
def test_each_caller_of_identify_lets_a_bug_through(
        where: str, function: str, extra: tuple[str, ...],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from planner.core.settings import Settings
    from planner.pipeline import knowledge_for

    module = importlib.import_module(where)
    monkeypatch.setattr(module, "identify", _broken)
    with pytest.raises(ValueError, match="not a number"):
        getattr(module, function)("15.2.1748.24", knowledge_for(Settings()), *extra)


def test_a_value_error_from_a_bug_in_a_cell_parser_is_no_invalid_cell(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The importer reports a cell it cannot read (ValueParseError) as an invalid value,
    but a ValueError from a bug in a parser as a bug: logged, never "invalid value"."""
    from planner.core.importing import import_files, values

    monkeypatch.setattr(values, "parse_int", _broken)
    result = import_files([SMALL])
    codes = {f.code for f in result.findings}
    assert "IMPORT-VALUE-INVALID" not in codes and "IMPORT-FILE-UNREADABLE" in codes
    assert "_broken" in caplog.text  # the traceback, logged as a bug


def test_a_value_error_from_a_bug_reading_a_transport_log_is_no_unreadable_file(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A damaged log is listed as unreadable; a bug in the log reader is not hidden so."""
    from planner.core.importing import transport_logs
    from planner.core.importing.log_files import find_logs
    from planner.core.model import Estate
    from tests.transport_log_maker import write_logs

    write_logs(tmp_path, days=1)
    sources = find_logs([tmp_path])[0]
    monkeypatch.setattr(transport_logs, "read_receive_log", _broken)
    monkeypatch.setattr(transport_logs, "read_tracking_log", _broken)
    with pytest.raises(ValueError, match="not a number"):
        transport_logs.read_transport_logs(sources, Estate())
