"""Key sequences for actions, made without loading PySide's Qt namespace at start-up.

``QKeySequence("Ctrl+I")`` and ``QAction.setShortcut()`` resolve their overloads against
``Qt.Key`` and so create the whole ``Qt`` namespace of Python enums (about a hundred, a
fifth of the empty window's start over a bare PySide6 window). ``setShortcuts()`` with a
list made by :func:`key_sequences` does not.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

__all__ = ["key_sequences", "set_shortcut"]


def key_sequences(shortcut: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """The sequences of a portable text ("Ctrl+I", "F5") or of a standard key (Undo)."""
    if isinstance(shortcut, str):
        return QKeySequence.listFromString(shortcut)
    return QKeySequence.keyBindings(shortcut)


def set_shortcut(action: QAction, shortcut: str | QKeySequence.StandardKey) -> None:
    """Give the action its shortcut (a standard key may bring several on a platform)."""
    action.setShortcuts(key_sequences(shortcut))
