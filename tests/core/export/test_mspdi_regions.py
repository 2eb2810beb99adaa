"""MS Project XML of an estate in two holiday regions: each task keeps its site's calendar.

MS Project moves a task off a day its calendar does not work: with one calendar (the
project's, Vienna) a Zürich step on a day that is a holiday in Vienna only would have moved
in the PMO's file, and the report and the file would give two dates for it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

from planner.core.export.mspdi import NAMESPACE, write_mspdi
from planner.core.plan import Plan
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs, make_plan

NS = {"p": NAMESPACE}
ESTATE = Path(__file__).resolve().parents[2] / "estates" / "tauernstahl-two-countries"


class _Calendar:
    """One MSPDI calendar as MS Project reads it: its week, then its exceptions."""

    def __init__(self, node: object) -> None:
        find = node.findall  # type: ignore[attr-defined]
        self.week = {int(d.findtext("p:DayType", namespaces=NS)):
                     d.findtext("p:DayWorking", namespaces=NS) == "1"
                     for d in find("p:WeekDays/p:WeekDay", NS)}
        self.days: dict[date, bool] = {}
        for e in find("p:Exceptions/p:Exception", NS):
            first = _day(e.findtext("p:TimePeriod/p:FromDate", namespaces=NS))
            last = _day(e.findtext("p:TimePeriod/p:ToDate", namespaces=NS))
            working = e.findtext("p:DayWorking", namespaces=NS) == "1"
            while first <= last:
                self.days[first] = working
                first += timedelta(days=1)

    def works(self, d: date) -> bool:
        return bool(self.days.get(d, self.week[(d.isoweekday() % 7) + 1]))


def _day(stamp: str | None) -> date:
    assert stamp
    return datetime.fromisoformat(stamp).date()


@pytest.fixture(scope="module")
def plan() -> Plan:
    """The estate with Zürich's pre-check pinned to 6 January 2027, Epiphany in Vienna (the
    project's region) and a working day in Zürich."""
    inputs = load_inputs(sorted(str(p) for p in ESTATE.iterdir()))
    decisions = Decisions(pins={"precheck:ZRH-EX19-01": date(2027, 1, 6)})
    made = make_plan(inputs.estate, inputs.findings, inputs.settings, decisions,
                     knowledge_for(inputs.settings))
    pinned = {s.step_id: s.start for s in made.schedule.steps}["precheck:ZRH-EX19-01"]
    assert pinned == date(2027, 1, 6)
    return made


def test_every_task_starts_and_lasts_on_the_working_days_of_its_own_calendar(
        plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.xml"
    write_mspdi(plan, knowledge_for(plan.settings), path, "de")
    root = SafeET.parse(path).getroot()
    calendars = {c.findtext("p:UID", namespaces=NS): c
                 for c in root.findall("p:Calendars/p:Calendar", NS)}
    names = {uid: c.findtext("p:Name", namespaces=NS) for uid, c in calendars.items()}
    assert any("Zürich" in (n or "") for n in names.values())
    used_zurich = 0
    for task in root.findall("p:Tasks/p:Task", NS):
        if task.findtext("p:Summary", namespaces=NS) == "1" or \
                task.findtext("p:Milestone", namespaces=NS) == "1" or \
                task.find("p:ConstraintDate", NS) is None:
            continue
        uid = task.findtext("p:CalendarUID", namespaces=NS) or "1"
        used_zurich += "Zürich" in (names[uid] or "")
        own = _Calendar(calendars[uid])
        start = _day(task.findtext("p:Start", namespaces=NS))
        finish = _day(task.findtext("p:Finish", namespaces=NS))
        title = task.findtext("p:Name", namespaces=NS)
        assert own.works(start), (title, start, names[uid])
        worked = sum(own.works(start + timedelta(days=n))
                     for n in range((finish - start).days + 1))
        hours = task.findtext("p:Duration", namespaces=NS) or ""
        assert worked == int(hours.removeprefix("PT").split("H")[0]) // 8, (title, names[uid])
    assert used_zurich >= 4  # Zürich's server's steps and its new server's
