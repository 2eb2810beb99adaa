"""The report's words: the label catalogue in resources/report and date/number formats."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from planner.core.resources import resource_path

__all__ = ["Wording", "load_wording"]

LANGUAGES = ("de", "en")


@dataclass(frozen=True)
class Wording:
    """Labels and sentence patterns of one language, with the formats that go with it."""

    lang: str
    labels: Mapping[str, str]
    fact_names: Mapping[str, str]  # knowledge key -> human name; only these are reported

    def __call__(self, key: str, **values: Any) -> str:
        """The label ``key``, with ``{placeholders}`` filled from ``values``."""
        text = self.labels[key]
        return text.format(**values) if values else text

    def date(self, day: date | None) -> str:
        """A date as a German or English reader expects it (14.10.2026 / 14 Oct 2026)."""
        if day is None:
            return "–"
        if self.lang == "de":
            return f"{day.day:02d}.{day.month:02d}.{day.year}"
        return f"{day.day} {self.month(day.month)} {day.year}"

    def month(self, month: int) -> str:
        """The short month name (1 = January)."""
        return self.labels["month_names"].split(",")[month - 1]

    def number(self, value: float) -> str:
        """A number with the language's separators; whole numbers without decimals."""
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        if self.lang == "de":
            text = text.replace(",", "\u2009").replace(".", ",")
        return text

    def names(self, items: Iterable[str], limit: int = 6) -> str:
        """A readable list: "A, B and C", cut after ``limit`` with "and 4 more"."""
        seq = list(items)
        conj = " und " if self.lang == "de" else " and "
        if len(seq) > limit:
            rest = len(seq) - limit + 1
            more = f"{rest} weitere" if self.lang == "de" else f"{rest} more"
            seq = [*seq[: limit - 1], more]
        if len(seq) <= 1:
            return "".join(seq)
        return ", ".join(seq[:-1]) + conj + seq[-1]

    def plural(self, key: str, count: int, **values: Any) -> str:
        """``key`` with ``count``; the ``key_one`` variant when count is 1 and one exists."""
        one = key + "_one"
        return self(one if count == 1 and one in self.labels else key, count=count, **values)

    def count_word(self, count: int) -> str:
        """A small count as a capitalised word (for the start of a sentence), else digits."""
        words = self.labels["number_words"].split(",")
        return words[count].capitalize() if 0 <= count < len(words) else str(count)

    def yes_no(self, value: bool | None) -> str:
        """ja/nein, yes/no, or unknown for None."""
        if value is None:
            return self("unknown")
        return self("yes") if value else self("no")


@lru_cache(maxsize=4)
def load_wording(lang: str) -> Wording:
    """The catalogue for ``de`` or ``en`` (anything else falls back to English)."""
    lang = lang if lang in LANGUAGES else "en"
    with resource_path("report", "labels.toml").open("rb") as fh:
        data: dict[str, Any] = tomllib.load(fh)
    table: dict[str, Any] = data[lang]
    facts = {str(k): str(v) for k, v in table.pop("facts", {}).items()}
    labels = {str(k): str(v) for k, v in table.items()}
    return Wording(lang, labels, facts)
