"""`planner template` (not yet implemented)."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> None:
    """Register the command."""
    p = sub.add_parser("template", help="(not yet implemented)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command."""
    print("planner template: not yet implemented")
    return 2
