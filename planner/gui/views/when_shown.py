"""A page's refresh that waits until the page is shown.

Every plan the solver finds lands on the GUI thread; a page nobody looks at need not redraw
for it (a Gantt chart of a large plan took seconds). The refresh runs at once while the page
is visible, otherwise once when it is next shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

__all__ = ["WhenShown"]


class WhenShown(QObject):
    """``request()`` refreshes ``widget`` now if visible, else when it is next shown.

    Connect signals to ``request`` (a method of this QObject, a child of the widget), so Qt
    drops the connection when the widget goes (a plain callable would outlive it).
    """

    def __init__(self, widget: QWidget, refresh: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.stale = False
        widget.installEventFilter(self)

    def request(self) -> None:
        """Refresh now, or note that the widget is out of date."""
        if self._widget.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Catch up when the widget is shown."""
        if event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
