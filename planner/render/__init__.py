"""Qt rendering shared by the GUI and the CLI (charts, PDF), offscreen-capable."""

from planner.qt_compat import keep_none_alive

keep_none_alive()
