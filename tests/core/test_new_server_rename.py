"""The consultant renames single new servers ([naming.rename]); the plan, the project file
and errors that name the entry follow."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from planner.core.edits.naming import carry_step_dates, rename_new_server
from planner.core.errors import SettingsError
from planner.core.rules import propose
from planner.core.settings import Decisions, check_new_server_pattern
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


def _findings(inputs, settings, decisions):  # type: ignore[no-untyped-def]
    proposal = propose(inputs.estate, settings, decisions, knowledge_for(settings))
    return proposal, {f.code: f for f in proposal.findings}


def test_dates_fixed_on_a_new_servers_steps_follow_its_new_name() -> None:
    inputs = load_inputs([ESTATE])
    decisions = Decisions(pins={"sbs:config:FW-SE01": date(2027, 5, 3)},
                          not_before={"baseline:FW-SE01": date(2027, 5, 4)})
    settings = rename_new_server(inputs.settings, inputs.estate, "FW-SE01", "FW-MBX-HOF1")
    carried = carry_step_dates(decisions, "FW-SE01", "FW-MBX-HOF1")
    assert carried.pins == {"sbs:config:FW-MBX-HOF1": date(2027, 5, 3)}
    assert carried.not_before == {"baseline:FW-MBX-HOF1": date(2027, 5, 4)}
    proposal, found = _findings(inputs, settings, carried)
    assert {"sbs:config:FW-MBX-HOF1", "baseline:FW-MBX-HOF1"} <= {s.id for s in proposal.steps}
    assert not {"RULES-PIN-LOST", "RULES-NOT-BEFORE-LOST"} & set(found)


def test_a_pin_the_plan_no_longer_has_is_a_finding_not_silently_dropped() -> None:
    inputs = load_inputs([ESTATE])
    settings = rename_new_server(inputs.settings, inputs.estate, "FW-SE01", "FW-MBX-HOF1")
    _, found = _findings(inputs, settings, Decisions(pins={"sbs:config:FW-SE01": date(2027, 5, 3)}))
    lost = found["RULES-PIN-LOST"]
    assert "FW-SE01" in lost.message("en") and "03.05.2027" in lost.message("de")
    assert "sbs:" not in lost.message("en")  # no internal code


def test_a_rename_the_naming_pattern_no_longer_proposes_is_a_finding_naming_both() -> None:
    inputs = load_inputs([ESTATE])
    renamed = replace(inputs.settings, new_server_names={"FW-SE01": "FW-MBX-HOF1"})
    assert "RULES-RENAME-UNUSED" not in _findings(inputs, renamed, Decisions())[1]
    changed = replace(renamed, new_server_pattern="FW-X{n:02}")
    proposal, found = _findings(inputs, changed, Decisions())
    unused = found["RULES-RENAME-UNUSED"]
    for lang in ("en", "de"):
        assert "FW-SE01" in unused.message(lang) and "FW-MBX-HOF1" in unused.message(lang)
    assert all("FW-MBX-HOF1" not in s.title("en") for s in proposal.steps)


@pytest.mark.parametrize(("pattern", "site"), [
    ("{old}-EXCHANGE-SE", "Hof"), ("{site}-EXSE{n:02}", "Münchberg"),
    ("{site}-EXSE{n:02}", "Hof-Mitte-Nord")])
def test_a_new_server_name_windows_refuses_is_a_finding_until_it_is_renamed(
        pattern: str, site: str) -> None:
    """A pattern the settings accept may still make names no Windows server takes (over 15
    characters, an umlaut from the site's name): each is named in a warning with the
    server it replaces, and renaming that new server to a good name ends it."""
    inputs = load_inputs([ESTATE])
    assert "RULES-NEW-NAME-INVALID" not in _findings(inputs, inputs.settings, Decisions())[1]
    check_new_server_pattern(pattern)
    estate = replace(inputs.estate, servers=tuple(
        replace(s, site=site) if s.site == "Hof" else s for s in inputs.estate.servers),
        sites=tuple(replace(x, name=site) if x.name == "Hof" else x
                    for x in inputs.estate.sites))
    settings = replace(inputs.settings, new_server_pattern=pattern)
    proposal = propose(estate, settings, Decisions(), knowledge_for(settings))
    bad = [{x.name: x.value for x in f.fields} for f in proposal.findings
           if f.code == "RULES-NEW-NAME-INVALID"]
    assert bad
    first = bad[0]["name"]
    text = {lang: next(f for f in proposal.findings if f.code == "RULES-NEW-NAME-INVALID"
                       ).message(lang) for lang in ("en", "de")}
    assert "at most 15 characters" in text["en"] and "höchstens 15 Zeichen" in text["de"]
    assert all(first in x and bad[0]["server"] in x and "{" not in x for x in text.values())
    fixed = replace(settings, new_server_names={first: "FW-MBX-NEU1"})
    again = propose(estate, fixed, Decisions(), knowledge_for(fixed))
    names = [{x.name: x.value for x in f.fields}["name"] for f in again.findings
             if f.code == "RULES-NEW-NAME-INVALID"]
    assert first not in names and len(names) == len(bad) - 1
