"""``planner template OUT.xlsx``: write the empty inventory template with example rows."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from planner.core.importing.template import write_template


def add_parser(sub: Any) -> None:
    """Register the command."""
    p = sub.add_parser("template", help="write the inventory template (xlsx)")
    p.add_argument("out", help="the workbook to write, e.g. inventory.xlsx")
    p.add_argument("--force", action="store_true",
                   help="replace the workbook if it exists (it may be a filled-in inventory)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the template; 0 on success, 2 when the file exists (without ``--force``) or
    cannot be written."""
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx")
    if out.exists() and not args.force:  # the empty template over a customer's inventory
        print(f"planner template: {out} exists; not replaced (--force replaces it)",
              file=sys.stderr)
        return 2
    try:
        write_template(out)
    except OSError as exc:  # OutputFileError: names the whole path and why
        print(f"planner template: {exc}", file=sys.stderr)
        return 2
    print(out)
    return 0
