"""Values as people type them, read the same everywhere: yes/no words and numbers.

One parser for each, used by the importer (cells), the knowledge overrides and settings
(text in a project's TOML), and the GUI's editable tables, so "ja", "x" and "1.234,5" mean the
same wherever a consultant writes them. Every parser raises ``ValueParseError`` (a
ValueError) on text that is not such a value; the caller says where it was.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time

from planner.core.errors import ValueParseError

__all__ = ["MAX_VALUE_TEXT", "ascii_whole", "cell_text", "parse_bool", "parse_number"]

# English and German, and the yes/no of the neighbours' inventories (Dutch "nee" was read as
# no value at all in a review's Dutch estate; French "oui"/"non")
_TRUE = {"yes", "y", "ja", "j", "true", "wahr", "x", "1", "✓", "✔", "virtual", "virtuell",
         "vm", "enabled", "aktiv", "on", "oui", "waar"}
_FALSE = {"no", "n", "nein", "false", "falsch", "0", "-", "–", "physical", "physisch", "disabled",
          "inaktiv", "off", "hardware", "bare metal", "nee", "non", "onwaar"}
_NUMBER = re.compile(r"[-+]?[\d.,]++")
MAX_VALUE_TEXT = 200  # no number, size or date is longer; longer cells are not parsed


# a no-break space is a space; a zero-width space, word joiner or byte-order mark pasted
# into a name made a second server that looked the same as the first. The bidirectional
# controls (marks, embeddings, overrides, isolates) go too: a site
# "Berl\u202ein" was a second Berlin, and an override in a report or log name showed the
# rest of its cell, row or sentence reversed in every deliverable ("gw\u202eexe.txt").
_INVISIBLE = str.maketrans({"\u00a0": " ", "\u200b": None, "\u2060": None, "\ufeff": None,
                            "\u061c": None, "\u200e": None, "\u200f": None,
                            **dict.fromkeys(map(chr, range(0x202A, 0x202F))),
                            **dict.fromkeys(map(chr, range(0x2066, 0x206A)))})


def cell_text(raw: object) -> str:
    """The cell as trimmed text; integral floats lose their ``.0``, dates become ISO."""
    if type(raw) is str:  # the common case first: this runs for every cell
        # composed (NFC): "München" typed with a combining diaeresis (a Mac's export) is the
        # same site, and a server name so written the same server, as its composed spelling
        return (raw if raw.isascii() else
                unicodedata.normalize("NFC", raw.translate(_INVISIBLE))).strip()
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, float):
        return str(int(raw)) if raw.is_integer() else repr(raw)
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == time() else raw.isoformat(" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return unicodedata.normalize("NFC", str(raw).translate(_INVISIBLE)).strip()


def ascii_whole(text: str) -> bool:
    """True for a text of ASCII digits only: str.isdigit() also takes "²" (int() refuses
    it: a crash) and "٣" (int() reads 3: a number nobody wrote)."""
    return text.isascii() and text.isdigit()


def parse_bool(raw: object) -> bool:
    """yes/no in English and German, x, 1/0, true/false, virtual/physical."""
    key = cell_text(raw).lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueParseError(key)


def parse_number(raw: object, decimal_comma: bool = False) -> float:
    """A number written as 1234.5, 1,234.5, 1.234,5, 1234,5 or 1 234."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _finite(raw, raw)
    text = cell_text(raw).replace(" ", "").replace("'", "")
    if len(text) > MAX_VALUE_TEXT or not _NUMBER.fullmatch(text) or not any(
            c.isdigit() for c in text):
        raise ValueParseError(text[:MAX_VALUE_TEXT])
    last_comma, last_dot = text.rfind(","), text.rfind(".")
    if last_comma >= 0 and last_dot >= 0:  # both: the later one is the decimal mark
        if last_comma > last_dot:
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif last_comma >= 0:
        # "1,2" is a decimal comma; "1,234" with exactly three digits is a thousands comma
        # unless the table is German.
        groups = text.split(",")
        thousands = len(groups) > 2 or (len(groups[-1]) == 3 and not decimal_comma)
        text = text.replace(",", "") if thousands else text.replace(",", ".")
    elif last_dot >= 0 and (text.count(".") > 1 or (decimal_comma and len(text) - last_dot == 4)):
        text = text.replace(".", "")  # German thousands dots: 1.234 or 1.234.567
    try:
        return _finite(float(text), raw)
    except ValueError as exc:  # "1.2,3,4": a comma and dots in no order a number has
        raise ValueParseError(cell_text(raw)[:MAX_VALUE_TEXT]) from exc


def _finite(value: float, raw: object) -> float:
    """``value`` as a finite float: a cell of 1e400 reads as infinity and a 400-digit whole
    number is no float at all (OverflowError); neither is a count or a size."""
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ValueParseError(cell_text(raw)[:MAX_VALUE_TEXT])
    return number
