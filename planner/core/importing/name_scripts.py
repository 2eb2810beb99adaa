"""Server names that look Latin and are not: a Cyrillic "Е" or a Greek "Ο" typed or pasted
into "EX01" looks the same on every screen and in every deliverable, yet Windows, DNS and
each pasted command tell the two apart (``Get-ExchangeServer ЕX01`` finds no server).

A name mixing Latin letters with Cyrillic or Greek ones is a warning naming those letters;
one that looks like another row's server (``ЕX01`` beside ``EX01``, an all-Greek ``ΕΧ02``
beside ``EX02``) is an error and is not read, so one server is not planned twice under names
nobody can tell apart (as a name typed full-width is: planner.core.importing.computer_names).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TypeVar

from planner.core.explanation import message
from planner.core.importing.computer_names import Located
from planner.core.importing.findings import finding
from planner.core.model import Finding, Server

__all__ = ["look_alikes"]

# Cyrillic and Greek capitals and small letters drawn like a Latin one (from Unicode's
# confusables, the letters a server name can hold), each above the Latin letter it looks like
_LATIN_OF = str.maketrans("АВЕКМНОРСТХЅІЈԚԜаеорсухѕіјԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧονικ",
                          "ABEKMHOPCTXSIJQWaeopcyxsijdqwABEZHIKMNOPTYXovik")
R = TypeVar("R", bound=Located)
_SCRIPTS = {"CYRILLIC": "cyrillic", "GREEK": "greek"}


def _script(char: str) -> str:
    """``latin``, ``cyrillic``, ``greek`` or ``""`` for a letter, by its Unicode name."""
    word = unicodedata.name(char, " ").split(" ")[0]
    return "latin" if word == "LATIN" else _SCRIPTS.get(word, "")


def look_alikes(servers: list[Server], records: Sequence[R], findings: list[Finding],
                ) -> tuple[list[Server], list[R]]:
    """The servers and their records without those whose name looks like another's; a
    warning for each name that mixes Latin with Cyrillic or Greek letters."""
    if all(s.name.isascii() for s in servers):  # the usual case
        return servers, list(records)
    names = {s.name.lower() for s in servers}
    kept: list[Server] = []
    kept_records: list[R] = []
    for server, record in zip(servers, records, strict=True):
        foreign = [c for c in dict.fromkeys(server.name) if _script(c) in ("cyrillic", "greek")]
        if not foreign:
            kept.append(server)
            kept_records.append(record)
            continue
        scripts = sorted({_script(c) for c in foreign})
        letters = ", ".join(f"{c} U+{ord(c):04X}" for c in foreign)
        column = record.columns.get("name", "")
        latin = server.name.translate(_LATIN_OF)
        if latin.isascii() and latin.lower() != server.name.lower() and latin.lower() in names:
            findings.append(finding("IMPORT-NAME-LOOKS-TWICE", record.where, column=column,
                                    value=server.name, other=latin, letters=letters,
                                    script=message(f"findings.script.{scripts[0]}")))
            continue
        kept.append(server)
        kept_records.append(record)
        if any(_script(c) == "latin" for c in server.name):
            findings.append(finding("IMPORT-NAME-MIXED-SCRIPT", record.where, column=column,
                                    value=server.name, letters=letters,
                                    script=message(f"findings.script.{scripts[0]}")))
    return kept, kept_records
