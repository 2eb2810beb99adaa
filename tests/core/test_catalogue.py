"""The text catalogues: every language complete, real plurals, the language's formats."""

from __future__ import annotations

import re
from datetime import date

import pytest

from planner.core import explanation
from planner.core.catalogue import Catalogue, Message, catalogue, languages
from planner.core.vocabulary import PATHS, PHASES, STAGE_KINDS, STEP_KINDS, MigrationPath, Phase

_FIELD = re.compile(r"{(\w+)}")


def _fields(message: Message) -> set[str]:
    texts = [message] if isinstance(message, str) else list(message.values())
    return {f for text in texts for f in _FIELD.findall(str(text))}


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != "en"])
def test_every_language_has_every_english_key_with_the_same_fields(lang: str) -> None:
    english, other = catalogue("en").messages, catalogue(lang).messages
    assert sorted(set(english) - set(other)) == []
    assert sorted(set(other) - set(english)) == []
    for key, message in english.items():
        # A plural form may drop {count} ("one site"), but never invent a field.
        assert _fields(other[key]) - {"count"} <= _fields(message), key
        assert _fields(message) - {"count"} <= _fields(other[key]) | {"count"}, key


def test_german_and_english_are_shipped() -> None:
    assert languages()[:1] == ("en",)
    assert "de" in languages()


def test_plural_forms_follow_the_language() -> None:
    en, de = catalogue("en"), catalogue("de")
    assert en.plural("report.n_sites", 1) == "one site"
    assert en.plural("report.n_sites", 3) == "3 sites"
    assert de.plural("report.n_errors", 1) == "einen Fehler"
    assert de.plural("report.n_errors", 2) == "2 Fehler"


def test_dates_and_numbers_in_the_language_format() -> None:
    day = date(2026, 10, 14)
    assert catalogue("de").date(day) == "14.10.2026"
    assert catalogue("en").date(day) == "14 Oct 2026"
    assert catalogue("de").number(1234.5) == "1.234,5"
    assert catalogue("en").number(1234.5) == "1,234.5"
    assert catalogue("en").number(3.0) == "3"


def test_a_date_field_is_written_in_the_language_format() -> None:
    assert catalogue("de")("report.days_open", start=date(2026, 1, 5)) == "ab 05.01.2026"


def test_lists_are_joined_and_cut_in_the_language() -> None:
    de = catalogue("de")
    assert de.names(["A", "B", "C"]) == "A, B und C"
    assert de.names([str(i) for i in range(10)], limit=3) == "0, 1 und 8 weitere"
    assert catalogue("en").names(["A", "B"]) == "A and B"


def test_an_unknown_language_falls_back_to_english() -> None:
    assert catalogue("xx").lang == "en"


def test_a_missing_key_is_an_error_not_a_silent_code() -> None:
    with pytest.raises(KeyError):
        catalogue("de")("report.no_such_text")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_vocabulary_word_has_a_label(lang: str) -> None:
    cat: Catalogue = catalogue(lang)
    for table in (PHASES, PATHS, STAGE_KINDS, STEP_KINDS):
        for term in table.values():
            assert cat.has(term.label_key), term.label_key
    assert cat(PHASES[Phase.PREPARE].label_key) != cat(PHASES[Phase.LEGACY].label_key)
    assert cat.has(PATHS[MigrationPath.IN_PLACE].short_key)


def test_command_notes_and_placeholders_show_in_the_language() -> None:
    # a command keeps its cmdlets; its comments and <placeholders> are catalogue texts, also
    # where a placeholder stands in a step title's field ("Re-point X to <SE server>")
    note = explanation.note
    command = ("Get-Queue -Server EX01" + "  # " + note("commands.on_server", server="EX01")
               + "\nResume-MoveRequest  # " + note("commands.on_day", day="2026-12-07"))
    assert catalogue("de").command(command) == (
        "Get-Queue -Server EX01  # auf EX01\nResume-MoveRequest  # am 07.12.2026")
    assert catalogue("en").command(command).endswith("# on 7 Dec 2026")
    title = explanation.message("steps.relay.title", name="Scanner",
                    new="<" + note("commands.placeholder.se_server") + ">")
    assert catalogue("de").render(title) == "Scanner auf <SE-Server> umstellen"
    assert catalogue("de").command("x  # " + note("commands.no_such_note")) == \
        "x  # commands.no_such_note"  # a catalogue slip shows its key, it stops no deliverable


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_sentence_that_opens_with_a_name_keeps_the_name_as_written(lang: str) -> None:
    """An inventory's lower-case server name is not capitalised at a sentence start
    ("muc-ex19-02 läuft mit …", never "Muc-ex19-02"), in the reason and in its details;
    a sentence that opens with a word still starts with a capital."""
    t = catalogue(lang)
    why = explanation.Reason(
        "inplace_2019", "rules.inplace_2019.reason",
        explanation.message("x", server="muc-ex19-02", release="Exchange 2019 CU15",
                            build="15.2.1748.39").fields)
    assert t.reason(why).startswith("muc-ex19-02 ")
    assert t.clauses([explanation.message("steps.inplace.dag_note", dag="dag-muc")])[0].isupper()
    detail = explanation.message("rules.inplace_2019.reason", server="muc-ex19-02",
                                 release="Exchange 2019 CU15", build="15.2.1748.39")
    assert t.clauses([detail]).startswith("muc-ex19-02 ")


def test_a_period_of_one_day_is_worded_as_that_day() -> None:
    """A relay client seen on one day read "from 2 Nov 2026 to 2 Nov 2026"."""
    one, two = date(2026, 11, 2), date(2026, 11, 3)
    assert catalogue("en").render(explanation.period(one, one)) == "on 2 Nov 2026"
    assert catalogue("en").render(explanation.period(one, two)) == "from 2 Nov 2026 to 3 Nov 2026"
    assert catalogue("de").render(explanation.period(one, one)) == "am 02.11.2026"
    assert catalogue("de").render(explanation.period(one, two)) == "vom 02.11.2026 bis 03.11.2026"
