"""Dates as data files hand them over: a TOML date, a datetime, or ISO text ``YYYY-MM-DD``.

The knowledge files, the settings and the knowledge overrides all accept these three forms;
each caller words its own error, because each names the place differently.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

__all__ = ["as_date"]


def as_date(value: Any) -> date | None:
    """The day a TOML date, datetime or ISO text stands for; None for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
