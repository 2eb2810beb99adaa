"""Dates, times and numbers on screen in the UI language's format (one place for all views).

The locale is the system's when it speaks the UI language (a Swiss German system keeps its
own conventions), else the language's default locale. Dates always show four-digit years:
Qt's short formats use two, which reads ambiguously in a plan spanning several years.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale

from planner.gui.i18n import ui_language

__all__ = [
    "format_date",
    "format_datetime",
    "format_month",
    "format_number",
    "format_weekday_date",
    "ui_locale",
]


def ui_locale() -> QLocale:
    """The QLocale for the current UI language."""
    system = QLocale.system()
    wanted = QLocale(ui_language())
    return system if system.language() == wanted.language() else wanted


def _date_pattern(locale: QLocale) -> str:
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def format_date(day: date | None) -> str:
    """A date in the short, four-digit-year form (07.01.2027; 1/7/2027); '' for None."""
    if day is None:
        return ""
    locale = ui_locale()
    return locale.toString(_qdate(day), _date_pattern(locale))


def format_weekday_date(day: date) -> str:
    """A date with its abbreviated weekday (Do. 07.01.2027; Thu 1/7/2027)."""
    locale = ui_locale()
    return locale.toString(_qdate(day), f"ddd {_date_pattern(locale)}")


def format_month(day: date) -> str:
    """Month and year for axes (Jan. 2027; Jan 2027)."""
    return ui_locale().toString(_qdate(day), "MMM yyyy")


def format_datetime(moment: datetime) -> str:
    """An aware moment in the local time zone, date and time (07.01.2027 14:05)."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))  # local time zone
    locale = ui_locale()
    time_pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    return locale.toString(local, f"{_date_pattern(locale)} {time_pattern}")


def format_number(value: float, decimals: int = 0) -> str:
    """A number with the locale's grouping and decimal mark (100.000; 1.234,5)."""
    if decimals == 0:
        return ui_locale().toString(round(value))
    return ui_locale().toString(float(value), "f", decimals)
