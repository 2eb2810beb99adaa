"""Microsoft's own build lists read as knowledge rows: Get-ExchangeBuildNumber's CSV and
HealthChecker's build dictionary (``Get-ExchangeBuildVersionInformation.ps1``, read as text,
never run).

Both give, per build, the product, the release with its update (``CU23 Mar21SU``) and the
release date. Only the products the planner plans are kept (2013, 2016, 2019, SE); previews
are not releases. :func:`merge_builds` lays such rows over known ones: a build both know keeps
the newer source's product, release and date; rows only one side knows are kept.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from planner.core.errors import InputError
from planner.core.knowledge_records import BuildRow

__all__ = ["BuildListError", "BuildListStatus", "ListedBuilds", "build_list_status",
           "merge_builds", "read_any", "read_build_list",
           "read_healthchecker_dictionary", "write_builds_csv"]

PRODUCTS = ("2013", "2016", "2019", "SE")
_MINOR = {"0": "2013", "1": "2016", "2": "2019"}
_NAME = re.compile(r"^\s*Exchange\s+(?:Server\s+)?(2013|2016|2019|SE)\s+(.+?)\s*$", re.I)


class BuildListError(InputError):
    """The file is neither Microsoft's build list nor HealthChecker's dictionary."""


@dataclass(frozen=True)
class ListedBuilds:
    """What a list file gave: its rows and the kind of list it was."""

    rows: tuple[BuildRow, ...]
    kind: str  # "build_list" | "healthchecker"


def _build(text: str) -> str:
    """``15.00.1497.002`` as ``15.0.1497.2``; a text that is not four numbers is refused."""
    parts = text.strip().split(".")
    # ASCII digits only: str.isdigit() (and a regex's \d) take "²", which int() refuses
    if len(parts) != 4 or not all(p.isascii() and p.isdigit() for p in parts):
        raise BuildListError(f"{text!r} is not a build number")
    return ".".join(str(int(p)) for p in parts)


# Release dates a build list may hold: Exchange 2013 shipped in 2012; a date years ahead of
# the list is a typo (or the year 1 of a tool's empty date) that would outlive the import
# in the per-user overlay.
FIRST_RELEASE_YEAR = 2012
YEARS_AHEAD = 3


def _us_date(text: str, as_of: date) -> date:
    text = text.strip()
    if not text.isascii():
        raise ValueError(text)
    day = datetime.strptime(text, "%m/%d/%Y").date()
    if not FIRST_RELEASE_YEAR <= day.year <= as_of.year + YEARS_AHEAD:
        raise ValueError(text)
    return day


def _row(product: str, release: str, build: str, day: date, source: str,
         as_of: date) -> BuildRow:
    release = " ".join(re.sub(r"\(.*?\)", " ", release).split())  # "CU13 (2023H1)": CU13
    return BuildRow(product=product.upper() if product.lower() == "se" else product,
                    release=release, build=build, date=day, date_precision="day",
                    source=source, as_of=as_of)


def read_build_list(text: str, source: str, as_of: date) -> tuple[BuildRow, ...]:
    """Rows of ``ExchangeBuildNumbers.csv`` (``Product Name,Build Number,Date,KB,Blog``)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = {f.strip().lower() for f in reader.fieldnames or ()}
    if not {"product name", "build number", "date"} <= fields:
        raise BuildListError("no 'Product Name', 'Build Number' and 'Date' columns")
    out: list[BuildRow] = []
    for line in reader:
        values = {k.strip().lower(): (v or "").strip() for k, v in line.items() if k}
        match = _NAME.match(values.get("product name", ""))
        if not match:
            continue  # Exchange 2007/2010 are not planned
        kb = values.get("kb", "")
        note = f"{source} ({kb})" if kb else source
        try:
            day = _us_date(values["date"], as_of)
        except ValueError as exc:
            raise BuildListError(f"line {reader.line_num}: {values['date']!r} is not a "
                                 f"month/day/year date from {FIRST_RELEASE_YEAR} to "
                                 f"{as_of.year + YEARS_AHEAD}") from exc
        out.append(_row(match.group(1), match.group(2), _build(values["build number"]), day,
                        note, as_of))
    return tuple(out)


# HealthChecker's script: per product a switch that sets $cuLevel and $cuReleaseDate, and
# GetExchangeBuildDictionary: "Exchange2019" = @{ "CU14" = (NewCUAndSUObject "15.2.1544.4"
# @{ "Mar24SU" = "15.2.1544.9" ... }) ... }.
_SECTION = re.compile(r'\$exchangeMajorVersion\s*=\s*"Exchange(2013|2016|2019|SE)"', re.I)
_CU_DATE = re.compile(r'\$cuLevel\s*=\s*"(\w+)"\s*\$cuReleaseDate\s*=\s*"([\d/]+)"')
_DICTIONARY = re.compile(r'"Exchange(2013|2016|2019|SE)"\s*=\s*@\{', re.I)
_ENTRY = re.compile(r'"(\w+)"\s*=\s*\(NewCUAndSUObject\s+"([\d.]+)"(?:\s*@\{(.*?)\})?\s*\)',
                    re.S)
_UPDATE = re.compile(r'"(\w+)"\s*=\s*"([\d.]+)"')


def _sections(text: str, pattern: re.Pattern[str]) -> Iterable[tuple[str, str]]:
    """(product, text up to the next product's marker) for each marker of ``pattern``."""
    found = list(pattern.finditer(text))
    for n, head in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(text)
        yield head.group(1).upper(), text[head.end():end]


def read_healthchecker_dictionary(text: str, source: str, as_of: date) -> tuple[BuildRow, ...]:
    """Rows of HealthChecker's build dictionary: per CU its build and release date, and its
    SU/HU builds (dated by the label's month: the script records no day for them)."""
    dates: dict[tuple[str, str], date] = {}
    for product, body in _sections(text, _SECTION):
        for cu, day in _CU_DATE.findall(body):
            try:
                dates.setdefault((product, cu.upper()), _us_date(day, as_of))
            except ValueError as exc:
                raise BuildListError(f"{product} {cu}: {day!r} is not a month/day/year "
                                     f"date from {FIRST_RELEASE_YEAR} to "
                                     f"{as_of.year + YEARS_AHEAD}") from exc
    out: list[BuildRow] = []
    seen: set[str] = set()
    for product, body in _sections(text, _DICTIONARY):
        for cu, build, updates in _ENTRY.findall(body):
            cu = cu.upper()
            if (product, cu) in dates and _build(build) not in seen:
                out.append(_row(product, cu, _build(build), dates[(product, cu)], source,
                                as_of))
                seen.add(_build(build))
            for label, update in _UPDATE.findall(updates or ""):
                month = _label_month(label)
                if month is None or _build(update) in seen:
                    continue  # the CU itself listed as its first update
                row = _row(product, f"{cu} {label}", _build(update), month, source, as_of)
                out.append(replace(row, date_precision="month"))
                seen.add(row.build)
    if not out:
        raise BuildListError("no Exchange build dictionary (GetExchangeBuildDictionary)")
    return tuple(out)


def _label_month(label: str) -> date | None:
    match = re.match(r"([A-Za-z]{3})([0-9]{2})", label)
    if not match:
        return None
    try:
        return datetime.strptime(f"{match.group(1)} 20{match.group(2)}", "%b %Y").date()
    except ValueError:
        return None


def read_any(text: str, source: str, as_of: date) -> ListedBuilds:
    """Either list, told apart by its content (a CSV header or the PowerShell dictionary)."""
    first = (text.lstrip("\ufeff").lstrip().splitlines() or [""])[0].lower()
    if "product name" in first and "build number" in first:
        return ListedBuilds(read_build_list(text, source, as_of), "build_list")
    return ListedBuilds(read_healthchecker_dictionary(text, source, as_of), "healthchecker")


def merge_builds(known: Sequence[BuildRow], listed: Iterable[BuildRow],
                 ) -> tuple[tuple[BuildRow, ...], tuple[BuildRow, ...], tuple[BuildRow, ...]]:
    """Known rows with the listed ones laid over: (all rows, new rows, changed rows).

    A listed row replaces a known row of the same build when it says something else, unless
    the known row is day-precise and the listed one only month-precise.
    """
    by_build = {r.build: r for r in known}
    new: list[BuildRow] = []
    changed: list[BuildRow] = []
    for row in listed:
        old = by_build.get(row.build)
        if old is None:
            new.append(row)
        elif (old.release, old.date, old.product) != (row.release, row.date, row.product) and \
                not (old.date_precision == "day" and row.date_precision == "month"):
            changed.append(row)
        else:
            continue
        by_build[row.build] = row
    order = {p: i for i, p in enumerate(PRODUCTS)}
    rows = sorted(by_build.values(), key=lambda r: (order.get(r.product, 9),
                                                     tuple(int(p) for p in r.build.split("."))))
    return tuple(rows), tuple(new), tuple(changed)


_KB = re.compile(r"\s*\(KB\d+\)")


@dataclass(frozen=True)
class BuildListStatus:
    """How current the build list is: its size, newest release, main source and as-of date
    (a reader of a deliverable sees what the steps' build numbers rest on)."""

    count: int
    newest: BuildRow
    source: str  # the list most rows come from, without a row's own KB article
    as_of: date  # the newest as-of date of its rows


def build_list_status(rows: Sequence[BuildRow]) -> BuildListStatus | None:
    """The status of these build rows; None for an empty list."""
    if not rows:
        return None
    newest = max(rows, key=lambda r: (r.date, tuple(int(p) for p in r.build.split("."))))
    sources = Counter(_KB.sub("", r.source.split(";")[0]).strip() for r in rows)
    return BuildListStatus(len(rows), newest, sources.most_common(1)[0][0],
                           max(r.as_of for r in rows))


_COLUMNS = ("product", "release", "build", "date", "date_precision", "source", "as_of")


def write_builds_csv(rows: Iterable[BuildRow]) -> str:
    """Rows in the ``builds.csv`` format of the knowledge base."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for r in rows:
        writer.writerow((r.product, r.release, r.build, r.date.isoformat(), r.date_precision,
                         r.source, r.as_of.isoformat()))
    return out.getvalue()
