"""Every fact is read through the typed accessors of planner.core.knowledge_facts (#14)."""

from __future__ import annotations

import re
from datetime import date

from planner.core.knowledge import load_knowledge
from planner.core.knowledge_facts import facts_of
from tests.paths import ROOT

# Modules that handle facts as a whole (load, override, list them all), not one by key.
_WHOLE = {"knowledge.py", "knowledge_files.py", "knowledge_overlay.py", "knowledge_overrides.py",
          "knowledge_records.py", "knowledge_facts.py", "documentation_facts.py",
          "assumptions.py"}
_BY_KEY = re.compile(r"""\.facts\[|\.facts\.get\(|\.fact\(\s*f?["']""")


def test_no_module_reads_a_fact_by_its_key_outside_the_accessors() -> None:
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}"
             for p in sorted((ROOT / "planner").rglob("*.py")) if p.name not in _WHOLE
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if _BY_KEY.search(line)]
    assert found == [], "\n".join(found)


def test_the_accessors_read_the_projects_override() -> None:
    shipped = facts_of(load_knowledge())
    changed = facts_of(load_knowledge({"upgrade.cu_target": "CU16",
                                       "upgrade.se_cu_blocking_old.date": "2028-01-31"}))
    assert shipped.cu_target == "CU15" and changed.cu_target == "CU16"
    assert changed.se_cu_blocking_date == date(2028, 1, 31) != shipped.se_cu_blocking_date
    assert "2019" in shipped.os_se_supported and shipped.se_min_build > 0
