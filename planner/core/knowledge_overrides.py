"""Applying a project's overrides to knowledge facts, durations, baselines and stages.

An override replaces a value but keeps the knowledge-base value in ``Fact.overridden_from`` and
marks the fact's confidence "override", so reports can show what the consultant changed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from planner.core.date_values import as_date
from planner.core.errors import KnowledgeError
from planner.core.knowledge_files import BUILD_PATTERN, MINOR_OF
from planner.core.knowledge_records import Fact, Stage
from planner.core.typed_values import ascii_whole, parse_bool, parse_number

__all__ = ["MAX_STEP_DAYS", "MIN_THROUGHPUT_GB", "NO_PASSING_BUILD", "STAGE_FIELDS",
           "override_baseline", "override_fact", "override_stage"]

# Bounds that keep planning finite, the same for a project's [durations] setting and for a
# knowledge override of the same duration ("duration.<kind>"): NaN had planned to 2036.
MAX_STEP_DAYS = 60.0  # one step in working days (the longest default is a few weeks)
MIN_THROUGHPUT_GB = 50.0  # mailbox data moved per day; less is no real migration

# The word a baseline override uses to say "no build of this line passes".
NO_PASSING_BUILD = "none"
STAGE_FIELDS = ("start_day", "end_day", "kind", "throttle_minutes", "block_minutes", "smtp")
# Older project files overrode a stage's words; words now come from the catalogues (from the
# minutes), so such an override is read and changes nothing.
_OLD_STAGE_WORDS = ("action_en", "action_de")


def _as_bool(value: Any) -> bool:
    try:
        return parse_bool(value)  # the words the importer and the GUI accept
    except ValueError:
        raise ValueError(f"{value!r} is not true/false") from None


def _as_number(value: Any) -> float:
    """A number as TOML gives it, or as text a consultant typed ("1.234,5", "300")."""
    return parse_number(value)


def _as_date(value: Any) -> date:
    day = as_date(value if isinstance(value, date) else str(value))
    if day is None:
        raise ValueError(f"expected a date (YYYY-MM-DD), got {value!r}")
    return day


def _finite(value: Any) -> float:
    """A number that is one: NaN, infinity and the like stopped the planner or its plan."""
    number = _as_number(value)
    if not math.isfinite(number) or abs(number) > 1e12:
        raise ValueError(f"{value!r} is not a plausible number")
    return number


def _duration_bounds(key: str, number: float) -> None:
    """``duration.<kind>`` within the bounds its project setting has (see settings_io)."""
    if not key.startswith("duration."):
        return
    if key.endswith("_per_day"):
        if not MIN_THROUGHPUT_GB <= number <= MIN_THROUGHPUT_GB * 1e7:
            raise ValueError(f"{number:g} GB a day is not plausible (at least "
                             f"{MIN_THROUGHPUT_GB:g})")
    elif not 0 <= number <= MAX_STEP_DAYS:
        raise ValueError(f"{number:g} working days is not plausible (0 to {MAX_STEP_DAYS:g})")


def _coerce(original: Any, value: Any) -> Any:
    """Convert an override to the type of the value it replaces."""
    if isinstance(original, bool):
        return _as_bool(value)
    if isinstance(original, date):
        return _as_date(value)
    if isinstance(original, int) and not isinstance(value, bool):
        number = _finite(value)
        if number != int(number):
            raise ValueError(f"{value!r} is not a whole number")
        return int(number)
    if isinstance(original, float) and not isinstance(value, bool):
        number = _finite(value)
        if number < 0:
            raise ValueError(f"{value!r} is negative")
        return number
    if isinstance(original, list):
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list | tuple):
            return [str(part) for part in value]
        raise ValueError(f"{value!r} is not a list")
    if isinstance(original, str):
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ValueError(f"{value!r} is not text")
        return str(value)
    return value


def override_fact(fact: Fact, value: Any, key: str) -> Fact:
    """The fact with a project's value; the knowledge-base value stays in ``overridden_from``."""
    try:
        new_value = _coerce(fact.value, value)
        if isinstance(new_value, int | float) and not isinstance(new_value, bool):
            _duration_bounds(key, float(new_value))
    except (TypeError, ValueError) as exc:
        raise KnowledgeError(f"project override {key!r}: {exc}") from exc
    return replace(
        fact,
        value=new_value,
        overridden_from=fact.value,
        confidence="override",
        source=f"Project override (knowledge base: {fact.value!r}; {fact.source})",
    )


def override_baseline(fact: Fact, value: Any, key: str) -> tuple[Fact, date | None]:
    """A baseline override: a build string, ``"none"`` (no build of the line passes) or
    {min_build, effective_from}. An empty value is an error: it is what a half-filled
    override looks like, not a decision."""
    effective: date | None = None
    if isinstance(value, Mapping):
        try:
            effective = _as_date(value["effective_from"]) if "effective_from" in value else None
        except ValueError as exc:
            raise KnowledgeError(f"project override {key!r}: {exc}") from exc
        value = value.get("min_build", fact.value)
        if value == fact.value:  # only the date moves; the knowledge base's build stays
            return override_fact(fact, value, key), effective
    if isinstance(value, str) and value.strip().lower() == NO_PASSING_BUILD:
        value = ""
    elif isinstance(value, str) and not value.strip():
        raise KnowledgeError(
            f"project override {key!r}: the value is empty; give the oldest build Exchange "
            f'Online accepts (e.g. "15.1.2507.61") or "{NO_PASSING_BUILD}" if no build of '
            "this line passes")
    new = override_fact(fact, value.strip() if isinstance(value, str) else value, key)
    if new.value and not BUILD_PATTERN.match(new.value):
        raise KnowledgeError(f"project override {key!r}: {new.value!r} is not a build number")
    product = key.split(".")[1] if key.count(".") >= 2 else ""
    if new.value and product in MINOR_OF and new.value.split(".")[1] != MINOR_OF[product]:
        raise KnowledgeError(
            f"project override {key!r}: {new.value} is not an Exchange {product} build")
    return new, effective


def override_stage(stages: list[Stage], key: str, value: Any) -> None:
    """Apply ``stage.N.field``; moving a boundary moves the neighbouring stage's boundary too."""
    parts = key.split(".")
    if len(parts) == 3 and parts[2] in _OLD_STAGE_WORDS:
        return
    if len(parts) != 3 or not ascii_whole(parts[1]) or parts[2] not in STAGE_FIELDS:
        raise KnowledgeError(
            f"project override {key!r}: expected stage.<n>.<{'|'.join(STAGE_FIELDS)}>"
        )
    index, name = int(parts[1]) - 1, parts[2]
    if not 0 <= index < len(stages):
        raise KnowledgeError(f"project override {key!r}: there is no stage {index + 1}")
    try:
        if name in ("start_day", "end_day"):
            new: Any = None if value in (None, "") else int(value)
        elif name in ("throttle_minutes", "block_minutes"):
            new = int(value)
            if not 0 <= new <= 60:
                raise ValueError(value)
        else:
            new = str(value)
    except (TypeError, ValueError, OverflowError) as exc:  # int(inf) overflows
        what = "minutes per hour (0 to 60)" if name.endswith("minutes") else "a day number"
        raise KnowledgeError(f"project override {key!r}: {value!r} is not {what}") from exc
    stages[index] = replace(stages[index], **{name: new})
    if name == "start_day" and index > 0:
        stages[index - 1] = replace(stages[index - 1], end_day=new)
    if name == "end_day" and index + 1 < len(stages):
        stages[index + 1] = replace(stages[index + 1], start_day=new)
    if any(s.end_day is not None and s.end_day <= s.start_day for s in stages):
        raise KnowledgeError(f"project override {key!r}: stage day ranges would overlap")
