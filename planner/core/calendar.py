"""The project calendar: working days, public holidays per site, freezes and maintenance windows.

Holidays come from the offline ``holidays`` package for the customer's country and
subdivision (Germany per Bundesland by default); a site with its own country/subdivision
gets its own holidays. Names come out in the project's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType

import holidays as holidays_lib

from planner.core.catalogue import catalogue
from planner.core.model import Estate
from planner.core.settings import Freeze, Settings

__all__ = ["WEEKDAYS", "WorkCalendar", "build_calendar", "consultant_weekdays"]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAY_ALIASES = {
    "mo": 0, "mon": 0, "monday": 0, "montag": 0,
    "tu": 1, "tue": 1, "tuesday": 1, "di": 1, "dienstag": 1,
    "we": 2, "wed": 2, "wednesday": 2, "mi": 2, "mittwoch": 2,
    "th": 3, "thu": 3, "thursday": 3, "do": 3, "donnerstag": 3,
    "fr": 4, "fri": 4, "friday": 4, "freitag": 4,
    "sa": 5, "sat": 5, "saturday": 5, "samstag": 5,
    "su": 6, "sun": 6, "sunday": 6, "so": 6, "sonntag": 6,
}


def weekday_number(name: str) -> int | None:
    """0 for Monday .. 6 for Sunday, from English or German names and abbreviations."""
    return _WEEKDAY_ALIASES.get(name.strip().lower().rstrip("."))


def consultant_weekdays(days_per_week: int) -> frozenset[int]:
    """The weekdays a consultant works: the first ``days_per_week`` of Monday..Friday."""
    return frozenset(range(max(1, min(5, days_per_week))))


@lru_cache(maxsize=256)
def region_name(country: str, subdivision: str = "") -> str:
    """A holiday region in words, e.g. "DE – Nordrhein-Westfalen" (codes when unknown)."""
    if not subdivision:
        return country
    try:
        cls = type(holidays_lib.country_holidays(country, subdiv=subdivision))
    except (NotImplementedError, KeyError, ValueError):
        return f"{country}-{subdivision}"
    aliases = getattr(cls, "subdivisions_aliases", {}) or {}
    names = [name for name, code in aliases.items() if str(code) == str(subdivision)]
    # the longest alias is the full name ("Niederösterreich", not "NÖ" or "N")
    return f"{country} – {max(names, key=len)}" if names else f"{country}-{subdivision}"


@lru_cache(maxsize=1024)
def _holidays_for(country: str, subdivision: str, year: int,
                  language: str) -> Mapping[date, str]:
    """Public holidays of one country/subdivision and year; {} when the package lacks it.

    Cached: the package builds a whole year's table per call, and an export asks per day.
    """
    lang = catalogue(language).date_pattern("holidays")
    try:
        table = holidays_lib.country_holidays(
            country, subdiv=subdivision or None, years=year, language=lang
        )
    except (NotImplementedError, KeyError, ValueError):
        return MappingProxyType({})
    if lang not in (getattr(table, "supported_languages", ()) or ()):
        # some countries only speak their own language; their default names are still right
        table = holidays_lib.country_holidays(country, subdiv=subdivision or None, years=year)
    return MappingProxyType({d: str(name) for d, name in sorted(table.items())})


@dataclass(frozen=True)
class WorkCalendar:
    """Which days work can happen on, per site, and why a day is not available."""

    country: str
    subdivision: str
    language: str = "de"
    freezes: tuple[Freeze, ...] = ()
    maintenance_weekdays: frozenset[int] = frozenset({5})
    workweek: frozenset[int] = frozenset(range(5))
    sites: dict[str, tuple[str, str]] = field(default_factory=dict)  # lower name -> (cc, subdiv)
    # holidays the customer works, casefolded names (either language) and ISO dates
    working: frozenset[str] = frozenset()

    def region(self, site: str | None) -> tuple[str, str]:
        """The (country, subdivision) whose holidays apply at a site."""
        if site:
            region = self.sites.get(site.lower())
            if region and region[0]:
                return region
        return self.country, self.subdivision

    def holiday_name(self, d: date, site: str | None = None) -> str | None:
        """The public holiday on this day at this site, or None (also for one the customer
        works)."""
        country, subdivision = self.region(site)
        name = _holidays_for(country, subdivision, d.year, self.language).get(d)
        return None if name is None or self._worked(d, country, subdivision) else name

    def holidays(self, start: date, end: date, site: str | None = None) -> dict[date, str]:
        """Public holidays between start and end (inclusive), with names in the project
        language, without those the customer works."""
        country, subdivision = self.region(site)
        found: dict[date, str] = {}
        for year in range(start.year, end.year + 1):
            for d, name in _holidays_for(country, subdivision, year, self.language).items():
                if start <= d <= end and not self._worked(d, country, subdivision):
                    found[d] = name
        return found

    def _worked(self, d: date, country: str, subdivision: str) -> bool:
        """Whether the settings name this holiday as one the customer works: by its date,
        or by a name it has in any language ("Confederate Memorial Day"; one of a day's
        names joined by "; ")."""
        if not self.working:
            return False
        if d.isoformat() in self.working:
            return True
        return any(part.strip().casefold() in self.working
                   for lang in ("en", "de", self.language)
                   for part in _holidays_for(country, subdivision, d.year, lang)
                   .get(d, "").split(";"))

    def freeze_on(self, d: date) -> Freeze | None:
        """The customer change freeze covering this day, or None."""
        return next((f for f in self.freezes if f.start <= d <= f.end), None)

    def is_working_day(self, d: date, site: str | None = None) -> bool:
        """A workweek day that is neither a public holiday at the site nor in a freeze."""
        return (
            d.weekday() in self.workweek
            and self.holiday_name(d, site) is None
            and self.freeze_on(d) is None
        )

    def is_window_day(self, d: date, site: str | None = None) -> bool:
        """A maintenance-window day (e.g. Saturday) that is neither a holiday nor frozen."""
        return (
            d.weekday() in self.maintenance_weekdays
            and self.holiday_name(d, site) is None
            and self.freeze_on(d) is None
        )

    def working_days(self, start: date, end: date, site: str | None = None) -> list[date]:
        """The working days between start and end, inclusive."""
        days = (start + timedelta(days=i) for i in range((end - start).days + 1))
        return [d for d in days if self.is_working_day(d, site)]


def _site_regions(settings: Settings, estate: Estate | None) -> dict[str, tuple[str, str]]:
    regions: dict[str, tuple[str, str]] = {}
    for site in estate.sites if estate else ():
        if site.country:
            # a site in the same country without a subdivision keeps the project's subdivision
            same = site.country.upper() == settings.country.upper()
            sub = site.subdivision or (settings.subdivision if same else "")
            regions[site.name.lower()] = (site.country.upper(), sub.upper())
    return regions


def holiday_regions(settings: Settings, estate: Estate | None,
                    ) -> list[tuple[tuple[str, str], tuple[str, ...]]]:
    """Each holiday region the dates keep with its sites: the project's first (org-wide
    steps keep it, with or without sites of its own), then the others by code."""
    calendar = build_calendar(settings, estate)
    home = calendar.region(None)
    sites: dict[tuple[str, str], list[str]] = {home: []}
    for site in estate.sites if estate else ():
        sites.setdefault(calendar.region(site.name), []).append(site.name)
    return [(region, tuple(names)) for region, names in
            sorted(sites.items(), key=lambda kv: (kv[0] != home, kv[0]))]


def holiday_regions_text(settings: Settings, estate: Estate | None, lang: str) -> str:
    """:func:`holiday_regions` in words, each other region with its sites (a review read
    "AT – Oberösterreich" for a plan that kept Styria's and Zürich's holidays too)."""
    regions = holiday_regions(settings, estate)
    if len(regions) == 1:
        return region_name(*regions[0][0])
    cat = catalogue(lang)
    return "; ".join(
        cat("report.a_calendar_region", region=region_name(*region),
            sites=cat.names(names) if names else cat("report.a_calendar_org"))
        for region, names in regions)


def build_calendar(settings: Settings, estate: Estate | None = None) -> WorkCalendar:
    """The calendar for a project: holidays per site, freezes and maintenance windows."""
    windows = frozenset(
        n for n in (weekday_number(d) for d in settings.maintenance_days) if n is not None
    )
    return WorkCalendar(
        country=settings.country.upper(),
        subdivision=settings.subdivision.upper(),
        language=settings.language,
        freezes=tuple(sorted(settings.freezes, key=lambda f: (f.start, f.end))),
        maintenance_weekdays=windows,
        sites=_site_regions(settings, estate),
        working=frozenset(h.strip().casefold() for h in settings.working_holidays if h.strip()),
    )
