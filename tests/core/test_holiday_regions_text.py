"""The report and the workbook name every holiday region the dates keep, with its sites: a
review read "Public holidays: AT – Oberösterreich" for a plan that kept Styria's and
Zürich's holidays at Graz and Zürich too."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.core.calendar import holiday_regions_text
from planner.core.report.assumptions import planning_table
from planner.core.report.wording import load_wording
from planner.pipeline import knowledge_for, load_inputs
from tests.sample_plans import sample_plan

ESTATES = Path(__file__).resolve().parents[1] / "estates"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_each_region_is_named_with_its_sites(lang: str) -> None:
    inputs = load_inputs([ESTATES / "alpenglas" / "inventory.xlsx"])
    text = holiday_regions_text(inputs.settings, inputs.estate, lang)
    assert text == "AT – Oberösterreich (Linz); AT – Steiermark (Graz); CH – Zürich (Zuerich)"


def test_a_project_region_without_sites_of_its_own_keeps_the_org_wide_steps() -> None:
    inputs = load_inputs([ESTATES / "vandijk-logistiek" / "inventory.xlsx"])
    text = holiday_regions_text(inputs.settings, inputs.estate, "en")
    assert text.startswith("NL (") and "; BE (Antwerpen Haven)" in text


def test_one_region_reads_as_before_and_reaches_the_report() -> None:
    plan = sample_plan("small")
    words = load_wording("en")
    row = next(r for r in planning_table(plan, knowledge_for(plan.settings), words).rows
               if r.cells[0] == words("a_calendar"))
    assert row.cells[1] == holiday_regions_text(plan.settings, plan.estate, "en")
    assert "(" not in row.cells[1]
