"""Usable days of one calendar as day indices from the plan start.

A step's duration counts working days of its own calendar (the target site's working days,
or the maintenance-window days for steps that need one), so its calendar length depends on
where it starts; :class:`DayCalendar` answers that for any start.
"""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.calendar import WorkCalendar

__all__ = ["DayCalendar"]


class DayCalendar:
    """Usable days of one calendar (site + window flag) as day indices, extended on demand."""

    def __init__(self, calendar: WorkCalendar, start: date, site: str | None, window: bool):
        self._calendar, self._start, self._site, self._window = calendar, start, site, window
        self._ok: list[bool] = []
        self._next: list[int] = []  # per day the first usable day at or after it (or len)
        self._rank: list[int] = []  # per day the number of usable days before it
        self._days: list[int] = []  # the usable days, in order
        self._freezes: list[tuple[int, int]] | None = None  # [first, after) day indices

    def _grow(self, index: int) -> None:
        """Know the days up to ``index`` (doubling, so a long plan costs linear time)."""
        size = max(index + 1, 2 * len(self._ok), 256)
        for n in range(len(self._ok), size):
            day = self._start + timedelta(days=n)
            self._ok.append(
                self._calendar.is_window_day(day, self._site)
                if self._window
                else self._calendar.is_working_day(day, self._site)
            )
        nxt, following = [0] * size, size
        for n in range(size - 1, -1, -1):
            following = n if self._ok[n] else following
            nxt[n] = following
        self._next = nxt
        # ranks let end_after jump to its n-th usable day instead of walking day by day
        # (called about a million times for a plan of 2,000 servers)
        self._days = [n for n in range(size) if self._ok[n]]
        rank, count = [0] * size, 0
        for n in range(size):
            rank[n] = count
            count += self._ok[n]
        self._rank = rank

    def ok(self, index: int) -> bool:
        """True when work of this calendar can happen on day ``index``."""
        if index >= len(self._ok):
            self._grow(index)
        return index >= 0 and self._ok[index]

    @property
    def has_freezes(self) -> bool:
        """True when the project has change freezes."""
        return bool(self._calendar.freezes)

    def freeze_end(self, start: int, end: int) -> int | None:
        """The day after a freeze that [start, end) would straddle, or None."""
        if self._freezes is None:
            self._freezes = [((f.start - self._start).days, (f.end - self._start).days + 1)
                             for f in self._calendar.freezes]
        for a, b in self._freezes:
            if a < end and start < b:
                return b
        return None

    def next_ok(self, index: int, limit: int = 40_000) -> int:
        """The first usable day at or after ``index`` (``limit`` when there is none)."""
        index = max(0, index)
        if index < len(self._next) and self._next[index] < len(self._ok):
            return min(self._next[index], limit)  # the usual case: a day already known
        while index < limit:
            if index >= len(self._ok):
                self._grow(min(index, limit))
            found = self._next[index]
            if found < len(self._ok):
                return min(found, limit)
            index = len(self._ok)  # nothing usable in what is known yet: look further
        return limit

    def end_after(self, start: int, days: int) -> int:
        """Exclusive end when ``days`` usable days are worked from ``start`` on."""
        if days <= 0:
            return start
        if 0 <= start < len(self._rank):
            n = self._rank[start] + days - 1
            if n < len(self._days):
                return min(self._days[n], 40_000) + 1
        index, left = start, days
        while True:
            index = self.next_ok(index)
            left -= 1
            if left == 0 or index >= 40_000:
                return index + 1
            index += 1

    def start_before(self, end: int, days: int) -> int:
        """First day of the last ``days`` usable days before the exclusive ``end``."""
        index, left = end, days
        while left > 0 and index > 0:
            index -= 1
            left -= self.ok(index)
        return index

    def shift(self, anchor: int, lag: int) -> int:
        """The first day ``lag`` usable days after ``anchor`` allow (a lead: calendar days)."""
        return self.end_after(anchor, lag) if lag > 0 else anchor + lag

    def end_table(self, horizon: int, days: int) -> list[int]:
        """Exclusive end for every start 0..horizon-1 (one pass, for the model's element)."""
        self.ok(horizon + 1)
        ok_days = [i for i in range(horizon) if self._ok[i]]
        table: list[int] = []
        pos = 0
        for s in range(horizon):
            while pos < len(ok_days) and ok_days[pos] < s:
                pos += 1
            last = pos + days - 1
            table.append(ok_days[last] + 1 if days > 0 and last < len(ok_days) else
                         (s if days <= 0 else horizon + 1))
        return table
