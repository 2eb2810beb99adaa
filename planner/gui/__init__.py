"""The desktop GUI (PySide6)."""

from planner.qt_compat import keep_none_alive

keep_none_alive()
