"""A plan's own results to plain data and back, for the project file.

Apart from :mod:`planner.core.project_io` so that opening the program (an empty project)
does not load the plan's records: :mod:`planner.core.project` imports this module when a
plan is written or read.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from planner.core.model import Estate, Finding
from planner.core.plain import to_plain
from planner.core.plan import BaselineEvidence, Plan, Proposal, Schedule, ServerToday
from planner.core.project_io import decode_value, from_plain
from planner.core.settings import Decisions, Settings

__all__ = [
    "plan_from_plain",
    "plan_to_plain_record",
    "schedule_from_plain",
    "schedule_to_plain",
]


def schedule_to_plain(schedule: Schedule) -> dict[str, Any]:
    """A schedule as JSON-ready data."""
    result: dict[str, Any] = to_plain(schedule)
    return result


def schedule_from_plain(data: dict[str, Any]) -> Schedule:
    """Rebuild a schedule written by :func:`schedule_to_plain`."""
    result: Schedule = from_plain(Schedule, data, "schedule")
    return result


def plan_to_plain_record(plan: Plan) -> dict[str, Any]:
    """The plan's own results (findings, proposal, schedule) without its inputs."""
    return {
        "findings": to_plain(plan.findings),
        "proposal": to_plain(plan.proposal),
        "schedule": schedule_to_plain(plan.schedule),
        "as_of": to_plain(plan.as_of),
        "knowledge_as_of": to_plain(plan.knowledge_as_of),
        "knowledge_id": plan.knowledge_id,
        "baseline_evidence": to_plain(plan.baseline_evidence),
        "today": to_plain(plan.today),
    }


def plan_from_plain(
    data: dict[str, Any], estate: Estate, settings: Settings, decisions: Decisions
) -> Plan:
    """Rebuild a plan from :func:`plan_to_plain_record` output and the inputs it was made of."""
    findings = tuple(
        from_plain(Finding, f, f"plan.findings[{i}]")
        for i, f in enumerate(data.get("findings", []))
    )
    proposal: Proposal = from_plain(Proposal, data.get("proposal", {}), "plan.proposal")
    return Plan(
        estate=estate,
        settings=settings,
        decisions=decisions,
        findings=findings,
        proposal=proposal,
        schedule=schedule_from_plain(data.get("schedule", {})),
        as_of=decode_value(date | None, data.get("as_of"), "plan.as_of"),
        knowledge_as_of=decode_value(date | None, data.get("knowledge_as_of"),
                                "plan.knowledge_as_of"),
        knowledge_id=decode_value(str, data.get("knowledge_id", ""), "plan.knowledge_id"),
        baseline_evidence=decode_value(tuple[BaselineEvidence, ...],
                                  data.get("baseline_evidence", []), "plan.baseline_evidence"),
        today=decode_value(tuple[ServerToday, ...], data.get("today", []), "plan.today"),
    )
