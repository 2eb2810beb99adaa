"""Knowledge facts in words: every fact has a name and its note in every shipped language,
text values and the knowledge base's own source phrases read in the language."""

from __future__ import annotations

import re

import pytest

from planner.core.catalogue import catalogue, languages
from planner.core.fact_words import fact_name, fact_name_keys, value_words
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.report.assumptions import facts_table, stage_table
from planner.core.report.wording import load_wording
from planner.core.step_source import citation, source_words


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The bundled knowledge base."""
    return load_knowledge()


@pytest.mark.parametrize("lang", languages())
def test_every_fact_has_a_name_in_every_language(lang: str, knowledge: Knowledge) -> None:
    words = catalogue(lang)
    # The language's own catalogue, not the English fallback: a German sheet shows no English.
    nameless = [key for key in knowledge.facts
                if not any(full in words.messages for full in fact_name_keys(key))]
    assert nameless == [], "name each fact in resources/text/<lang>/export.toml [fact]"
    assert all(fact_name(words, key) != key for key in knowledge.facts)


def test_a_fact_is_named_once(knowledge: Knowledge) -> None:
    words = catalogue("en")
    twice = [key for key in knowledge.facts
             if sum(full in words.messages for full in fact_name_keys(key)) > 1]
    assert twice == []


@pytest.mark.parametrize("lang", languages())
def test_every_note_is_in_every_language_and_explains_a_fact(lang: str,
                                                             knowledge: Knowledge) -> None:
    """Notes on facts and durations are catalogue texts (knowledge.toml): each language has
    every English note in its own catalogue, and no note is left for a fact that is gone."""
    english = {k for k in catalogue("en").messages
               if k.startswith(("knowledge.note.", "knowledge.duration."))}
    own = set(catalogue(lang).messages)
    assert sorted(english - own) == [], f"translate these notes in {lang}/knowledge.toml"
    known = {f"knowledge.note.{k}" for k in knowledge.facts}
    known |= {f"knowledge.duration.{k}" for k in knowledge.durations}
    assert sorted(english - known) == [], "a note for a fact the knowledge base lacks"


def test_a_note_reads_in_the_language_asked() -> None:
    knowledge = load_knowledge()
    fact = knowledge.facts["upgrade.se_blocks_2013"]
    assert fact.remark("de").startswith("Alle Exchange-2013-Server")
    assert fact.remark("en") and fact.remark("en") != fact.remark("de")
    assert knowledge.durations["cu_update"].remark("de").startswith("Tage je Server")


def test_text_values_read_as_words() -> None:
    de = catalogue("de")
    assert value_words(de, "side_by_side") == "neue Server neben den alten"
    assert value_words(de, ["arbitration", "users", "public_folders"]) == (
        "Schiedspostfächer, Benutzerpostfächer, Postfächer für Öffentliche Ordner")
    assert value_words(de, "CU15") == "CU15"  # a release is written as Microsoft writes it


def test_a_source_keeps_its_citation_and_says_its_own_phrases_in_the_language() -> None:
    source = ("consultant practice; no Microsoft figure (exchange-facts.md f: no per-server "
              "install duration published)")
    assert citation(source) == "consultant practice; no Microsoft figure"
    assert source_words(catalogue("de"), source) == "Beratungspraxis; keine Angabe von Microsoft"
    # A remark in brackets may hold its own ";": the citation still drops the whole remark.
    assert citation("Planning assumption (no limit; Blog 4007169 'however')") == (
        "Planning assumption")
    titled = "Exchange Team Blog 'Why in-place upgrade is low risk' (4410173, 2025-05-01)"
    assert citation(titled) == titled
    assert source_words(catalogue("de"), "fact upgrade.2016_path") == (
        "Wissensbasis: Weg von Exchange 2016 zu SE")


def test_sources_link_their_publishers_in_german(knowledge: Knowledge) -> None:
    sources = [f.source for f in knowledge.facts.values()]
    sources += [s.source for s in knowledge.policy.stages]
    sources += [r.source for r in knowledge.rules.values()]
    cited = [s for s in sources if " citing " in s or "(quoting " in s]
    assert cited, "the knowledge base cites sources through others"
    words = catalogue("de")
    for source in sources:
        shown = source_words(words, source)
        outside_titles = re.sub(r"„[^“]*“", " ", shown)
        assert not {"citing", "quoting"} & set(outside_titles.split()), shown
    assert source_words(words, "a.ch citing B 'X citing Y'") == (
        "a.ch unter Berufung auf B „X citing Y“ (engl.)")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_source_says_unconfirmed_once(knowledge: Knowledge, lang: str) -> None:
    words = load_wording(lang)
    label = words("confidence_unconfirmed")
    cells = [r.cells[2] for r in facts_table(knowledge, words).rows]
    cells += [r.cells[4] for r in stage_table(knowledge, words).rows]
    assert any(label in c for c in cells)
    assert all(c.lower().count(label.lower()) <= 1 for c in cells), cells


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_source_names_its_publisher_not_the_knowledge_base_s_short_name(
        knowledge: Knowledge, lang: str) -> None:
    """A step's source in every deliverable reads "OfficeDocs-Exchange …", never the citation
    key ODOC22, a confidence tag [P] or a path climbing out of the docs tree."""
    sources = [f.source for f in knowledge.facts.values()]
    sources += [s.source for s in knowledge.policy.stages]
    sources += [r.source for r in knowledge.rules.values()]
    assert any("ODOC22" in s for s in sources) and any("[P]" in s for s in sources)
    words = catalogue(lang)
    for source in sources:
        shown = source_words(words, source)
        assert not re.search(r"\b(GEBN|CSSX|UPG|ROAD|ODOC\d*|PSDOC)\b|\[[PS?]\]|\.\./", shown), (
            source, shown)
    moves = source_words(words, knowledge.facts["moves.order"].source)
    assert moves.startswith("OfficeDocs-Exchange ExchangeServer2013/move-the-exchange-2010")
