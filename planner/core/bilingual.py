"""The one place that chooses between a record's English and German text.

Steps, findings, assessments, the objective and the stage table still carry their text as
en/de pairs (the catalogue, :mod:`planner.core.catalogue`, holds everything else). Every
reader picks through :func:`in_language`, so turning a pair into a catalogue key later
touches the record, not its readers.

>>> in_language("de", "blocked", "blockiert")
'blockiert'
>>> in_language("fr", "blocked", "blockiert")  # no French pair: the English text
'blocked'
"""

from __future__ import annotations

__all__ = ["in_language"]


def in_language(lang: str, en: str, de: str) -> str:
    """``de`` for German (when it has one), else ``en``."""
    return de if lang == "de" and de else en
