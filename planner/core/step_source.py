"""What a step rests on, in words: the rule that proposed it and the document behind it.

Every deliverable shows it beside the step (report step list, Excel plan, MS Project task
notes, the GUI's step details), so a reviewer never has to look the rule up in the facts.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from planner.core.catalogue import Catalogue, catalogue
from planner.core.fact_words import fact_name, word_key
from planner.core.knowledge import Knowledge
from planner.core.plan import Step

__all__ = ["citation", "rule_title", "source_words", "step_source_text"]

_REMARK = re.compile(r"\)\s*:\s.*$|(?<=[\w'])\s*:\s(?!.*').*$")
_GROUP = re.compile(r"\s*\(([^()]*)\)")
_WORD = re.compile(r"(?<![\w.'-])[a-z]+(?![\w.'-])")  # a lower-case word, not part of a name
# the knowledge base's confidence tags ("[P]", "[S]") and relative paths ("../ExchangeServer2013")
_TAG = re.compile(r"\s*\[[PS?]\]|(?<=\s)\.\./")
# the knowledge base's short source names (GEBN, CSSX, UPG, ROAD, ODOC22: see facts.toml)
_SHORT = re.compile(r"\b[A-Z]{3,5}\d*\b")
# a document's title as the knowledge base quotes it ('Upgrade to Exchange Server SE'), not
# the apostrophe of "Microsoft's"
_TITLE = re.compile(r"(?<!\w)'([^']+)'(?!\w)")
_ISO_DATE = re.compile(r"(?<![\w.-])\d{4}-\d{2}-\d{2}(?![\w.-])")


def _kept(match: re.Match[str]) -> str:
    """A bracketed remark's replacement: kept inside a quoted title or when it is a number."""
    inside_title = match.string[:match.start()].count("'") % 2 == 1
    if inside_title or re.fullmatch(r"[\d, -]+", match.group(1)):
        return match.group(0)
    return ""


def citation(source: str) -> str:
    """A source as a citation: publisher, title and article number, without the remarks
    (English prose in brackets or after a colon) that the knowledge base keeps for us."""
    # Brackets first: a remark in brackets may hold a ";" or a ":" of its own.
    text = _TAG.sub("", _GROUP.sub(_kept, source))
    parts = []
    for part in text.split(";"):
        kept = _REMARK.sub(lambda m: ")" if m.group(0).startswith(")") else "", part.strip())
        if kept.strip():
            parts.append(kept.strip())
    return "; ".join(parts) or source


def source_words(words: Catalogue, source: str) -> str:
    """A source as a citation with its own phrases ("consultant practice", "fact <key>")
    in the language of ``words``; a title, which Microsoft publishes in English, is quoted
    as the language quotes and marked as English where the reader is not
    (``report.citation.title``)."""
    parts = []
    for part in citation(source).split("; "):
        key = "report.source_part." + word_key(part)
        if words.has(key):
            part = words(key)
        elif part.startswith("fact "):  # a rule resting on a knowledge fact
            name = fact_name(words, part.removeprefix("fact "))
            part = words("report.source_part.fact_ref", fact=name)
        else:
            part = _WORD.sub(lambda m: _link(words, m), part)
        parts.append(_SHORT.sub(lambda m: _short(words, m), part))
    text = _TITLE.sub(lambda m: words("report.citation.title", title=m.group(1)), "; ".join(parts))
    return _ISO_DATE.sub(lambda m: _date(words, m), text)


def _date(words: Catalogue, match: re.Match[str]) -> str:
    """A source's publication date (2025-06-04) as the reader's language writes dates."""
    try:
        return words.date(date.fromisoformat(match.group(0)))
    except ValueError:  # not a calendar day (2025-13-01): left as the source writes it
        return match.group(0)


def _short(words: Catalogue, match: re.Match[str]) -> str:
    """A short source name as the publisher and document a reader knows; other capitals
    (DAG, TLS, RTM) stay."""
    key = "report.source_short." + match.group(0)
    return words(key) if words.has(key) else match.group(0)


def _link(words: Catalogue, match: re.Match[str]) -> str:
    """A linking word between two sources ("X citing Y") in the reader's language; a word
    inside a quoted title, or one the catalogue does not name, stays as written."""
    key = "report.source_link." + match.group(0)
    inside_title = match.string[:match.start()].count("'") % 2 == 1
    return match.group(0) if inside_title or not words.has(key) else words(key)


@lru_cache(maxsize=4096)
def _cited(lang: str, source: str) -> str:
    """:func:`source_words` in ``lang``'s catalogue, once per source: a plan's thousands of
    steps cite a few dozen sources."""
    return source_words(catalogue(lang), source)


def rule_title(rule: str, knowledge: Knowledge | None, lang: str) -> str:
    """A rule id as its title from rules.toml in ``lang`` (an unknown rule, or no knowledge
    loaded yet: its words)."""
    found = knowledge.rules.get(rule) if knowledge is not None else None
    words = catalogue(lang)
    return words(found.title_key) if found is not None and words.has(found.title_key) \
        else rule.replace("_", " ")


def step_source_text(step: Step, knowledge: Knowledge, lang: str) -> str:
    """"Rule “…”; source: …" in ``lang``; the rule's name from rules.toml, never its id.

    The source is the step's own (a fact it rests on) or else the rule's, as a citation
    (the knowledge base's English remarks left out); "" when neither is known.
    """
    rule = knowledge.rules.get(step.rule)
    words = catalogue(lang)
    source = _cited(lang, step.source or (rule.source if rule is not None else ""))
    if rule is None or not words.has(rule.title_key):
        return words("plan.source.only", source=source) if source else ""
    title = words(rule.title_key)
    key = "plan.source.rule_and_source" if source else "plan.source.rule"
    return words(key, rule=title, source=source)
