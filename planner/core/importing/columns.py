"""One mapped column of a block parsed a column at a time: each distinct cell once, its
outcome spread over the rows (see :func:`records.read_block`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter, methodcaller
from typing import Any

from planner.core.importing import values as v
from planner.core.importing.cells import MAX_TEXT_CELL, SHAPED_TEXT, Outcome, parse_cell
from planner.core.importing.headers import Synonyms, normalise_header
from planner.core.importing.mapping import SheetMapping
from planner.core.importing.powershell import ConnectorContext
from planner.core.importing.schema import EXAMPLE_MARKER, FieldSpec
from planner.core.importing.table import Table
from planner.core.model import Finding

__all__ = ["Block", "Cells", "column", "column_cells", "marked_elsewhere", "total_word"]


@dataclass
class Block:
    table: Table
    mapping: SheetMapping
    syn: Synonyms
    german: bool
    context: ConnectorContext
    findings: list[Finding]
    cache: dict[tuple[str, str, type, Any], Outcome] = field(default_factory=dict)
    day_first: bool = False  # its slashed dates are day/month (the table's dates say so)


@dataclass
class Cells:
    """One mapped column of a block: each row's parsed value and findings, whether the cell
    holds text, and whether it is a total word (the name column only)."""

    parsed: list[Any]
    problems: list[tuple[tuple[str, dict[str, Any]], ...]]
    filled: list[bool]
    total: list[bool]
    marked: bool = True  # a text cell may hold the example marker (False: none does)


# a PowerShell type name starts so (values.is_type_name): the rest need no closer look
_TYPE_NAME_START = methodcaller("startswith", ("S", "M", "D"))
_NUMBERS = frozenset({bool, int, float})  # 1 == 1.0 == True, but each reads differently


def column(grid: Sequence[Sequence[Any]], index: int, width: int) -> list[Any]:
    """Column ``index`` of the rows (``width`` the shortest row's length); None where a row
    is shorter."""
    if index < width:
        return list(map(itemgetter(index), grid))
    return [r[index] if index < len(r) else None for r in grid]


def column_cells(block: Block, fspec: FieldSpec | None, header: str, values: list[Any],
                  names: bool) -> Cells:
    """Parse each distinct value of one column once and spread the outcome over its rows."""
    keys: list[Any] = values
    distinct = list(dict.fromkeys(values))
    types = set(map(type, distinct))
    if types & _NUMBERS:  # 1, 1.0 and True are one key: the types of every cell decide
        types = set(map(type, values))
        if len(types & _NUMBERS) > 1:
            keys = list(zip(map(type, values), values, strict=True))
            distinct = list(dict.fromkeys(keys))
    plain = distinct if keys is values else [k[1] for k in distinct]
    # a plain text field keeps the cell's text: no parsing, only the type-name check
    as_text = fspec is not None and fspec.kind == "text" and fspec.name not in SHAPED_TEXT
    # plain strings: trimmed in one pass; a type name has a dot, and none has one when all
    # the column's strings together have none (decided in C)
    joined = "\n".join(plain) if types <= {str} else None
    marked = EXAMPLE_MARKER in (joined if joined is not None else "\n".join(
        p for p in plain if isinstance(p, str)))
    # plain ASCII strings only trimmed (decided in C for the whole column); any other
    # character goes through cell_text, which turns no-break and zero-width spaces out
    texts = list(map(str.strip, plain)) if joined is not None and joined.isascii() \
        else list(map(v.cell_text, plain))
    totals = _total_texts(texts, block.syn.values.get("total_row", {})) if names else frozenset()
    if as_text and max(map(len, texts), default=0) <= MAX_TEXT_CELL \
            and ((joined is not None and "." not in joined)
                 or not any(map(v.is_type_name, filter(_TYPE_NAME_START, texts)))):
        # every cell is kept as its text: spread the texts over the rows a column at a time
        # (a column of distinct cells, such as the names, is its texts)
        cells: list[Any] = texts if keys is values and len(distinct) == len(keys) else list(
            map(dict(zip(distinct, texts, strict=True)).__getitem__, keys))
        empty = "" in texts
        parsed = [t or None for t in cells] if empty else cells  # an empty cell keeps nothing
        return Cells(parsed, [()] * len(cells),
                      list(map(bool, cells)) if empty else [True] * len(cells),
                      list(map(totals.__contains__, cells)) if totals else [False] * len(cells),
                      marked)
    outcomes: dict[Any, tuple[Any, tuple[tuple[str, dict[str, Any]], ...], bool, bool]] = {}
    for key, value, text in zip(distinct, plain, texts, strict=True):
        if not text:
            outcomes[key] = (None, (), False, False)
            continue
        total = text in totals
        if as_text and len(text) <= MAX_TEXT_CELL and not (text[0] in "SMD"
                                                          and v.is_type_name(text)):
            outcomes[key] = (text, (), True, total)
            continue
        cache_key = (fspec.name if fspec else "", header, type(value), value)
        outcome = block.cache.get(cache_key)
        if outcome is None:
            outcome = block.cache[cache_key] = parse_cell(block.syn, block.german, fspec, value,
                                                          header, block.day_first)
        outcomes[key] = (*outcome, True, total)
    if not keys:
        return Cells([], [], [], [])
    # each part spread over the rows on its own; a part alike in every distinct cell (no
    # findings, all filled, no total: the usual case) is repeated, not looked up per row
    count = len(keys)
    values_of, problems_of, filled_of, total_of = zip(*outcomes.values(), strict=True)

    def spread(part: tuple[Any, ...]) -> list[Any]:
        return list(map(dict(zip(outcomes, part, strict=True)).__getitem__, keys))

    return Cells(spread(values_of),
                  spread(problems_of) if any(problems_of) else [()] * count,
                  spread(filled_of) if False in filled_of else [True] * count,
                  spread(total_of) if True in total_of else [False] * count, marked)


def marked_elsewhere(grid: Sequence[Sequence[Any]], mapped: set[int], width: int) -> bool:
    """Whether a cell outside the ``mapped`` columns may hold the example marker."""
    rest = [i for i in range(max(map(len, grid), default=0)) if i not in mapped]
    cells = set(chain.from_iterable(column(grid, i, width) for i in rest))
    return EXAMPLE_MARKER in "\n".join(map(str, cells))


def _total_texts(texts: list[str], words: dict[str, str]) -> frozenset[str]:
    """The names among ``texts`` that start with a total word.

    Most names are one plain word (EX01): those are compared as a set, so only names with
    spaces, punctuation or other letters are looked at one by one.
    """
    joined = "".join(texts)
    if joined.isascii() and joined.isalnum():  # every text empty or one plain word (EX01)
        lines = "\n" + "\n".join(texts).lower() + "\n"
        if not any(f"\n{word}\n" in lines for word in words):
            return frozenset()  # none of them a total word: decided in C
    plain = set(filter(str.isalnum, filter(str.isascii, texts)))
    hits = {t for t in plain if t.lower() in words} if not words.keys().isdisjoint(
        map(str.lower, plain)) else set()
    return frozenset(hits | {t for t in set(texts) - plain if t and total_word(t, words)})


def total_word(name: str, words: dict[str, str]) -> bool:
    first = name.split(None, 1)[0].rstrip(":")
    if first.casefold() in words:
        return True
    # plain letters and digits normalise to themselves in lower case (skips the cache)
    return (first.lower() if first.isascii() and first.isalnum()
            else normalise_header(first)) in words
