"""Dates, times and numbers on screen in the UI language's format (one place for all views).

The formats are the shared catalogue's (``resources/text/<lang>/language.toml``), so the
screen shows a date exactly as the report and the workbook print it.
"""

from __future__ import annotations

from datetime import date, datetime

from planner.core.catalogue import Catalogue, catalogue
from planner.gui.i18n import ui_language

__all__ = [
    "format_date",
    "format_datetime",
    "format_decimal_plain",
    "format_month",
    "format_number",
    "format_weekday_date",
    "ui_catalogue",
]


def ui_catalogue() -> Catalogue:
    """The shared text catalogue of the current UI language."""
    return catalogue(ui_language())


def format_date(day: date | None) -> str:
    """A date as the UI language writes it (07.01.2027; 7 Jan 2027); '' for None."""
    return "" if day is None else ui_catalogue().date(day)


def format_weekday_date(day: date) -> str:
    """A date with its abbreviated weekday (Do., 07.01.2027; Thu, 7 Jan 2027)."""
    from babel.dates import format_date as babel_date  # loads with the first date shown

    cat = ui_catalogue()
    weekday = babel_date(day, "EEE", locale=cat.date_locale)
    return f"{weekday}, {cat.date(day)}"


def format_month(day: date) -> str:
    """Month and year for axes (Jan. 2027; Jan 2027)."""
    from babel.dates import format_date as babel_date  # start-up time: loaded on first use

    return babel_date(day, "MMM y", locale=ui_catalogue().date_locale)


def format_datetime(moment: datetime) -> str:
    """An aware moment in the local time zone, date and time (07.01.2027 14:05)."""
    from babel.dates import format_time  # start-up time: loaded on first use

    local = moment.astimezone()
    cat = ui_catalogue()
    return f"{cat.date(local.date())} {format_time(local.time(), 'HH:mm', locale=cat.locale)}"


def format_decimal_plain(value: float) -> str:
    """A measured value as typed into a cell: up to three decimals, no grouping (1,5; 1.5)."""
    from babel.numbers import format_decimal as babel_decimal  # start-up time: loaded on first use

    return babel_decimal(value, "0.###", locale=ui_catalogue().locale)


def format_number(value: float, decimals: int = 0) -> str:
    """A number with the language's grouping and decimal mark (100.000; 1.234,5)."""
    return ui_catalogue().number(value, decimals)
