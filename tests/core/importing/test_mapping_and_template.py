"""The chosen mapping can be saved, corrected and reused; the template explains itself."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from planner.core.importing import (
    ColumnChoice,
    ColumnMapping,
    MappingError,
    SheetMapping,
    import_files,
    load_mapping,
    save_mapping,
)
from planner.core.importing.schema import ENTITIES
from planner.core.importing.template import write_template

ODD = "Kiste,Ausführung,Krempel\nEX01,15.2.1748.39,egal\nEX02,15.1.2507.61,egal\n"


def test_unrecognised_headers_import_once_the_user_maps_them(tmp_path: Path) -> None:
    csv = tmp_path / "odd.csv"
    csv.write_text(ODD, encoding="utf-8")
    assert import_files([csv]).estate.servers == ()
    fixed = ColumnMapping((SheetMapping("odd.csv", "", "server", 1, (
        ColumnChoice(0, "Kiste", "name", 1.0), ColumnChoice(1, "Ausführung", "build", 1.0),
        ColumnChoice(2, "Krempel", "", 1.0))),))
    saved = tmp_path / "map.json"
    save_mapping(fixed, saved)
    result = import_files([csv], load_mapping(saved))
    assert [s.name for s in result.estate.servers] == ["EX01", "EX02"]
    assert result.mappings[0].columns[0].field == "name"


def test_a_saved_mapping_overrides_recognition(tmp_path: Path) -> None:
    csv = tmp_path / "s.csv"
    csv.write_text("Name,Build,Notes\nEX01,15.2.1748.39,Berlin\n", encoding="utf-8")
    chosen = import_files([csv]).mappings
    notes = next(c for c in chosen[0].columns if c.header == "Notes")
    corrected = replace(chosen[0], columns=tuple(
        replace(c, field="site") if c is notes else c for c in chosen[0].columns))
    result = import_files([csv], ColumnMapping((corrected,)))
    assert result.estate.servers[0].site == "Berlin"


def test_mapping_round_trip_and_bad_files(tmp_path: Path) -> None:
    csv = tmp_path / "s.csv"
    csv.write_text("Servername,Version\nEX01,15.2.1748.39\n", encoding="utf-8")
    mapping = ColumnMapping(import_files([csv]).mappings)
    save_mapping(mapping, tmp_path / "m.json")
    assert load_mapping(tmp_path / "m.json") == mapping
    (tmp_path / "bad.json").write_text('{"sheets": [{"file": 1}]}', encoding="utf-8")
    with pytest.raises(MappingError, match=r"bad\.json"):
        load_mapping(tmp_path / "bad.json")
    with pytest.raises(MappingError):
        load_mapping(tmp_path / "nope.json")


def test_template_has_a_sheet_per_entity_with_comments_and_validation(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    write_template(out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [e.sheet for e in ENTITIES] + ["Project"]
    servers = book["Servers"]
    assert servers["A1"].value == "Name" and "DE:" in servers["A1"].comment.text
    ranges = {str(dv.sqref) for dv in servers.data_validations.dataValidation}
    assert ranges  # roles, virtual, SendsToEXO choices
    connectors = book["Connectors"]
    formulas = {dv.formula1 for dv in connectors.data_validations.dataValidation}
    assert any("exo_inbound" in (f or "") for f in formulas)


def test_template_example_rows_are_skipped_and_settings_are_read(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    write_template(out)
    result = import_files([out])
    assert result.estate.servers == ()
    assert {f.code for f in result.findings} == {"IMPORT-ROW-EXAMPLE"}
    assert result.settings_table["project"]["subdivision"] == "BY"
