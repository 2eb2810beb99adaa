"""Decide a text file's encoding from evidence, per file, and say which lines do not fit.

A UTF-8 file with one stray Windows-1252 byte stays UTF-8 (the bad lines are named in a
warning); a file without any UTF-8 sequence but with umlauts is Windows-1252; a file whose
bytes make sense in neither (Shift-JIS, KOI8-R, …) is read as Windows-1252 with an error
finding, because names read from it would be wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Decoded", "decode_bytes"]

_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|"
                            rb"[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = bytes(range(128, 256))
_MAX_BAD_LINES = 50  # more failing lines than this: the evidence is in, stop counting
# Characters a Western European inventory written in Windows-1252 plausibly holds.
_TYPOGRAPHIC = set("€„“”‚‘’–—…°§µ²³·«»©®™±×÷¼½¾")
_SAMPLE = 1 << 16


@dataclass(frozen=True)
class Decoded:
    """The text, the encoding it was read in, and the evidence against that."""

    text: str
    encoding: str  # "utf-8", "utf-16", "cp1252"
    bad_lines: tuple[int, ...] = ()  # 1-based lines that are not valid UTF-8
    more_bad_lines: bool = False  # there are more than listed
    unknown: bool = False  # neither UTF-8 nor plausible Windows-1252


def decode_bytes(data: bytes) -> Decoded | None:
    """The text of ``data`` with its encoding and evidence; None if it is binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _utf8(data[3:])
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        # before UTF-16's mark, which UTF-32's little-endian one starts with: PowerShell's
        # Export-Csv -Encoding UTF32 had read as UTF-16, every value full of NULs
        return Decoded(data.decode("utf-32", errors="replace"), "utf-32")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    sample = data[:4096]
    if len(sample) > 8 and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without BOM: the zero bytes sit on one side of each character
        even_zeros = sample[0::2].count(0) > sample[1::2].count(0)
        return Decoded(data.decode("utf-16-be" if even_zeros else "utf-16-le",
                                   errors="replace"), "utf-16")
    if b"\x00" in sample:
        return None
    decoded = _utf8(data)
    head = decoded.text[:4096]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\r\n\t\f")
    return None if controls > 8 else decoded


def _utf8(data: bytes) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    high = len(data) - len(data.translate(None, _HIGH))
    sequences = sum(1 for _ in _UTF8_SEQUENCE.finditer(data))
    valid_high = min(high, sum(len(m.group()) for m in _UTF8_SEQUENCE.finditer(data[:_SAMPLE])))
    if sequences and valid_high * 2 >= min(high, _SAMPLE):
        text = data.decode("utf-8", errors="replace")
        lines, more = _bad_utf8_lines(text)
        return Decoded(text, "utf-8", lines, more)
    text = data.decode("cp1252", errors="replace")
    return Decoded(text, "cp1252", unknown=not _plausible_western(text))


def _bad_utf8_lines(text: str) -> tuple[tuple[int, ...], bool]:
    """Line numbers holding a replacement character (the first ``_MAX_BAD_LINES``)."""
    lines: list[int] = []
    pos, line, counted = text.find("\ufffd"), 1, 0
    while pos >= 0:
        line += text.count("\n", counted, pos)
        counted = pos
        if len(lines) == _MAX_BAD_LINES:
            return tuple(lines), True
        lines.append(line)
        end = text.find("\n", pos)  # one mention per line: go on after it
        pos = -1 if end < 0 else text.find("\ufffd", end)
    return tuple(lines), False


def _plausible_western(text: str) -> bool:
    """Most non-ASCII characters are Latin letters next to ASCII letters, or typography."""
    sample = text[:_SAMPLE]
    odd = total = 0
    for i, ch in enumerate(sample):
        if ord(ch) < 128:
            continue
        total += 1
        if ch in _TYPOGRAPHIC:
            continue
        before = sample[i - 1] if i else " "
        after = sample[i + 1] if i + 1 < len(sample) else " "
        letter_next = (before.isascii() and before.isalpha()) or (after.isascii()
                                                                  and after.isalpha())
        if not (ch.isalpha() and ord(ch) < 0x250 and letter_next):
            odd += 1
    return odd <= 0.2 * total
