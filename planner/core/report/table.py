"""A plain table for the template: header cells, rows with a style class, column widths."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Row", "Table"]


@dataclass(frozen=True)
class Row:
    """One table row; ``cls`` is "" or a style such as "warn", "bad", "good"."""

    cells: tuple[str, ...]
    cls: str = ""
    detail: str = ""  # smaller text under the table's detail column (a step's reason)
    source: str = ""  # under the detail: what a step rests on (rule and document)


@dataclass(frozen=True)
class Table:
    """Header cells (may be empty), rows, and column widths in percent."""

    head: tuple[str, ...]
    rows: tuple[Row, ...]
    widths: tuple[int, ...]
    title: str = ""  # a heading row inside the table, so it never parts from its rows
    title_colour: str = ""
    detail_col: int = 1  # the column whose cell carries each row's detail
    nowrap: tuple[int, ...] = ()  # columns kept on one line (names, IP addresses)
