"""Scenarios: which plan of a project is exported, and whether a stored plan still holds.

The GUI's export actions and report page, and ``planner plan PROJECT --scenario NAME``,
choose the plan through these functions, so every edge exports the same one.
"""

from __future__ import annotations

from planner.core.errors import InputError
from planner.core.plan import Plan
from planner.core.project import Project, Scenario, plan_is_current
from planner.core.settings import Decisions, Settings

__all__ = ["export_choice", "scenario_plan"]


def scenario_plan(project: Project, scenario: Scenario) -> Plan | None:
    """The scenario's stored plan when it still fits the project's estate, else None."""
    if plan_is_current(scenario.plan, project.estate, scenario.settings, scenario.decisions):
        return scenario.plan
    return None


def export_choice(project: Project, scenario: str | None = None
                  ) -> tuple[Plan | None, Settings, Decisions]:
    """What to export: (stored plan or None, settings, decisions).

    ``scenario`` names a saved scenario ("" for the project's own plan); None means the one
    chosen for export in the project. The stored plan is None when it no longer fits the
    inputs; then it must be made afresh. An unknown name is an :class:`InputError`.
    """
    name = project.active_scenario if scenario is None else scenario
    chosen = next((s for s in project.scenarios if s.name == name), None)
    if chosen is not None:
        return scenario_plan(project, chosen), chosen.settings, chosen.decisions
    if name and scenario is not None:
        known = ", ".join(s.name for s in project.scenarios) or "-"
        raise InputError(f"no scenario named {name!r} in the project (saved: {known})")
    current = plan_is_current(project.plan, project.estate, project.settings,
                              project.decisions)
    return (project.plan if current else None), project.settings, project.decisions
