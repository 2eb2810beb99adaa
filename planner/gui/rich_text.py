"""User data in Qt's rich text: escaped, so a server named ``<img src=…>`` stays a name.

Qt renders a label, tooltip or message box as HTML whenever the text merely looks like
HTML (``Qt.mightBeRichText``). Text that holds customer data therefore goes out either
escaped inside markup we write (:func:`esc`) or as a tooltip that is plain text by
construction, as is a message box's text (:func:`literal`).
"""

from __future__ import annotations

from html import escape

from PySide6 import QtGui

__all__ = ["esc", "literal"]


def esc(value: object) -> str:
    """A value as HTML text: ``<``, ``>``, ``&`` and quotes escaped."""
    return escape(str(value))


def literal(text: str) -> str:
    """Rich text that shows ``text`` literally (line breaks kept), whatever it contains: for
    tooltips and message boxes that carry names, file names or error texts."""
    # WhiteSpaceNormal: spaces stay spaces, so a long tooltip still wraps
    qt = QtGui.Qt  # named here, not at import: see planner/gui/shortcuts.py (start-up time)
    return qt.convertFromPlainText(text, qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""
