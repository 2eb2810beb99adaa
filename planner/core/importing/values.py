"""Cell values as customers write them: German dates and decimal commas, sizes, lists, flags.

Every parser takes the raw cell (a string, number, date or ``None``) and returns the value
or raises ``ValueParseError`` (a ValueError); the caller turns that into a finding with the
cell's location.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from planner.core.errors import ValueParseError
from planner.core.typed_values import MAX_VALUE_TEXT, cell_text, parse_bool, parse_number

__all__ = [
    "ambiguous_slashes",
    "canonical_build",
    "cell_text",
    "certificate_subject",
    "is_type_name",
    "normalise_build_notation",
    "parse_bool",
    "parse_date",
    "parse_int",
    "parse_number",
    "parse_size_gb",
    "site_name",
    "slashes_day_first",
    "split_address_spaces",
    "split_list",
    "split_phrases",
    "unit_factor_from_header",
]

_TYPE_NAME = re.compile(
    r"^(Deserialized\.)?(System\.Collections\.|System\.Object\[\]|System\.String\[\]|"
    r"Microsoft\.Exchange\.Data\.(MultiValuedProperty|[\w.]+\[\])|"
    r"Microsoft\.Exchange\.[\w.]+`\d)")
_UNITS = {"b": 1 / 1024**3, "byte": 1 / 1024**3, "bytes": 1 / 1024**3, "kb": 1 / 1024**2,
          "mb": 1 / 1024, "gb": 1.0, "tb": 1024.0, "pb": 1024.0**2}
# The number's own spaces must be followed by a digit and the loops are possessive, so no
# pattern here backtracks over a long cell (a cell of "(" and spaces took seconds before).
_SIZE = re.compile(r"\s*+([-+]?[.,']*+\d(?:[\d.,']|\s(?=\d))*+)\s*+([kmgtp]?b|bytes?)?\s*+",
                   re.IGNORECASE)
_BYTES_IN_PARENS = re.compile(r"\(\s*+(\d(?:[\d.,']|\s(?=\d))*+)\s*+bytes?\s*+\)",
                              re.IGNORECASE)
_ADMIN_VERSION = re.compile(r"Version\s+(\d+)\.(\d+)\s*\(\s*Build\s+(\d+)\.(\d+)\s*\)",
                            re.IGNORECASE)
_DOTTED_BUILD = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{1,4})\.(\d{1,4})(?![\d.])")


def is_type_name(text: str) -> bool:
    """True when PowerShell wrote a collection's type name instead of its values."""
    text = text.strip()
    return text[:1] in ("S", "M", "D") and "." in text and bool(_TYPE_NAME.match(text))





def parse_int(raw: object, decimal_comma: bool = False) -> int:
    """A whole number (``1.234`` is 1234 in a German table, ``620.0`` from a spreadsheet)."""
    value = parse_number(raw, decimal_comma or _german_thousands(raw))
    if not value.is_integer():
        raise ValueParseError(cell_text(raw))
    return int(value)


def _german_thousands(raw: object) -> bool:
    return isinstance(raw, str) and bool(re.fullmatch(r"\s*\d{1,3}(\.\d{3})+\s*", raw))


def parse_size_gb(raw: object, decimal_comma: bool = False, unit_factor: float = 1.0) -> float:
    """A size in GB: ``1,2 TB``, ``850 GB``, ``12.5 GB (13,421,772,800 bytes)``, ``512 MB``.

    A bare number is in the column's unit (``unit_factor`` GB per unit, from the header).
    """
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return round(parse_number(raw) * unit_factor, 3)
    text = cell_text(raw)
    if len(text) > MAX_VALUE_TEXT:
        raise ValueParseError(text[:MAX_VALUE_TEXT])
    exact = _BYTES_IN_PARENS.search(text)
    if exact:  # Exchange's DatabaseSize string: the byte count is the precise part
        return round(parse_number(exact.group(1)) / 1024**3, 3)
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueParseError(text)
    number = parse_number(match.group(1), decimal_comma)
    unit = (match.group(2) or "").lower()
    factor = _UNITS[unit] if unit else unit_factor
    return round(number * factor, 3)


@lru_cache(maxsize=1024)
def unit_factor_from_header(header: str) -> float:
    """GB per unit for a bare-number size column: ``Size (TB)`` gives 1024, ``MB`` 1/1024."""
    match = re.search(r"\b([kmgt]b)\b", header.lower())
    return _UNITS[match.group(1)] if match else 1.0


_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%m/%d/%Y", "%Y/%m/%d", "%d-%m-%Y")
_DAY_FIRST_FORMATS = tuple("%d/%m/%Y" if f == "%m/%d/%Y" else f for f in _DATE_FORMATS)
_SLASHED = re.compile(r"\s*(\d{1,2})/(\d{1,2})/\d{4}")


def slashes_day_first(cells: Iterable[object]) -> bool:
    """Whether the slashed dates among these cells (one table's date columns) are day/month,
    as British, French or Australian PowerShell writes them: some first part is above 12 and
    no second part is. Read one by one, ``03/10/2026`` (3 October) passed silently as
    10 March while ``28/03/2024`` in the next cell was refused."""
    day = month = False
    for raw in cells:
        found = _SLASHED.match(raw) if isinstance(raw, str) else None
        if found:
            day = day or int(found.group(1)) > 12
            month = month or int(found.group(2)) > 12
    return day and not month


def ambiguous_slashes(cells: Iterable[object]) -> str | None:
    """The first slashed date that reads as two different days (``04/03/2026``) when no
    slashed date among these cells says which part is the day; None when one does, or none
    is ambiguous. Such a table is read month/day (a UK-locale export read so silently)."""
    first = None
    for raw in cells:
        found = _SLASHED.match(raw) if isinstance(raw, str) else None
        if not found:
            continue
        a, b = int(found.group(1)), int(found.group(2))
        if a > 12 or b > 12:
            return None  # the table's own dates decide (slashes_day_first)
        if first is None and a != b:
            first = found.group(0).strip()
    return first


def parse_date(raw: object, day_first: bool = False) -> date:
    """A date: spreadsheet dates, ``14.10.2025``, ``2025-10-14``, US ``10/14/2025 10:00 AM``.

    Slashes are read as US month/day because that is how English PowerShell writes dates,
    or as day/month when the table's own dates say so (``day_first``, see
    :func:`slashes_day_first`).
    """
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = cell_text(raw)[:MAX_VALUE_TEXT]
    head = re.split(r"[ T]", text, maxsplit=1)[0]
    for fmt in _DAY_FIRST_FORMATS if day_first else _DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date()
        except ValueError:
            continue
    raise ValueParseError(text)


_LIST_SPLIT = re.compile(r"[;,\n\r\t|]+|\s+")


def split_list(raw: object) -> tuple[str, ...]:
    """Values joined with ``;``, ``,``, new lines or spaces; ``{a, b}`` braces removed."""
    text = cell_text(raw).strip("{}[]() ")
    return tuple(dict.fromkeys(p.strip() for p in _LIST_SPLIT.split(text) if p.strip()))


def split_phrases(raw: object) -> tuple[str, ...]:
    """Values joined with ``;``, ``,``, ``/``, ``+`` or new lines; spaces stay inside."""
    text = cell_text(raw).strip("{}[]() ")
    return tuple(p.strip() for p in re.split(r"[;,/+\n\r|]+", text) if p.strip())


def split_address_spaces(raw: object) -> tuple[str, ...]:
    """Address spaces without type prefix and cost: ``SMTP:*;1`` gives ``*``."""
    out: list[str] = []
    for part in split_list(raw):
        if part.isdigit():
            continue  # the cost that followed "SMTP:domain;"
        part = re.sub(r"^(smtp|x400|x500):", "", part, flags=re.IGNORECASE)
        out.append(part)
    return tuple(dict.fromkeys(out))


def canonical_build(text: str) -> str | None:
    """The dotted four-part number in a build text, or ``None`` (no interpretation)."""
    admin = _ADMIN_VERSION.search(text)
    if admin:
        return ".".join(str(int(g)) for g in admin.groups())
    dotted = _DOTTED_BUILD.search(text)
    if dotted:
        return ".".join(str(int(g)) for g in dotted.groups())
    return None


def normalise_build_notation(text: str) -> str:
    """``Version 15.2 (Build 1748.39)`` as ``15.2.1748.39``; any other text unchanged."""
    admin = _ADMIN_VERSION.fullmatch(text.strip())
    return canonical_build(text) or text if admin else text


def build_source_of(header: str, text: str, hint: str = "") -> str:
    """Where a build cell was read (``planner.core.builds.BUILD_SOURCES``): the reader's own
    word (HealthChecker), else what the header or the notation says, else an inventory."""
    if hint:
        return hint
    squeezed = re.sub(r"[^a-z]", "", header.lower())
    if _ADMIN_VERSION.fullmatch(text.strip()) or "admindisplay" in squeezed:
        return "admin_display"
    if "exsetup" in squeezed or "fileversion" in squeezed:
        return "exsetup"
    return "inventory"


def site_name(text: str) -> str:
    """The site's own name from ``contoso.com/Configuration/Sites/Berlin`` or a plain name."""
    parts = [p for p in re.split(r"[/\\]", text.strip()) if p]
    if len(parts) > 1 and any(p.lower() == "sites" for p in parts[:-1]):
        return parts[-1]
    return text.strip()


def certificate_subject(text: str) -> str:
    """The subject from Exchange's ``<I>issuer<S>CN=mail.contoso.de`` notation, else the text."""
    match = re.search(r"<S>\s*(.*)$", text)
    subject = match.group(1) if match else text
    cn = re.match(r"\s*CN=([^,]+)", subject)
    return (cn.group(1) if cn else subject).strip()
