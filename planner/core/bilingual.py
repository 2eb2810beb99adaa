"""The one place where a record's text becomes words: its message from the catalogues, or
the English/German pair a record still carries while it is being moved to messages.

Records keep data (:class:`~planner.core.explanation.Message`,
:class:`~planner.core.explanation.Reason`); their ``title(lang)``/``why(lang)``/
``message(lang)`` methods, called by the edges, render it here. A record without a message
falls back to its pair (:func:`in_language`), so a third language shows English there and
nowhere else; tests/test_pseudo_locale.py lists which records still do.

>>> in_language("de", "blocked", "blockiert")
'blockiert'
>>> in_language("fr", "blocked", "blockiert")  # no French pair: the English text
'blocked'
"""

from __future__ import annotations

from planner.core.catalogue import catalogue
from planner.core.explanation import Message, Reason

__all__ = ["in_language", "reason_words", "words"]


def in_language(lang: str, en: str, de: str) -> str:
    """``de`` for German (when it has one), else ``en``."""
    return de if lang == "de" and de else en


def words(lang: str, message: Message | None, en: str = "", de: str = "") -> str:
    """``message`` rendered in ``lang``; without one, the record's en/de pair."""
    if message is not None:
        return catalogue(lang).render(message)
    return in_language(lang, en, de)


def reason_words(lang: str, reason: Reason | None, en: str = "", de: str = "") -> str:
    """A step's reason rendered in ``lang``; without one, the record's en/de pair."""
    if reason is not None:
        return catalogue(lang).reason(reason)
    return in_language(lang, en, de)
