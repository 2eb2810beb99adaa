"""A step's id is the planner's key, not a word for people: no cell of the workbook (every
sheet, every column) and no text of the MS Project file carries one. A pin names the step by
the title these files show (``tests/cli/test_plan_pins.py``)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import load_knowledge
from tests.paths import SAMPLES
from tests.sample_plans import sample_plan

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())


def _ids_in(texts: list[str], ids: set[str]) -> set[str]:
    # a whole cell or a line of a note that is an id, or an id with its label ("ID: x:y")
    found = set()
    for text in texts:
        for line in text.splitlines():
            found |= {i for i in ids if line.strip() == i or line.rstrip().endswith(f": {i}")}
    return found


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_no_deliverable_file_shows_a_step_id(name: str, lang: str, tmp_path: Path) -> None:
    plan, knowledge = sample_plan(name), load_knowledge()
    ids = {s.id for s in plan.proposal.steps}
    write_workbook(plan, knowledge, tmp_path / "plan.xlsx", lang)
    cells = [str(v) for sheet in load_workbook(tmp_path / "plan.xlsx", read_only=True).worksheets
             for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    write_mspdi(plan, knowledge, tmp_path / "plan.xml", lang)
    texts = [e.text for e in ET.parse(tmp_path / "plan.xml").iter() if e.text]
    assert len(cells) > len(ids) and len(texts) > len(ids)
    assert _ids_in(cells, ids) == set()
    assert _ids_in(texts, ids) == set()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_decisions_are_listed_in_words(lang: str, tmp_path: Path) -> None:
    """A pin, a not-before date, a forced path and a rule switched off, as the Assumptions
    sheet lists them: step titles, the path's and the rule's names; never their codes."""
    from datetime import date

    from planner.core.settings import Decisions
    from planner.pipeline import knowledge_for, make_plan
    from tests.sample_plans import sample_inputs

    inputs = sample_inputs("mixed")
    knowledge = knowledge_for(inputs.settings)
    decisions = Decisions(pins={"inplace:BER-EX19-01": date(2027, 1, 9)},
                          not_before={"adprep:org": date(2026, 12, 14)},
                          paths={"MUC-EX19-01": "side_by_side"},
                          disabled_rules=frozenset({"hybrid_hcw"}))
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings, decisions, knowledge)
    write_workbook(plan, knowledge, tmp_path / "plan.xlsx", lang)
    cells = [str(v) for row in load_workbook(tmp_path / "plan.xlsx", read_only=True)
             .worksheets[-1].iter_rows(values_only=True) for v in row if isinstance(v, str)]
    text = "\n".join(cells)
    for code in ("inplace:BER-EX19-01", "adprep:org", "side_by_side", "hybrid_hcw"):
        assert code not in text
    titles = {s.id: s.title(lang) for s in plan.proposal.steps}
    assert titles["inplace:BER-EX19-01"] in text and titles["adprep:org"] in text
