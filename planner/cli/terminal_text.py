"""Escape control characters before they reach the terminal.

File names and cell values come from the customer: an escape sequence in one could rewrite
the consultant's terminal (move the cursor, hide lines, change the title), a carriage
return could hide a finding, a bidi override could reverse what is shown. Each such
character is printed as ``\\uXXXX`` instead, which stays a valid escape inside JSON strings.
"""

from __future__ import annotations

import re
from typing import TextIO

__all__ = ["EscapingStream", "escape_controls"]

# C0 controls except tab and newline, DEL, C1 controls, bidi marks, overrides and isolates
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """The text with every unsafe control character as ``\\uXXXX``."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class EscapingStream:
    """A text stream wrapper that escapes what is written (for sys.stdout and sys.stderr)."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        """Write the escaped text; returns the length of the text given."""
        self._inner.write(escape_controls(text))
        return len(text)

    def flush(self) -> None:
        """Flush the wrapped stream."""
        self._inner.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)
