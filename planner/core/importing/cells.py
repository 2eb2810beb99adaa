"""Parse one cell of an inventory into a field's value, with the findings it raises.

The outcome carries no location: equal cells share it, and :mod:`records` places the
findings at each row where the cell occurs.
"""

from __future__ import annotations

import re
from typing import Any

from planner.core import ip_ranges
from planner.core.errors import ValueParseError
from planner.core.explanation import message
from planner.core.importing import values as v
from planner.core.importing.headers import Synonyms, normalise_header
from planner.core.importing.schema import FieldSpec

__all__ = ["MAX_TEXT_CELL", "SHAPED_TEXT", "Outcome", "parse_cell"]


# The largest value a size or count cell can plausibly hold: a mailbox size written in bytes
# in a GB column (13421772800) is ten million times too large and made planning run out of
# memory. 100 TB of mailbox data on one server or database is already far beyond practice.
_LIMITS: dict[str, float] = {"size_gb": 100_000, "int": 1_000_000, "rate": 100}
# Dates an inventory can mean (Exchange Online's report): 9999-12-31 overflowed the date
# arithmetic (exit 70) and 1601-01-01, PowerShell's zero file time, read as "blocked since
# 14 Jan 1602".
DATE_YEARS = (2000, 2100)
# No name, build or note in an inventory is longer; a longer cell is a broken line or quote
# (a 10 MB line became a server whose name filled every finding, table and report).
MAX_TEXT_CELL = 1000

# text fields whose value is reshaped from the cell (see :func:`_text`)
SHAPED_TEXT = frozenset({"build", "tls_certificate", "country", "subdivision"})

# One cell's outcome: the parsed value (None: nothing to keep) and the findings it raises,
# as (code, parameters) to be placed at each row where the same cell text occurs.
Outcome = tuple[Any, tuple[tuple[str, dict[str, Any]], ...]]


def parse_cell(syn: Synonyms, german: bool, fspec: FieldSpec | None, value: Any,
               header: str, day_first: bool = False) -> Outcome:
    """Parse one cell without its location (the outcome is shared by equal cells);
    ``day_first``: the table writes slashed dates day/month."""
    text = v.cell_text(value)
    if not text or fspec is None:
        return None, ()
    if v.is_type_name(text):
        return None, (("IMPORT-PS-TYPENAME", {"value": text[:80], "header": header}),)
    if fspec.kind in ("text", "site") and len(text) > MAX_TEXT_CELL:
        return None, (("IMPORT-VALUE-TOO-LONG", {"value": text[:40], "header": header,
                                                 "limit": MAX_TEXT_CELL}),)
    problems: list[tuple[str, dict[str, Any]]] = []
    try:
        parsed = _parse(syn, german, fspec, value, header, problems, day_first)
    except ValueParseError:  # not a ValueError: one from a bug in a parser is no bad cell
        return None, (("IMPORT-VALUE-INVALID", {
            "value": text[:80], "kind": message(f"findings.kind.{fspec.kind}")}),)
    if fspec.kind == "date" and not DATE_YEARS[0] <= parsed.year <= DATE_YEARS[1]:
        return None, (("IMPORT-DATE-IMPLAUSIBLE", {
            "value": text[:80], "header": header, "first": str(DATE_YEARS[0]),
            "last": str(DATE_YEARS[1])}),)
    if fspec.kind in _LIMITS and not 0 <= parsed <= _LIMITS[fspec.kind]:
        # why it cannot be: a negative count is no unit slip ("Mailboxes = -5" had read
        # "bytes in a GB column?")
        why = ("rate" if fspec.kind == "rate" else "negative" if parsed < 0
               else "bytes" if fspec.kind == "size_gb" else "large")
        return None, (("IMPORT-VALUE-IMPLAUSIBLE", {
            "value": text[:80], "header": header, "limit": round(_LIMITS[fspec.kind]),
            "why": message(f"findings.implausible.{why}")}),)
    if fspec.kind == "rate":  # the record keeps the rate as the report wrote it
        parsed = f"{parsed:g}"
    return (None if parsed in (None, "", ()) else parsed), tuple(problems)


def _parse(syn: Synonyms, german: bool, spec: FieldSpec, value: Any, header: str,
           problems: list[tuple[str, dict[str, Any]]], day_first: bool = False) -> Any:
    kind = spec.kind
    if kind == "text":
        return _text(syn, spec, v.cell_text(value))
    if kind == "list":
        return _listed(v.split_list(value), v.cell_text(value), header, problems)
    if kind == "int":
        return v.parse_int(value, german)
    if kind == "size_gb":
        size = v.parse_size_gb(value, german, v.unit_factor_from_header(header))
        _ambiguous(value, german, header, problems)
        return size
    if kind == "bool":
        return v.parse_bool(value)
    if kind == "date":
        return v.parse_date(value, day_first)
    if kind == "rate":
        return v.parse_number(value, german)
    if kind == "address_list":
        return v.split_address_spaces(value)
    if kind in ("bindings", "ip_ranges"):
        return _addresses(kind, v.cell_text(value), header, problems)
    if kind == "site":
        return v.site_name(v.cell_text(value))
    if kind == "roles":
        return _roles(syn, value, problems)
    return v.cell_text(value)  # connector_type: resolved with the row's context


# "1.234" or "2,500" as text: a decimal mark or a thousands separator, the table cannot
# say which (a German workbook writes 1.234 GB for 1234 GB, an English one 1.234 GB)
_AMBIGUOUS = re.compile(r"\s*(\d{1,3})[.,](\d{3})\s*([kmgt]b)?\s*", re.I)


def _ambiguous(value: Any, german: bool, header: str,
               problems: list[tuple[str, dict[str, Any]]]) -> None:
    """A warning where the number read is one of two readings of the text, naming both."""
    if not isinstance(value, str) or not (match := _AMBIGUOUS.fullmatch(value)):
        return
    number = value.strip()[: match.end(2) - match.start(1)]
    read = v.parse_number(number, german)
    whole = float(match.group(1) + match.group(2))
    other = float(f"{match.group(1)}.{match.group(2)}") if read == whole else whole
    problems.append(("IMPORT-NUMBER-AMBIGUOUS", {"value": value.strip()[:40], "header": header,
                                                 "read": f"{read:g}", "other": f"{other:g}"}))


def _listed(entries: tuple[str, ...], text: str, header: str,
            problems: list[tuple[str, dict[str, Any]]]) -> tuple[str, ...]:
    """A list Format-List cut short at $FormatEnumerationLimit (``{a, b, c, d...}``) is
    reported and its marked entry left out, as for addresses: a recommended build shown as
    "15.02.1748.039..." in a customer's finding, or a server list silently short."""
    if ip_ranges.truncated(entries):
        problems.append(("IMPORT-LIST-TRUNCATED", {"value": text[:80], "header": header}))
        return tuple(e for e in entries if not ip_ranges.truncated((e,)))
    return entries


def _addresses(kind: str, text: str, header: str,
               problems: list[tuple[str, dict[str, Any]]]) -> tuple[str, ...]:
    """Bindings or remote IP ranges, IPv6 brackets kept; a list PowerShell cut short is
    reported and its last, cut entry left out (a command must not carry "10.1.1.4...")."""
    entries = (ip_ranges.split_bindings if kind == "bindings" else ip_ranges.split_ranges)(text)
    if ip_ranges.truncated(entries):
        problems.append(("IMPORT-LIST-TRUNCATED", {"value": text[:80], "header": header}))
        entries = tuple(e for e in entries if not ip_ranges.truncated((e,)))
    if kind == "ip_ranges":  # "calc" had been kept as a range and put into a command
        wrong = [e for e in entries if ip_ranges.parse_range(e) is None]
        if wrong:
            problems.append(("IMPORT-IP-RANGE-INVALID", {"value": wrong[0][:60],
                                                         "header": header}))
            entries = tuple(e for e in entries if e not in wrong)
    return entries


def _text(syn: Synonyms, spec: FieldSpec, text: str) -> str:
    if spec.name == "build":
        return v.normalise_build_notation(text)
    if spec.name == "tls_certificate":
        return v.certificate_subject(text)
    if spec.name in ("country", "subdivision"):
        canonical = syn.values.get(spec.name, {}).get(normalise_header(text))
        return canonical or (text.upper() if len(text) <= 3 else text)
    return text


def _roles(syn: Synonyms, value: Any,
           problems: list[tuple[str, dict[str, Any]]]) -> tuple[str, ...]:
    table = syn.values.get("roles", {})
    roles: list[str] = []
    for phrase in v.split_phrases(value):
        canonical = table.get(normalise_header(phrase))
        words = [table.get(normalise_header(w)) for w in phrase.split()]
        if canonical:
            roles.append(canonical)
        elif words and all(words):
            roles.extend(w for w in words if w)
        else:
            problems.append(("IMPORT-ROLE-UNKNOWN", {"value": phrase[:60]}))
    return tuple(dict.fromkeys(roles))
