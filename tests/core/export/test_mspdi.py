"""MS Project XML: well-formed MSPDI that MPXJ reads back with the same tasks, dates and links."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET
import pytest

from planner.core.calendar import build_calendar
from planner.core.export.mspdi import NAMESPACE, write_mspdi
from planner.core.export.project_calendar import project_calendar
from planner.core.knowledge import Knowledge
from planner.core.outline import build_outline
from planner.core.plan import Plan
from planner.core.settings_defaults import with_names_in
from planner.pipeline import knowledge_for
from tests.paths import SAMPLES
from tests.sample_plans import sample_plan

NS = {"p": NAMESPACE}
MPXJ_TYPES = {"FS": "FS", "SS": "SS", "FF": "FF", "SF": "SF"}


@pytest.fixture(scope="module")
def xml_path(plan: Plan, knowledge: Knowledge, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mspdi") / "plan.xml"
    write_mspdi(plan, knowledge, path, "en")
    return path


def test_tasks_links_calendar_and_resources_in_the_project_namespace(
        plan: Plan, xml_path: Path) -> None:
    root = SafeET.parse(xml_path).getroot()
    assert root.tag == f"{{{NAMESPACE}}}Project"
    outline = build_outline(plan, "en")
    tasks = root.findall("p:Tasks/p:Task", NS)
    assert [int(t.findtext("p:ID", namespaces=NS)) for t in tasks] == [r.id for r in outline.rows]
    row = next(r for r in outline.rows if r.step and r.step.id == "sbs:EXSE-02:install")
    task = tasks[row.id - 1]
    assert task.findtext("p:Duration", namespaces=NS) == "PT16H0M0S"
    link = task.find("p:PredecessorLink", NS)
    assert link is not None
    assert link.findtext("p:Type", namespaces=NS) == "3"  # SS
    assert link.findtext("p:LinkLag", namespaces=NS) == str(2 * 480 * 10)  # tenths of minutes
    exceptions = root.findall("p:Calendars/p:Calendar/p:Exceptions/p:Exception", NS)
    names = {e.findtext("p:Name", namespaces=NS) for e in exceptions}
    assert "Jahresendsperre" in names  # the freeze
    assert "Good Friday" in names or "Karfreitag" in names
    resources = [r.findtext("p:Name", namespaces=NS) for r in root.findall(
        "p:Resources/p:Resource", NS)]
    assert resources == [c.name for c in plan.settings.consultants]
    assert len(root.findall("p:Assignments/p:Assignment", NS)) == sum(
        1 for s in plan.schedule.steps if s.consultant)


def test_a_customer_task_names_who_does_it_in_its_notes(
        plan: Plan, xml_path: Path) -> None:
    """Tasks without a consultant have no assignment; their notes name the customer's
    owner as the workbook's column does, a consultant's task says nothing of the kind."""
    root = SafeET.parse(xml_path).getroot()
    tasks = root.findall("p:Tasks/p:Task", NS)
    outline = build_outline(plan, "en")
    customer = [r for r in outline.rows if r.step is not None and not r.step.milestone
                and not r.step.needs_consultant]
    assert customer
    for row in customer:
        notes = tasks[row.id - 1].findtext("p:Notes", namespaces=NS) or ""
        assert "Responsible: " in notes, (row.step.id if row.step else "", notes)
    worked = next(r for r in outline.rows if r.dated is not None and r.dated.consultant)
    assert "Responsible: " not in (tasks[worked.id - 1].findtext("p:Notes", namespaces=NS) or "")


def _local(value: Any) -> date:
    return date.fromisoformat(str(value.toLocalDate()))


def _read_back(jvm: Any, path: Path) -> Any:
    return jvm().read(str(path))


def _compare(project: Any, plan: Plan, lang: str) -> None:
    outline = build_outline(plan, lang)
    tasks = {int(t.getID()): t for t in project.getTasks() if int(t.getID()) > 0}
    assert sorted(tasks) == [r.id for r in outline.rows]
    for row in outline.rows:
        task = tasks[row.id]
        assert str(task.getName()) == row.title
        assert int(task.getOutlineLevel()) == row.level
        assert str(task.getWBS()) == row.wbs
        assert bool(task.getSummary()) == row.summary
        if row.start is not None:
            assert _local(task.getStart()) == row.start
            end = row.start if row.step and row.step.milestone else row.end
            assert _local(task.getFinish()) == end
        links = sorted((int(r.getPredecessorTask().getID()), str(r.getType()),
                        float(r.getLag().getDuration())) for r in task.getPredecessors())
        expected = sorted((tid, MPXJ_TYPES[d.type], float(d.lag_days))
                          for tid, d in outline.links(row))
        assert links == expected, row.title


def test_mpxj_reads_back_the_same_tasks_dates_and_links(
        jvm: Any, plan: Plan, xml_path: Path) -> None:
    project = _read_back(jvm, xml_path)
    _compare(project, plan, "en")
    names = {str(r.getName()) for r in project.getResources() if r.getName()}
    assert names == {c.name for c in plan.settings.consultants}
    calendar = project.getDefaultCalendar()
    assert not calendar.isWorkingDate(_java_date(date(2026, 12, 28)))  # the freeze
    # Ordinary work never lands on a Saturday, even one that a window step uses ...
    assert not calendar.isWorkingDate(_java_date(date(2026, 10, 10)))
    # ... which the window calendar, on the window tasks only, makes a working day.
    window = next(c for c in project.getCalendars() if str(c.getName()) == "Maintenance window")
    assert window.isWorkingDate(_java_date(date(2026, 10, 10)))
    assert not window.isWorkingDate(_java_date(date(2026, 10, 12)))
    outline = build_outline(plan, "en")
    tasks = {int(t.getID()): t for t in project.getTasks()}
    for row in outline.rows:
        task_calendar = tasks[row.id].getCalendar()
        uses_window = task_calendar is not None and str(task_calendar.getName()) == \
            "Maintenance window"
        if row.step is None or not row.step.needs_window:
            assert not uses_window, row.title
    assert any(tasks[r.id].getCalendar() is not None for r in outline.rows
               if r.step and r.step.needs_window)


def _java_date(d: date) -> Any:
    from java.time import LocalDate

    return LocalDate.of(d.year, d.month, d.day)


def test_mpxj_reads_back_the_mixed_sample(jvm: Any, mixed: tuple[Plan, Knowledge],
                                          tmp_path: Path) -> None:
    plan, knowledge = mixed
    write_mspdi(plan, knowledge, tmp_path / "mixed.xml", "de")
    _compare(_read_back(jvm, tmp_path / "mixed.xml"), plan, "de")


def test_mpxj_reads_part_time_units_real_work_and_deadlines(
        jvm: Any, plan: Plan, knowledge: Knowledge, tmp_path: Path) -> None:
    from dataclasses import replace


    first = plan.settings.consultants[0]
    part_time = replace(first, days_per_week=4)
    plan = replace(plan, settings=replace(
        plan.settings, consultants=(part_time, *plan.settings.consultants[1:])))
    outline = build_outline(plan, "en")
    judged = {e.server for e in plan.schedule.exposure}
    cut = next(r for r in outline.rows if r.step and r.end and set(r.step.exits_exo_view)
               & judged)
    assert cut.end is not None and cut.step is not None
    pause_end = cut.end.replace(day=min(cut.end.day + 3, 28))
    steps = tuple(replace(s, deadline=pause_end) if s.id == cut.step.id else s
                  for s in plan.proposal.steps)  # as pause_steps sets it on a protected cutover
    plan = replace(plan, proposal=replace(plan.proposal, steps=steps))
    outline = build_outline(plan, "en")
    write_mspdi(plan, knowledge, tmp_path / "part.xml", "en")
    project = _read_back(jvm, tmp_path / "part.xml")
    resource = next(r for r in project.getResources() if str(r.getName()) == first.name)
    assert float(resource.getMaxUnits()) == pytest.approx(80.0)
    assert resource.getCalendar() is not None  # a calendar of its own (absences)
    task = next(t for t in project.getTasks() if int(t.getID()) == cut.id)
    assert _local(task.getDeadline()) == pause_end
    days = {int(t.getID()): t for t in project.getTasks()}
    checked = 0
    for assignment in project.getResourceAssignments():
        task_id = int(assignment.getTask().getID())
        row = outline.rows[task_id - 1]
        assert row.step is not None
        work = assignment.getWork()
        hours = float(work.getDuration()) * (8 if str(work.getUnits()) == "d" else 1)
        span = days[task_id].getDuration()
        span_days = float(span.getDuration()) / (8 if str(span.getUnits()) == "h" else 1)
        # the work the step holds (a move batch: set-up and completion), never more than
        # the days the task lasts
        assert hours == pytest.approx(min(row.step.consultant_days, span_days) * 8)
        checked += 1
    assert checked


def test_mpxj_reads_a_move_batchs_work_on_its_set_up_and_completion_days_only(
        jvm: Any, mixed: tuple[Plan, Knowledge], tmp_path: Path) -> None:
    from java.time import LocalDateTime
    from java.util import ArrayList
    from org.mpxj import LocalDateTimeRange, TimeUnit

    plan, knowledge = mixed
    write_mspdi(plan, knowledge, tmp_path / "moves.xml", "en")
    project = _read_back(jvm, tmp_path / "moves.xml")
    outline = build_outline(plan, "en")
    checked = 0
    for assignment in project.getResourceAssignments():
        row = outline.rows[int(assignment.getTask().getID()) - 1]
        if row.dated is None or not row.dated.booked:
            continue
        assert row.start is not None and row.end is not None
        assert str(assignment.getWorkContour()) == "CONTOURED"
        days = [date.fromordinal(n) for n in range(row.start.toordinal(),
                                                     row.end.toordinal() + 1)]
        ranges = ArrayList()
        for d in days:
            ranges.add(LocalDateTimeRange(LocalDateTime.of(d.year, d.month, d.day, 0, 0),
                                          LocalDateTime.of(d.year, d.month, d.day, 23, 59)))
        work = [assignment.getTimephasedWork(ranges, TimeUnit.HOURS)[i] for i in range(len(days))]
        hours = {d: float(w.getDuration()) for d, w in zip(days, work, strict=True)
                 if w is not None and float(w.getDuration())}
        booked = {b.start: b.days * 8 for b in row.dated.booked}
        assert hours == pytest.approx(booked)  # nothing while the batch runs on its own
        run = row.dated.unattended_run()
        assert run is not None and all(not (run[0] <= d <= run[1]) for d in hours)
        checked += 1
    assert checked >= 2


def test_mpxj_keeps_a_batch_completed_in_a_window_on_its_saturday(
        jvm: Any, tmp_path: Path) -> None:
    from dataclasses import replace

    from java.time import LocalDateTime
    from java.util import ArrayList
    from org.mpxj import LocalDateTimeRange, TimeUnit

    from planner.pipeline import knowledge_for, make_plan
    from tests.sample_plans import sample_inputs

    inputs = sample_inputs("mixed")
    settings = replace(inputs.settings, complete_moves_in_window=True, solver_time_limit_s=0.0)
    plan = make_plan(inputs.estate, inputs.findings, settings)
    write_mspdi(plan, knowledge_for(settings), tmp_path / "window.xml", "en")
    project = _read_back(jvm, tmp_path / "window.xml")
    outline = build_outline(plan, "en")
    tasks = {int(t.getID()): t for t in project.getTasks()}
    batches = [r for r in outline.rows if r.dated is not None and r.dated.booked]
    assert batches
    for row in batches:
        assert row.start is not None and row.end is not None and row.end.weekday() == 5
        task = tasks[row.id]
        # the project's or, at a site in another holiday region, that region's
        assert str(task.getCalendar().getName()).startswith("Standard and maintenance window")
        assert _local(task.getFinish()) == row.end  # the Saturday completion is kept
        assignment = task.getResourceAssignments()[0]
        end = row.end
        ranges = ArrayList()
        ranges.add(LocalDateTimeRange(LocalDateTime.of(end.year, end.month, end.day, 0, 0),
                                      LocalDateTime.of(end.year, end.month, end.day, 23, 59)))
        work = assignment.getTimephasedWork(ranges, TimeUnit.HOURS)[0]
        assert float(work.getDuration()) == pytest.approx(4.0)  # half a day to complete it


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir() if p.is_dir()))
def test_mpxj_reads_every_samples_dates_links_calendars_and_deadlines(
        jvm: Any, name: str, tmp_path: Path) -> None:
    """Each bundled sample as MS Project reads it: the JSON plan's dates and links, the window
    calendar on exactly the window tasks, each site's region's calendars on its tasks, a
    calendar per consultant, the deadlines."""
    plan = with_names_in(sample_plan(name), "de")  # the consultants as the file names them
    write_mspdi(plan, knowledge_for(plan.settings), tmp_path / "plan.xml", "de")
    project = _read_back(jvm, tmp_path / "plan.xml")
    _compare(project, plan, "de")
    outline = build_outline(plan, "de")
    cal = project_calendar(plan, outline, build_calendar(plan.settings, plan.estate), "de")
    tasks = {int(t.getID()): t for t in project.getTasks()}
    for row in outline.rows:
        task = tasks[row.id]
        own = task.getCalendar()
        site = cal.of(row)  # a step at a site in another holiday region keeps its calendars
        expected = (site.window_name if cal.uses_window(row) else
                    site.both_name if cal.completes_in_window(row) else
                    site.standard_name if row.id in cal.region_of else None)
        assert (str(own.getName()) if own is not None else None) == expected, row.title
        deadline = row.step.deadline if row.step else None
        assert (_local(task.getDeadline()) if task.getDeadline() else None) == deadline
    resources = {str(r.getName()): r for r in project.getResources() if r.getName()}
    for consultant in plan.settings.consultants:
        calendar = resources[consultant.name].getCalendar()
        assert calendar is not None and str(calendar.getName()) == consultant.name
