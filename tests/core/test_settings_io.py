"""Settings from TOML / a Project sheet / the project file, and clear errors for bad values."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from planner.core.errors import KnowledgeError, error_words
from planner.core.settings import Consultant, Decisions, Freeze, Settings
from planner.core.settings_file import load_settings_toml, save_settings_toml, settings_to_toml
from planner.core.settings_io import (
    SettingsError,
    decisions_from_plain,
    decisions_to_plain,
    settings_from_plain,
    settings_from_table,
    settings_to_plain,
)
from planner.pipeline import knowledge_for

ISSUE_EXAMPLE = """
[project]
start = 2026-12-01          # first working day of the plan
country = "DE"
subdivision = "BY"          # holidays
[enforcement]
pause_days_used = { 2026 = 0 }
first_detected = { "EX01.contoso.com" = 2026-09-14 }   # per server name or FQDN; optional
[[consultants]]
name = "Anna"
days_per_week = 5
absent = [["2026-12-21", "2027-01-06"]]
[[freezes]]
start = 2026-12-19
end = 2027-01-06
[windows]
maintenance_days = ["Sat"]  # steps that need a window fall on these days
"""

FULL = Settings(
    customer="Contoso GmbH",
    start=date(2027, 1, 11),
    country="AT",
    subdivision="9",
    language="en",
    consultants=(
        Consultant("Anna", 5, ((date(2026, 12, 21), date(2027, 1, 6)),)),
        Consultant("Bernd Müller", 3),
    ),
    freezes=(Freeze(date(2026, 12, 19), date(2027, 1, 6), "Jahresende"),),
    working_holidays=("Heilige Drei Könige", "2027-10-26"),
    maintenance_days=("Sat", "Sun"),
    pause_days_used={2026: 20, 2027: 0},
    first_detected={"EX01.contoso.com": date(2026, 9, 14), "EX02": date(2026, 9, 20)},
    fixed_pauses=((date(2027, 1, 15), 30), (date(2027, 6, 1), 10)),
    policy_overrides={
        "baseline.2019.CU14": "15.2.1544.36",
        "upgrade.se_cu_blocking_old.date": "2026-12-31",
        "duration.install_se": 2,
    },
    durations={"mailbox_moves": 3.0, "install_se": 1.5},
    throughput_gb_per_day=250.0,
    solver_time_limit_s=5.0,
    company='Beratung "Nord" AG',
    consultant_name="A. Berger",
    logo_path="C:\\Logos\\nord.png",
    plan_version="2.1",
    paper="Letter",
)


def test_the_issue_example(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(ISSUE_EXAMPLE, encoding="utf-8")
    s = load_settings_toml(path)
    assert (s.start, s.country, s.subdivision) == (date(2026, 12, 1), "DE", "BY")
    assert s.pause_days_used == {2026: 0}
    assert s.first_detected == {"EX01.contoso.com": date(2026, 9, 14)}
    assert s.consultants == (Consultant("Anna", 5, ((date(2026, 12, 21), date(2027, 1, 6)),)),)
    assert s.freezes == (Freeze(date(2026, 12, 19), date(2027, 1, 6)),)
    assert s.maintenance_days == ("Sat",)
    assert s.fixed_pauses is None  # no [enforcement] pauses: the scheduler chooses


def test_empty_table_gives_defaults() -> None:
    s = settings_from_table({})
    default = Settings()
    assert (s.country, s.subdivision, s.consultants, s.maintenance_days) == (
        default.country,
        default.subdivision,
        default.consultants,
        default.maintenance_days,
    )


def test_toml_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_settings_toml(FULL, path)
    assert load_settings_toml(path) == FULL
    assert settings_from_table(tomllib.loads(settings_to_toml(FULL))) == FULL


def test_plain_round_trip_is_json_ready() -> None:
    import json

    plain = settings_to_plain(FULL)
    assert settings_from_plain(json.loads(json.dumps(plain))) == FULL
    no_pauses = Settings(start=date(2027, 1, 1), fixed_pauses=())
    assert settings_from_plain(settings_to_plain(no_pauses)).fixed_pauses == ()


def test_decisions_round_trip() -> None:
    import json

    decisions = Decisions(
        excluded_servers=frozenset({"EX03"}),
        paths={"EX01": "side_by_side"},
        disabled_rules=frozenset({"hybrid_hcw"}),
        pins={"inplace:EX01": date(2027, 2, 6)},
        not_before={"decommission:EX02": date(2027, 3, 1)},
        repoint_exo_connector=frozenset({"EX02"}),
        new_servers={"EX2016-01": 2},
    )
    plain = json.loads(json.dumps(decisions_to_plain(decisions)))
    assert decisions_from_plain(plain) == decisions
    assert decisions_from_plain({}) == Decisions()


def test_project_sheet_shape_with_template_keys() -> None:
    """The inventory template writes windows.days and German day names may appear."""
    s = settings_from_table(
        {
            "project": {"customer": "Contoso", "start": "2026-12-01", "language": "EN"},
            "consultants": [{"name": "Consultant 1", "days_per_week": 5.0}],
            "windows": {"days": ["Sa", "Sonntag"]},
            "enforcement": {"pauses": [["2027-01-04", 14]]},
        }
    )
    assert s.maintenance_days == ("Sat", "Sun") and s.language == "en"
    assert s.fixed_pauses == ((date(2027, 1, 4), 14),)


def test_overrides_split_at_the_dots_are_joined_again() -> None:
    """The Project sheet turns ``enforcement.overrides.policy.start`` into nested tables."""
    nested = {
        "policy": {"start": "2026-09-14"},
        "baseline": {"2019": {"CU14": {"min_build": "15.2.1544.36"}}},
        "duration": {"install_se": 2},
    }
    s = settings_from_table({"enforcement": {"overrides": nested}})
    assert s.policy_overrides == {
        "policy.start": "2026-09-14",
        "baseline.2019.CU14": {"min_build": "15.2.1544.36"},
        "duration.install_se": 2,
    }


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"projekt": {}}, "projekt: unknown key"),
        ({"project": {"strat": "2026-12-01"}}, "project.strat: unknown key"),
        ({"project": {"start": "01.12.2026"}}, "project.start: expected a date"),
        ({"project": {"language": "fr"}}, "project.language: expected one of en, de"),
        ({"project": {"throughput_gb_per_day": 0}}, "project.throughput_gb_per_day"),
        ({"enforcement": {"pause_days_used": {"last year": 3}}}, "expected a year"),
        ({"enforcement": {"pause_days_used": {"2026": 400}}}, "pause_days_used.2026"),
        ({"enforcement": {"first_detected": {"EX01": "soon"}}}, "first_detected.EX01"),
        ({"enforcement": {"pauses": [{"start": "2027-01-04"}]}}, "pauses[0].days"),
        ({"enforcement": {"overrides": {"policy.strt": 1}}}, 'overrides."policy.strt"'),
        ({"enforcement": {"overrides": {"policy.start": "soon"}}}, "expected a date"),
        ({"consultants": [{"name": "A", "days_per_week": "five"}]}, "consultants[1].days_per_week"),
        ({"consultants": [{"days_per_week": 5}]}, "consultants[1].name"),
        ({"consultants": []}, "at least one consultant"),
        ({"consultants": [{"name": "A", "absent": [["2027-01-06", "2026-12-21"]]}]}, "absent[0]"),
        ({"freezes": [{"start": "2027-01-06", "end": "2026-12-19"}]}, "freezes[1].end"),
        ({"windows": {"maintenance_days": ["Caturday"]}}, "maintenance_days[0]"),
        ({"durations": {"coffee": 1}}, "durations.coffee: unknown step kind"),
        ({"durations": {"install_se": -1}}, "durations.install_se"),
    ],
)
def test_bad_values_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError) as error:
        settings_from_table(table, source="plan.toml")
    assert str(error.value).startswith("plan.toml: ")
    assert message in str(error.value)


@pytest.mark.parametrize("value", ['""', '" "', '"15.2.2562.46"', '{ min_build = "" }'])
def test_an_empty_or_foreign_baseline_override_names_its_key(tmp_path: Path, value: str) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(f'[enforcement.overrides]\n"baseline.2016.CU23" = {value}\n',
                    encoding="utf-8")
    with pytest.raises(SettingsError) as error:
        load_settings_toml(path)
    assert '"baseline.2016.CU23"' in str(error.value)
    assert "empty" in str(error.value) or "not an Exchange 2016 build" in str(error.value)


def test_a_project_files_empty_baseline_override_stops_planning_naming_the_key() -> None:
    # A saved project reopens as it was (its overrides are not checked then); planning
    # it refuses the empty override with the key, never plans with it.
    settings = settings_from_plain(
        {"enforcement": {"overrides": {"baseline.2016.CU23": ""}}})
    assert settings.policy_overrides == {"baseline.2016.CU23": ""}
    with pytest.raises(KnowledgeError, match=r"'baseline\.2016\.CU23': the value is empty"):
        knowledge_for(settings)


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[project\nstart = 2026-12-01\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"broken\.toml: not valid TOML"):
        load_settings_toml(broken)
    with pytest.raises(SettingsError, match=r"missing\.toml: settings file not found"):
        load_settings_toml(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text('[project]\nstart = "tomorrow"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as error:
        load_settings_toml(bad)
    assert error.value.key == "project.start" and str(bad) in str(error.value)


@pytest.mark.parametrize(("text", "german"), [
    ("[[consultants]]\ndays_per_week = 5\n", "jeder Berater braucht einen Namen"),
    ("[windows]\nmaintenance_days = ['Funday']\n", "„Funday“ ist kein Wochentag"),
    ("[[freezes]]\nname = 'x'\nstart = 2026-12-20\n", "braucht einen Anfang und ein Ende"),
    ("[[freezes]]\nstart = 2026-12-20\nend = 2026-12-01\n", "liegt vor dem Beginn"),
    ("[durations]\nno_such_step = 2\n", "unbekannte Schrittart „no_such_step“"),
    ("project = [\n", "keine gültige Einstellungsdatei (TOML)"),
])
def test_every_settings_error_says_what_is_wrong_in_the_readers_words(
        tmp_path: Path, text: str, german: str) -> None:
    """A SettingsError carries its problem as a message: a window shows it in the
    reader's language, with the file's name and no folder; its text stays English."""
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as error:
        load_settings_toml(path)
    assert error.value.problem is not None
    shown = error_words(error.value, "de")
    assert german in shown and str(tmp_path) not in shown, shown
    assert shown != str(error.value)
