"""Explanations as data: what a rule found, what drove a date, as keys and typed fields.

A :class:`Message` names a catalogue text (``rules.inplace_2019.reason``) and the facts it
speaks of as typed :class:`Field` values: names, counts, numbers, dates, lists of names or
another message. A step's :class:`Reason` is the rule's message plus the step's own detail
messages; a finding carries its code and fields the same way; a :class:`Driver` says what
decided a step's start date. The core records these; the edges (GUI, report, exports, CLI)
render them through :meth:`planner.core.catalogue.Catalogue.render`, so no sentence, plural
or date format is fixed where the decision is made, and a language is only catalogues.

>>> m = message("rules.fact.runs", server="EX01", count=3)
>>> m.value("server"), m.value("count")
('EX01', 3)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["DRIVER_KINDS", "NOTE", "Driver", "Field", "Listed", "Message", "Reason", "message",
           "note", "note_message", "period"]

# The kinds a consultant can filter by; ``key`` picks the sentence within a kind.
DRIVER_KINDS = ("start", "predecessor", "window", "holiday", "absence", "freeze", "pin",
                "deadline", "resource")


@dataclass(frozen=True)
class Driver:
    """What decided a step's start date.

    ``kind`` is one of :data:`DRIVER_KINDS`; ``key`` the message under ``plan.driver``;
    ``day``, ``name`` (holiday, freeze, consultant) and ``step`` (the other step's id) are
    the facts the message names.
    """

    kind: str = "start"
    key: str = "start"
    day: date | None = None
    name: str = ""
    step: str = ""


@dataclass(frozen=True)
class Field:
    """One named fact of a message; exactly one slot is set, and its type says how it is
    shown: ``text`` as given (names, builds, releases), ``count`` as a whole number that also
    chooses the plural form, ``number`` with the language's separators, ``day`` in its date
    format, ``names`` as a list ("A, B and C"), ``message`` rendered in turn, ``clauses``
    as messages rendered in turn and joined by the language's clause separator ("; "),
    ``items`` as messages rendered in turn and shown as a list ("A, B and C").

    The slots are plain typed attributes (not one ``Any``) so a saved plan reads back the
    same types from JSON through the project file's ordinary codec.
    """

    name: str
    text: str | None = None
    count: int | None = None
    number: float | None = None
    day: date | None = None
    names: tuple[str, ...] | None = None
    message: Message | None = None
    clauses: tuple[Message, ...] | None = None
    items: tuple[Message, ...] | None = None

    @property
    def value(self) -> Any:
        """The one value this field holds."""
        for slot in (self.text, self.count, self.number, self.day, self.names, self.message,
                     self.clauses, self.items):
            if slot is not None:
                return slot
        return ""


def _field(name: str, value: Any) -> Field:
    if type(value) is str:  # the usual fact (a name, a cell): first, as imports make thousands
        return Field(name, text=value)
    if value is None:
        return Field(name)  # not known: shown as a dash
    if isinstance(value, Message):
        return Field(name, message=value)
    if isinstance(value, Listed):
        return Field(name, items=value.items)
    if isinstance(value, bool):  # a bool is an int in Python; no message shows True
        raise TypeError(f"{name}: a yes/no is a message choice, not a field")
    if isinstance(value, int):
        return Field(name, count=value)
    if isinstance(value, float):
        return Field(name, number=value)
    if isinstance(value, date):
        return Field(name, day=value)
    if isinstance(value, tuple | list) and value and all(isinstance(v, Message) for v in value):
        return Field(name, clauses=tuple(value))
    if isinstance(value, tuple | list):
        return Field(name, names=tuple(str(v) for v in value))
    return Field(name, text=str(value))


@dataclass(frozen=True)
class Listed:
    """Messages a field shows as one list ("A, B and C"), each rendered in turn; a plain
    sequence of messages is shown as clauses instead."""

    items: tuple[Message, ...]


@dataclass(frozen=True)
class Message:
    """A catalogue key and the typed facts its text names."""

    key: str
    fields: tuple[Field, ...] = ()

    def value(self, name: str, default: Any = None) -> Any:
        """The value of the field ``name`` (``default`` when the message has none)."""
        return next((f.value for f in self.fields if f.name == name), default)

    def values(self) -> dict[str, Any]:
        """All fields by name."""
        return {f.name: f.value for f in self.fields}


def message(key: str, **values: Any) -> Message:
    """A message with its fields typed by their Python values (see :class:`Field`)."""
    return Message(key, tuple(_field(k, v) for k, v in values.items()))


def period(first: date, last: date) -> Message:
    """A span of days as the languages word it: "on 2 Nov 2026" for one day, "from 2 Nov
    2026 to 5 Nov 2026" for several (a review read "from 2 Nov 2026 to 2 Nov 2026")."""
    if first == last:
        return message("common.period.day", first=first)
    return message("common.period.range", first=first, last=last)


@dataclass(frozen=True)
class Reason:
    """Why a rule proposed a step: the rule, its message, and the step's own details.

    ``key`` and ``fields`` are the rule's reason (``rules.<rule>.reason``, or a message of
    the rule's own where the general wording does not fit); ``details`` are what the step
    adds (sizes, lists, notes), shown after it.
    """

    rule: str
    key: str
    fields: tuple[Field, ...] = ()
    details: tuple[Message, ...] = ()

    @property
    def message(self) -> Message:
        """The rule's reason as a message."""
        return Message(self.key, self.fields)

    def parts(self) -> tuple[Message, ...]:
        """The reason and then its details, in reading order."""
        return (self.message, *self.details) if self.key else self.details

    @classmethod
    def of(cls, rule: str, main: Message | None, details: Iterable[Message] = ()) -> Reason:
        """A reason from a rule id, its main message (None: details only) and details."""
        return cls(rule, main.key if main else "", main.fields if main else (),
                   tuple(details))


# A note in a command (a comment, a checklist line) is a catalogue message too: the command
# text keeps it as a marker "⟦key;name=value⟧" that the edges render in the plan's language
# (Catalogue.command), so a German deliverable carries German comments beside the cmdlets.
NOTE = re.compile(r"⟦([^⟦⟧]+)⟧")


def note(key: str, **values: str | int) -> str:
    """A marker for the message ``key`` inside a command text (see :data:`NOTE`); values are
    names, counts, or ISO dates filled in later (the completion date of a move batch)."""
    parts = [key, *(f"{k}={_plain(v)}" for k, v in values.items())]
    return "⟦" + ";".join(parts) + "⟧"


def _plain(value: str | int) -> str:
    # the marker's own separators never appear in a value
    return str(value).replace(";", ",").replace("⟦", "[").replace("⟧", "]")


def note_message(marker: str) -> Message:
    """The message a marker's inside (``key;name=value``) stands for: an ISO date becomes a
    day, ``count`` a number, everything else text."""
    key, *pairs = marker.split(";")
    values: dict[str, Any] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name == "count" and value.isascii() and value.isdigit():  # not "²": int() fails
            values[name] = int(value)
        elif _ISO_DAY.fullmatch(value):
            values[name] = date.fromisoformat(value)
        else:
            values[name] = value
    return message(key, **values)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
