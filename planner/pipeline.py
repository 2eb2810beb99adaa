"""The one pipeline the GUI and the CLI both call: inputs -> estate -> proposal -> schedule.

Every stage is a plain function of its inputs, so the GUI can run it on a worker thread and
re-run only what changed. Nothing here imports Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from planner.core.build_sources import precise_builds
from planner.core.calendar import build_calendar
from planner.core.catalogue import languages
from planner.core.certificate_dates import certificate_findings
from planner.core.completion_dates import with_completion_dates
from planner.core.documentation_facts import documentation_override_findings
from planner.core.early_update import early_update_findings
from planner.core.edits.decisions import by_title
from planner.core.edits.scenarios import export_choice
from planner.core.exo_view import (
    as_of_findings,
    baseline_evidence,
    evidence_findings,
    future_report_findings,
    other_knowledge,
    report_findings,
    unknown_detection_findings,
)
from planner.core.graph import without_repeats
from planner.core.importing import ColumnMapping, ImportResult, import_files, load_mapping
from planner.core.importing.findings import Where, finding
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate, Finding
from planner.core.pause_policy import check_fixed_pauses, pause_calendar
from planner.core.pause_steps import pause_steps
from planner.core.plan import BaselineEvidence, Plan, Proposal, Schedule
from planner.core.project import Project
from planner.core.regions import region_findings
from planner.core.report.logo import logo_findings
from planner.core.rules import propose
from planner.core.rules.milestones import late_findings
from planner.core.scheduler import Progress, schedule
from planner.core.scheduler.realism import unrealistic_findings
from planner.core.scheduler.week_load import overbooked_weeks
from planner.core.settings import Decisions, Settings
from planner.core.settings_defaults import localized_defaults
from planner.core.settings_file import setting_keys, settings_over
from planner.core.settings_sheet import settings_from_sheet
from planner.core.today import pauses_in_force, state_today

__all__ = ["Inputs", "import_inventory", "knowledge_for", "load_inputs", "make_plan"]


@dataclass(frozen=True)
class Inputs:
    """What the importers made of the files, plus the settings they carried."""

    estate: Estate
    findings: tuple[Finding, ...]
    settings: Settings
    # What the importer itself returned (column mappings for the GUI's wizard) and what the
    # workbook's Project sheet said (None: no sheet; the GUI then keeps the project's).
    imported: ImportResult | None = None
    sheet: Settings | None = None


def knowledge_for(settings: Settings) -> Knowledge:
    """The knowledge base with this project's overrides applied."""
    return load_knowledge(settings.policy_overrides)


def import_inventory(
    paths: Sequence[Path | str],
    mapping: ColumnMapping | None = None,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    read_sheet: bool = True,
) -> tuple[ImportResult, Settings | None]:
    """Import files; with ``read_sheet``, the workbook's Project sheet as settings (None when
    it has none), its bad values as findings of the import. Read through :func:`load_inputs`."""
    result = import_files([Path(p) for p in paths], mapping, progress=progress,
                          cancelled=cancelled)
    if not (read_sheet and result.settings_table):
        return result, None
    settings, sheet_findings = settings_from_sheet(result.settings_table,
                                                   places=result.settings_places)
    return replace(result, findings=tuple(result.findings) + sheet_findings), settings


def load_inputs(
    paths: Sequence[Path | str],
    mapping_path: Path | str | ColumnMapping | None = None,
    settings_path: Path | str | None = None,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Inputs:
    """Import inventory files; settings come from a TOML file, else the workbook's Project sheet.

    The CLI and the GUI both read files through this. ``mapping_path`` is a mapping file or
    the GUI's mapping itself. Transport logs among the paths (files, folders, zips) add relay
    clients and mail flows; ``progress`` hears how far reading them has got and
    ``cancelled`` stops it.
    """
    mapping = (load_mapping(Path(mapping_path)) if isinstance(mapping_path, str | Path)
               else mapping_path)
    result, sheet = import_inventory(paths, mapping, progress, cancelled)
    settings = sheet or Settings()
    if settings_path:  # the file's settings over the sheet's: what it names wins
        settings, named = settings_over(settings, Path(settings_path))
        replaced = sorted(set(named) & setting_keys(result.settings_table or {}))
        if sheet is not None and replaced:
            result = replace(result, findings=(*result.findings, finding(
                "IMPORT-SETTINGS-OVER-SHEET", Where(Path(settings_path).name),
                keys=tuple(replaced))))
    if not settings.customer and result.estate.organization.customer:
        settings = replace(settings, customer=result.estate.organization.customer)
    settings, gaps = localized_defaults(settings)
    return Inputs(result.estate, tuple(result.findings) + gaps, settings, result, sheet)


def make_plan(
    estate: Estate,
    findings: Sequence[Finding],
    settings: Settings,
    decisions: Decisions | None = None,
    knowledge: Knowledge | None = None,
    on_plan: Callable[[Plan], None] | None = None,
    cancel: threading.Event | None = None,
) -> Plan:
    """Propose the steps for an estate and schedule them.

    For an interactive re-plan: ``on_plan`` receives the quick plan at once and each better
    plan the solver finds (on this thread); setting ``cancel`` from another thread stops
    the search and the best plan found is returned.
    """
    decisions = decisions or Decisions()
    knowledge = knowledge or knowledge_for(settings)
    as_of = settings.as_of or date.today()
    check_fixed_pauses(settings, knowledge.policy, as_of)
    # The report's update level wins for planning; the plan keeps the estate it was given,
    # so it stays "current" for exactly these inputs (the GUI re-plans stale plans).
    planned, refined = precise_builds(estate, knowledge)
    evidence = baseline_evidence(planned, settings, knowledge, as_of)
    proposal = propose(planned, settings, decisions, knowledge)
    named = by_title(decisions, proposal.steps, languages())
    if named != decisions:  # a pin names its step by title (the CLI): the rules see its id
        decisions = named
        proposal = propose(planned, settings, decisions, knowledge)
    wrap = _Wrap(estate, tuple(findings), refined, settings, decisions, knowledge, proposal,
                 evidence, as_of)
    progress = None
    if on_plan is not None or cancel is not None:
        progress = Progress(None if on_plan is None else (lambda s: on_plan(wrap.plan(s))),
                            cancel or threading.Event())
    return wrap.plan(schedule(proposal, planned, settings, decisions, knowledge, progress,
                              as_of))


@dataclass(frozen=True)
class _Wrap:
    """Everything but the dates that makes a schedule a plan (so each improved schedule of
    an interactive re-plan becomes a plan the same way as the final one)."""

    estate: Estate
    findings: tuple[Finding, ...]  # the importer's
    refined: tuple[Finding, ...]  # the build refinements'
    settings: Settings
    decisions: Decisions
    knowledge: Knowledge
    proposal: Proposal
    evidence: tuple[BaselineEvidence, ...]
    as_of: date

    def plan(self, dated: Schedule) -> Plan:
        """The plan with these dates."""
        estate, settings, knowledge, as_of = (self.estate, self.settings, self.knowledge,
                                              self.as_of)
        proposal = with_completion_dates(self.proposal, dated)
        calendar = build_calendar(settings, estate)
        # the pauses as customer steps; an overdue one is due on the next working day
        # a recorded fixed pause that began before the as-of date is running: no request
        requested = frozenset((s, n) for s, n in settings.fixed_pauses or () if s < as_of)
        tasks = pause_steps(proposal, dated, knowledge, as_of,
                            pause_calendar(calendar, knowledge).is_working_day,
                            requested, settings.pause_days_used)
        findings = self.findings
        today = state_today(dated.exposure, pauses_in_force(settings.fixed_pauses, as_of),
                            knowledge.policy, as_of)
        return Plan(
            estate=estate,
            settings=settings,
            decisions=self.decisions,
            findings=(findings + without_repeats(proposal.findings, findings)
                      + late_findings(proposal.steps, dated, knowledge)
                      + unrealistic_findings(proposal, dated, settings, calendar)
                      + overbooked_weeks(estate, proposal, dated, settings, calendar)
                      + report_findings(estate, settings, knowledge)
                      + evidence_findings(self.evidence)
                      + as_of_findings(settings, as_of, dated.pauses)
                      + future_report_findings(estate, as_of)
                      + unknown_detection_findings(estate, settings)
                      + tasks.findings + self.refined
                      + documentation_override_findings(knowledge)
                      + region_findings(settings.country, settings.subdivision,
                                        estate.sites)
                      + logo_findings(settings.logo_path)
                      + certificate_findings(estate, tasks.proposal, tasks.schedule)
                      + early_update_findings(estate, tasks.proposal, tasks.schedule, today,
                                              as_of, settings.start, calendar)),
            proposal=tasks.proposal,
            schedule=tasks.schedule,
            as_of=as_of,
            knowledge_as_of=knowledge.as_of,
            knowledge_id=knowledge.fingerprint,
            baseline_evidence=self.evidence,
            today=today,
        )


def plan_for_export(project: Project, scenario: str | None = None) -> tuple[Plan, Knowledge]:
    """The plan to export (see :func:`export_choice`) and its knowledge; planned afresh when
    the stored one no longer fits its inputs."""
    plan, settings, decisions = export_choice(project, scenario)
    knowledge = knowledge_for(settings)
    if plan is not None and other_knowledge(plan, knowledge):
        plan = None  # made with other knowledge (an update or an imported build list)
    if plan is None:
        plan = make_plan(project.estate, project.findings, settings, decisions, knowledge)
    return plan, knowledge
