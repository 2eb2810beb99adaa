"""The bundled samples import cleanly, and every variant of the mixed estate is the same estate."""

from __future__ import annotations

from datetime import date

import pytest

from planner.core.importing import import_files
from planner.core.importing.values import canonical_build
from planner.core.model import ConnectorType, Estate, Severity
from planner.core.outline import finding_location
from tests.paths import LEGACY, MIXED, SAMPLES, SMALL

POWERSHELL = sorted((SAMPLES / "mixed-powershell").iterdir())
MESSY = SAMPLES / "mixed-messy-de" / "Bestand.xlsx"


def _errors(paths: list) -> list[str]:
    result = import_files(paths)
    return [f"{f.code} {finding_location(f, 'en')} {f.message('en')}" for f in result.findings
            if f.severity is Severity.ERROR]


@pytest.mark.parametrize("paths", [[SMALL], [MIXED], [LEGACY], POWERSHELL, [MESSY]],
                         ids=["small", "mixed", "legacy", "powershell", "messy-de"])
def test_every_sample_imports_without_errors(paths: list) -> None:
    assert _errors(paths) == []


def _servers(estate: Estate) -> set[tuple[str, str, tuple[str, ...], str | None, str]]:
    return {(s.name.lower(), s.site, s.roles, canonical_build(s.build), s.dag.lower())
            for s in estate.servers}


def _dags(estate: Estate) -> set[tuple[str, frozenset[str]]]:
    return {(d.name.lower(), frozenset(m.lower() for m in d.members)) for d in estate.dags}


def _connectors(estate: Estate) -> set[tuple[str, str, frozenset[str]]]:
    return {(c.type.value, c.name.lower(), frozenset(s.lower() for s in c.servers))
            for c in estate.connectors}


@pytest.mark.parametrize("variant", [POWERSHELL, [MESSY]], ids=["powershell", "messy-de"])
def test_variants_of_the_mixed_estate_agree_with_the_template(variant: list) -> None:
    template = import_files([MIXED]).estate
    other = import_files(variant).estate
    assert _servers(other) == _servers(template)
    assert _dags(other) == _dags(template)
    assert _connectors(other) == _connectors(template)


def test_mixed_sample_has_what_the_planner_needs() -> None:
    estate = import_files([MIXED]).estate
    assert {s.name for s in estate.sites} == {"Berlin", "München"}
    assert estate.organization.hybrid is True
    builds = {canonical_build(s.build) for s in estate.servers}
    assert builds == {"15.1.2507.61", "15.2.1748.39"}
    assert any(s.is_edge for s in estate.servers)
    types = {c.type for c in estate.connectors}
    assert {ConnectorType.EXO_INBOUND, ConnectorType.SEND, ConnectorType.RECEIVE} <= types
    hybrid_send = next(c for c in estate.connectors if c.cloud_mail_enabled)
    assert set(hybrid_send.servers) == {"BER-EX19-01", "BER-EX16-01"}
    assert len(estate.relay_clients) == 3 and len(estate.namespaces) == 3
    assert estate.exo_reports[0].first_detected == date(2026, 11, 16)


def test_project_sheet_gives_the_settings_table_in_toml_shape() -> None:
    table = import_files([MIXED]).settings_table
    assert "start" not in table["project"]  # planned from the day it is opened
    assert (table["project"]["country"], table["project"]["subdivision"]) == ("DE", "BY")
    assert [c["name"] for c in table["consultants"]] == ["A. Berger", "K. Yilmaz"]
    assert table["freezes"][0]["start"] == date(2026, 12, 21)
    assert table["windows"]["maintenance_days"] == ["Sat"]


def test_messy_sheet_values_are_understood() -> None:
    estate = import_files([MESSY]).estate
    ex16 = estate.server("BER-EX16-01")
    assert ex16 is not None
    assert ex16.mailbox_data_gb == pytest.approx(1.2 * 1024)  # "1,2 TB"
    assert ex16.virtual is True and ex16.mailbox_count == 620
    assert estate.server("BER-EX19-01").build == "15.2.1748.39"  # AdminDisplayVersion form
    muc = estate.site("München")
    assert muc is not None and muc.subdivision == "BY"  # "Bayern"
    assert len(estate.databases) == 5  # second table on the same sheet


def test_legacy_sample_still_has_2013_and_2019_cu12() -> None:
    builds = {canonical_build(s.build) for s in import_files([LEGACY]).estate.servers}
    assert builds == {"15.0.1497.48", "15.2.1118.7"}


@pytest.mark.parametrize("path", [SMALL, MIXED, LEGACY], ids=["small", "mixed", "legacy"])
def test_project_sheets_are_valid_settings(path) -> None:  # type: ignore[no-untyped-def]
    from planner.core.settings_io import settings_from_table

    settings = settings_from_table(import_files([path]).settings_table)
    assert settings.start == date.today() and settings.maintenance_days == ("Sat",)
    assert settings.freezes and settings.consultants
