"""Pauses the consultant fixes: checked against the policy before anything is planned.

A fixed pause must lie within each calendar year's budget (counting the days already used
that year), must not overlap another fixed pause (its days would count twice), must not
begin before the plan start unless it is already running on the as-of date (recorded as
history; pauses over before then belong to ``pause_days_used``), must not be
longer than one request may ask for (``policy.pause_max_days_per_pause``; a pause over New
Year fits both years' budgets and can still be too long) and the plan may hold at most the
policy's number of pauses. Otherwise planning stops with an error that
names the pause and the budget.

The budget per calendar year (:func:`budget_years`), the command that requests a pause
(:func:`pause_command`) and the script of every planned pause (:func:`pause_script`, its
commands from the knowledge) are worked out here once for the GUI, the report and the workbook.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from planner.core.calendar import WorkCalendar
from planner.core.catalogue import catalogue
from planner.core.errors import SettingsError
from planner.core.explanation import message
from planner.core.knowledge import EnforcementPolicy, Knowledge
from planner.core.knowledge_facts import facts_of
from planner.core.plan import Pause, Plan
from planner.core.settings import Settings

__all__ = ["BudgetYear", "PauseError", "budget_years", "check_fixed_pauses", "days_per_year",
           "pause_budget", "pause_calendar", "pause_command", "pause_script"]

# How the knowledge's cmdlet marks the number of days: {days}, {n}, <n>, <NumberOfDays>.
_PLACEHOLDER = re.compile(r"\{(?:days|n)\}|<(?:n|days|NumberOfDays)>", re.IGNORECASE)


class PauseError(SettingsError):
    """A fixed pause breaks the pause policy; the message names the pause and the budget."""


def _fail(key: str, **fields: object) -> PauseError:
    """The error as a message (``exo.pause_error.<key>``), in English for its text; each
    ``<name>_days`` field is a counted number of days, and ``<name>_days_dative`` in the
    case a preposition wants ("von 90 Tagen"), so the catalogue's sentence picks the form
    its grammar needs in each language."""
    words: dict[str, object] = dict(fields)
    for k, v in fields.items():
        if k.endswith("_days") and isinstance(v, int):
            words[k] = message("exo.pause_error.days", count=v)
            words[f"{k}_dative"] = message("exo.pause_error.days_dative", count=v)
    problem = message(f"exo.pause_error.{key}", **words)
    return PauseError(catalogue("en").render(problem), key="enforcement.pauses",
                      problem=problem)


def pause_calendar(calendar: WorkCalendar, knowledge: Knowledge) -> WorkCalendar:
    """The days a pause may be requested on: the customer's working days, and the days of
    a change freeze too where the freeze leaves pauses (``calendar.freeze_leaves`` holds
    "pause"): the request changes the tenant, not the servers, and keeps mail flowing (a
    review: a Christmas freeze held the request until 7 January, three blocked days)."""
    if "pause" in facts_of(knowledge).freeze_leaves and calendar.freezes:
        return replace(calendar, freezes=())
    return calendar


def pause_command(cmdlet: str, days: int) -> str:
    """The PowerShell line that requests a pause of ``days`` days, from the knowledge cmdlet."""
    if _PLACEHOLDER.search(cmdlet):
        return _PLACEHOLDER.sub(str(days), cmdlet)
    text = cmdlet.strip()
    if text.lower().endswith("-numberofdays"):
        return f"{text} {days}"
    if "-numberofdays" in text.lower():
        return text
    return f"{text} -NumberOfDays {days}"


def pause_script(plan: Plan, policy: EnforcementPolicy, lang: str) -> str:
    """PowerShell that requests each planned pause, run in Exchange Online PowerShell on its
    day: the knowledge's connect command, a comment and the command per pause, and the
    command that shows the pause in force."""
    words = catalogue(lang)
    if not plan.schedule.pauses:
        return words("exo.pause_script.none")
    # A pause needed now carries its due day as its step's deadline: run it on that day.
    due = {s.id: s.deadline for s in plan.proposal.steps if s.kind == "pause" and s.deadline}
    lines = [policy.pause_connect_cmdlet]
    for i, pause in enumerate(plan.schedule.pauses, 1):
        by = due.get(f"pause:{i}")
        head = words.plural("exo.pause_script.head_now", pause.days, number=i, by=by,
                            start=pause.start, end=pause.end) if by else \
            words.plural("exo.pause_script.head", pause.days, number=i, start=pause.start,
                         end=pause.end)
        lines += ["", head, pause_command(policy.pause_cmdlet, pause.days)]
    lines += ["", policy.pause_check_cmdlet]
    return "\n".join(lines)


def days_per_year(start: date, days: int) -> dict[int, int]:
    """How many days of a pause fall into each calendar year."""
    out: dict[int, int] = {}
    for n in range(days):
        year = (start + timedelta(days=n)).year
        out[year] = out.get(year, 0) + 1
    return out


def check_fixed_pauses(settings: Settings, policy: EnforcementPolicy,
                       as_of: date | None = None) -> None:
    """Raise :class:`PauseError` for the first fixed pause the policy does not allow. A pause
    already running on the as-of date (requested before the plan start) is history the
    plan keeps, not an error."""
    for year, used in sorted(settings.pause_days_used.items()):
        if used > policy.pause_max_days_per_year:  # a tenant cannot have used more
            raise _fail("used_over", year=str(year), used_days=used,
                        budget_days=policy.pause_max_days_per_year)
    pauses = sorted(settings.fixed_pauses or ())
    if len(pauses) > policy.pauses_allowed:
        raise _fail("too_many", count=len(pauses), allowed=policy.pauses_allowed)
    planned: dict[int, int] = {}
    latest: tuple[int, date] | None = None  # the pause that runs longest so far, and its end
    for n, (start, days) in enumerate(pauses, start=1):
        end = start + timedelta(days=days - 1)
        running = as_of is not None and start <= as_of <= end
        if start < settings.start and not running:
            raise _fail("before_start", n=n, start=start, plan_start=settings.start,
                        as_of=as_of or settings.start)
        if days > policy.pause_max_days_per_pause:
            raise _fail("too_long", n=n, start=start, length_days=days,
                        longest_days=policy.pause_max_days_per_pause,
                        budget_days=policy.pause_max_days_per_year)
        if latest is not None and start <= latest[1]:
            raise _fail("overlap", n=n, start=start, previous=latest[0], end=latest[1],
                        budget_days=policy.pause_max_days_per_year)
        if latest is None or end > latest[1]:
            latest = (n, end)
        for year, count in days_per_year(start, days).items():
            planned[year] = planned.get(year, 0) + count
            used = settings.pause_days_used.get(year, 0)
            if used + planned[year] > policy.pause_max_days_per_year:
                raise _fail("budget", n=n, start=start, length_days=days, year=str(year),
                            used_days=used, planned_days=planned[year],
                            budget_days=policy.pause_max_days_per_year)


def pause_budget(pauses: Sequence[Pause], used_before: dict[int, int]) -> dict[int, int]:
    """Pause days this plan uses per calendar year (a pause over New Year counts in both)."""
    planned: dict[int, int] = dict.fromkeys(used_before, 0)
    for pause in pauses:
        for year, days in days_per_year(pause.start, pause.days).items():
            planned[year] = planned.get(year, 0) + days
    return dict(sorted(planned.items()))


@dataclass(frozen=True)
class BudgetYear:
    """The pause budget of one calendar year, in days."""

    year: int
    used: int  # already used before the plan (settings)
    planned: int  # the plan's pauses in this year
    maximum: int

    @property
    def remaining(self) -> int:
        """Days free after what is used and planned; below zero when over the budget."""
        return self.maximum - self.used - self.planned

    @property
    def left(self) -> int:
        """Days still free (never below zero)."""
        return max(0, self.remaining)

    @property
    def over(self) -> bool:
        """True when used and planned together exceed the yearly maximum."""
        return self.remaining < 0


def budget_years(plan: Plan, maximum: int) -> tuple[BudgetYear, ...]:
    """The pause budget of every year from the plan's start to its finish, and of any other
    year with days used before or a pause (the GUI's gauge, the report and the workbook)."""
    used = plan.settings.pause_days_used
    planned = pause_budget(plan.schedule.pauses, used)
    last = max([plan.schedule.objective.finish or plan.settings.start,
                *(p.end for p in plan.schedule.pauses)])
    years = set(planned) | set(range(plan.settings.start.year, last.year + 1))
    return tuple(BudgetYear(y, used.get(y, 0), planned.get(y, 0), maximum) for y in sorted(years))
