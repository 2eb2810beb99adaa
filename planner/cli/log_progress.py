"""A one-line progress display on the terminal while transport logs are read."""

from __future__ import annotations

import sys

from planner.core.importing import Progress

__all__ = ["terminal_progress"]


def terminal_progress() -> Progress | None:
    """A progress callback that rewrites one stderr line, or None when stderr is no terminal."""
    if not sys.stderr.isatty():
        return None
    shown = [-1]

    def show(fraction: float, name: str) -> None:
        percent = int(fraction * 100)
        if percent == shown[0]:
            return
        shown[0] = percent
        end = "\n" if fraction >= 1.0 else ""
        print(f"\rreading logs {percent:3d}% {name[-50:]:50}", end=end, file=sys.stderr,
              flush=True)
    return show
