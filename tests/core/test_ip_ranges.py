"""Bindings and remote IP ranges read from every notation inventories use and written back
as Exchange's cmdlets accept them: IPv6 keeps its brackets, ranges and networks stay whole."""

from __future__ import annotations

import pytest

from planner.core.ip_ranges import (
    binding_port,
    parse_binding,
    parse_range,
    split_bindings,
    split_ranges,
    truncated,
)

BINDINGS = [
    # Export-Csv of "$($_.Bindings)": space-joined, IPv6 first as Exchange lists it
    ("[::]:25 0.0.0.0:25", ("[::]:25", "0.0.0.0:25")),
    # Format-List and ConvertTo-Csv of a collection
    ("{[::]:25, 0.0.0.0:25}", ("[::]:25", "0.0.0.0:25")),
    ("{[::]:587, 0.0.0.0:587}", ("[::]:587", "0.0.0.0:587")),
    # a JSON-like list around the values
    ("[[::]:25, 0.0.0.0:25]", ("[::]:25", "0.0.0.0:25")),
    ("['[::]:25', '0.0.0.0:25']", ("[::]:25", "0.0.0.0:25")),
    # a spreadsheet cell: ";" or line breaks, IPv4 first
    ("0.0.0.0:25; [::]:25", ("0.0.0.0:25", "[::]:25")),
    ("0.0.0.0:2525\n[::]:2525", ("0.0.0.0:2525", "[::]:2525")),
    # one local address of each family, IPv6 in full or short form
    ('"10.1.1.5:25";"[2001:0db8:0000::5]:25"', ("10.1.1.5:25", "[2001:db8::5]:25")),
    ("[fe80::1%11]:25", ("[fe80::1%11]:25",)),
    # brackets already lost by another tool: the IPv6 address gets them back
    ("::]:25,0.0.0.0:25", ("[::]:25", "0.0.0.0:25")),
    ("-", ()),
]

RANGES = [
    ("10.10.3.0/24, 10.10.1.20", ("10.10.3.0/24", "10.10.1.20")),
    ("{10.10.3.0/24, 10.10.1.20}", ("10.10.3.0/24", "10.10.1.20")),
    ("10.1.1.10-10.1.1.20; 10.1.2.5", ("10.1.1.10-10.1.1.20", "10.1.2.5")),
    ("10.1.1.10 - 10.1.1.20", ("10.1.1.10-10.1.1.20",)),
    ("10.1.1.10 \u2013 10.1.1.20", ("10.1.1.10-10.1.1.20",)),  # Excel's en dash
    ("10.2.0.0/255.255.0.0", ("10.2.0.0/16",)),
    ("10.2.0.9/16", ("10.2.0.9/16",)),  # Exchange takes any address of the network
    ("{::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 0.0.0.0-255.255.255.255}",
     ("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0-255.255.255.255")),
    ("2001:db8:30::/48 2001:DB8:30::25", ("2001:db8:30::/48", "2001:db8:30::25")),
    ("2001:db8::1 - 2001:db8::ff", ("2001:db8::1-2001:db8::ff",)),
    ("[2001:db8::25]", ("2001:db8::25",)),
    ("fe80::39bd:88f7:6969:d223%11", ("fe80::39bd:88f7:6969:d223%11",)),
    # a customer's sheet: a range by its last octet, a wildcard (Thames & Shannon's scanners)
    ("10.20.30.10-20", ("10.20.30.10-10.20.30.20",)),
    ("10.20.30.10 - 20; 10.20.31.*", ("10.20.30.10-10.20.30.20", "10.20.31.0/24")),
    ("10.20.*.*", ("10.20.0.0/16",)),
]


@pytest.mark.parametrize(("cell", "entries"), BINDINGS)
def test_bindings_keep_ipv6_brackets_in_every_notation(cell: str, entries: tuple[str, ...]) -> None:
    assert split_bindings(cell) == entries
    # written into a command and read back, nothing changes
    assert split_bindings(",".join(f"'{e}'" for e in entries)) == entries
    assert split_bindings(" ".join(entries)) == entries
    for entry in entries:
        parsed = parse_binding(entry)
        assert parsed is not None and binding_port(entry) == str(parsed[1])
        assert (entry.startswith("[")) == (parsed[0].version == 6)


@pytest.mark.parametrize(("cell", "entries"), RANGES)
def test_remote_ip_ranges_read_whole_in_every_notation(cell: str,
                                                       entries: tuple[str, ...]) -> None:
    assert split_ranges(cell) == entries
    assert split_ranges(",".join(f"'{e}'" for e in entries)) == entries
    assert split_ranges("{" + ", ".join(entries) + "}") == entries
    assert all(parse_range(e) is not None for e in entries)


def test_a_range_knows_what_it_admits() -> None:
    net, span, one = (parse_range(t) for t in ("10.30.8.0/24", "10.1.1.10-10.1.1.20", "10.1.2.5"))
    assert net is not None and span is not None and one is not None
    assert (net.size, span.size, one.size) == (256, 11, 1)
    assert one.single and not net.single
    assert net.covers("10.30.8.77") and not net.covers("10.30.9.1")
    assert not net.covers("scanner.example") and not net.covers("2001:db8::1")
    v6 = parse_range("2001:db8:30::/64")
    assert v6 is not None and v6.covers("2001:db8:30::25") and not v6.covers("10.30.8.1")
    every = [parse_range(t) for t in ("0.0.0.0-255.255.255.255", "::/0", "0.0.0.0/0")]
    assert all(e is not None and e.everything for e in every)
    assert not net.everything


def test_a_listed_range_explains_the_entry_it_lies_in_or_holds() -> None:
    """Scanners listed as "10.40.20.10-20" are the devices a connector admitting
    10.40.20.0/24 serves: no unknown relay step for that entry."""
    entry = parse_range("10.40.20.0/24")
    assert entry is not None
    assert entry.explained_by("10.40.20.10-20") and entry.explained_by("10.40.20.15")
    assert entry.explained_by("10.40.0.0/16") and entry.explained_by("10.40.20.*")
    assert not entry.explained_by("10.40.21.10-20") and not entry.explained_by("scanner01")


def test_no_address_is_no_range() -> None:
    for text in ("printer.local", "10.1.1.9-10.1.1.1", "10.1.1.1-2001:db8::1", "300.1.1.1", "",
                 "10.1.1.10-300", "10.1.1.20-10", "10.1.*.5", "*", "lon-app-01"):
        assert parse_range(text) is None
    assert parse_binding("0.0.0.0") is None and parse_binding("[::]:99999") is None


def test_a_list_powershell_cut_short_is_recognised() -> None:
    entries = split_ranges("{10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4...}")
    assert truncated(entries) and entries[-1] == "10.0.0.4..."
    assert truncated(split_bindings("{[::]:25, 0.0.0.0:25, 10.1.1.1:25, 10.1.1.2:\u2026}"))
    assert not truncated(split_ranges("10.0.0.1, 10.0.0.2"))
