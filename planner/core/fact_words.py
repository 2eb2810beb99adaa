"""A knowledge fact in words: its name, its text values and its source, in one language.

The report's facts table and the Excel plan's assumptions sheet both show facts; they read
names, values and sources through here, so a fact reads the same in both and never as its
key (``upgrade.2016_path``) or a code value (``side_by_side``).

>>> from planner.core.catalogue import catalogue
>>> fact_name(catalogue("de"), "upgrade.2016_path")
'Weg von Exchange 2016 zu SE'
>>> value_words(catalogue("de"), ["arbitration", "users"])
'Schiedspostfächer, Benutzerpostfächer'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planner.core.build_lists import BuildListStatus
from planner.core.catalogue import Catalogue
from planner.core.vocabulary import STEP_KINDS

__all__ = ["build_list_words", "fact_name", "fact_name_keys", "knowledge_name", "value_words",
           "word_key"]

# The report lists the facts a customer should know (report.facts); the rest have their
# names beside the Excel plan's words (export.fact).
_NAME_SECTIONS = ("report.facts.", "export.fact.")


def fact_name_keys(key: str) -> tuple[str, ...]:
    """The catalogue keys that may hold a fact's name, in the order they are read."""
    return tuple(section + key for section in _NAME_SECTIONS)


# An enforcement stage's overridable value: stage.<n>.<field> (knowledge_overrides).
_STAGE_KEY = re.compile(r"stage\.(\d+)\.(start_day|end_day|kind)")
_STAGE_COLUMNS = {"start_day": "export.col.from_day", "end_day": "export.col.end_before_day",
                  "kind": "export.col.kind"}


def fact_name(words: Catalogue, key: str) -> str:
    """A fact's name for people ("Stage 2: From day" for a stage's value); the key only when
    no catalogue names it (a test forbids it)."""
    for full in fact_name_keys(key):
        if words.has(full):
            return words(full)
    stage = _STAGE_KEY.fullmatch(key)
    if stage:
        return words("export.stage_fact", n=int(stage.group(1)),
                     field=words(_STAGE_COLUMNS[stage.group(2)]))
    return key


def knowledge_name(words: Catalogue, key: str) -> str:
    """A step duration's or a fact's name for people: the step kind's label, a duration's own
    name (``export.duration.<key>``, e.g. the move throughput), else the fact's name."""
    if key in STEP_KINDS:
        return words(STEP_KINDS[key].label_key)
    full = f"export.duration.{key}"
    return words(full) if words.has(full) else fact_name(words, key)


def word_key(text: str) -> str:
    """A phrase as a catalogue key: lower case, non-letters as ``_``."""
    return re.sub(r"\W+", "_", text).strip("_").lower()


def _one_value(words: Catalogue, value: object) -> str:
    # A text value of the knowledge base (a Microsoft term, a kind) has its words in the
    # catalogue, a step kind its label; names, builds and commands are shown as written.
    if str(value) in STEP_KINDS:
        return words(STEP_KINDS[str(value)].label_key)
    key = "report.fact_value." + word_key(str(value))
    return words(key) if words.has(key) else str(value)


def value_words(words: Catalogue, value: str | Iterable[object]) -> str:
    """A text value (or a list of them) in words: ``side_by_side`` -> "neue Server neben …"."""
    if isinstance(value, str):
        return _one_value(words, value)
    return ", ".join(_one_value(words, v) for v in value)


def build_list_words(cat: Catalogue, status: BuildListStatus) -> str:
    """The build list's size and newest release, in words (report and Excel alike)."""
    new = status.newest
    return cat.plural("report.build_list_value", status.count, product=new.product,
                      release=new.release, build=new.build, released=new.date)
