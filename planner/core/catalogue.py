"""Text for people outside Qt: message catalogues per language, with plurals and formats.

A language is a folder ``resources/text/<lang>/``: ``language.toml`` names its CLDR locale
and its date patterns, every other ``<namespace>.toml`` holds messages read as
``<namespace>.<key>`` (tables nest: ``export.sheet.plan``). A message is a string with
``{named}`` fields, or a table of CLDR plural forms (``one``, ``other``, ...) chosen by
``count``. Adding a language is adding a folder; a key missing there falls back to the
language its ``language.toml`` names as ``fallback`` (English unless it says otherwise; the
completeness test lists such keys).
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.explanation import NOTE, Field, Message, Reason, note_message
from planner.core.resources import resource_path

if TYPE_CHECKING:
    from babel import Locale

# babel (locale data) loads with the first plural, date or number, not with the catalogue,
# and each namespace file with its first message: the desktop app's empty window names its
# File menu's deliverables from deliverable.toml, and its start-up time counts.

__all__ = ["FALLBACK", "Catalogue", "catalogue", "languages", "record_text", "text_root"]

FALLBACK = "en"
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})
Raw = str | Mapping[str, str]  # a text, or its plural forms


def text_root() -> Path:
    """The folder that holds one sub-folder of catalogues per language."""
    return resource_path("text")


def languages() -> tuple[str, ...]:
    """The languages that have catalogues, English first."""
    found = {p.name for p in text_root().iterdir() if (p / "language.toml").is_file()}
    return (FALLBACK, *sorted(found - {FALLBACK}))


REASONS_KEPT = 50_000  # rendered reasons (and commands) a catalogue keeps (2,000 servers: 8,600)


@dataclass(frozen=True)
class Catalogue:
    """The messages and formats of one language; ``fallback`` answers keys it lacks."""

    lang: str
    locale_name: str  # CLDR, e.g. "de_DE"
    formats: Mapping[str, str]
    date_locale_name: str
    messages: Mapping[str, Raw]
    fallback: Catalogue | None = None
    name: str = ""  # the language by its own name ("Deutsch"), from language.toml

    @cached_property
    def locale(self) -> Locale:
        """The language's CLDR locale: plural rules, separators, list words."""
        from babel import Locale  # start-up time: loaded with the first plural or number

        return Locale.parse(self.locale_name)

    @cached_property
    def date_locale(self) -> Locale:
        """The locale whose month and weekday names the date patterns use."""
        from babel import Locale  # start-up time: loaded with the first date

        return Locale.parse(self.date_locale_name)

    def __call__(self, key: str, **fields: Any) -> str:
        """The message ``key`` with its fields filled (dates in the language's format)."""
        message = self.message(key)
        if not isinstance(message, str):
            raise KeyError(f"{key} has plural forms; use plural()")
        return self._fill(message, fields)

    def plural(self, key: str, count: float, **fields: Any) -> str:
        """The plural form of ``key`` that fits ``count`` in this language, ``{count}`` filled."""
        if isinstance(count, float) and count.is_integer():
            count = int(count)  # 1.0 day reads and declines as 1 day
        message = self.message(key)
        if isinstance(message, str):
            return self._fill(message, {"count": count, **fields})
        form = self.locale.plural_form(count)
        text = message.get(form, message["other"])
        return self._fill(text, {"count": count, **fields})

    def has(self, key: str) -> bool:
        """Whether this language or its fallback has ``key``."""
        return key in self.messages or (self.fallback is not None and self.fallback.has(key))

    def message(self, key: str) -> Raw:
        """The raw message: a string or a table of plural forms."""
        found = self.messages.get(key)
        if found is not None:
            return found
        if self.fallback is not None:
            return self.fallback.message(key)
        raise KeyError(f"no text {key!r} in the {self.lang} catalogue")

    def date(self, day: date | None, pattern: str = "date") -> str:
        """A date as a reader of this language expects it (14.10.2026 / 14 Oct 2026).

        ``pattern`` names another pattern of ``language.toml`` (``day_month``: 14.10.).
        """
        if day is None:
            return "–"
        from babel.dates import format_date  # start-up time: loaded on first use

        return format_date(day, self.formats[pattern], locale=self.date_locale)

    def date_pattern(self, name: str) -> str:
        """A named pattern of ``language.toml`` (``date``, ``excel_date``, ...)."""
        return self.formats[name]

    def number(self, value: float, decimals: int = 1) -> str:
        """A number with the language's separators; whole numbers without decimals."""
        from babel.numbers import format_decimal  # start-up time: loaded on first use

        pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
        return format_decimal(value, pattern, locale=self.locale)

    def decimal_symbol(self) -> str:
        """The language's decimal mark: "." or ","."""
        from babel.numbers import get_decimal_symbol  # start-up time: loaded on first use
        return str(get_decimal_symbol(self.locale))

    def percent(self, fraction: float) -> str:
        """A share as the language writes it, whole percent: 0.69 is "69%" / "69 %"."""
        from babel.numbers import format_percent  # start-up time: loaded on first use

        return format_percent(fraction, locale=self.locale)

    def names(self, items: Iterable[str], limit: int = 6) -> str:
        """A readable list, "A, B and C", cut after ``limit`` with "and 4 more"."""
        seq = list(items)
        if len(seq) > limit:
            rest = len(seq) - limit + 1
            seq = [*seq[: limit - 1], self.plural("common.more", rest)]
        from babel.lists import format_list  # start-up time: loaded on first use

        return format_list(seq, locale=self.locale) if seq else ""

    def render(self, message: Message) -> str:
        """A :class:`Message` in this language: its plural form chosen by its ``count``
        field, names as a list, counts and numbers with the language's separators, dates in
        its format, nested messages rendered in turn."""
        raw = self.message(message.key)
        values = {f.name: self._shown(f) for f in message.fields}
        if not isinstance(raw, str):
            count = message.value("count", 1)  # no count: the message speaks of one
            raw = raw.get(self.locale.plural_form(count), raw["other"])
        return raw.format_map(_Visible(values))

    @cached_property
    def _reasons(self) -> dict[Reason, str]:
        """Reasons rendered so far: each export renders every step's reason again."""
        return {}

    def reason(self, reason: Reason) -> str:
        """A step's reason: the rule's message as a sentence, then the step's details as
        one sentence of clauses (separators from ``language.toml``)."""
        known = self._reasons.get(reason)
        if known is None:
            if len(self._reasons) >= REASONS_KEPT:
                self._reasons.clear()
            known = self._reasons[reason] = self._reason(reason)
        return known

    def _reason(self, reason: Reason) -> str:
        main = self.render(reason.message) if reason.key else ""
        opens = not reason.key or not self._opens_with_name(reason.message)
        return self.formats.get("sentence_gap", " ").join(
            p for p in (self.sentence(main, opens), self.clauses(reason.details)) if p)

    @cached_property
    def _commands(self) -> dict[str, str]:
        """Commands rendered so far: each export renders every step's command again."""
        return {}

    def command(self, text: str) -> str:
        """A step's command with its notes (comments, checklist lines) in this language."""
        known = self._commands.get(text)
        if known is None:
            if len(self._commands) >= REASONS_KEPT:
                self._commands.clear()
            known = self._commands[text] = NOTE.sub(lambda m: self._note(m.group(1)), text)
        return known

    def _note(self, marker: str) -> str:
        try:
            return self.render(note_message(marker))
        except KeyError:  # a catalogue slip shows as its key; it does not stop a deliverable
            return marker

    def clauses(self, messages: Iterable[Message], capital: bool = True) -> str:
        """Messages as one sentence of clauses (``language.toml``'s clause separator)."""
        clause = self.formats.get("clause", "; ")
        shown = [(m, t) for m, t in ((m, self.render(m)) for m in messages) if t]
        # A sentence that opens with a name keeps it as the inventory writes it (muc-ex19-02).
        capital = capital and not (shown and self._opens_with_name(shown[0][0]))
        return self.sentence(clause.join(t for _, t in shown), capital)

    def _opens_with_name(self, message: Message) -> bool:
        """Whether ``message``'s text in this language starts with a name (a text field)."""
        raw = self.message(message.key)
        if not isinstance(raw, str):
            raw = raw.get(self.locale.plural_form(message.value("count", 1)), raw["other"])
        opening = re.match(r"\s*\{(\w+)\}", raw)
        if opening is None:
            return False
        field = next((f for f in message.fields if f.name == opening.group(1)), None)
        if field is None:
            return False
        if field.message is not None:
            return self._opens_with_name(field.message)
        if field.clauses or field.items:
            return self._opens_with_name((field.clauses or field.items or ())[0])
        return field.text is not None or field.names is not None

    def sentence(self, text: str, capital: bool = True) -> str:
        """``text`` as a sentence: capitalised, closed by the language's full stop."""
        text = text.strip(" ;")
        if not text:
            return ""
        end = self.formats.get("sentence_end", ".")
        text = text[0].upper() + text[1:] if capital else text
        return text if text.endswith((end, ".", "!", "?")) else text + end

    def _shown(self, field: Field) -> str:
        if field.message is not None:
            return self.render(field.message)
        if field.clauses is not None:
            return self.formats.get("clause", "; ").join(
                t for t in (self.render(m) for m in field.clauses) if t)
        if field.items is not None:
            return self.names([self.render(m) for m in field.items])
        if field.names is not None:  # a placeholder among them in this language too
            return self.names([self.command(n) for n in field.names],
                              limit=len(field.names) or 1)
        if field.day is not None:
            return self.date(field.day)
        if field.count is not None:
            return self.number(field.count, 0)
        if field.number is not None:
            return self.number(field.number)
        if field.text is not None:  # a placeholder ("<SE server>") in this language too
            return self.command(field.text)
        return "–"  # a fact not known

    def _fill(self, message: str, fields: Mapping[str, Any]) -> str:
        if not fields:
            return message
        # a fraction (4.5 days) in the language's format; whole numbers stay as they are
        shown = {k: self.date(v) if isinstance(v, date) else
                 self.number(v) if isinstance(v, float) else v for k, v in fields.items()}
        return message.format(**shown)


class _Visible(dict[str, str]):
    """Field values for a message; a field the text names but the message lacks stays
    visible as ``{name}`` (a catalogue slip shows, it does not crash a deliverable)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _flatten(table: Mapping[str, Any], prefix: str, into: dict[str, Raw]) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if isinstance(value, str):
            into[name] = value
        elif isinstance(value, dict) and "other" in value and set(value) <= PLURAL_FORMS:
            into[name] = {str(k): str(v) for k, v in value.items()}
        elif isinstance(value, dict):
            _flatten(value, name, into)
        else:
            into[name] = str(value)


class _Messages(Mapping[str, Raw]):
    """A language's messages; each ``<namespace>.toml`` is read when a key of it is first
    asked for (all of them when the messages are listed)."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._found: dict[str, Raw] = {}
        self._read: set[str] = {"language"}  # language.toml holds the formats, no messages
        self._lock = threading.Lock()  # plans render their texts on a worker thread

    def _namespace(self, namespace: str) -> None:
        if namespace in self._read:
            return
        with self._lock:
            if namespace in self._read:
                return
            found: dict[str, Raw] = {}
            path = self._folder / f"{namespace}.toml"
            if path.is_file():
                with path.open("rb") as fh:
                    _flatten(tomllib.load(fh), namespace, found)
            self._found.update(found)
            self._read.add(namespace)

    def _everything(self) -> None:
        for path in sorted(self._folder.glob("*.toml")):
            self._namespace(path.stem)

    def __getitem__(self, key: str) -> Raw:
        self._namespace(key.split(".", 1)[0])
        return self._found[key]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        self._namespace(key.split(".", 1)[0])
        return key in self._found

    def __iter__(self) -> Iterator[str]:
        self._everything()
        return iter(dict(self._found))

    def __len__(self) -> int:
        self._everything()
        return len(self._found)


def _load(folder: Path) -> tuple[dict[str, Any], Mapping[str, Raw]]:
    with (folder / "language.toml").open("rb") as fh:
        meta = tomllib.load(fh)
    return meta, _Messages(folder)


@lru_cache(maxsize=8)
def catalogue(lang: str) -> Catalogue:
    """The catalogue of ``lang``; a language without catalogues gets English."""
    folder = text_root() / lang
    if not (folder / "language.toml").is_file():
        lang, folder = FALLBACK, text_root() / FALLBACK
    meta, messages = _load(folder)
    # A language names the one whose texts stand in for keys it lacks (``fallback`` in its
    # language.toml, English unless it says otherwise; English itself names none).
    fallback_lang = str(meta.get("fallback", FALLBACK))
    fallback = catalogue(fallback_lang) if fallback_lang else None
    formats = {str(k): str(v) for k, v in meta.get("formats", {}).items()}
    return Catalogue(lang, str(meta["locale"]), formats,
                     str(meta.get("date_locale", meta["locale"])), messages, fallback,
                     str(meta.get("name", lang)))


def record_text(lang: str, text: Message | Reason | None, saved: tuple[str, str] = ("", "")) -> str:
    """A record's words in ``lang``: its message or reason from the catalogues.

    A record read from a project file of an older version has no message, only the English
    and German words that version saved (``saved``); they are shown as saved, English in any
    other language.
    """
    if isinstance(text, Reason):
        return catalogue(lang).reason(text)
    if text is not None:
        return catalogue(lang).render(text)
    english, german = saved
    return {"en": english, "de": german}.get(lang) or english
