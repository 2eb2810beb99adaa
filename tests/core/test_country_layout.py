"""Deliverables laid out for the customer's country: a US customer's report and workbook had
been on A4 and its MS Project file in euros (Mercy Valley, a review)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

from planner.core.export.mspdi import NAMESPACE, write_mspdi
from planner.core.settings_io import settings_from_table
from planner.pipeline import knowledge_for
from tests.sample_plans import sample_plan


@pytest.mark.parametrize(("project", "paper"), [
    ({"country": "US"}, "Letter"),
    ({"country": "Canada"}, "Letter"),
    ({"country": "US", "paper": "A4"}, "A4"),  # named: kept
    ({"country": "DE"}, "A4"),
    ({"country": "GB"}, "A4"),
])
def test_the_paper_follows_the_country_unless_named(project: dict[str, str], paper: str) -> None:
    assert settings_from_table({"project": project}).paper == paper


@pytest.mark.parametrize(("country", "code", "symbol"), [
    ("US", "USD", "$"), ("CH", "CHF", "CHF"), ("GB", "GBP", "£"), ("DE", "EUR", "€"),
    ("XX", "EUR", "€"),  # unknown: the default
])
def test_ms_project_gets_the_countrys_currency(country: str, code: str, symbol: str,
                                              tmp_path: Path) -> None:
    plan = sample_plan("mixed")
    plan = replace(plan, settings=replace(plan.settings, country=country))
    path = tmp_path / "plan.xml"
    write_mspdi(plan, knowledge_for(plan.settings), path, "en")
    root = SafeET.parse(path).getroot()
    ns = {"p": NAMESPACE}
    assert root.findtext("p:CurrencyCode", namespaces=ns) == code
    assert root.findtext("p:CurrencySymbol", namespaces=ns) == symbol
