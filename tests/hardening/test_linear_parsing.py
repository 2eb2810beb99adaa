"""Long cells parse in linear time: a regular expression once took 35 s on 3,000 spaces (#18).

These are hang guards, not speed targets: a super-linear parser would take minutes on a
megabyte cell, so the child process's generous time limit catches it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core import ip_ranges
from planner.core.importing import values
from planner.core.importing.headers import _drop_brackets
from tests.hardening.fuzzing import FUZZ

MEGABYTE_CELLS = ["(" + " " * 1_000_000 + "x", "(" * 1_000_000, "1 " * 500_000,
                  "1" * 1_000_000 + "x", "[" * 500_000 + "(" * 500_000]


@pytest.mark.parametrize("cell", MEGABYTE_CELLS)
def test_a_long_size_cell_is_invalid_not_slow(cell: str) -> None:
    with pytest.raises(ValueError):
        values.parse_size_gb(cell, decimal_comma=True)


@FUZZ
@given(text=st.text(alphabet="ab()[]\n ", max_size=40))
def test_bracket_removal_matches_the_regular_expression(text: str) -> None:
    assert _drop_brackets(text) == re.sub(r"\(.*?\)|\[.*?\]", " ", text)


@pytest.mark.parametrize(("cell", "gb"), [("12.5 GB (13,421,772,800 bytes)", 12.5),
                                          ("1,2 TB", 1228.8), (" 512 MB ", 0.5),
                                          ("1 234", 1234.0), ("850 GB", 850.0)])
def test_sizes_still_parse(cell: str, gb: float) -> None:
    assert values.parse_size_gb(cell, decimal_comma=True) == gb


# Receive connectors' Bindings and RemoteIPRanges cells: brackets are unwrapped by moving
# indices (cutting the text once per bracket took seconds on 20,000 of them).
ADDRESS_CELLS = [("{" * 1_000_000, ()), ("[" * 500_000 + "]" * 500_000, ()),
                 ("(" * 1_000_000 + "10.1.1.1", ("10.1.1.1",)), (" " * 1_000_000, ()),
                 ("10.1.1.1 - 10.1.1.9; " * 50_000, ("10.1.1.1-10.1.1.9",))]


@pytest.mark.parametrize(("cell", "ranges"), ADDRESS_CELLS)
def test_a_long_address_cell_is_read_not_slow(cell: str, ranges: tuple[str, ...]) -> None:
    assert ip_ranges.split_ranges(cell) == ranges
    ip_ranges.split_bindings(cell)  # no hang, whatever it makes of it
