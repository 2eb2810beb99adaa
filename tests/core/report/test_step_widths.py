"""The steps tables' number and WBS columns fit their longest entry on one line.

A 2,000-server report numbers its steps into five digits and its WBS codes into 4.1602.1:
in the fixed 5 % and 7 % columns "6000" printed as "600" over "0".
"""

from __future__ import annotations

from planner.core.report.step_cards import step_widths
from planner.core.report.table import Row


def _rows(*pairs: tuple[str, str]) -> list[Row]:
    return [Row((number, wbs, "title", "start", "end", "owner")) for number, wbs in pairs]


def test_small_plans_keep_the_usual_widths() -> None:
    assert step_widths(_rows(("2", "1.1"), ("554", "4.114.1"))) == (5, 7, 50, 11, 11, 16)


def test_long_numbers_and_codes_widen_their_columns_from_the_title() -> None:
    widths = step_widths(_rows(("6000", "4.1602.1"), ("17216", "4.12016.12")))
    assert widths[0] >= 7 and widths[1] >= 11
    assert sum(widths) == 100 and widths[2] >= 40
