"""Addresses on receive connectors as Exchange writes them: bindings and remote IP ranges.

A binding is "address:port" with an IPv6 address in brackets ("0.0.0.0:25", "[::]:25",
"[2001:db8::5]:587"). A remote IP range is one address, "first-last" or CIDR ("10.1.1.20",
"10.1.1.1-10.1.1.50", "10.1.3.0/24", "2001:db8::/48", "fe80::1%11"). Inventories write
them, and lists of them, in many ways: a range by its last octet only ("10.1.1.10-20"), a
wildcard ("10.1.3.*"), PowerShell's "{[::]:25, 0.0.0.0:25}", the space-joined values of
Export-Csv, a spreadsheet cell with ";" or line breaks, "10.1.1.1 - 10.1.1.50" with spaces
or an en dash. This module reads each into the entries Exchange's cmdlets accept, so what
a command recreates is what the old connector had, and tells which addresses a range admits.
"""

from __future__ import annotations

import ipaddress
import itertools
import re
from dataclasses import dataclass

__all__ = [
    "IpRange",
    "address_order",
    "binding_port",
    "canonical_binding",
    "canonical_range",
    "parse_binding",
    "parse_range",
    "split_bindings",
    "split_ranges",
    "truncated",
]

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# hyphen, en and em dash, minus sign: "10.1.1.1 – 10.1.1.9" is one range
_DASH = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_SEPARATORS = re.compile(r"[;,|\s]+")
_QUOTES = str.maketrans("", "", "'\"\u2018\u2019\u201c\u201d\u201e")
_BINDING = re.compile(r"^\[?([0-9A-Fa-f:.%]+?)\]?:(\d{1,5})$")
_ELLIPSIS = ("...", "\u2026")


@dataclass(frozen=True)
class IpRange:
    """One entry of RemoteIPRanges: its first and last address and how Exchange writes it."""

    first: Address
    last: Address
    text: str

    @property
    def size(self) -> int:
        """How many addresses the entry admits."""
        return int(self.last) - int(self.first) + 1

    @property
    def single(self) -> bool:
        """True for one address (one device), False for a range (a subnet of them)."""
        return self.first == self.last

    @property
    def everything(self) -> bool:
        """True when the entry admits every IPv4 or every IPv6 address (a default connector)."""
        return self.size == (1 << (32 if self.first.version == 4 else 128))

    def covers(self, host: str) -> bool:
        """True when ``host`` (an address; a name never matches) lies in this range."""
        address = _address(host.strip().strip("[]"))
        return (address is not None and address.version == self.first.version
                and int(self.first) <= int(address) <= int(self.last))

    def explained_by(self, host: str) -> bool:
        """True when a relay client listed as ``host`` explains this entry: an address in
        it, a range (a printer fleet's subnet) that holds it whole, or a range inside it
        (scanners listed as "10.10.5.10-20" on a connector that admits 10.10.5.0/24).

        >>> parse_range("10.10.5.0/24").explained_by("10.10.5.0/24")
        True
        >>> parse_range("10.10.5.0/24").explained_by("10.10.5.7")
        True
        >>> parse_range("10.10.0.0/16").explained_by("10.10.5.0/24")
        True
        >>> parse_range("10.10.5.0/24").explained_by("10.10.6.0/24")
        False
        """
        if self.covers(host):
            return True
        listed = parse_range(host)
        if listed is None or listed.first.version != self.first.version:
            return False
        inner, outer = sorted((listed, self), key=lambda r: r.size)
        return int(outer.first) <= int(inner.first) and int(inner.last) <= int(outer.last)


def address_order(text: str) -> tuple[int, int]:
    """A sort key that puts addresses in numeric order, IPv4 first, text that is none last."""
    address = _address(text)
    return (9, 0) if address is None else (address.version, int(address))


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _unwrap(text: str) -> str:
    """The cell without the braces, parentheses or list brackets PowerShell puts around lists.

    "[::]" is an IPv6 address and "[::]:25" a binding, so brackets go only around a list.
    Indices move instead of the text being cut, so a cell of a million brackets stays linear.
    """
    text = text.translate(_QUOTES)
    first, last = 0, len(text) - 1
    while first < last:
        head, tail = text[first], text[last]
        if head.isspace():
            first += 1
        elif tail.isspace():
            last -= 1
        elif (head, tail) in (("{", "}"), ("(", ")")) or (
                (head, tail) == ("[", "]") and not _is_address(text, first + 1, last)):
            first, last = first + 1, last - 1
        elif head in "{(" and tail not in "})]":
            first += 1  # a list that was cut off at its end
        elif tail in "})" and head not in "{([":
            last -= 1
        else:
            break
    return text[first:last + 1].strip(" \t\r\n{}()")  # a lone brace left of "{{{"


def _is_address(text: str, start: int, stop: int) -> bool:
    """Whether text[start:stop] is one address (no address is longer than 64 characters)."""
    return stop - start <= 64 and _address(text[start:stop].strip()) is not None


def _split(raw: str, ranges: bool) -> list[str]:
    text = _unwrap(raw)
    if ranges:
        text = _DASH.sub("-", text)
    return [p for p in _SEPARATORS.split(text) if p.strip("-")]  # "-" marks an empty cell


def split_bindings(raw: str) -> tuple[str, ...]:
    """The bindings of one cell, each as Exchange writes it ("[::]:25")."""
    return tuple(dict.fromkeys(canonical_binding(p) for p in dict.fromkeys(_split(raw, False))))


def split_ranges(raw: str) -> tuple[str, ...]:
    """The remote IP ranges of one cell, each as Exchange writes it ("10.1.1.1-10.1.1.9")."""
    return tuple(dict.fromkeys(canonical_range(p) for p in dict.fromkeys(_split(raw, True))))


def truncated(entries: tuple[str, ...]) -> bool:
    """True when PowerShell cut the list short ("10.1.1.4..."): the rest is missing."""
    return any(e.endswith(_ELLIPSIS) for e in entries)


def parse_binding(text: str) -> tuple[Address, int] | None:
    """A binding's local address and port; None when it is no "address:port"."""
    match = _BINDING.match(text.strip())
    address = _address(match.group(1)) if match else None
    if match is None or address is None or not 0 < int(match.group(2)) < 65536:
        return None
    return address, int(match.group(2))


def canonical_binding(text: str) -> str:
    """"address:port" with an IPv6 address in brackets; anything else as written."""
    parsed = parse_binding(text)
    if parsed is None:
        return text.strip()
    address, port = parsed
    return f"[{address}]:{port}" if address.version == 6 else f"{address}:{port}"


def binding_port(text: str) -> str:
    """The port of a binding ("25"), "" when it names none."""
    head, sep, port = text.strip().rpartition(":")
    return port if sep and port.isdigit() and not head.endswith(":") else ""


def _short_form(text: str) -> str:
    """An inventory's IPv4 shorthand as Exchange writes it: "10.1.1.10-20" (the last
    octet) as "10.1.1.10-10.1.1.20", "10.1.3.*" and "10.1.*.*" as networks; else the text."""
    head, dash, tail = text.partition("-")
    if dash and tail.isdigit() and head.count(".") == 3:
        return f"{head}-{head.rpartition('.')[0]}.{tail}"
    octets = text.split(".")
    fixed = list(itertools.takewhile(lambda o: o != "*", octets))
    if len(octets) == 4 and 0 < len(fixed) < 4 and set(octets[len(fixed):]) == {"*"}:
        return ".".join(fixed + ["0"] * (4 - len(fixed))) + f"/{8 * len(fixed)}"
    return text


def parse_range(text: str) -> IpRange | None:
    """One RemoteIPRanges entry as a range; None when it is no address, range or network.

    >>> parse_range("10.20.30.10-20").text
    '10.20.30.10-10.20.30.20'
    >>> parse_range("10.20.30.*").text
    '10.20.30.0/24'
    """
    text = _short_form(_DASH.sub("-", text.strip().strip("[]")))
    if "-" in text:
        first_text, _, last_text = text.partition("-")
        first, last = _address(first_text.strip("[]")), _address(last_text.strip("[]"))
        if first is None or last is None or first.version != last.version or (
                int(first) > int(last)):
            return None
        return IpRange(first, last, f"{first}-{last}")
    if "/" in text:
        head, _, bits = text.partition("/")
        try:
            net = ipaddress.ip_network(text, strict=False)
        except ValueError:
            return None
        shown = head if bits.isdigit() else str(net.network_address)  # a mask: as a prefix
        return IpRange(net[0], net[-1], f"{shown}/{net.prefixlen}")
    address = _address(text)
    return None if address is None else IpRange(address, address, str(address))


def canonical_range(text: str) -> str:
    """The entry as Exchange writes it; anything that is no range stays as written."""
    span = parse_range(text)
    return span.text if span is not None else text.strip()
