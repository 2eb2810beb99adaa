"""A plain table for the template: header cells, rows with a style class, column widths."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Row", "Table"]


@dataclass(frozen=True)
class Row:
    """One table row; ``cls`` is "" or a style such as "warn", "bad", "good"."""

    cells: tuple[str, ...]
    cls: str = ""
    detail: str = ""  # smaller text under the second cell (a step's reason under its title)


@dataclass(frozen=True)
class Table:
    """Header cells (may be empty), rows, and column widths in percent."""

    head: tuple[str, ...]
    rows: tuple[Row, ...]
    widths: tuple[int, ...]
    title: str = ""  # a heading row inside the table, so it never parts from its rows
    title_colour: str = ""
