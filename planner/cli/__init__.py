"""The command line: ``planner build|check|template|plan|gui``; no command opens the GUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from planner import __version__
from planner.cli import build_cmd, check_cmd, gui_cmd, plan_cmd, template_cmd

__all__ = ["main"]

_COMMANDS = (build_cmd, check_cmd, template_cmd, plan_cmd, gui_cmd)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner",
        description="Plan an Exchange estate's way to Exchange Server SE.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    for module in _COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        return gui_cmd.run(argparse.Namespace(files=[], selftest=False))
    try:
        code: int = args.run(args)
    except (ValueError, OSError) as exc:
        # the core's errors (settings, knowledge, mapping, project, step cycle) subclass
        # ValueError and name the file and place; a consultant gets that line, not a trace
        print(f"planner {args.command}: {exc}", file=sys.stderr)
        return 2
    return code
