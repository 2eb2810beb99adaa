"""Scenarios: saving, switching, renaming and deleting them, which plan of a project is
exported, and whether a stored plan still holds.

Each edit is a plain function from a project to a new project (the GUI wraps it in one undo
step); the GUI's export actions and report page, and ``planner plan PROJECT --scenario
NAME``, choose the plan through :func:`export_choice`, so every edge exports the same one.
"""

from __future__ import annotations

from dataclasses import replace

from planner.core.errors import InputError
from planner.core.plan import Plan
from planner.core.project import Project, Scenario, plan_is_current
from planner.core.settings import Decisions, Settings

__all__ = ["add_scenario", "choose_for_export", "delete_scenario", "export_choice",
           "free_name", "rename_scenario", "scenario_plan", "switch_to_scenario",
           "update_scenario"]


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


def free_name(project: Project, name: str) -> str:
    """``name`` trimmed when no scenario has it yet; "" when it is empty or taken."""
    name = name.strip()
    return "" if not name or any(s.name == name for s in project.scenarios) else name


def _current_plan(project: Project, plan: Plan | None) -> Plan | None:
    """``plan`` when it is the plan of the project's current inputs (a scenario keeps no
    plan that does not fit its settings and decisions)."""
    fits = plan_is_current(plan, project.estate, project.settings, project.decisions)
    return plan if fits else None


def add_scenario(project: Project, name: str, plan: Plan | None = None) -> Project:
    """The current settings and decisions (and ``plan``, when current) saved as a new
    scenario; unchanged when the name is empty or taken."""
    name = free_name(project, name)
    if not name:
        return project
    scenario = Scenario(name, project.settings, project.decisions,
                        _current_plan(project, plan))
    return replace(project, scenarios=(*project.scenarios, scenario))


def switch_to_scenario(project: Project, name: str, plan: Plan | None = None) -> Project:
    """The scenario's settings and decisions become the current ones, with its stored plan
    (or ``plan``, one made for it) when that fits; unchanged for an unknown name."""
    scenario = next((s for s in project.scenarios if s.name == name), None)
    if scenario is None:
        return project
    chosen = scenario_plan(project, scenario) or plan
    fits = plan_is_current(chosen, project.estate, scenario.settings, scenario.decisions)
    return replace(project, settings=scenario.settings, decisions=scenario.decisions,
                   plan=chosen if fits else project.plan)


def update_scenario(project: Project, name: str, plan: Plan | None = None) -> Project:
    """The scenario ``name`` overwritten with the current settings, decisions and plan."""
    kept = _current_plan(project, plan)
    return replace(project, scenarios=tuple(
        Scenario(s.name, project.settings, project.decisions, kept) if s.name == name else s
        for s in project.scenarios))


def rename_scenario(project: Project, old: str, new: str) -> Project:
    """The scenario ``old`` named ``new`` (the export choice follows it); unchanged when
    ``new`` is empty or taken."""
    new = free_name(project, new)
    if not new:
        return project
    active = new if project.active_scenario == old else project.active_scenario
    return replace(project, active_scenario=active, scenarios=tuple(
        replace(s, name=new) if s.name == old else s for s in project.scenarios))


def delete_scenario(project: Project, name: str) -> Project:
    """The project without the scenario ``name``; exports fall back to the current plan when
    it was the one chosen."""
    active = "" if project.active_scenario == name else project.active_scenario
    return replace(project, scenarios=tuple(s for s in project.scenarios if s.name != name),
                   active_scenario=active)


def choose_for_export(project: Project, name: str) -> Project:
    """Exports and the report use the scenario ``name``; choosing the chosen one again (or
    "") goes back to the current plan."""
    return replace(project, active_scenario="" if name == project.active_scenario else name)
