"""Countries and their states as the ``holidays`` package knows them, with names per language.

The settings store ISO codes ("DE", "NW"); people read and type names ("Deutschland",
"Nordrhein-Westfalen", "Germany"). This module turns one into the other, so a typed
"Germany" becomes DE (never GE, Georgia), and says which stored codes the holidays package
does not know (a finding: such a region plans without public holidays).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import holidays as holidays_lib
from babel import Locale, UnknownLocaleError
from holidays.registry import COUNTRIES  # the package's table of alpha-3 codes

from planner.core.catalogue import catalogue, languages
from planner.core.explanation import Message, message
from planner.core.model import Finding, Severity, Site

__all__ = ["countries", "country_code", "region_findings", "subdivision_code", "subdivisions"]


@lru_cache(maxsize=8)
def countries(lang: str) -> tuple[tuple[str, str], ...]:
    """(ISO code, name in ``lang``) of every country with public holidays, sorted by name."""
    names: Mapping[str, str]
    try:
        names = Locale.parse(catalogue(lang).locale.language).territories
    except (UnknownLocaleError, ValueError):
        names = {}
    found = {code: names.get(code, code) for code in holidays_lib.list_supported_countries()
             if len(code) == 2}
    return tuple(sorted(found.items(), key=lambda item: item[1].casefold()))


@lru_cache(maxsize=256)
def subdivisions(country: str) -> tuple[tuple[str, str], ...]:
    """(code, name) of a country's states; the name is the package's longest alias (the full
    name, in the country's own language: "Nordrhein-Westfalen"), else the code."""
    codes = holidays_lib.list_supported_countries().get(country.upper(), [])
    if not codes:
        return ()
    aliases = getattr(type(holidays_lib.country_holidays(country.upper())),
                      "subdivisions_aliases", {}) or {}
    named: dict[str, str] = {}
    for name, code in aliases.items():
        if len(name) > len(named.get(str(code), "")):
            named[str(code)] = name
    return tuple((code, named.get(code, code)) for code in codes)


def country_code(text: str) -> str | None:
    """The ISO code for what someone typed: a code ("de", "DEU") or a name in any of our
    languages ("Germany", "Deutschland"); None when it names no country we have holidays for."""
    wanted = text.strip().casefold()
    if not wanted:
        return None
    known = holidays_lib.list_supported_countries()
    if len(wanted) == 2 and wanted.upper() in known:
        return wanted.upper()
    for lang in languages():
        for code, name in countries(lang):
            if name.casefold() == wanted:
                return code
    for _module, (_cls, alpha2, alpha3, *_rest) in COUNTRIES.items():
        if wanted == alpha3.casefold() and alpha2 in known:
            return alpha2
    return None


def subdivision_code(country: str, text: str) -> str | None:
    """The state code for a code or name typed ("nw", "Nordrhein-Westfalen", "NRW");
    "" for no state; None when the country has no such state."""
    wanted = text.strip().casefold()
    if not wanted:
        return ""
    for code, name in subdivisions(country):
        if wanted in (code.casefold(), name.casefold()):
            return code
    if country.upper() not in holidays_lib.list_supported_countries():
        return None
    aliases = getattr(type(holidays_lib.country_holidays(country.upper())),
                      "subdivisions_aliases", {}) or {}
    for name, code in aliases.items():
        if name.casefold() == wanted:
            return str(code)
    return None


def _unknown(target: str, where: Message, country: str, subdivision: str) -> Finding:
    """The finding for a country (or a state of it) without known public holidays."""
    if country_code(country) != country.upper():
        return Finding.about(Severity.ERROR, "SETTINGS-REGION-UNKNOWN", target,
                             "region.unknown_country", where=where, country=country)
    return Finding.about(Severity.ERROR, "SETTINGS-REGION-UNKNOWN", target,
                         "region.unknown_subdivision", where=where, country=country,
                         subdivision=subdivision)


def _check(country: str, subdivision: str) -> bool:
    return (country_code(country) == country.upper()
            and subdivision_code(country, subdivision) == (subdivision or ""))


def region_findings(country: str, subdivision: str,
                    sites: tuple[Site, ...] = ()) -> tuple[Finding, ...]:
    """An error for each stored country or state the holidays package does not know: the
    plan would silently use no public holidays there."""
    found: list[Finding] = []
    if not _check(country, subdivision):
        found.append(_unknown("project", message("region.project"), country, subdivision))
    for site in sites:
        if site.country and not _check(site.country, site.subdivision):
            found.append(_unknown(f"site:{site.name}", message("region.site", site=site.name),
                                  site.country, site.subdivision))
    return tuple(found)
