"""Knowledge facts kept as documentation: no code reads them, so overriding one changes nothing.

A fact is marked ``documentation = true`` in ``resources/knowledge`` when no planning
decision depends on it (it is listed in the report and the Excel plan for the customer).
A project may still override it; this module says so, so nobody believes the plan moved.
"""

from __future__ import annotations

from planner.core.knowledge import Knowledge
from planner.core.model import Finding, Severity

__all__ = ["OVERRIDE_CODE", "documentation_override_findings"]

OVERRIDE_CODE = "KNOWLEDGE-OVERRIDE-DOCUMENTATION"


def documentation_override_findings(knowledge: Knowledge) -> tuple[Finding, ...]:
    """A note per project override of a documentation-only fact."""
    out: list[Finding] = []
    for key in knowledge.overrides_applied:
        fact = knowledge.facts.get(key)
        if fact is None or not fact.documentation:
            continue
        out.append(Finding.about(Severity.INFO, OVERRIDE_CODE, "project",
                                 "plan.knowledge.documentation_override", fact=key))
    return tuple(out)
