"""Hand-built estate, knowledge and a tiny deterministic planner for the planning-view tests.

The stand-in planner honours exactly the decisions the views edit (excluded servers, paths,
disabled rules, pins, fixed pauses), so a test can see an edit reach the plan without the
real rules and CP-SAT scheduler.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from planner.core.explanation import Driver
from planner.core.knowledge import Knowledge
from planner.core.model import Estate, Organization, Server, Site
from planner.core.plan import (
    Dependency,
    Exposure,
    MigrationPath,
    Objective,
    Pause,
    Phase,
    Plan,
    Proposal,
    Schedule,
    ScheduledStep,
    ServerAssessment,
    SnappedPin,
    Step,
)
from planner.core.settings import Decisions, Settings
from tests import handmade

START = date(2026, 3, 2)  # a Monday
AS_OF = date(2026, 1, 1)


def small_estate() -> Estate:
    """Three servers: a 2019 (in place), a 2016 (side by side) and a 2013 (out first)."""
    return Estate(
        organization=Organization(customer="Contoso", hybrid=True),
        sites=(Site("Munich", True, "DE", "BY"),),
        servers=(
            Server("EX01", site="Munich", roles=("Mailbox",), build="15.2.1748.39"),
            Server("EX02", site="Munich", roles=("Mailbox",), build="15.1.2507.61"),
            Server("EX13", site="Munich", roles=("Mailbox",), build="15.0.1497.2"),
        ),
    )


def knowledge() -> Knowledge:
    """Just enough knowledge for the views: the stage table and the pause rule."""
    cmdlet = "New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays <n>"
    return handmade.knowledge(AS_OF, date(2025, 1, 1), cmdlet=cmdlet)


def _steps(estate: Estate, settings: Settings, decisions: Decisions) -> list[Step]:
    def step(sid: str, title: str, phase: Phase, target: str, days: int, rule: str,
             preds: tuple[str, ...] = ("prep:ad",), exits: tuple[str, ...] = ()) -> Step:
        return Step(sid, title, title + " (de)", sid.split(":")[0], phase, target, days, rule,
                    f"because of {target}", f"wegen {target}",
                    tuple(Dependency(p) for p in preds), exits_exo_view=exits)

    steps = [
        step("prep:license", "Check SE licences", Phase.PREPARE, "org", 1, "se_license", ()),
        step("prep:ad", "Prepare AD", Phase.PREPARE, "org", 2, "ad_prep", ("prep:license",)),
    ]
    for server in estate.servers:
        if server.name in decisions.excluded_servers:
            continue
        path = decisions.paths.get(server.name) or _default_path(server)
        n = server.name
        if path == MigrationPath.DECOMMISSION.value:
            steps.append(step(f"legacy:{n}", f"Remove {n}", Phase.LEGACY, f"server:{n}", 3,
                              "remove_old", exits=(n,)))
        elif path == MigrationPath.IN_PLACE.value:
            steps.append(step(f"inplace:{n}", f"Upgrade {n} in place", Phase.IN_PLACE,
                              f"server:{n}", 1, "inplace_2019", exits=(n,)))
        else:
            steps.append(step(f"sbs:{n}", f"Build SE beside {n}", Phase.SIDE_BY_SIDE,
                              f"server:{n}", 5, "side_by_side"))
            steps.append(step(f"moves:{n}", f"Move mailboxes off {n}", Phase.SIDE_BY_SIDE,
                              f"server:{n}", 10, "side_by_side", (f"sbs:{n}",)))
            steps.append(step(f"decom:{n}", f"Decommission {n}", Phase.DECOMMISSION,
                              f"server:{n}", 2, "decommission", (f"moves:{n}",), (n,)))
    steps = [s for s in steps if s.rule not in decisions.disabled_rules]
    ids = {s.id for s in steps}
    return [replace(s, predecessors=tuple(p for p in s.predecessors if p.step_id in ids))
            for s in steps]


def _default_path(server: Server) -> str:
    if server.build.startswith("15.2"):
        return MigrationPath.IN_PLACE.value
    if server.build.startswith("15.1"):
        return MigrationPath.SIDE_BY_SIDE.value
    return MigrationPath.DECOMMISSION.value


def make_plan(estate: Estate, findings: Any, settings: Settings,
              decisions: Decisions | None = None, knowledge: Any = None,
              on_plan: Any = None, cancel: Any = None) -> Plan:
    """The stand-in planner: steps in order, one after another, on working days."""
    decisions = decisions or Decisions()
    steps = _steps(estate, settings, decisions)
    dated: dict[str, ScheduledStep] = {}
    snapped: list[SnappedPin] = []
    cursor = settings.start
    for s in steps:
        start = handmade.next_working_day(cursor)
        driver = Driver()
        for p in s.predecessors:
            after = dated[p.step_id].end + timedelta(days=1)
            if after > start:
                start = handmade.next_working_day(after)
                driver = Driver("predecessor", "predecessor", step=p.step_id)
        if s.id in decisions.pins:  # like the scheduler, a pin on a weekend snaps ahead
            start = handmade.next_working_day(decisions.pins[s.id])
            if start != decisions.pins[s.id]:
                snapped.append(SnappedPin(s.id, decisions.pins[s.id], start))
            driver = Driver("pin", "pinned", start)
        end = handmade.finish_day(handmade.next_working_day(start), s.duration_days)
        dated[s.id] = ScheduledStep(s.id, start, end, "Consultant 1", driver)
    finish = max((d.end for d in dated.values()), default=settings.start)
    pauses = _pauses(settings)
    exposure = tuple(
        Exposure(n, settings.start - timedelta(days=20), dated[sid].end + timedelta(days=1)
                 if sid in dated else None, (30, 10, 10, 10, 10, 10, 10, 0), 0, "settings")
        for n, sid in (("EX01", "inplace:EX01"), ("EX02", "decom:EX02"))
        if n not in decisions.excluded_servers
    )
    objective = Objective(len(steps), 2 * len(steps), sum(p.days for p in pauses), finish,
                          "optimal")
    proposal = Proposal(tuple(steps), _assessments(estate, decisions))
    schedule = Schedule(tuple(dated[s.id] for s in steps), pauses, exposure, objective,
                        tuple(snapped))
    return Plan(estate, settings, decisions, tuple(findings or ()), proposal, schedule)


def _pauses(settings: Settings) -> tuple[Pause, ...]:
    if settings.fixed_pauses is not None:
        return tuple(Pause(d, d + timedelta(days=n - 1), n) for d, n in settings.fixed_pauses)
    start = settings.start + timedelta(days=7)
    return (Pause(start, start + timedelta(days=29), 30),)


def _assessments(estate: Estate, decisions: Decisions) -> tuple[ServerAssessment, ...]:
    return tuple(
        ServerAssessment(s.name, {"15.2": "2019", "15.1": "2016"}.get(s.build[:4], "2013"),
                         "", s.build, MigrationPath(decisions.paths.get(s.name)
                                                    or _default_path(s)),
                         s.name != "EX13", False)
        for s in estate.servers
    )


def base_settings() -> Settings:
    """Settings starting on a Monday in Bavaria, English."""
    return Settings(customer="Contoso", start=START, language="en")


def fake_document(monkeypatch: Any, settings: Settings | None = None,
                  runner: Any = None) -> Any:
    """GUI-1's real Document on the stand-in planner, planning synchronously by default."""
    import planner.gui.replanning as document_module
    from planner.core.project import Project
    from planner.gui.document import Document
    from planner.gui.worker import SyncRunner

    kb = knowledge()
    monkeypatch.setattr(document_module, "make_plan", make_plan)
    monkeypatch.setattr(document_module, "knowledge_for", lambda _settings: kb)
    project = Project(estate=small_estate(), settings=settings or base_settings())
    doc = Document(project, runner=runner or SyncRunner())
    doc.replan()
    if hasattr(runner, "release"):
        runner.release()
    assert doc.plan is not None
    return doc
