"""Dialogs sized to the screen they open on: the wished size, never more than fits."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = ["fit_to_screen"]

_SHARE = 0.92  # of the available area: the window frame and the task bar need room too


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` x ``height``, shrunk to fit its (or the main) screen."""
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or \
        QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (a headless platform without outputs)
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    widget.resize(min(width, int(area.width() * _SHARE)),
                  min(height, int(area.height() * _SHARE)))
