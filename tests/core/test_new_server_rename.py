"""The consultant renames single new servers ([naming.rename]); the plan, the project file
and errors that name the entry follow."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from planner.core.edits.naming import rename_new_server
from planner.core.errors import SettingsError
from planner.core.rules import propose
from planner.core.settings import Decisions
from planner.core.settings_io import settings_from_plain, settings_from_table, settings_to_plain
from planner.pipeline import knowledge_for, load_inputs

ESTATE = Path(__file__).resolve().parents[1] / "estates" / "mailflow-fichtelwerk" / "inventory.xlsx"


def _plan_text(inputs, settings) -> str:  # type: ignore[no-untyped-def]
    proposal = propose(inputs.estate, settings, Decisions(), knowledge_for(settings))
    return "\n".join(s.title("en") + "\n" + s.command_in("en") for s in proposal.steps)


def test_a_renamed_new_server_carries_the_consultants_name_through_the_plan() -> None:
    inputs = load_inputs([ESTATE])
    before = _plan_text(inputs, inputs.settings)
    assert "FW-SE01" in before
    settings = rename_new_server(inputs.settings, inputs.estate, "FW-SE01", "FW-MBX-HOF1")
    after = _plan_text(inputs, settings)
    assert "FW-MBX-HOF1" in after and "FW-SE01" not in after
    assert "FW-SE02" in after  # the others keep their proposed names
    # renaming it again replaces the entry; its proposed name again removes it
    again = rename_new_server(settings, inputs.estate, "FW-MBX-HOF1", "FW-MBX-A")
    assert again.new_server_names == {"FW-SE01": "FW-MBX-A"}
    assert rename_new_server(again, inputs.estate, "FW-MBX-A", "fw-se01").new_server_names == {}


def test_renames_round_trip_through_the_project_file() -> None:
    inputs = load_inputs([ESTATE])
    settings = replace(inputs.settings, new_server_names={"FW-SE01": "FW-MBX1"})
    assert settings_from_plain(settings_to_plain(settings)).new_server_names == {
        "FW-SE01": "FW-MBX1"}


@pytest.mark.parametrize(("wanted", "kind"), [
    ("FW-MAILBOX-SERVER-1", "bad_server_name"), ("FW_MBX", "bad_server_name"),
    ("-FW", "bad_server_name"), ("12345", "bad_server_name"), ("FW-SE02", "name_twice"),
    ("FW-EX19", "existing_server")])
def test_a_wrong_name_is_refused_naming_the_entry(wanted: str, kind: str) -> None:
    inputs = load_inputs([ESTATE])
    settings = replace(inputs.settings, new_server_names={"FW-SE02-OLD": "FW-SE02"})
    with pytest.raises(SettingsError) as caught:
        rename_new_server(settings, inputs.estate, "FW-SE01", wanted)
    assert caught.value.key.startswith("naming.rename.")
    assert caught.value.problem is not None and caught.value.problem.key.endswith(kind)


def test_a_settings_file_with_a_doubled_or_wrong_name_fails_naming_the_entry() -> None:
    with pytest.raises(SettingsError, match=r"naming\.rename\.EX02-SE"):
        settings_from_table({"naming": {"rename": {"EX01-SE": "MBX1", "EX02-SE": "mbx1"}}})
    with pytest.raises(SettingsError, match=r"naming\.rename\.EX01-SE"):
        settings_from_table({"naming": {"rename": {"EX01-SE": "MBX 1"}}})
