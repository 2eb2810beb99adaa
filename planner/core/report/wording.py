"""The report's words: the ``report`` catalogue of the language, with its formats."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from planner.core.catalogue import Catalogue, catalogue

__all__ = ["Wording", "load_wording"]

_NS = "report."
_FACTS = "report.facts."


@dataclass(frozen=True)
class Wording:
    """The report's labels and sentence patterns in one language, with its formats.

    ``words("h_summary")`` reads ``report.h_summary``; a key with a dot is a full catalogue
    key (``words("vocabulary.phase.prepare")``).
    """

    catalogue: Catalogue
    labels: Mapping[str, str]  # report key -> text, for the HTML template
    fact_names: Mapping[str, str]  # knowledge key -> human name; only these are reported

    @property
    def lang(self) -> str:
        """The language code (``de``, ``en``, ...)."""
        return self.catalogue.lang

    def __call__(self, key: str, **values: Any) -> str:
        """The label ``key``, with ``{placeholders}`` filled from ``values``."""
        return self.catalogue(self._key(key), **values)

    def date(self, day: date | None) -> str:
        """A date as a reader of the language expects it (14.10.2026 / 14 Oct 2026)."""
        return self.catalogue.date(day)

    def month(self, month: int) -> str:
        """The short month name (1 = January)."""
        return self.labels["month_names"].split(",")[month - 1]

    def number(self, value: float) -> str:
        """A number with the language's separators; whole numbers without decimals."""
        return self.catalogue.number(value)

    def names(self, items: Iterable[str], limit: int = 6) -> str:
        """A readable list: "A, B and C", cut after ``limit`` with "and 4 more"."""
        return self.catalogue.names(items, limit)

    def plural(self, key: str, count: float, **values: Any) -> str:
        """``key`` in the plural form that fits ``count`` in this language."""
        return self.catalogue.plural(self._key(key), count, **values)

    def count_word(self, count: int) -> str:
        """A small count as a capitalised word (for the start of a sentence), else digits."""
        words = self.labels["number_words"].split(",")
        return words[count].capitalize() if 0 <= count < len(words) else str(count)

    def yes_no(self, value: bool | None) -> str:
        """ja/nein, yes/no, or unknown for None."""
        if value is None:
            return self.catalogue("common.unknown")
        return self.catalogue("common.yes" if value else "common.no")

    @staticmethod
    def _key(key: str) -> str:
        return key if "." in key else _NS + key


def _strings(cat: Catalogue | None, prefix: str) -> dict[str, str]:
    """The plain (non-plural) messages under ``prefix``, fallback language first."""
    if cat is None:
        return {}
    found = _strings(cat.fallback, prefix)
    found.update({k[len(prefix):]: v for k, v in cat.messages.items()
                  if k.startswith(prefix) and isinstance(v, str)})
    return found


@lru_cache(maxsize=8)
def load_wording(lang: str) -> Wording:
    """The report's words in ``lang`` (a language without catalogues gets English)."""
    cat = catalogue(lang)
    labels = {k: v for k, v in _strings(cat, _NS).items() if not k.startswith("facts.")}
    return Wording(cat, labels, _strings(cat, _FACTS))
