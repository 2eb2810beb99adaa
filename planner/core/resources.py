"""Where the bundled data lives: resources/ beside the package, or inside a bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["resource_path", "resource_root"]

# Resolved once: resolve() asks the file system, and the window asks for an icon path twenty
# times while it starts.
_CHECKOUT = Path(__file__).resolve().parents[2] / "resources"


def resource_root() -> Path:
    """The resources folder: $PLANNER_RESOURCES, a PyInstaller bundle's, or the checkout's."""
    env = os.environ.get("PLANNER_RESOURCES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return _CHECKOUT


def resource_path(*parts: str) -> Path:
    """A path below the resources folder."""
    return resource_root().joinpath(*parts)
