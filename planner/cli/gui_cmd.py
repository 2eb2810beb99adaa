"""`planner gui [FILE ...] [--selftest]`: open the desktop application."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> None:
    """Register the command."""
    p = sub.add_parser(
        "gui",
        help="open the desktop application (the default without a command)",
        description="Open the desktop application; a project file (.seplan) is opened, "
        "inventory files (.xlsx, .csv) are imported.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="project or inventory files")
    p.add_argument("--selftest", action="store_true",
                   help="start offscreen, load FILE, draw every view once and quit (exit 0 = ok)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command."""
    try:
        from planner.gui.app import run as run_gui  # Qt loads only for the GUI (start-up time)
    except ImportError as exc:  # e.g. a system without the Qt libraries
        print(f"planner gui: the desktop interface cannot start: {exc}")
        return 2
    return run_gui(list(args.files), bool(args.selftest))
