"""What is too much for the workbook reader, and the problems found: shared by the
readers' size checks (:mod:`.workbook_limits` for xlsx and ods, :mod:`.xls_limits` for the
binary .xls format)."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.core.explanation import Message, message

__all__ = ["MAX_BOOK_CELLS", "MAX_SHEETS", "MAX_SHEET_CELLS", "Problems", "budget"]

# A real inventory has a few thousand rows of up to ~100 columns. These bounds keep the
# native reader's grid (32 bytes a cell) and the Python rows well under 1 GB.
MAX_SHEET_CELLS = 4_000_000
MAX_BOOK_CELLS = 8_000_000
MAX_SHEETS = 256


@dataclass
class Problems:
    """What is wrong with a workbook: for the whole file, or per sheet name."""

    # each a message (``findings.limit.*``): the finding words it in the reader's language
    file: Message | None = None
    sheets: dict[str, Message] = field(default_factory=dict)
    damaged: Message | None = None  # the file's structure is broken (not too large)


def budget(problems: Problems, sizes: dict[str, int]) -> Problems:
    """Sheets over the per-sheet bound, and the whole book over the total bound."""
    total = 0
    for name, cells in sizes.items():
        if cells > MAX_SHEET_CELLS:
            problems.sheets.setdefault(name, message("findings.limit.cells", count=cells))
        else:
            total += cells
    if total > MAX_BOOK_CELLS and not problems.file:
        problems.file = message("findings.limit.cells", count=total)
    return problems
