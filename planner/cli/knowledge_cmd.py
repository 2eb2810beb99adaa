"""``planner knowledge import FILE``: learn new builds from Microsoft's own lists.

FILE is Microsoft's ``ExchangeBuildNumbers.csv`` (the Get-ExchangeBuildNumber repository) or
HealthChecker's ``Get-ExchangeBuildVersionInformation.ps1`` (read as text, never run). What is
new or corrected is printed and kept in the per-user knowledge overlay that every later plan
uses; nothing else changes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from planner.core.build_lists import BuildListError
from planner.core.catalogue import catalogue
from planner.core.knowledge import KnowledgeError
from planner.core.knowledge_overlay import import_build_list

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register the command."""
    p = sub.add_parser("knowledge", help="keep the knowledge base current (import build lists)")
    actions = p.add_subparsers(dest="action", required=True)
    imp = actions.add_parser(
        "import", help="import Microsoft's build list (Get-ExchangeBuildNumber CSV or the "
                       "HealthChecker build dictionary) into the per-user knowledge overlay")
    imp.add_argument("file", help="ExchangeBuildNumbers.csv or "
                                  "Get-ExchangeBuildVersionInformation.ps1")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import one list; print what is new; exit 1 when the file is not such a list."""
    path = Path(args.file)
    try:
        result = import_build_list(path)
    except (BuildListError, KnowledgeError, UnicodeDecodeError) as exc:
        print(f"planner knowledge: {path.name}: {exc}", file=sys.stderr)
        return 1
    if result.path is None:
        print(f"{path.name}: nothing new; the knowledge base already knows every build "
              f"(knowledge as of {result.knowledge.as_of.isoformat()}).")
        return 0
    words = catalogue("en")  # the CLI's own messages are English
    print(f"{path.name}: {words.plural('exo.knowledge.new_builds', len(result.new))}, "
          f"{words.plural('exo.knowledge.corrected', len(result.changed))}.")
    for label, rows in (("new", result.new), ("corrected", result.changed)):
        for r in rows:
            print(f"  {label}: Exchange {r.product} {r.release}  {r.build}  {r.date.isoformat()}")
    print(f"Knowledge as of {result.knowledge.as_of.isoformat()}; every later plan uses it.")
    print(f"wrote {result.path.name} in the per-user knowledge folder", file=sys.stderr)
    return 0
