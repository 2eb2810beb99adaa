"""Import findings name fields as people read them, never by the record field's code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.catalogue import catalogue
from planner.core.importing import import_files
from planner.core.importing.schema import ENTITIES

CODES = {f.name for e in ENTITIES for f in e.fields if "_" in f.name}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_inventory_field_has_a_display_name(lang: str) -> None:
    words = catalogue(lang)
    missing = [f"{e.key}.{f.name}" for e in ENTITIES for f in e.fields
               if f"vocabulary.field.{e.key}.{f.name}" not in words.messages]
    assert missing == []


def _no_codes(text: str) -> None:
    found = {c for c in CODES if re.search(rf"\b{c}\b", text)}
    assert not found, text


def test_conflict_and_guess_findings_name_the_field_in_each_language(tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("Name;Type;AddressSpaces;Servers\nTo Internet;send;*;EX01\n",
                     encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("Name;Type;AddressSpaces;Servers\nTo Internet;send;contoso.com;EX01\n",
                      encoding="utf-8")
    edge = tmp_path / "Get-EdgeSubscription.csv"  # "Domain" is only a guess for address spaces
    edge.write_text("Name,Site,Domain\nEDGE01,Berlin,contoso.com\n", encoding="utf-8")
    no_name = tmp_path / "servers.csv"
    no_name.write_text("Name;Build;Roles\n;15.2.1748.39;Mailbox\n", encoding="utf-8")
    result = import_files([first, second, edge, no_name])
    shown = {f.code: f for f in result.findings}
    conflict = shown["IMPORT-CONFLICT"]
    assert "address spaces is" in conflict.message("en")
    # the other source's place in the reader's words ("Zeile 2", not "row 2")
    assert "Adressräume ist „*“ in a.csv › Zeile 2, hier aber „contoso.com“" in \
        conflict.message("de")
    guessed = shown["IMPORT-COLUMN-GUESSED"]
    assert "“address spaces” (69% sure)" in guessed.message("en")
    assert "„Adressräume“ gelesen (69\u00a0% sicher)" in guessed.message("de")  # "69 %"
    assert "IMPORT-ROW-NO-NAME" in shown and "server name" in shown[
        "IMPORT-ROW-NO-NAME"].message("en")
    for f in result.findings:
        _no_codes(f.message("en"))
        _no_codes(f.message("de"))


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ("1 site", "3 servers", "1 DAG,", "2 databases")),
    ("de", ("1 Standort", "3 Server", "1 DAG,", "2 Datenbanken"))])
def test_check_counts_with_real_plurals(capsys: pytest.CaptureFixture[str], lang: str,
                                        words: tuple[str, ...]) -> None:
    sample = Path(__file__).resolve().parents[3] / "resources" / "samples" / "small"
    main(["check", *map(str, sorted(sample.glob("*.*"))), "--lang", lang])
    out = capsys.readouterr().out
    assert all(w in out for w in words), out
    assert "1 DAGs" not in out and "1 sites" not in out
