"""Settings and decisions to and from TOML, a workbook's Project sheet, and the project file.

The settings TOML (``planner plan --settings S.toml``), the inventory's Project sheet and the
project file all use one nested shape::

    [project]      start, as_of (the plan's "today"; absent = the day it is made), country,
                   subdivision, customer, language, company, consultant_name, logo,
                   plan_version, paper, throughput_gb_per_day, solver_time_limit_s
    [enforcement]  pause_days_used = { 2026 = 0 }, first_detected = { "EX01" = 2026-09-14 },
                   pauses = [{ start = 2026-12-20, days = 30 }]  (fixed pauses; absent = optimise)
    [enforcement.overrides]  knowledge key = value  (see resources/knowledge/README.md)
    [[consultants]] name, days_per_week, absent = [["2026-12-21", "2027-01-06"]]
    [[freezes]]    start, end, name
    [calendar]     working_holidays = ["Confederate Memorial Day", 2027-03-02] (public
                   holidays the customer works: names in either language, or dates)
    [windows]      maintenance_days = ["Sat"], complete_moves = true (move batches complete in
                   a window: -CompleteAfter)
    [durations]    step kind = working days
    [naming]       new_server = "{old}-SE" (pattern of new server names)
    [naming.rename]  proposed new server name = the consultant's name for it

An unknown key or a wrong value raises :class:`SettingsError` naming the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from planner.core.catalogue import languages
from planner.core.errors import KnowledgeError
from planner.core.knowledge_overrides import MAX_STEP_DAYS, MIN_THROUGHPUT_GB
from planner.core.resources import resource_path
from planner.core.settings import (
    Consultant,
    Decisions,
    Freeze,
    Settings,
    check_new_server_names,
    check_new_server_pattern,
)
from planner.core.settings_values import LONGEST_SPAN_DAYS, SettingsError, Table, day_name

__all__ = [
    "SettingsError",
    "decisions_from_plain",
    "decisions_to_plain",
    "settings_from_plain",
    "settings_from_table",
    "settings_to_plain",
    "settings_to_table",
]

# Bounds that keep planning finite whatever a workbook says (see settings_values.FIRST_YEAR).
MAX_CONSULTANTS = 50
MAX_SOLVER_SECONDS = 3600.0
_SECTIONS = ("project", "enforcement", "consultants", "freezes", "calendar", "windows",
             "durations", "naming")
MAX_WORKING_HOLIDAYS = 200  # far more than a customer's public holidays in a plan's years
_PROJECT_TEXT = {
    "customer": "customer",
    "country": "country",
    "subdivision": "subdivision",
    "company": "company",
    "consultant_name": "consultant_name",
    "logo": "logo_path",
    "plan_version": "plan_version",
}


def settings_from_table(
    table: Mapping[str, Any], source: str = "settings", *, check_overrides: bool = True
) -> Settings:
    """Settings from the nested TOML shape; an empty table gives the defaults.

    ``check_overrides`` runs every knowledge override through the knowledge loader, so a
    mistyped key fails here, naming the key, rather than when planning.
    """
    root = Table(table, source, "")
    root.only(_SECTIONS)
    kwargs: dict[str, Any] = {}
    kwargs.update(_project(root.table("project")))
    kwargs.update(_enforcement(root.table("enforcement"), check_overrides))
    consultants = [_consultant(item) for item in root.tables("consultants")]
    if len(consultants) > MAX_CONSULTANTS:
        raise root.wrong("consultants", "too_many_consultants", most=MAX_CONSULTANTS,
                        count=len(consultants))
    if consultants:
        kwargs["consultants"] = tuple(consultants)
    if "consultants" in table and not consultants:
        raise root.wrong("consultants", "no_consultant")
    kwargs["freezes"] = tuple(_freeze(item) for item in root.tables("freezes"))
    kwargs["working_holidays"] = _working_holidays(root.table("calendar"))
    windows = root.table("windows")
    windows.only(("maintenance_days", "days", "complete_moves"))
    kwargs["complete_moves_in_window"] = windows.flag("complete_moves")
    key = "maintenance_days" if "maintenance_days" in windows.data else "days"
    days = windows.text_list(key)
    if days == []:  # not Saturday, as an empty list had silently meant: no window at all
        raise windows.wrong(key, "no_window_days")
    if days is not None:
        names = [day_name(day) for day in days]
        for n, (day, name) in enumerate(zip(days, names, strict=True)):
            if name is None:
                raise windows.wrong(f"maintenance_days[{n}]", "not_weekday", value=str(day))
        kwargs["maintenance_days"] = tuple(dict.fromkeys(n for n in names if n))
    kwargs["durations"] = _durations(root.table("durations"))
    kwargs["new_server_pattern"] = _naming(root.table("naming"))
    kwargs["new_server_names"] = _renames(root.table("naming").table("rename"))
    return Settings(**{k: v for k, v in kwargs.items() if v is not None})


def _working_holidays(t: Table) -> tuple[str, ...] | None:
    """The public holidays the customer works: names or dates, a list or one text
    separated by ";" (a Project sheet's cell)."""
    t.only(("working_holidays",))
    value = t.data.get("working_holidays")
    if value is None:
        return None
    items = value.split(";") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or len(items) > MAX_WORKING_HOLIDAYS or \
            not all(isinstance(v, str | date) for v in items):
        raise t.wrong("working_holidays", "not_texts", value=str(value)[:60])
    found = [v.isoformat() if isinstance(v, date) else v.strip() for v in items]
    return tuple(dict.fromkeys(v[:100] for v in found if v))


def _renames(t: Table) -> dict[str, str] | None:
    """The consultant's names for proposed new servers; a wrong or doubled name is an error
    naming the entry."""
    names = {key: t.text(key) or "" for key in t.names()}
    wrong = check_new_server_names(names)
    if wrong is not None:
        raise t.wrong(wrong[0], wrong[1], name=names[wrong[0]])
    return names or None


def _naming(t: Table) -> str | None:
    """The pattern for new server names; an unknown placeholder is an error naming it."""
    t.only(("new_server", "rename"))
    pattern = t.text("new_server")
    if pattern is None:
        return None
    try:
        check_new_server_pattern(pattern)
    except ValueError as exc:
        raise t.wrong("new_server", "bad_pattern", detail=str(exc)) from exc
    return pattern


def load_knowledge(overrides: Mapping[str, Any] | None = None) -> Any:
    """:func:`planner.core.knowledge.load_knowledge`, imported on first use: reading a
    project's settings needs the knowledge base, an empty project does not (start-up)."""
    from planner.core.knowledge import load_knowledge as load  # start-up time: loaded on first use

    return load(overrides)

def _durations(t: Table) -> dict[str, float]:
    known = load_knowledge().durations
    out: dict[str, float] = {}
    for kind in t.names():
        if kind not in known:
            raise t.wrong(kind, "unknown_step_kind", value=kind, known=", ".join(sorted(known)))
        # a rate (GB a day) near zero never finishes; a duration is in working days
        value = (t.at_least(kind, MIN_THROUGHPUT_GB) if kind.endswith("_per_day")
                 else t.number(kind, high=MAX_STEP_DAYS))
        if value is not None:
            out[kind] = value
    return out


def _project(t: Table) -> dict[str, Any]:
    keys = (*_PROJECT_TEXT, "start", "as_of", "language", "paper", "throughput_gb_per_day")
    t.only((*keys, "solver_time_limit_s"))
    out: dict[str, Any] = {field: t.text(key) for key, field in _PROJECT_TEXT.items()}
    out["start"] = t.day("start")
    out["as_of"] = t.day("as_of")
    out["language"] = t.choice("language", languages())  # a language is its catalogues
    out["paper"] = t.choice("paper", ("A4", "Letter"))
    out["throughput_gb_per_day"] = t.at_least("throughput_gb_per_day", MIN_THROUGHPUT_GB)
    out["solver_time_limit_s"] = t.number("solver_time_limit_s", positive=True,
                                          high=MAX_SOLVER_SECONDS)
    # a name ("Germany", "Nordrhein-Westfalen") becomes its code; an unknown value is kept
    # as typed and reported by the plan (planner.core.regions.region_findings). Imported
    # here: regions loads the holidays package and babel, which the GUI's start (through
    # planner.core.project) must not wait for.
    from planner.core.regions import country_code, subdivision_code

    if out["country"] is not None:
        out["country"] = country_code(out["country"]) or out["country"].upper()
    if out["subdivision"] is not None:
        out["subdivision"] = (subdivision_code(out["country"] or "DE", out["subdivision"])
                              or out["subdivision"].upper())
    elif out["country"] is not None and out["country"] != Settings().country:
        # another country without a state: its national holidays, not the default's
        # Bavaria ("NL-BY", and an error the customer never made, in a review)
        out["subdivision"] = ""
    if out["paper"] is None and out["country"] in _letter_countries():
        out["paper"] = "Letter"  # no paper named: the country's (a US customer's was A4)
    return out


@cache  # read once: every settings file and Project sheet asks
def _letter_countries() -> frozenset[str]:
    """Countries whose paper is US Letter (resources/report/paper.toml)."""
    with resource_path("report", "paper.toml").open("rb") as handle:
        return frozenset(str(c).upper() for c in tomllib.load(handle)["letter"])


def _enforcement(t: Table, check_overrides: bool) -> dict[str, Any]:
    t.only(("pause_days_used", "first_detected", "pauses", "overrides"))
    out: dict[str, Any] = {}
    used = t.table("pause_days_used")
    out["pause_days_used"] = {used.year(key): used.whole(key, 0, 366) for key in used.names()}
    seen = t.table("first_detected")
    out["first_detected"] = {key: seen.day(key) for key in seen.names()}
    if "pauses" in t.data:
        out["fixed_pauses"] = tuple(t.pauses("pauses"))
    overrides = t.table("overrides")
    known = set(load_knowledge().facts)
    out["policy_overrides"] = _flat_overrides(overrides.data, "", known)
    if check_overrides:
        _check_overrides(overrides, out["policy_overrides"])
    return out


def _flat_overrides(data: Mapping[str, Any], prefix: str, known: set[str]) -> dict[str, Any]:
    """A Project sheet splits ``overrides.policy.start`` at the dots; join the key again."""
    out: dict[str, Any] = {}
    for name, value in data.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping) and key not in known:
            out.update(_flat_overrides(value, key + ".", known))
        else:
            out[key] = value
    return out


def _check_overrides(t: Table, overrides: dict[str, Any]) -> None:
    """The knowledge loader checks each key and value, then all of them together."""
    for key, value in overrides.items():
        try:
            load_knowledge({key: value})
        except KnowledgeError as exc:
            message = str(exc).removeprefix("project override").removeprefix(f" {key!r}")
            raise t.wrong(f'"{key}"', "override_refused", detail=message.lstrip(": ")) from exc
    try:
        load_knowledge(overrides)
    except KnowledgeError as exc:
        raise t.wrong("", "override_refused", detail=str(exc)) from exc


def _consultant(t: Table) -> Consultant:
    t.only(("name", "days_per_week", "absent"))
    name = t.text("name")
    if not name:
        raise t.wrong("name", "consultant_name")
    return Consultant(
        name=name,
        days_per_week=t.whole("days_per_week", 1, 7) or 5,
        absent=tuple(t.ranges("absent", longest=LONGEST_SPAN_DAYS)),
    )


def _freeze(t: Table) -> Freeze:
    t.only(("start", "end", "name"))
    start, end = t.day("start"), t.day("end")
    if start is None or end is None:
        raise t.wrong("start" if start is None else "end", "freeze_dates")
    if end < start:
        raise t.wrong("end", "end_before_start", end=end, start=start)
    if (end - start).days + 1 > LONGEST_SPAN_DAYS:
        raise t.wrong("end", "span_too_long", start=start, end=end,
                      days=(end - start).days + 1, longest=LONGEST_SPAN_DAYS)
    return Freeze(start=start, end=end, name=t.text("name") or "")


def settings_to_table(settings: Settings) -> dict[str, Any]:
    """The settings in the nested TOML shape (dates as dates); inverse of settings_from_table."""
    s = settings
    project: dict[str, Any] = {key: getattr(s, field) for key, field in _PROJECT_TEXT.items()}
    project.update(start=s.start, language=s.language, paper=s.paper)
    if s.as_of is not None:
        project["as_of"] = s.as_of
    project["solver_time_limit_s"] = s.solver_time_limit_s
    if s.throughput_gb_per_day is not None:
        project["throughput_gb_per_day"] = s.throughput_gb_per_day
    enforcement: dict[str, Any] = {
        "pause_days_used": {str(year): days for year, days in sorted(s.pause_days_used.items())},
        "first_detected": dict(sorted(s.first_detected.items())),
        "overrides": dict(s.policy_overrides),
    }
    if s.fixed_pauses is not None:
        enforcement["pauses"] = [{"start": d, "days": n} for d, n in s.fixed_pauses]
    return {
        "project": project,
        "enforcement": enforcement,
        "consultants": [
            {
                "name": c.name,
                "days_per_week": c.days_per_week,
                "absent": [list(r) for r in c.absent],
            }
            for c in s.consultants
        ],
        "freezes": [{"start": f.start, "end": f.end, "name": f.name} for f in s.freezes],
        **({"calendar": {"working_holidays": list(s.working_holidays)}}
           if s.working_holidays else {}),
        "windows": {"maintenance_days": list(s.maintenance_days),
                    **({"complete_moves": True} if s.complete_moves_in_window else {})},
        "durations": dict(s.durations),
        "naming": {"new_server": s.new_server_pattern,
                   **({"rename": dict(s.new_server_names)} if s.new_server_names else {})},
    }


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def settings_to_plain(settings: Settings) -> dict[str, Any]:
    """JSON-ready settings for the project file (the TOML shape, dates as ISO text)."""
    result: dict[str, Any] = _plain(settings_to_table(settings))
    return result


def settings_from_plain(data: Mapping[str, Any]) -> Settings:
    """Settings from :func:`settings_to_plain` output (overrides are not checked here)."""
    # A saved project must reopen even if a knowledge key has since been renamed; planning
    # then reports the stale key.
    return settings_from_table(data, source="project file settings", check_overrides=False)


def decisions_to_plain(decisions: Decisions) -> dict[str, Any]:
    """JSON-ready decisions (sets as sorted lists, dates as ISO text)."""
    d = decisions
    return {
        "excluded_servers": sorted(d.excluded_servers),
        "paths": dict(sorted(d.paths.items())),
        "disabled_rules": sorted(d.disabled_rules),
        "pins": {k: v.isoformat() for k, v in sorted(d.pins.items())},
        "not_before": {k: v.isoformat() for k, v in sorted(d.not_before.items())},
        "repoint_exo_connector": sorted(d.repoint_exo_connector),
        "new_servers": dict(sorted(d.new_servers.items())),
    }


def decisions_from_plain(data: Mapping[str, Any]) -> Decisions:
    """Decisions from :func:`decisions_to_plain` output; missing keys give the defaults."""
    t = Table(data, "project file decisions", "")
    t.only(tuple(decisions_to_plain(Decisions())))
    pins, not_before = t.table("pins"), t.table("not_before")
    paths, new_servers = t.table("paths"), t.table("new_servers")
    return Decisions(
        excluded_servers=frozenset(t.text_list("excluded_servers") or ()),
        paths={key: paths.text(key) or "" for key in paths.names()},
        disabled_rules=frozenset(t.text_list("disabled_rules") or ()),
        pins={key: pins.required_day(key) for key in pins.names()},
        not_before={key: not_before.required_day(key) for key in not_before.names()},
        repoint_exo_connector=frozenset(t.text_list("repoint_exo_connector") or ()),
        new_servers={key: new_servers.whole(key, 0, 100) or 0 for key in new_servers.names()},
    )
