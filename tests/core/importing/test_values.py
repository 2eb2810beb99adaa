"""Cell values the way customers and PowerShell write them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner.core.importing import values as v


@pytest.mark.parametrize(("raw", "german", "expected"), [
    ("1.234,5", False, 1234.5), ("1,234.5", False, 1234.5), ("1,2", False, 1.2),
    ("1.234", True, 1234.0), ("1.234", False, 1.234), ("13,421,772,800", False, 13421772800.0),
    ("812,5", True, 812.5), (620.0, False, 620.0), ("1 234", False, 1234.0),
])
def test_numbers_with_decimal_commas_and_thousands(raw: object, german: bool,
                                                   expected: float) -> None:
    assert v.parse_number(raw, german) == pytest.approx(expected)


@pytest.mark.parametrize(("raw", "expected"), [
    ("1,2 TB", 1228.8), ("1.2 TB", 1228.8), ("850 GB", 850.0), ("512 MB", 0.5),
    ("12.5 GB (13,421,772,800 bytes)", 12.5), ("60", 60.0), (410.0, 410.0),
])
def test_sizes_in_gb(raw: object, expected: float) -> None:
    assert v.parse_size_gb(raw) == pytest.approx(expected, rel=1e-3)


def test_bare_size_uses_the_unit_in_the_header() -> None:
    assert v.parse_size_gb("1,5", True, v.unit_factor_from_header("Größe (TB)")) == 1536.0


@pytest.mark.parametrize(("raw", "expected"), [
    ("14.10.2025", date(2025, 10, 14)), ("2025-10-14", date(2025, 10, 14)),
    ("10/14/2025 10:00:00 AM", date(2025, 10, 14)), (datetime(2025, 10, 14, 8), date(2025, 10, 14)),
    ("14.10.2025 08:00", date(2025, 10, 14)),
])
def test_dates(raw: object, expected: date) -> None:
    assert v.parse_date(raw) == expected


def test_bad_values_raise_value_error() -> None:
    for parse in (v.parse_date, v.parse_number, v.parse_bool, v.parse_size_gb):
        with pytest.raises(ValueError):
            parse("kaputt")
    with pytest.raises(ValueError):
        v.parse_int("12,5", True)


@pytest.mark.parametrize(("raw", "expected"), [
    ("ja", True), ("Nein", False), ("x", True), ("TRUE", True), ("virtuell", True),
    ("physisch", False), (1.0, True),
])
def test_flags(raw: object, expected: bool) -> None:
    assert v.parse_bool(raw) is expected


def test_lists_and_address_spaces() -> None:
    assert v.split_list("EX01; EX02,EX03 EX04") == ("EX01", "EX02", "EX03", "EX04")
    assert v.split_list("{EX01, EX02}") == ("EX01", "EX02")
    assert v.split_address_spaces("SMTP:*;1,SMTP:contoso.mail.onmicrosoft.com;1") == (
        "*", "contoso.mail.onmicrosoft.com")


def test_powershell_type_names_are_recognised() -> None:
    assert v.is_type_name("System.Collections.Generic.List`1[System.String]")
    assert v.is_type_name(
        "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.IPRange]")
    assert v.is_type_name("System.Object[]")
    assert not v.is_type_name("EX01; EX02")


def test_build_notations_and_exchange_specific_texts() -> None:
    assert v.canonical_build("Version 15.2 (Build 1748.39)") == "15.2.1748.39"
    assert v.canonical_build("15.02.1748.039") == "15.2.1748.39"
    assert v.canonical_build("Exchange 2019 CU14") is None
    assert v.site_name("contoso.local/Configuration/Sites/München") == "München"
    assert v.certificate_subject("<I>CN=CA, O=X<S>CN=mail.contoso.de, O=Contoso") == \
        "mail.contoso.de"
