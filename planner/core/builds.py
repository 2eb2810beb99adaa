"""Build intelligence: parse every notation of an Exchange version and say what it means.

A consultant meets builds as ``15.2.1748.39`` (short form), ``15.02.1748.039`` (ExSetup file
version), ``Version 15.2 (Build 1748.39)`` (AdminDisplayVersion), ``15.2.1748`` (no revision),
``15.2 (Build 1748.39)`` and as names (``Exchange 2019 CU14``, ``2016 CU23 Oct25SU``,
``SE RTM``). :func:`identify` maps each to a :class:`BuildInfo` using the knowledge base's build
table; a build the table does not know resolves to the nearest lower known release *with a
warning*, never silently. What a build means on a date (support, in-place upgrade, Exchange
Online's baseline) is asked in :mod:`planner.core.build_lifecycle`.

>>> from planner.core.knowledge import load_knowledge
>>> info = identify("Version 15.2 (Build 1748.24)", load_knowledge())
>>> (info.product, info.release)
('2019', 'CU15 Apr25HU')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from planner.core.build_names import BuildParseError, NameQuery, parse_name
from planner.core.catalogue import catalogue
from planner.core.explanation import Message, message
from planner.core.knowledge import BuildRow, Knowledge
from planner.core.knowledge_facts import facts_of

# How AdminDisplayVersion writes a build: it names the CU, never an update.
_ADMIN_TEXT = re.compile(r"version\s+15\.\d+\s*\(\s*build", re.IGNORECASE)

# Where a build was read. AdminDisplayVersion and an inventory's bare CU number may hide the
# update level; ExSetup's file version (also what HealthChecker reports) and the build
# Exchange Online saw are the very file's version, so a bare CU build from them is exact.
BUILD_SOURCES = ("admin_display", "inventory", "exsetup", "healthchecker", "exo_report")
PRECISE_SOURCES = frozenset({"exsetup", "healthchecker", "exo_report"})

__all__ = [
    "BUILD_SOURCES",
    "PRECISE_SOURCES",
    "BuildInfo",
    "BuildNumber",
    "BuildParseError",
    "identify",
    "latest_row",
    "parse_build_number",
]


@dataclass(frozen=True)
class BuildNumber:
    """major.minor.build.revision; revision is None when the source omits it."""

    major: int
    minor: int
    build: int
    revision: int | None = None

    def __str__(self) -> str:
        head = f"{self.major}.{self.minor}.{self.build}"
        return head if self.revision is None else f"{head}.{self.revision}"

    @property
    def long_form(self) -> str:
        """The zero-padded ExSetup file version, e.g. ``15.02.1748.039``."""
        head = f"{self.major}.{self.minor:02d}.{self.build:04d}"
        return head if self.revision is None else f"{head}.{self.revision:03d}"

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Ordering key; a missing revision sorts before every known revision."""
        return (self.major, self.minor, self.build, -1 if self.revision is None else self.revision)


@dataclass(frozen=True)
class BuildInfo:
    """What a build string means: product, release, date, and how sure we are."""

    input: str
    number: BuildNumber
    product: str  # "2013" | "2016" | "2019" | "SE"
    release: str  # "CU15 Apr25HU"; "" when older than every known build
    cu: str  # "CU15", "RTM"; "" when unknown
    release_date: date | None
    exact: bool  # the input named exactly one known build
    note: Message | None = None  # why the identification is uncertain (builds.warning.*)

    @property
    def name(self) -> str:
        """A readable name, e.g. ``Exchange 2019 CU15 Apr25HU``."""
        return f"Exchange {self.product} {self.release}".strip()

    def warning(self, lang: str = "en") -> str:
        """The warning in the requested language ("" when none)."""
        return catalogue(lang).render(self.note) if self.note is not None else ""


# 15.2.1748.39 | 15.02.1748.039 | 15.2.1748 | Version 15.2 (Build 1748.39) | 15.2 (Build 1748.39)
_NUMBER = re.compile(
    r"""^(?:v(?:ersion)?\s*)?
        (?P<major>\d{1,2})\.(?P<minor>\d{1,2})
        (?:\s*\(\s*build\s+(?P<b1>\d{1,5})(?:\.(?P<r1>\d{1,4}))?\s*\)
          |\.(?P<b2>\d{1,5})(?:\.(?P<r2>\d{1,4}))?)$""",
    re.IGNORECASE | re.VERBOSE,
)
_LEGACY = {8: "Exchange 2007", 14: "Exchange 2010"}


def parse_build_number(text: str) -> BuildNumber:
    """Parse a numeric notation; raises BuildParseError for anything else."""
    cleaned = " ".join(text.strip().strip("\"'").split())
    match = _NUMBER.match(cleaned)
    if not match:
        raise BuildParseError(f"{text!r} is not an Exchange build number or release name")
    build = match["b1"] or match["b2"]
    revision = match["r1"] or match["r2"]
    return BuildNumber(
        int(match["major"]),
        int(match["minor"]),
        int(build),
        None if revision is None else int(revision),
    )


def _product_of(number: BuildNumber, knowledge: Knowledge, text: str) -> str:
    if number.major in _LEGACY:
        raise BuildParseError(
            f"{text!r} is {_LEGACY[number.major]}, which the planner does not cover"
        )
    if number.major != 15 or number.minor not in (0, 1, 2):
        raise BuildParseError(f"{text!r} is not a build of Exchange 2013, 2016, 2019 or SE")
    if number.minor == 2:
        se_min = facts_of(knowledge).se_min_build
        return "SE" if number.build >= se_min else "2019"
    return "2013" if number.minor == 0 else "2016"


def _rows_of(product: str, knowledge: Knowledge) -> list[tuple[BuildNumber, BuildRow]]:
    """The product's builds, parsed and in order: found once per build list (2,000 servers
    parsed the whole list once each, 170,000 parses)."""
    known = _ROWS.get(product)
    if known is None or known[0] is not knowledge.builds:  # the list itself, not a copy
        rows = [(parse_build_number(r.build), r) for r in knowledge.builds
                if r.product == product]
        known = (knowledge.builds, sorted(rows, key=lambda pair: pair[0].sort_key))
        _ROWS[product] = known
    return known[1]


# product -> (the build list the rows were read from, its rows); holding the list keeps its
# identity from being reused, so a project's own list is never answered from another's
_ROWS: dict[str, tuple[tuple[BuildRow, ...], list[tuple[BuildNumber, BuildRow]]]] = {}


def _info(text: str, number: BuildNumber, row: BuildRow, exact: bool,
          note: Message | None = None) -> BuildInfo:
    return BuildInfo(text, number, row.product, row.release, row.cu, row.date, exact, note)


def _warning(key: str, **values: object) -> Message:
    return message(f"builds.warning.{key}", **values)


def _from_number(text: str, number: BuildNumber, knowledge: Knowledge,
                 source: str = "", on: date | None = None) -> BuildInfo:
    product = _product_of(number, knowledge, text)
    rows = _rows_of(product, knowledge)
    if number.revision is None:
        same = [row for n, row in rows if n.build == number.build]
        if same:
            return _without_revision(text, number, same)
    for known, row in rows:
        if known.sort_key == number.sort_key:
            return _update_level(text, number, row, rows, source, on)
    return _unknown_number(text, number, product, rows)


def _released(row: BuildRow, on: date | None) -> bool:
    """Whether the build was out on ``on`` (None: any day; what came later was not known)."""
    return on is None or row.date <= on


def _update_level(text: str, number: BuildNumber, row: BuildRow,
                  rows: list[tuple[BuildNumber, BuildRow]], source: str = "",
                  on: date | None = None) -> BuildInfo:
    """A known build; a bare CU build whose CU has updates says its update level is unknown.

    AdminDisplayVersion (``Version 15.2 (Build 1544.4)``) never shows security or hotfix
    updates, and a CU's own build may be a server whose updates went unrecorded: the plan
    assumes the CU without updates until ExSetup, HealthChecker or Exchange Online's report
    gives the real level. From those precise sources the bare CU build is the exact level.
    Judged on a day (``on``), only the updates out by then count: the latest known update is
    the latest of that day.
    """
    updates = [r for _, r in rows if r.cu == row.cu and r.release != r.cu and _released(r, on)]
    if row.release != row.cu or not updates or source in PRECISE_SOURCES:
        return _info(text, number, row, True)
    admin = source == "admin_display" or _ADMIN_TEXT.search(text)
    key = "admin_display" if admin else "bare_cu"
    return _info(text, number, row, False, message(
        f"builds.update_unknown.{key}", build=str(number), cu=row.cu, latest=updates[-1].release))


def _without_revision(text: str, number: BuildNumber, same: list[BuildRow]) -> BuildInfo:
    """A build without its revision: exact when one known build has it, else the oldest."""
    if len(same) == 1:
        return _info(text, number, same[0], True)
    return _info(text, number, same[0], False, _warning(
        "no_revision", number=str(number), count=len(same), release=same[0].release))


def _unknown_number(
    text: str, number: BuildNumber, product: str, rows: list[tuple[BuildNumber, BuildRow]]
) -> BuildInfo:
    """A build the table lacks: the nearest lower known release, with a warning."""
    lower = [(n, row) for n, row in rows if n.sort_key < number.sort_key]
    if lower:
        row = lower[-1][1]
        return _info(text, number, row, False, _warning(
            "nearest_lower", number=str(number), release=row.release, build=row.build))
    oldest = rows[0][1]
    return BuildInfo(text, number, product, "", "", None, False, _warning(
        "older_than_known", number=str(number), product=product, release=oldest.release,
        build=oldest.build))


def _from_name(text: str, query: NameQuery, knowledge: Knowledge,
               on: date | None = None) -> BuildInfo:
    rows = _rows_of(query.product, knowledge)
    if not rows:
        raise BuildParseError(f"{text!r}: no builds of Exchange {query.product} are known")
    if not query.release:  # the oldest release, never a preview nobody runs in production
        number, row = next(((n, r) for n, r in rows if r.cu != "Preview"), rows[0])
        return _info(text, number, row, False, _warning(
            "product_only", input=text, release=row.release))
    for number, row in rows:
        if row.release.casefold() == query.release.casefold():
            updates = [r for _, r in rows if r.cu == row.cu and r.release != row.release
                       and _released(r, on)]
            if row.release == row.cu and updates:
                return _info(text, number, row, False, _warning(
                    "no_update_level", input=text, release=row.release))
            return _info(text, number, row, True)
    return _unknown_release(text, query, rows)


def _label_month(release: str) -> date | None:
    """The month an update label names ("CU15 Oct25SU" -> 2025-10-01); None without a label."""
    parts = release.split(" ", 1)
    if len(parts) < 2:
        return None
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    label = parts[1].casefold()
    return date(2000 + int(label[3:5]), months.index(label[:3]) + 1, 1)


def _unknown_release(
    text: str, query: NameQuery, rows: list[tuple[BuildNumber, BuildRow]]
) -> BuildInfo:
    """A release the table lacks: older CUs are known by name only; newer ones by the newest."""
    cu = query.release.split(" ", 1)[0]
    same_cu = [(n, r) for n, r in rows if r.cu == cu]
    label = _label_month(query.release)
    known = [int(r.cu[2:]) for _, r in rows if r.cu.startswith("CU")]
    # An update label after the table ends is plausible only for a CU still being serviced.
    newest = max(r.date for _, r in rows)
    serviced = bool(same_cu) and (newest - same_cu[-1][1].date).days < 183
    if serviced and label is not None and label > same_cu[-1][1].date:
        return _newer(text, query, same_cu[-1])
    if same_cu or not cu.startswith("CU"):
        raise BuildParseError(
            f"{text!r}: Exchange {query.product} has no release {query.release!r}"
        )
    if not known or int(cu[2:]) > max(known):
        return _newer(text, query, rows[-1])
    if int(cu[2:]) > min(known):
        raise BuildParseError(
            f"{text!r}: Exchange {query.product} has no release {query.release!r}"
        )
    first = rows[0][0]
    number = BuildNumber(first.major, first.minor, 0, None)
    return BuildInfo(text, number, query.product, query.release, cu, None, False, _warning(
        "release_older", release=query.release, product=query.product))


def _newer(text: str, query: NameQuery, newest: tuple[BuildNumber, BuildRow]) -> BuildInfo:
    number, row = newest
    return _info(text, number, row, False, _warning(
        "release_newer", release=query.release, product=query.product, newest=row.release,
        build=row.build))


def identify(text: str, knowledge: Knowledge, source: str = "",
             on: date | None = None) -> BuildInfo:
    """Map a build string or release name to product, release, date; BuildParseError if garbage.

    ``source`` says where the build was read (one of :data:`BUILD_SOURCES`, "" = not said):
    from a precise source a bare CU build is the exact update level, not a guess. ``on``
    judges as of that day: what the warnings call the latest update is the latest out then.
    """
    key = (text, source, on)
    hit = _IDENTIFIED.get(key)
    if hit is not None and hit[0] is knowledge.builds:
        return hit[1]
    if not text or not text.strip():
        raise BuildParseError("empty build")
    query = parse_name(text)
    if query is not None:
        found = _from_name(text, query, knowledge, on)
    else:
        found = _from_number(text, parse_build_number(text), knowledge, source, on)
    if len(_IDENTIFIED) >= _IDENTIFIED_KEPT:
        _IDENTIFIED.clear()
    _IDENTIFIED[key] = (knowledge.builds, found)
    return found


# (text, source, day) -> (the build list it was found in, the answer): an estate's servers
# share a few dozen builds, and the rules ask for each server's more than once (2,000
# servers: 4,000 look-ups, each a walk over the product's build list)
_IDENTIFIED: dict[tuple[str, str, date | None], tuple[tuple[BuildRow, ...], BuildInfo]] = {}
_IDENTIFIED_KEPT = 10_000


def latest_row(knowledge: Knowledge, product: str, cu: str | None = None) -> BuildRow:
    """The newest known build of a product (optionally of one CU), e.g. the latest SE update."""
    rows = [r for r in knowledge.builds if r.product == product and (cu is None or r.cu == cu)]
    if not rows:
        raise KeyError(f"no known build of Exchange {product} {cu or ''}".strip())
    return max(rows, key=lambda r: parse_build_number(r.build).sort_key)
