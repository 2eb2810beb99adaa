"""`planner build STRING... [--on DATE] [--json]`: what a build means on a date.

For each string: product, release, release date, support status, whether it can go in place
to SE, and whether Exchange Online judges it out of date. A string that is not a build gives
one clear error line (on stderr); the others are still answered, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from typing import Any

from planner.core.build_lifecycle import (
    below_baseline,
    in_place_to_se,
    support_status,
)
from planner.core.builds import BuildInfo, BuildParseError, identify
from planner.core.catalogue import FALLBACK, Catalogue, catalogue, languages
from planner.core.knowledge import Knowledge, KnowledgeError, load_knowledge

__all__ = ["add_parser", "answer", "run"]


@dataclass(frozen=True)
class Answer:
    """One build's answers on one day."""

    info: BuildInfo
    supported: bool
    in_place_to_se: bool
    below_baseline: bool
    # supported | supported_behind | old_cu | preview | ended | not_released (after ``on``)
    support: str = "supported"

    @property
    def in_place(self) -> str:
        """``yes``, ``no`` or ``not_applicable`` (the build already is SE)."""
        if self.info.product == "SE":
            return "not_applicable"
        return "yes" if self.in_place_to_se else "no"

    def to_plain(self) -> dict[str, Any]:
        """The JSON shape: the issue's eight keys; ``in_place_to_se`` is null where it does
        not apply (already SE), as the table says, and ``in_place`` says which."""
        info = self.info
        applies = self.in_place != "not_applicable"
        return {
            "input": info.input,
            "product": info.product,
            "release": info.release,
            "build": str(info.number),
            "release_date": info.release_date.isoformat() if info.release_date else None,
            "supported": self.supported,
            "support": self.support,
            "in_place_to_se": self.in_place_to_se if applies else None,
            "in_place": self.in_place,
            "below_baseline": self.below_baseline,
        }


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def add_parser(sub: Any) -> None:
    """Register the command."""
    p = sub.add_parser(
        "build",
        help="identify Exchange builds: product, release, support, in-place to SE, baseline",
        description=(
            "Identify Exchange builds in any notation (15.2.1748.39, 15.02.1748.039, "
            "'Version 15.2 (Build 1748.39)', 15.2.1748, 'Exchange 2019 CU14', 'SE RTM')."
        ),
    )
    p.add_argument("builds", nargs="+", metavar="STRING", help="build numbers or release names")
    p.add_argument(
        "--on",
        type=_iso_date,
        default=None,
        metavar="DATE",
        help="judge on this day (default: today)",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    p.add_argument("--lang", choices=languages(), default=FALLBACK,
                   help="language of the table and the notes (default: English)")
    p.set_defaults(run=run)


def answer(text: str, on: date, knowledge: Knowledge) -> Answer:
    """Identify one string and answer the questions; raises BuildParseError on garbage."""
    info = identify(text, knowledge, on=on)  # "latest known" as of that day, not of today
    if info.release_date is not None and info.release_date > on:  # no support for a build
        support = "not_released"  # that did not exist yet on the day judged
    else:
        support = support_status(info, on, knowledge)
    return Answer(
        info=info,
        supported=support in ("supported", "supported_behind"),
        support=support,
        in_place_to_se=in_place_to_se(info, knowledge),
        below_baseline=below_baseline(info, on, knowledge),
    )


def _yes(words: Catalogue, flag: bool) -> str:
    return words("builds.cli.yes" if flag else "builds.cli.no")


def _in_place(a: Answer, words: Catalogue) -> str:
    """The in-place column: a build that already is SE is not "no" but not applicable."""
    if a.in_place == "not_applicable":
        return words("builds.already_se")
    return _yes(words, a.in_place_to_se)


def _notes(a: Answer, on: date, words: Catalogue) -> list[str]:
    """The build's warning, and a note when it came out after the day judged."""
    notes = [a.info.warning(words.lang)] if a.info.note else []
    released = a.info.release_date
    if released is not None and released > on:
        notes.append(words("builds.released_after", build=str(a.info.number),
                           release=a.info.release, released=released, on=on))
    return notes


_COLUMNS = ("input", "product", "release", "build", "released", "supported", "in_place",
            "below_baseline")


def _table(answers: list[Answer], on: date, words: Catalogue) -> str:
    head = tuple(words(f"builds.cli.column.{c}") for c in _COLUMNS)
    unknown = words("builds.cli.unknown")
    rows = [head]
    for a in answers:
        rows.append(
            (
                a.info.input,
                words("builds.cli.product", product=a.info.product),
                a.info.release or unknown,
                str(a.info.number),
                words.date(a.info.release_date) if a.info.release_date else unknown,
                words(f"builds.cli.support.{a.support}"),
                _in_place(a, words),
                _yes(words, a.below_baseline),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [words("builds.cli.judged_on", day=on)]
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [f"  {a.info.input}: {note}" for a in answers for note in _notes(a, on, words)]
    if notes:
        lines += ["", words("builds.cli.notes"), *notes]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Answer every string; exit 1 when any string was not a build."""
    on: date = args.on or date.today()
    words = catalogue(args.lang)
    try:
        knowledge = load_knowledge()
    except KnowledgeError as exc:  # the data file's own problem names the file and row
        print(f"planner build: {words('builds.cli.knowledge_broken', problem=str(exc))}",
              file=sys.stderr)
        return 1
    answers: list[Answer] = []
    failed = False
    for text in args.builds:
        try:
            answers.append(answer(text, on, knowledge))
        except BuildParseError:
            print(f"planner build: {words('builds.cli.error')}: "
                  f"{words('builds.cli.not_a_build', input=text)}", file=sys.stderr)
            failed = True
    if args.json:
        print(json.dumps([a.to_plain() for a in answers], indent=2, ensure_ascii=False))
        for a in answers:
            for note in _notes(a, on, words):
                print(f"planner build: {words('builds.cli.note')}: {a.info.input}: {note}",
                      file=sys.stderr)
    elif answers:
        print(_table(answers, on, words))
    return 1 if failed else 0
