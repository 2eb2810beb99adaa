"""The project file: one JSON document with the estate, mappings, settings, decisions and plan.

Format (``format_version`` 2; :data:`FORMAT_VERSION`)::

    {"format": "exchange-se-planner-project", "format_version": 2, "app_version": "0.1.0",
     "saved_at": "2026-01-05T10:00:00+00:00",
     "project": {"estate": {...}, "findings": [...], "settings": {...}, "decisions": {...},
                 "mapping": {...}, "sources": [...], "plan": {...} | null,
                 "scenarios": [{"name", "settings", "decisions", "plan"}], "active_scenario": ""}}

A file written by an older program is lifted step by step through :data:`MIGRATIONS`
(``{n: fn}`` turns format *n* into *n + 1*); a newer file is refused with a clear message.
Saving is atomic: a temporary file in the same folder is written, flushed, fsynced and then
renamed over the target, so a crash never leaves a half-written project behind.
Autosave writes the same format to a recovery folder (see :mod:`planner.core.recovery`).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import __version__
from planner.core.errors import LOG, PlannerError, os_problem
from planner.core.explanation import Message, message
from planner.core.model import Estate, Finding, Severity
from planner.core.plain import estate_to_plain, to_plain
from planner.core.project_file import FILE_SUFFIX, ProjectError
from planner.core.project_io import PlainError, check_names, from_plain
from planner.core.replace_file import replace_text
from planner.core.settings import Decisions, Settings
from planner.core.settings_io import (
    decisions_from_plain,
    decisions_to_plain,
    settings_from_plain,
    settings_to_plain,
)

PLAN_REPLANNED = "PROJECT-PLAN-REPLANNED"  # a saved plan not shown (planner.core.stored_plan)

if TYPE_CHECKING:  # a plan is read with its first use (project_io); the empty window needs none
    from planner.core.plan import Plan, Schedule

__all__ = [
    "FILE_SUFFIX",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "PLAN_REPLANNED",
    "Project",
    "ProjectError",
    "Scenario",
    "json_pieces",
    "load_project",
    "plan_is_current",
    "project_from_plain",
    "project_to_plain",
    "save_project",
]

FORMAT_NAME = "exchange-se-planner-project"
FORMAT_VERSION = 2


def _drivers_as_data(doc: dict[str, Any]) -> dict[str, Any]:
    """Format 1 -> 2: a scheduled step's driver became data (kind, key, facts), not text.

    The old English text is kept as the ``legacy`` message; a re-plan writes real drivers.
    """
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "step_id" in node and "driver_en" in node:
                text = str(node.pop("driver_en") or "")
                node.pop("driver_de", None)
                kind = str(node.pop("driver_kind", "start"))
                node["driver"] = {"kind": kind, "key": "legacy", "name": text}
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    return doc


# format n -> format n + 1; add an entry whenever FORMAT_VERSION goes up.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _drivers_as_data}


@dataclass(frozen=True)
class Scenario:
    """A named variant of the plan: other settings and decisions on the same estate."""

    name: str
    settings: Settings
    decisions: Decisions
    plan: Plan | None = None


@dataclass(frozen=True)
class Project:
    """Everything saved for one customer; reopens exactly as it was saved."""

    estate: Estate = field(default_factory=Estate)
    findings: tuple[Finding, ...] = ()  # from the import; the plan adds its own
    settings: Settings = field(default_factory=Settings)
    decisions: Decisions = field(default_factory=Decisions)
    mapping: dict[str, Any] = field(default_factory=dict)  # column mapping, as plain data
    sources: tuple[str, ...] = ()  # the inventory files last imported
    plan: Plan | None = None  # the last plan made for exactly these inputs
    scenarios: tuple[Scenario, ...] = ()
    active_scenario: str = ""  # "" = the main plan is the one to export

    @property
    def schedule(self) -> Schedule | None:
        """The schedule of the last plan, if there is one."""
        return self.plan.schedule if self.plan else None


def plan_is_current(plan: Plan | None, estate: Estate, settings: Settings,
                    decisions: Decisions, knowledge_as_of: date | None = None) -> bool:
    """True when ``plan`` was made from exactly these inputs.

    With ``knowledge_as_of`` (the knowledge in use now) a plan made with other knowledge (an
    imported build list, an update of the data) is not current either.
    """
    if plan is None:
        return False
    if knowledge_as_of is not None and plan.knowledge_as_of not in (None, knowledge_as_of):
        return False
    same = (plan.estate is estate or plan.estate == estate)
    same = same and (plan.settings is settings or plan.settings == settings)
    return same and (plan.decisions is decisions or plan.decisions == decisions)


def _plan_plain(plan: Plan | None, estate: Estate, settings: Settings,
                decisions: Decisions) -> dict[str, Any] | None:
    # A stale plan is not saved: reopening re-plans instead of showing outdated dates.
    if plan is None or not plan_is_current(plan, estate, settings, decisions):
        return None
    # the plan's records load with the first plan, not with the empty project (start-up time)
    from planner.core.plan_io import plan_to_plain_record

    return plan_to_plain_record(plan)


def _plan_from(data: dict[str, Any] | None, estate: Estate, settings: Settings,
               decisions: Decisions, which: Message,
               dropped: list[tuple[Message, Message]]) -> Plan | None:
    if not data or not {"proposal", "schedule"} <= data.keys():
        # no plan, or one without its steps and dates (edited by hand): a plan is derived
        # data, so the project is planned afresh from its inputs rather than shown empty
        return None
    # the plan's records load with the first plan, not with the empty project (start-up time)
    from planner.core.plan_io import plan_from_plain
    from planner.core.stored_plan import stored_plan_fault  # start-up time: loads the plan

    try:
        plan = plan_from_plain(data, estate, settings, decisions)
        why = stored_plan_fault(plan)
    except PlannerError as exc:  # "2026-13-45" for a date, text for a number
        LOG.warning("saved plan not read: %s", exc)
        plan, why = None, message("findings.stored_plan.unreadable")
    if why is None:
        return plan
    # steps twice, out of order, dates that cannot be (a file edited by hand): not shown,
    # planned afresh, and said; the estate, settings and decisions are kept
    dropped.append((which, why))
    return None


def project_to_plain(project: Project) -> dict[str, Any]:
    """The project as JSON-ready data (the ``project`` member of the file)."""
    p = project
    return {
        "estate": estate_to_plain(p.estate),
        # a plan replaced on opening is said once, not saved as a fact of the import
        "findings": to_plain(tuple(f for f in p.findings if f.code != PLAN_REPLANNED)),
        "settings": settings_to_plain(p.settings),
        "decisions": decisions_to_plain(p.decisions),
        "mapping": to_plain(p.mapping),
        "sources": list(p.sources),
        "plan": _plan_plain(p.plan, p.estate, p.settings, p.decisions),
        "scenarios": [
            {
                "name": s.name,
                "settings": settings_to_plain(s.settings),
                "decisions": decisions_to_plain(s.decisions),
                "plan": _plan_plain(s.plan, p.estate, s.settings, s.decisions),
            }
            for s in p.scenarios
        ],
        "active_scenario": p.active_scenario,
    }


def _scenario_from_plain(data: dict[str, Any], estate: Estate, n: int,
                         dropped: list[tuple[Message, Message]]) -> Scenario:
    name = data.get("name") if isinstance(data, dict) else None
    if not isinstance(name, str) or not name.strip():
        # a scenario without a name ("scenarios": [{}]) had become the active one, its
        # default settings replacing the project's without a word
        raise PlainError(f"scenarios[{n}].name: a scenario needs a name, got {name!r}"[:120])
    settings = settings_from_plain(data.get("settings", {}))
    decisions = decisions_from_plain(data.get("decisions", {}))
    which = message("findings.stored_plan.scenario", name=name[:80])
    plan = _plan_from(data.get("plan"), estate, settings, decisions, which, dropped)
    return Scenario(name, settings, decisions, plan)


def project_from_plain(data: dict[str, Any], source: str = "") -> Project:
    """Rebuild a project from :func:`project_to_plain` output (``source``: the file's name,
    for the finding on a saved plan that is not shown)."""
    estate = from_plain(Estate, data.get("estate", {}), "estate")
    settings = settings_from_plain(data.get("settings", {}))
    decisions = decisions_from_plain(data.get("decisions", {}))
    dropped: list[tuple[Message, Message]] = []
    plan = _plan_from(data.get("plan"), estate, settings, decisions,
                      message("findings.stored_plan.main"), dropped)
    scenarios = tuple(_scenario_from_plain(s, estate, n, dropped)
                      for n, s in enumerate(data.get("scenarios", [])))
    active = str(data.get("active_scenario", ""))
    if active and active not in {s.name for s in scenarios}:
        # the app never writes one (deleting the scenario clears it): exporting the main
        # plan instead, without a word, handed over a plan nobody chose
        saved = ", ".join(repr(s.name) for s in scenarios) or "none"
        raise PlainError(f"active_scenario: no saved scenario is named {active[:60]!r} "
                         f"(saved: {saved[:200]})")
    return Project(
        estate=estate,
        findings=tuple(from_plain(Finding, f, f"findings[{i}]")
                       for i, f in enumerate(data.get("findings", [])))
        + _replanned(dropped, source),
        settings=settings,
        decisions=decisions,
        mapping=dict(data.get("mapping") or {}),
        sources=tuple(str(s) for s in data.get("sources", [])),
        plan=plan,
        scenarios=scenarios,
        active_scenario=active,
    )


def _replanned(dropped: list[tuple[Message, Message]], source: str) -> tuple[Finding, ...]:
    name = source or message("findings.stored_plan.this_file")
    return tuple(dataclasses.replace(
        Finding.about(Severity.WARNING, PLAN_REPLANNED, "project", file=name, plan=which,
                      why=why), file=source) for which, why in dropped)


def _envelope(project: Project, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    doc.update(extra or {})
    doc["project"] = project_to_plain(project)
    return doc


JOIN_PIECES = 4096  # encoder pieces joined at a time


def json_pieces(data: Any) -> Iterator[str]:
    """``json.dumps(data, ensure_ascii=False, indent=1)`` in pieces of a few thousand of the
    encoder's pieces, to be written one after another. The encoder hands out a piece per
    key, value and bracket; one join of a large project's millions (1,000 servers: 31 MB)
    ran in C for a tenth of a second holding the interpreter lock, and the autosave writes
    on the worker: the window could not paint meanwhile."""
    batch: list[str] = []
    for piece in json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(data):
        batch.append(piece)
        if len(batch) >= JOIN_PIECES:
            yield "".join(batch)
            batch.clear()
    yield "".join(batch)


def save_project(project: Project, path: Path | str,
                 extra: dict[str, Any] | None = None) -> None:
    """Write the project atomically; raises ProjectError naming the file on failure."""
    target = Path(path)
    document = _envelope(project, extra)
    try:
        replace_text(target, chain(json_pieces(document), ["\n"]))
    except OSError as exc:
        raise ProjectError(target, "cannot_save", str(exc), cause=os_problem(exc)) from exc


def _read_document(target: Path) -> dict[str, Any]:
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ProjectError(target, "missing") from exc
    except OSError as exc:
        raise ProjectError(target, "cannot_read", str(exc), cause=os_problem(exc)) from exc
    except UnicodeDecodeError as exc:
        raise ProjectError(target, "not_text", str(exc)) from exc
    try:
        doc = json.loads(text)
    except RecursionError as exc:  # "[[[[…" a hundred thousand deep
        raise ProjectError(target, "too_deep") from exc
    except ValueError as exc:  # (JSONDecodeError is one) and a 5,000-digit number literal
        if not isinstance(exc, json.JSONDecodeError):
            raise ProjectError(target, "damaged", str(exc)[:80]) from exc
        raise ProjectError(target, "not_json", exc.msg, line=exc.lineno,
                           column=exc.colno) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise ProjectError(target, "not_ours")
    if _SURROGATE_ESCAPE.search(text):  # rare: only then is every string walked
        where = _lone_surrogate(doc, "")
        if where is not None:  # no file or deliverable can hold it (exit 70 in the export)
            raise ProjectError(target, "damaged",
                               f"{where.lstrip('.')}: \\u escape of half a character")
    return doc


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogate(value: Any, where: str) -> str | None:
    """Where a string holds half of a UTF-16 pair (JSON's "\\ud800" alone), else None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where or "."
        return None
    items = (value.items() if isinstance(value, dict) else
             enumerate(value) if isinstance(value, list) else ())
    for key, item in items:
        found = _lone_surrogate(key, f"{where}.{key}") if isinstance(key, str) else None
        found = found or _lone_surrogate(item, f"{where}.{key}")
        if found is not None:
            return found
    return None


def _migrate(doc: dict[str, Any], target: Path) -> dict[str, Any]:
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ProjectError(target, "no_version")
    if version > FORMAT_VERSION:
        raise ProjectError(target, "newer", app=str(doc.get("app_version", "?")),
                           format=version, readable=FORMAT_VERSION)
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ProjectError(target, "too_old", format=version)
        doc = step(doc)
        version += 1
        doc["format_version"] = version
    return doc


def load_project(path: Path | str) -> Project:
    """Read a project file of this or an older format; raises ProjectError with the cause."""
    target = Path(path)
    doc = _migrate(_read_document(target), target)
    data = doc.get("project")
    if not isinstance(data, dict):
        raise ProjectError(target, "no_project")
    try:
        project = project_from_plain(data, target.name)
        check_names(project.estate)
        return project
    except PlannerError as exc:  # says which part and why, in words
        raise ProjectError(target, "damaged", str(exc)) from exc
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        # hostile or damaged data surfaces as any of these while decoding: Python's own words
        # ("'str' object has no attribute 'get'") go to the log the message points to
        LOG.warning("%s: damaged project data", target, exc_info=exc)
        raise ProjectError(target, "damaged") from exc
