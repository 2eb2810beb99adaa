"""Typed, error-naming access to a settings table, and a small TOML writer for settings.

Used by :mod:`planner.core.settings_io`. Every accessor raises :class:`SettingsError` whose
message names the source (file) and the dotted key, e.g.
``plan.toml: consultants[2].days_per_week: expected a whole number 1..7, got 'five'``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from planner.core.catalogue import FALLBACK, catalogue
from planner.core.date_values import as_date
from planner.core.errors import SettingsError
from planner.core.explanation import Message, message
from planner.core.typed_values import parse_bool

__all__ = ["SettingsError", "Table", "day_name", "is_day_name", "to_toml"]

_DAYS = {
    "mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri", "sat": "Sat",
    "sun": "Sun", "mo": "Mon", "di": "Tue", "mi": "Wed", "do": "Thu", "fr": "Fri", "sa": "Sat",
    "so": "Sun", "montag": "Mon", "dienstag": "Tue", "mittwoch": "Wed", "donnerstag": "Thu",
    "freitag": "Fri", "samstag": "Sat", "sonnabend": "Sat", "sonntag": "Sun",
}  # fmt: skip
_ENGLISH = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Sane bounds for values a customer's workbook can carry: beyond them planning overflows
# dates or runs for hours (a throughput of 0.01 GB a day, a step of a billion days).
FIRST_YEAR, LAST_YEAR = 2000, 2100
# An absence or a freeze longer than this is no absence but a consultant not in the project
# (or a typo in a year): one until 2099 planned to 2099, 542 s and 2 GB (hostile round 12).
LONGEST_SPAN_DAYS = 366


def day_name(text: str) -> str | None:
    """Mon..Sun for an English or German day name or abbreviation, else None."""
    word = text.strip().rstrip(".").casefold()
    if word in _ENGLISH:
        return _DAYS[word[:3]]
    return _DAYS.get(word)


def is_day_name(text: str) -> bool:
    """Whether the text names a weekday (English or German)."""
    return day_name(text) is not None


def _shown(value: Any) -> str:
    """A wrong value as the error quotes it: its text, cut short (a cell may be huge)."""
    text = str(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _english(problem: Message) -> str:
    """The problem in English, for the error's own text (logs, the terminal)."""
    return catalogue(FALLBACK).render(problem)


class Table:
    """One table of the settings with accessors that name the key on error."""

    def __init__(self, data: Any, source: str, path: str) -> None:
        if not isinstance(data, Mapping):
            problem = message("settings_errors.not_table", value=_shown(data))
            raise SettingsError(f"{source}: {path or 'settings'}: {_english(problem)}", source,
                                path, problem)
        self.data: Mapping[str, Any] = data
        self.source = source
        self.path = path

    def _key(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path and key else (key or self.path)

    def wrong(self, key: str, kind: str, **facts: Any) -> SettingsError:
        """An error naming the file and the dotted key; what is wrong is the message
        ``settings_errors.<kind>`` with ``facts`` (a finding words it per language)."""
        problem = message(f"settings_errors.{kind}", **facts)
        return SettingsError(f"{self.source}: {self._key(key)}: {_english(problem)}",
                             self.source, self._key(key), problem)

    def names(self) -> list[str]:
        """The keys present, as text."""
        return [str(k) for k in self.data]

    def only(self, allowed: Iterable[str]) -> None:
        """Unknown keys are typos; say which and what is allowed."""
        allowed = tuple(allowed)
        for key in self.data:
            if key not in allowed:
                raise self.wrong(str(key), "unknown_key", allowed=", ".join(allowed))

    def table(self, key: str) -> Table:
        """A sub-table; absent gives an empty table."""
        return Table(self.data.get(key, {}), self.source, self._key(key))

    def tables(self, key: str) -> list[Table]:
        """An array of tables ([[key]]); absent gives an empty list."""
        value = self.data.get(key, [])
        if not isinstance(value, list | tuple):
            raise self.wrong(key, "not_tables", table=key, value=_shown(value))
        return [
            Table(item, self.source, f"{self._key(key)}[{n}]") for n, item in enumerate(value, 1)
        ]

    def text(self, key: str) -> str | None:
        """A text value (numbers are accepted as text); None when absent."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.wrong(key, "not_text", value=_shown(value))
        return str(value).strip()

    def text_list(self, key: str) -> list[str] | None:
        """A list of texts (a comma-separated text is accepted); None when absent."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise self.wrong(key, "not_texts", value=_shown(value))
        return [v.strip() for v in value]

    def flag(self, key: str) -> bool | None:
        """Yes or no (a TOML boolean, or yes/no, true/false, ja/nein as text); None when absent."""
        value = self.data.get(key)
        if value is None or isinstance(value, bool):
            return value
        try:
            return parse_bool(value)  # the words the importer and the GUI accept
        except ValueError:
            raise self.wrong(key, "not_flag", value=_shown(value)) from None

    def choice(self, key: str, choices: tuple[str, ...]) -> str | None:
        """One of a few texts (case-insensitive)."""
        value = self.text(key)
        if value is None:
            return None
        for choice in choices:
            if value.casefold() == choice.casefold():
                return choice
        raise self.wrong(key, "not_choice", choices=", ".join(choices), value=_shown(value))

    def day(self, key: str) -> date | None:
        """A date (TOML date, datetime or ISO text); None when absent."""
        value = self.data.get(key)
        if value is None:
            return None
        return self._as_date(key, value)

    def required_day(self, key: str) -> date:
        """A date that must be present."""
        value = self.day(key)
        if value is None:
            raise self.wrong(key, "date_needed")
        return value

    def _as_date(self, key: str, value: Any) -> date:
        day = as_date(value)
        if day is None:
            raise self.wrong(key, "not_date", value=_shown(value))
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            # a plan reaching year 9999 overflows date arithmetic; none spans a century
            raise self.wrong(key, "date_range", first=str(FIRST_YEAR), last=str(LAST_YEAR),
                            day=day)
        return day

    def number(self, key: str, positive: bool = False,
               high: float = float("inf")) -> float | None:
        """A number (text like "2,5" is accepted) up to ``high``; None when absent."""
        value = self.data.get(key)
        if value is None:
            return None
        try:
            if isinstance(value, bool):
                raise ValueError
            number = float(value.replace(",", ".")) if isinstance(value, str) else float(value)
        except (TypeError, ValueError):
            raise self.wrong(key, "not_number", value=_shown(value)) from None
        if number < 0 or (positive and number == 0) or number != number:
            raise self.wrong(key, "not_positive" if positive else "negative")
        if number > high:
            raise self.wrong(key, "too_high", high=f"{high:g}", number=f"{number:g}")
        return number

    def at_least(self, key: str, low: float) -> float | None:
        """A positive number of at least ``low`` (a throughput near zero never finishes)."""
        number = self.number(key, positive=True, high=low * 1e7)
        if number is not None and number < low:
            raise self.wrong(key, "too_low", low=f"{low:g}", number=f"{number:g}")
        return number

    def whole(self, key: str, low: int, high: int) -> int | None:
        """A whole number within low..high; None when absent."""
        value = self.data.get(key)
        if value is None:
            return None
        ok = isinstance(value, int | float | str) and not isinstance(value, bool)
        text = str(value).strip()
        # the digits themselves, not float(text): a 400-digit number is no float
        # (OverflowError) and every whole number a setting takes has a few digits
        digits = re.fullmatch(r"(\d{1,18})(\.0+)?", text)
        if ok and digits and low <= int(digits.group(1)) <= high:
            return int(digits.group(1))
        raise self.wrong(key, "not_whole", low=low, high=high, value=_shown(value))

    def year(self, key: str) -> int:
        """A key that must be a calendar year (pause_days_used)."""
        if not re.fullmatch(r"(19|20|21)\d\d", key.strip()):
            raise self.wrong(key, "not_year_key")
        return int(key)

    def ranges(self, key: str, longest: int | None = None) -> list[tuple[date, date]]:
        """A list of [start, end] date pairs (inclusive), each at most ``longest`` days."""
        value = self.data.get(key, [])
        out: list[tuple[date, date]] = []
        if not isinstance(value, list | tuple):
            raise self.wrong(key, "not_pairs", value=_shown(value))
        for n, pair in enumerate(value):
            where = f"{key}[{n}]"
            if not isinstance(pair, list | tuple) or len(pair) != 2:
                raise self.wrong(where, "not_pair", value=_shown(pair))
            start, end = self._as_date(where, pair[0]), self._as_date(where, pair[1])
            if end < start:
                raise self.wrong(where, "end_before_start", start=start, end=end)
            if longest is not None and (end - start).days + 1 > longest:
                raise self.wrong(where, "span_too_long", start=start, end=end,
                                 days=(end - start).days + 1, longest=longest)
            out.append((start, end))
        return out

    def pauses(self, key: str) -> list[tuple[date, int]]:
        """Fixed pauses: [{start, days}] or [[start, days]]."""
        value = self.data.get(key, [])
        if not isinstance(value, list | tuple):
            raise self.wrong(key, "not_pauses", value=_shown(value))
        out: list[tuple[date, int]] = []
        for n, item in enumerate(value):
            where = f"{key}[{n}]"
            if isinstance(item, list | tuple) and len(item) == 2:
                item = {"start": item[0], "days": item[1]}
            entry = Table(item, self.source, self._key(where))
            entry.only(("start", "days"))
            days = entry.whole("days", 1, 366)
            if days is None:
                raise entry.wrong("days", "pause_days")
            out.append((entry.required_day("start"), days))
        return out


# --- Writing ------------------------------------------------------------------------------------

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: Any) -> str:
    text = str(key)
    return text if _BARE.match(text) else json.dumps(text, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def to_toml(data: Mapping[str, Any]) -> str:
    """Sections of scalars/inline tables and arrays of tables as TOML text."""
    lines: list[str] = []
    for name, section in data.items():
        if isinstance(section, list | tuple) and all(isinstance(i, Mapping) for i in section):
            for item in section:
                lines += ["", f"[[{_key(name)}]]"]
                lines += [f"{_key(k)} = {_value(v)}" for k, v in item.items()]
        elif isinstance(section, Mapping):
            lines += ["", f"[{_key(name)}]"]
            lines += [f"{_key(k)} = {_value(v)}" for k, v in section.items()]
        else:
            lines.insert(0, f"{_key(name)} = {_value(section)}")
    return "\n".join(lines).lstrip("\n") + "\n"
