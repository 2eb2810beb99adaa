"""Reading and validating the files in resources/knowledge/ (used by planner.core.knowledge).

Every problem raises :class:`~planner.core.knowledge.KnowledgeError` with the file name and the
row (CSV line number or ``[[table]]`` position), so a broken data file is fixed in minutes.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from planner.core.date_values import as_date
from planner.core.errors import KnowledgeError
from planner.core.knowledge_records import (
    Baseline,
    BuildRow,
    Fact,
    RuleText,
    Stage,
)

__all__ = [
    "BUILD_PATTERN",
    "CONFIDENCES",
    "MINOR_OF",
    "PRODUCTS",
    "read_baselines",
    "read_builds",
    "read_durations",
    "read_facts",
    "read_rules",
    "read_stages",
    "read_toml",
]

PRODUCTS = ("2013", "2016", "2019", "SE")
CONFIDENCES = ("primary", "secondary", "unconfirmed")
STAGE_KINDS = ("report", "throttle", "block")
BUILD_PATTERN = re.compile(r"^15\.[0-2]\.\d{1,5}\.\d{1,4}$")
# The minor version of each product's build numbers (SE shares 15.2 with 2019).
MINOR_OF = {"2013": "0", "2016": "1", "2019": "2", "SE": "2"}


class _Row:
    """One row of a data file with typed, error-naming accessors."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def fail(self, message: str) -> KnowledgeError:
        """An error naming the file and row."""
        return KnowledgeError(f"{self.where}: {message}")

    def text(self, name: str, *, required: bool = True, choices: tuple[str, ...] = ()) -> str:
        """A string field; empty is an error when required."""
        value = self.data.get(name, "")
        if not isinstance(value, str):
            raise self.fail(f"'{name}' must be text, got {value!r}")
        value = value.strip()
        if required and not value:
            raise self.fail(f"'{name}' is missing")
        if choices and value not in choices:
            raise self.fail(f"'{name}' is {value!r}; expected one of {', '.join(choices)}")
        return value

    def day(self, name: str) -> date:
        """A date field (TOML date or ISO text)."""
        value = self.data.get(name)
        day = as_date(value)
        if day is None:
            raise self.fail(f"'{name}' must be a date (YYYY-MM-DD), got {value!r}")
        return day

    def integer(self, name: str, *, required: bool = True) -> int | None:
        """A whole-number field."""
        value = self.data.get(name)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"'{name}' must be a whole number, got {value!r}")
        return value

    def number(self, name: str) -> float:
        """A numeric field."""
        value = self.data.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"'{name}' must be a number, got {value!r}")
        if value < 0:
            raise self.fail(f"'{name}' must not be negative, got {value!r}")
        return float(value)

    def minutes(self, name: str) -> int:
        """Minutes per hour (0..60); a missing field is 0."""
        value = self.integer(name, required=False) or 0
        if not 0 <= value <= 60:
            raise self.fail(f"'{name}' must be minutes per hour (0 to 60), got {value}")
        return value

    def confidence(self, default: str = "primary") -> str:
        """The confidence tag of the row."""
        if "confidence" not in self.data:
            return default
        return self.text("confidence", choices=CONFIDENCES)


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file; a syntax error names the file and tomllib's line/column."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{path.name}: file not found ({path})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{path.name}: not valid TOML: {exc}") from exc


def _rows(doc: Mapping[str, Any], table: str, file: str) -> list[_Row]:
    items = doc.get(table, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise KnowledgeError(f"{file}: '{table}' must be an array of tables ([[{table}]])")
    return [_Row(item, f"{file}, [[{table}]] #{n}") for n, item in enumerate(items, start=1)]


def check_build(row: _Row, text: str, product: str) -> None:
    """A build must look like 15.x.y.z and belong to the product's major.minor."""
    if not BUILD_PATTERN.match(text):
        raise row.fail(f"build {text!r} is not of the form 15.minor.build.revision")
    if text.split(".")[1] != MINOR_OF[product]:
        raise row.fail(f"build {text!r} does not belong to Exchange {product}")


def read_builds(path: Path) -> tuple[BuildRow, ...]:
    """Read builds.csv; rows are checked and must not repeat a build."""
    columns = ("product", "release", "build", "date", "date_precision", "source", "as_of")
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise KnowledgeError(f"{path.name}: missing column(s) {', '.join(missing)}")
            raw = [(reader.line_num, dict(line)) for line in reader]
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{path.name}: file not found ({path})") from exc
    rows: list[BuildRow] = []
    seen: dict[str, str] = {}
    for line_no, data in raw:
        row = _Row(data, f"{path.name}, line {line_no}")
        product = row.text("product", choices=PRODUCTS)
        build = row.text("build")
        check_build(row, build, product)
        if build in seen:
            raise row.fail(f"build {build} repeats {seen[build]}")
        seen[build] = f"line {line_no}"
        rows.append(
            BuildRow(
                product=product,
                release=" ".join(row.text("release").split()),
                build=build,
                date=row.day("date"),
                date_precision=row.text("date_precision", choices=("day", "month")),
                source=row.text("source"),
                as_of=row.day("as_of"),
            )
        )
    if not rows:
        raise KnowledgeError(f"{path.name}: no builds")
    return tuple(rows)


def read_facts(doc: Mapping[str, Any], file: str) -> tuple[Fact, ...]:
    """Read the [[fact]] rows of a parsed TOML file."""
    facts: list[Fact] = []
    for row in _rows(doc, "fact", file):
        if "value" not in row.data:
            raise row.fail("'value' is missing")
        facts.append(
            Fact(
                key=row.text("key"),
                value=row.data["value"],
                source=row.text("source"),
                as_of=row.day("as_of"),
                confidence=row.confidence(),
                documentation=row.data.get("documentation") is True,
            )
        )
    return tuple(facts)


def read_stages(doc: Mapping[str, Any], file: str) -> tuple[Stage, ...]:
    """Read the [[stage]] rows; numbers run 1..n and day ranges join without gaps."""
    stages: list[Stage] = []
    for row in _rows(doc, "stage", file):
        start = row.integer("start_day")
        end = row.integer("end_day", required=False)
        assert start is not None  # required=True never returns None
        if end is not None and end <= start:
            raise row.fail(f"end_day {end} must be after start_day {start}")
        number = row.integer("number")
        assert number is not None
        if number != len(stages) + 1:
            raise row.fail(f"stage number {number} out of order (expected {len(stages) + 1})")
        if stages and stages[-1].end_day != start:
            raise row.fail(f"start_day {start} does not follow the previous stage's end_day")
        stages.append(
            Stage(
                number=number,
                start_day=start,
                end_day=end,
                kind=row.text("kind", choices=STAGE_KINDS),
                smtp=row.text("smtp", required=False),
                source=row.text("source"),
                as_of=row.day("as_of"),
                confidence=row.confidence("secondary"),
                throttle_minutes=row.minutes("throttle_minutes"),
                block_minutes=row.minutes("block_minutes"),
            )
        )
    if not stages or stages[0].start_day != 0 or stages[-1].end_day is not None:
        raise KnowledgeError(f"{file}: stages must start at day 0 and the last be open-ended")
    return tuple(stages)


def read_baselines(doc: Mapping[str, Any], file: str) -> tuple[tuple[str, Baseline], ...]:
    """Read the [[baseline]] rows as (key, Baseline)."""
    out: list[tuple[str, Baseline]] = []
    for row in _rows(doc, "baseline", file):
        key = row.text("key")
        if not key.startswith("baseline."):
            raise row.fail(f"key {key!r} must start with 'baseline.'")
        product = row.text("product", choices=("2016", "2019", "SE"))
        min_build = row.text("min_build", required=False)
        if min_build:
            check_build(row, min_build, product)
        baseline = Baseline(
            product=product,
            line=row.text("line"),
            min_build=min_build,
            effective_from=row.day("effective_from"),
            source=row.text("source"),
            as_of=row.day("as_of"),
            confidence=row.confidence("secondary"),
        )
        out.append((key, baseline))
    return tuple(out)


def read_durations(doc: Mapping[str, Any], file: str) -> tuple[Fact, ...]:
    """Read the [[duration]] rows as facts keyed by step kind (value: float)."""
    out: list[Fact] = []
    for row in _rows(doc, "duration", file):
        out.append(
            Fact(
                key=row.text("kind"),
                value=row.number("value"),
                source=row.text("source"),
                as_of=row.day("as_of"),
                confidence=row.confidence("unconfirmed"),
            )
        )
    return tuple(out)


def read_rules(doc: Mapping[str, Any], file: str) -> tuple[RuleText, ...]:
    """Read the [[rule]] rows."""
    return tuple(
        RuleText(
            id=row.text("id"),
            source=row.text("source"),
            as_of=row.day("as_of"),
        )
        for row in _rows(doc, "rule", file)
    )
