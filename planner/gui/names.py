"""Names for people instead of the codes the core carries (targets, rules, kinds, entities).

Everything here reads the shared text catalogue (``resources/text/<lang>/vocabulary.toml``)
or the knowledge base's rule texts, so the GUI says what the report and the workbook say.
A code the catalogue does not know is shown by its readable part (the name after the colon),
never as the code itself.
"""

from __future__ import annotations

from typing import Any

from planner.core.catalogue import catalogue
from planner.core.outline import target_label
from planner.core.plan import step_about
from planner.core.step_source import rule_title
from planner.core.vocabulary import ENTITIES, term
from planner.gui.i18n import ui_language

__all__ = ["entity_name", "rule_name", "step_name", "target_name"]

_ENTITY_ALIASES = {"relay_client": "relay", "organization": "org"}


def target_name(target: str, lang: str | None = None) -> str:
    """"server:EX01" -> "Server EX01", "org" -> "Organization" (the export's words)."""
    return target_label(target, lang or ui_language())


def entity_name(entity: str, lang: str | None = None) -> str:
    """An entity code ("server", "relay_clients") as a word ("Server", "Relay client")."""
    code = _ENTITY_ALIASES.get(entity, entity)
    if code not in ENTITIES and code.endswith("s"):
        code = _ENTITY_ALIASES.get(code[:-1], code[:-1])
    try:
        return catalogue(lang or ui_language())(term(code, ENTITIES).label_key)
    except KeyError:
        return entity.replace("_", " ")


def rule_name(rule: str, knowledge: Any, lang: str | None = None) -> str:
    """A rule id as the rule's title in the UI language (the id only if the rule is unknown)."""
    return rule_title(rule, knowledge, lang or ui_language())


def step_name(step_id: str, plan: Any, lang: str | None = None) -> str:
    """A step id as "<step title> (<target>)", from the plan that holds it."""
    lang = lang or ui_language()
    step = plan.proposal.step(step_id) if plan else None
    if step is None:  # a pin that outlived its step: what its id names, never the id
        return step_about(step_id)
    return f"{step.title(lang)} ({target_name(step.target, lang)})"
