"""The command line: ``planner build|check|template|plan|knowledge|gui``; no command opens
the GUI."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from planner import __version__
from planner.cli import gui_cmd
from planner.cli.terminal_text import EscapingStream
from planner.core.errors import PlannerError
from planner.core.log_file import install_log, log_bug

__all__ = ["BUG_EXIT", "main"]

BUG_EXIT = 70  # EX_SOFTWARE: an internal error, not the user's input (that is 2)



def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner",
        description="Plan an Exchange estate's way to Exchange Server SE.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    # start-up time: the commands' modules load the importers, the pipeline and OR-Tools
    # (0.7 s); a plain `planner` opens the desktop app without them (see main)
    from planner.cli import build_cmd, check_cmd, knowledge_cmd, plan_cmd, template_cmd

    for module in (build_cmd, check_cmd, template_cmd, plan_cmd, knowledge_cmd, gui_cmd):
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    if not words:  # the desktop app, without parsing (and loading) every command
        return gui_cmd.run(argparse.Namespace(files=[], selftest=False))
    args = _parser().parse_args(words)
    if args.command is None:
        return gui_cmd.run(argparse.Namespace(files=[], selftest=False))
    log = install_log()
    # names and cells from customer files reach the terminal: no escape sequence may act
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingStream(out), EscapingStream(err)
    try:
        return _run(args, log)
    finally:
        sys.stdout, sys.stderr = out, err


def _run(args: argparse.Namespace, log: Path | None) -> int:
    try:
        code: int = args.run(args)
    except (PlannerError, OSError) as exc:
        # the planner's own errors name the file and the place; a consultant gets that
        # line, not a trace
        print(f"planner {args.command}: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # anything else is a bug, never dressed up as bad input
        log_bug(f"planner {args.command} failed", traceback.format_exc())
        where = f" The details are in {log}." if log else ""
        print(f"planner {args.command}: a bug in the planner stopped the command "
              f"({type(exc).__name__}: {exc}).{where}", file=sys.stderr)
        return BUG_EXIT
    return code
