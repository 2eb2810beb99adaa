"""Working days of the MS Project calendars, counted by running totals, are the days' count."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.export.project_calendar import ProjectCalendar, days_between

BASE = date(2026, 12, 1)
_DAY = st.integers(-60, 800).map(lambda n: BASE + timedelta(days=n))


def _counted(cal: ProjectCalendar, start: date, end: date, in_window: bool,
             and_window: bool) -> int:
    """Day by day, as MS Project would count them."""
    return sum(d in cal.window if in_window else
               (d.weekday() < 5 and d not in cal.off) or (and_window and d in cal.window)
               for d in days_between(start, end))


@settings(max_examples=150, deadline=None)
@given(st.lists(_DAY, max_size=25), st.lists(_DAY, max_size=25),
       st.lists(st.tuples(_DAY, st.integers(-3, 400), st.booleans(), st.booleans()),
                min_size=1, max_size=12), _DAY)
def test_running_counts_agree_with_counting_day_by_day(
        off: list[date], window: list[date], asked: list[tuple[date, int, bool, bool]],
        added: date) -> None:
    cal = ProjectCalendar("Standard", "Window", off=dict.fromkeys(off, "x"), window=set(window))
    for n, (start, length, in_window, and_window) in enumerate(asked):
        end = start + timedelta(days=length)
        assert cal.working_days(start, end, in_window, and_window) == \
            _counted(cal, start, end, in_window, and_window)
        if n == len(asked) // 2:  # a day added after the first counts is counted too
            cal.window.add(added)
