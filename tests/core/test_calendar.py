"""The calendar: holidays per state and site, freezes, windows, working days."""

from __future__ import annotations

from datetime import date

from planner.core.calendar import build_calendar, consultant_weekdays, weekday_number
from planner.core.model import Estate, Site
from planner.core.settings import Freeze, Settings


def test_bavarian_holidays_in_german() -> None:
    cal = build_calendar(Settings(country="DE", subdivision="BY", language="de"))
    found = cal.holidays(date(2026, 1, 1), date(2026, 12, 31))
    assert found[date(2026, 1, 6)] == "Heilige Drei Könige"  # Bavaria only
    assert len(found) >= 12
    assert not cal.is_working_day(date(2026, 12, 25))


def test_holiday_names_follow_the_language() -> None:
    cal = build_calendar(Settings(country="DE", subdivision="BY", language="en"))
    assert "Christmas" in (cal.holiday_name(date(2026, 12, 25)) or "")


def test_a_site_in_another_state_has_its_own_holidays() -> None:
    estate = Estate(sites=(Site("Berlin", country="DE", subdivision="BE"),))
    cal = build_calendar(Settings(country="DE", subdivision="BY"), estate)
    assert cal.is_working_day(date(2026, 1, 6), site="Berlin")
    assert not cal.is_working_day(date(2026, 1, 6))
    assert cal.is_working_day(date(2026, 3, 9), site="Berlin") is not False  # a Monday


def test_freezes_and_windows() -> None:
    freeze = Freeze(date(2026, 12, 19), date(2027, 1, 6), "Year end")
    cal = build_calendar(Settings(freezes=(freeze,), maintenance_days=("Sat", "Sonntag")))
    assert cal.freeze_on(date(2027, 1, 2)) == freeze
    assert not cal.is_working_day(date(2027, 1, 5))
    assert cal.is_window_day(date(2026, 12, 12)) and cal.is_window_day(date(2026, 12, 13))
    assert not cal.is_window_day(date(2026, 12, 26))  # frozen
    assert not cal.is_window_day(date(2026, 12, 14))  # a Monday


def test_weekday_names_and_consultant_weeks() -> None:
    assert weekday_number("Sa") == 5 and weekday_number("friday") == 4
    assert weekday_number("nonsense") is None
    assert consultant_weekdays(3) == frozenset({0, 1, 2})
    assert consultant_weekdays(9) == frozenset(range(5))


def test_holiday_regions_are_named_in_words() -> None:
    from planner.core.calendar import region_name

    assert region_name("DE", "NW") == "DE – Nordrhein-Westfalen"
    assert region_name("AT", "9") == "AT – Wien"
    assert region_name("DE") == "DE"
    assert region_name("XX", "Y") == "XX-Y"  # unknown: the codes, never a crash


def test_holidays_the_customer_works_are_working_days() -> None:
    """A Texas company works Confederate Memorial Day and Cesar Chavez Day, which the
    holidays package counts for the state (its agencies keep them); a Bavarian one
    Epiphany, named in English while its plan is German."""
    texas = build_calendar(Settings(country="US", subdivision="TX", language="en",
                                    working_holidays=("confederate memorial day",
                                                      "2027-03-31")))
    assert texas.is_working_day(date(2027, 1, 19))  # by its name, in any case
    assert texas.is_working_day(date(2027, 3, 31))  # by its date
    assert not texas.is_working_day(date(2027, 1, 18))  # Martin Luther King Jr. Day stays
    assert date(2027, 1, 19) not in texas.holidays(date(2027, 1, 1), date(2027, 12, 31))
    bavaria = build_calendar(Settings(country="DE", subdivision="BY", language="de",
                                      working_holidays=("Epiphany",)))
    assert bavaria.is_working_day(date(2027, 1, 6))
    assert bavaria.holiday_name(date(2027, 1, 6)) is None
    assert not bavaria.is_working_day(date(2027, 3, 29))  # Easter Monday stays a holiday
