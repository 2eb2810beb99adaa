"""A date axis for the Gantt and the enforcement timeline: scale, ticks and their labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.report.figure import GRID, MUTED, Item, Label, Segment, text_width
from planner.core.report.wording import Wording
from planner.core.vocabulary import COLOURS

__all__ = ["TimeAxis"]

WEEK_GRID = COLOURS["grid_faint"]


@dataclass(frozen=True)
class TimeAxis:
    """Maps days ``first``..``last`` (inclusive) onto ``x0``..``x0 + width``."""

    first: date
    last: date
    x0: float
    width: float

    @property
    def days(self) -> int:
        """Number of days shown."""
        return (self.last - self.first).days + 1

    def x(self, day: date) -> float:
        """The left edge of ``day``."""
        return self.x0 + (day - self.first).days * self.width / self.days

    def span(self, start: date, end: date) -> tuple[float, float]:
        """Left edge and width of the inclusive range ``start``..``end``, clipped."""
        start = max(start, self.first)
        end = min(end, self.last)
        left = self.x(start)
        return left, max(self.x(end + timedelta(days=1)) - left, 0.8)

    def ticks(self) -> list[date]:
        """Tick days: Mondays for short ranges, month or quarter starts for longer ones."""
        if self.days <= 70:
            first = self.first + timedelta(days=(7 - self.first.weekday()) % 7)
            return [first + timedelta(weeks=i) for i in range((self.last - first).days // 7 + 1)]
        step = 1 if self.days <= 550 else 3 if self.days <= 1500 else 6
        ticks: list[date] = []
        year, month = self.first.year, self.first.month
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            tick = date(year, month, 1)
            if tick > self.last:
                return ticks
            if (month - 1) % step == 0:
                ticks.append(tick)

    def draw(self, top: float, height: float, grid_bottom: float, words: Wording) -> list[Item]:
        """Tick labels in ``top``..``top + height`` and grid lines down to ``grid_bottom``."""
        items: list[Item] = []
        ticks = self.ticks()
        weekly = self.days <= 70
        if ticks and not weekly and self.x(ticks[0]) - self.x0 >= 40:
            first = self.first
            text = f"{words.month(first.month)} {first.year}"
            items.append(Label(self.x0 + 1.5, top, self.x(ticks[0]) - self.x0 - 1.5, height,
                               text, 6.0, MUTED))
        for i, tick in enumerate(ticks):
            x = self.x(tick)
            items.append(Segment(x, top + height - 3, x, grid_bottom, GRID, 0.4))
            nxt = ticks[i + 1] if i + 1 < len(ticks) else self.last + timedelta(days=1)
            room = max(self.x(nxt) - x, 0.0)
            if weekly:
                text = words.catalogue.date(tick, "day_month")
            elif tick.month == 1 or (i == 0 and self.x(tick) - self.x0 < 40):
                text = f"{words.month(tick.month)} {tick.year}"
            else:
                text = words.month(tick.month)
            if room >= (24 if weekly else 14):
                items.append(Label(x + 1.5, top, room - 1.5, height, text, 6.0, MUTED))
        return items

    def draw_months_and_weeks(self, top: float, height: float, grid_bottom: float,
                              words: Wording) -> list[Item]:
        """Months in the upper half of the head, ISO weeks (every n-th labelled so labels fit)
        in the lower half; a month line and a fainter week line down to ``grid_bottom``."""
        half = height / 2
        items: list[Item] = []
        month_starts = [self.first, *_month_starts(self.first, self.last)]
        for i, start in enumerate(month_starts):
            end = month_starts[i + 1] if i + 1 < len(month_starts) else \
                self.last + timedelta(days=1)
            x, room = self.x(start), self.x(end) - self.x(start)
            if i:
                items.append(Segment(x, top, x, grid_bottom, GRID, 0.5))
            text = f"{words.month(start.month)} {start.year}"
            if room >= text_width(text, 6.0) + 3:
                items.append(Label(x + 1.5, top, room - 1.5, half, text, 6.0, MUTED))
            elif room >= text_width(words.month(start.month), 6.0) + 3:
                items.append(Label(x + 1.5, top, room - 1.5, half, words.month(start.month),
                                   6.0, MUTED))
        week_w = self.width * 7 / self.days
        sample = words("week_short", n=53)
        every = next((n for n in (1, 2, 4, 8, 13, 26, 52)
                      if week_w * n >= text_width(sample, 5.6) + 3), None)
        if every is None:  # years on one page (a plan decades long): months only, no weeks
            items.append(Segment(self.x0, top + half, self.x0 + self.width, top + half, GRID,
                                 0.4))
            return items
        mondays = [self.first + timedelta(days=(7 - self.first.weekday()) % 7)]
        while mondays[-1] + timedelta(days=7) <= self.last:
            mondays.append(mondays[-1] + timedelta(days=7))
        labelled = -every  # the index of the last labelled week
        for n, monday in enumerate(mondays):
            if monday > self.last:
                break
            x = self.x(monday)
            items.append(Segment(x, top + half, x, grid_bottom, WEEK_GRID, 0.3))
            week = monday.isocalendar().week
            # KW 53 and KW 1 are both odd: every n-th by number, but never closer than n
            if (week - 1) % every == 0 and n - labelled >= every \
                    and x + week_w * every <= self.x0 + self.width + 1:
                labelled = n
                items.append(Label(x + 1.0, top + half, week_w * every - 1.0, half,
                                   words("week_short", n=week), 5.6, MUTED))
        items.append(Segment(self.x0, top + half, self.x0 + self.width, top + half, GRID, 0.4))
        return items


def _month_starts(first: date, last: date) -> list[date]:
    found: list[date] = []
    year, month = first.year, first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        start = date(year, month, 1)
        if start > last:
            return found
        found.append(start)
