"""Countries and states: names and codes both lead to the right holidays; unknown ones are told."""

from __future__ import annotations

from planner.core.model import Site
from planner.core.regions import (
    countries,
    country_code,
    region_findings,
    subdivision_code,
    subdivisions,
)
from planner.core.settings_io import settings_from_table


def test_a_typed_country_name_is_its_own_code_never_a_prefix():
    assert country_code("Germany") == "DE"  # not GE, Georgia
    assert country_code("deutschland") == "DE"
    assert country_code("Österreich") == "AT"
    assert country_code("DEU") == "DE"
    assert country_code("ge") == "GE"
    assert country_code("Narnia") is None


def test_state_names_and_codes_lead_to_the_same_code():
    assert subdivision_code("DE", "Nordrhein-Westfalen") == "NW"
    assert subdivision_code("DE", "nw") == "NW"
    assert subdivision_code("DE", "") == ""
    assert subdivision_code("AT", "Wien") == "9"
    assert subdivision_code("DE", "Wien") is None
    assert ("NW", "Nordrhein-Westfalen") in subdivisions("DE")


def test_country_names_follow_the_language():
    assert dict(countries("de"))["DE"] == "Deutschland"
    assert dict(countries("en"))["GE"] == "Georgia"
    assert dict(countries("de"))["GE"] == "Georgien"


def test_a_settings_file_with_names_stores_codes():
    settings = settings_from_table({"project": {"country": "Germany",
                                                "subdivision": "Nordrhein-Westfalen"}})
    assert (settings.country, settings.subdivision) == ("DE", "NW")


def test_an_unknown_stored_region_is_a_finding_per_place():
    assert region_findings("DE", "NW") == ()
    found = region_findings("DE", "NORDRHEIN", (Site("BER", country="XX"),
                                                Site("MUC", country="DE", subdivision="BY")))
    assert [f.target for f in found] == ["project", "site:BER"]
    assert "NORDRHEIN" in found[0].message("de") and "XX" in found[1].message("en")
