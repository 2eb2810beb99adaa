"""One way to read yes/no and numbers: the importer's cells, a project's knowledge overrides
and settings, and the GUI's tables accept the same words and "1.234,5" (#14)."""

from __future__ import annotations

import pytest

from planner.core.importing.values import parse_bool as import_bool
from planner.core.importing.values import parse_number as import_number
from planner.core.knowledge import load_knowledge
from planner.core.settings_io import settings_from_table
from planner.core.typed_values import parse_bool, parse_number


@pytest.mark.parametrize(("word", "meaning"), [
    ("ja", True), ("x", True), ("Yes", True), ("wahr", True), ("1", True),
    ("nein", False), ("no", False), ("falsch", False), ("0", False),
    ("nee", False), ("Oui", True), ("non", False),  # a Dutch or French inventory
])
def test_a_yes_or_no_word_means_the_same_everywhere(word: str, meaning: bool) -> None:
    assert import_bool is parse_bool  # the importer's parser is the one parser
    assert parse_bool(word) is meaning
    knowledge = load_knowledge({"upgrade.dag_mixed_versions": word})
    assert knowledge.facts["upgrade.dag_mixed_versions"].value is meaning
    settings = settings_from_table({"windows": {"complete_moves": word}},
                                   check_overrides=False)
    assert settings.complete_moves_in_window is meaning


@pytest.mark.parametrize("text", ["1.234,5", "1,234.5", "1234.5"])
def test_a_number_reads_the_same_in_the_importer_and_the_overrides(text: str) -> None:
    assert import_number is parse_number and parse_number(text) == 1234.5
    knowledge = load_knowledge({"duration.mailbox_moves_gb_per_day": text})
    assert knowledge.durations["mailbox_moves_gb_per_day"].value == 1234.5


def test_a_word_that_is_no_flag_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_bool("vielleicht")
