"""Recognise header rows and map their columns to fields, by synonyms in English and German.

A header row is a row whose texts match one entity's synonyms well. Tables may start below
titles and blank rows, and one sheet may hold several tables; each header row starts a block.
Each column gets the field it most likely means and a confidence between 0 and 1.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from planner.core.importing.mapping import ColumnChoice
from planner.core.importing.schema import ENTITIES
from planner.core.importing.values import cell_text
from planner.core.resources import resource_path

__all__ = ["HeaderMatch", "Synonyms", "load_synonyms", "match_header_row", "normalise_header"]

_LANGS = ("en", "de")
_MAX_HEADER = 120


@dataclass(frozen=True)
class Synonyms:
    """Header and value synonyms loaded from resources/importing/synonyms_*.toml."""

    fields: dict[str, dict[str, tuple[str, str]]]  # entity -> normalised header -> (field, lang)
    sheets: dict[str, frozenset[str]]  # entity -> normalised sheet/table names
    values: dict[str, dict[str, str]]  # value kind -> normalised spelling -> canonical value
    known: frozenset[str] = frozenset()  # every header spelling of every entity


@lru_cache(maxsize=65536)  # the same cell texts repeat on every row of a large sheet
def normalise_header(text: str) -> str:
    """Lower case letters and digits only, umlauts kept: ``Rolle(n)`` -> ``rollen``."""
    text = unicodedata.normalize("NFC", text).lower().replace("ß", "ss")
    return re.sub(r"[^0-9a-zäöü]+", "", text)


@lru_cache(maxsize=65536)
def _without_brackets(text: str) -> str:
    """The header without ``(...)`` and ``[...]`` parts on one line: ``Größe (GB)`` -> ``größe``."""
    return normalise_header(_drop_brackets(text))


def _drop_brackets(text: str) -> str:
    """Each bracket up to the first closing one on its line becomes a space, in linear time.

    A regular expression does the same but rescans the rest of the cell for every opening
    bracket without a closing one (quadratic: a 100 KB cell took many seconds).
    """
    out: list[str] = []
    i, n = 0, len(text)
    closer_at = {")": -2, "]": -2}  # next position of each closer after i (-1: none left)
    newline_at = -2
    while i < n:
        closer = ")" if text[i] == "(" else "]" if text[i] == "[" else ""
        if not closer:
            out.append(text[i])
            i += 1
            continue
        if closer_at[closer] != -1 and closer_at[closer] <= i:
            closer_at[closer] = text.find(closer, i + 1)
        if newline_at != -1 and newline_at <= i:
            newline_at = text.find("\n", i + 1)
        end = closer_at[closer]
        if end == -1 or (newline_at != -1 and newline_at < end):
            out.append(text[i])
            i += 1
            continue
        out.append(" ")
        i = end + 1
    return "".join(out)


def _ascii(key: str) -> str:
    return key.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")


def _add(index: dict[str, tuple[str, str]], key: str, field: str, lang: str) -> None:
    """Index one spelling; the first field listed keeps a spelling two fields share."""
    known = index.get(key)
    if known is None:
        index[key] = (field, lang)
    elif known[0] == field and known[1] != lang:
        index[key] = (field, "")  # both languages use it: no hint about decimal commas


@lru_cache(maxsize=1)
def load_synonyms() -> Synonyms:
    """The synonym tables (cached; they are bundled data)."""
    fields: dict[str, dict[str, tuple[str, str]]] = {e.key: {} for e in ENTITIES}
    sheets: dict[str, set[str]] = {e.key: {normalise_header(e.sheet)} for e in ENTITIES}
    values: dict[str, dict[str, str]] = {}
    for lang in _LANGS:
        with resource_path("importing", f"synonyms_{lang}.toml").open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
        for ent in ENTITIES:
            section = data.get(ent.key, {})
            sheets[ent.key].update(normalise_header(s) for s in section.get("_sheet", []))
            for spec in ent.fields:
                for word in [spec.title, *section.get(spec.name, [])]:
                    for key in {normalise_header(word), _ascii(normalise_header(word))}:
                        _add(fields[ent.key], key, spec.name, lang)
        for kind, table in data.get("values", {}).items():
            target = values.setdefault(kind, {})
            for canonical, spellings in table.items():
                for word in [canonical, *spellings]:
                    # casefolded too: "Σ" has no letters or digits to normalise
                    key = normalise_header(word)
                    for spelling in {key, _ascii(key), word.casefold()} - {""}:
                        target[spelling] = canonical
    known = frozenset(k for table in fields.values() for k in table)
    return Synonyms(fields, {k: frozenset(v) for k, v in sheets.items()}, values, known)


@dataclass(frozen=True)
class HeaderMatch:
    """The best reading of one row as a header: entity, columns, score, language."""

    entity: str
    columns: tuple[ColumnChoice, ...]
    score: float
    german: bool


def _lookup(entity: str, text: str, syn: Synonyms) -> tuple[str, float, str]:
    """(field, confidence, lang) for one header text; ("", 0, "") if nothing fits."""
    table = syn.fields[entity]
    key = normalise_header(text)
    if not key:
        return "", 0.0, ""
    for candidate, conf in ((key, 1.0), (_ascii(key), 0.98), (_without_brackets(text), 0.9)):
        if candidate in table:
            field, lang = table[candidate]
            return field, conf, lang
    return "", 0.0, ""


def _fuzzy(entity: str, text: str, syn: Synonyms) -> tuple[str, float]:
    """A near miss such as a typo or an extra word; confidence below 0.8."""
    key = _without_brackets(text)
    if not 4 <= len(key) <= _MAX_HEADER:
        return "", 0.0  # a cell this long is no header; difflib would take long on it
    best = difflib.get_close_matches(key, list(syn.fields[entity]), n=1, cutoff=0.84)
    if best:
        ratio = difflib.SequenceMatcher(None, key, best[0]).ratio()
        return syn.fields[entity][best[0]][0], round(0.75 * ratio, 2)
    for word, (field, _lang) in syn.fields[entity].items():
        if len(word) >= 6 and word in key:
            return field, 0.6
    return "", 0.0


def map_columns(entity: str, header: Sequence[Any], syn: Synonyms,
                fuzzy: bool = True) -> tuple[tuple[ColumnChoice, ...], float, bool]:
    """Columns for one header row read as ``entity``: choices, score and whether German."""
    choices: list[ColumnChoice] = []
    seen: Counter[str] = Counter()  # header words per language: which one the sheet speaks
    score = 0.0
    for index, raw in enumerate(header):
        text = cell_text(raw)
        field, conf, lang = _lookup(entity, text, syn)
        if not field and fuzzy:
            field, conf = _fuzzy(entity, text, syn)
        seen[lang] += 1
        if text:
            choices.append(ColumnChoice(index, text, field, conf))
        if field:
            score += conf * (0.5 if field == "name" else 1.0)
    return _resolve_duplicates(choices), score, seen["de"] > seen["en"]


def _resolve_duplicates(choices: list[ColumnChoice]) -> tuple[ColumnChoice, ...]:
    """When two columns claim one field, the surer (then the leftmost) keeps it."""
    winner: dict[str, ColumnChoice] = {}
    for c in choices:
        if c.field and (c.field not in winner or c.confidence > winner[c.field].confidence):
            winner[c.field] = c
    return tuple(c if not c.field or winner[c.field] is c
                 else ColumnChoice(c.index, c.header, "", 0.0) for c in choices)


def entity_bonus(entity: str, names: Sequence[str], syn: Synonyms) -> float:
    """Extra score when a sheet, file or PowerShell type name points at the entity."""
    bonus = 0.0
    for name in names:
        key = normalise_header(name)
        if not key:
            continue
        if key in syn.sheets[entity]:
            return 1.5
        # "Exchange-Server Berlin" names servers; a longer marker is the more specific one
        for marker in syn.sheets[entity]:
            if len(marker) >= 5 and marker in key:
                bonus = max(bonus, min(1.4, 0.5 + len(marker) / 20))
    return bonus


def match_header_row(row: Sequence[Any], syn: Synonyms, names: Sequence[str] = (),
                     only: str = "") -> HeaderMatch | None:
    """The entity this row is the header of, or None when it does not look like a header."""
    texts = [cell_text(c) for c in row]
    filled = [t for t in texts if t]
    if len(filled) < 2 and not only:
        return None
    if any(not isinstance(c, str) for c in row if c not in (None, "")):
        return None  # numbers and dates are data, never headers
    hits = sum(1 for t in filled if normalise_header(t) in syn.known
               or _without_brackets(t) in syn.known)
    if hits < (1 if only else 2):
        return None  # cheap pre-check: most rows of a large sheet are data
    best: HeaderMatch | None = None
    for ent in ENTITIES:
        if only and ent.key != only:
            continue
        columns, score, german = map_columns(ent.key, row, syn, fuzzy=False)
        matched = sum(1 for c in columns if c.field)
        bonus = entity_bonus(ent.key, names, syn)
        # half the headers must be known, unless the sheet/file/type name names the entity
        if matched < (1 if only else 2) or (matched < 0.5 * len(filled) and not bonus):
            continue
        total = score + bonus
        if best is None or total > best.score:
            best = HeaderMatch(ent.key, columns, total, german)
    if best is None:
        return None
    columns, score, german = map_columns(best.entity, row, syn, fuzzy=True)
    return HeaderMatch(best.entity, columns, best.score, german)
