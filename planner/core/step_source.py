"""What a step rests on, in words: the rule that proposed it and the document behind it.

Every deliverable shows it beside the step (report step list, Excel plan, MS Project task
notes, the GUI's step details), so a reviewer never has to look the rule up in the facts.
"""

from __future__ import annotations

from planner.core.catalogue import catalogue
from planner.core.knowledge import Knowledge
from planner.core.plan import Step

__all__ = ["step_source_text"]


def step_source_text(step: Step, knowledge: Knowledge, lang: str) -> str:
    """"Rule “…”; source: …" in ``lang``; the rule's name from rules.toml, never its id.

    The source is the step's own (a fact it rests on) or else the rule's; "" when neither
    is known (a step made outside the rules).
    """
    rule = knowledge.rules.get(step.rule)
    source = step.source or (rule.source if rule is not None else "")
    words = catalogue(lang)
    if rule is None:
        return words("plan.source.only", source=source) if source else ""
    title: str = getattr(rule, f"title_{words.lang}", rule.title_en)
    key = "plan.source.rule_and_source" if source else "plan.source.rule"
    return words(key, rule=title, source=source)
