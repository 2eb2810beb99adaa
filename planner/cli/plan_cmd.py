"""``planner plan FILE...``: import, propose, schedule, and write the requested outputs."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from planner.cli.finding_lines import finding_line
from planner.cli.log_progress import terminal_progress
from planner.cli.plan_decisions import add_arguments, apply
from planner.core.catalogue import catalogue, languages
from planner.core.documentation_facts import OVERRIDE_CODE
from planner.core.errors import OutputFileError
from planner.core.exo_view import exo_text, implied_overrides
from planner.core.knowledge import Knowledge
from planner.core.plan import Plan
from planner.core.project import FILE_SUFFIX, PLAN_REPLANNED, load_project
from planner.core.replace_file import all_or_none, refuse_overwriting
from planner.pipeline import knowledge_for, load_inputs, make_plan, plan_for_export
from planner.render.exporters import EXPORTERS


def add_parser(sub: Any) -> None:
    """Register the command."""
    p = sub.add_parser("plan", help="plan the migration and write JSON, Excel, MS Project, PDF")
    p.add_argument("files", nargs="+", help="inventory workbooks, CSV and PowerShell exports; "
                   "Exchange transport logs (files, folders or zips)")
    p.add_argument("--settings", help="project settings as TOML")
    p.add_argument("--mapping", help="a saved column mapping (JSON)")
    for export in EXPORTERS:  # the GUI's File menu loops over the same list
        p.add_argument(f"--{export.key}", metavar="OUT", help=export.help)
    p.add_argument("--lang", choices=languages(), help="language of exports and report")
    p.add_argument("--paper", choices=("A4", "Letter"), help="paper size of the report")
    p.add_argument("--scenario", metavar="NAME",
                   help="with a project file (.seplan): export this saved scenario "
                        "(default: the one chosen for export in the project)")
    add_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the whole pipeline once and write every output asked for."""
    refused = _refuse_overwriting_inputs(args)
    if refused:
        print(f"planner plan: {refused}", file=sys.stderr)
        return 2
    if _is_project(args.files):
        if args.pin or args.not_before or args.pause:  # never silently left out
            print("planner plan: --pin, --not-before and --pause re-plan an inventory; a "
                  "project file (.seplan) is exported as it was saved: pin its steps in the "
                  "GUI, or plan the inventory files with these options", file=sys.stderr)
            return 2
        return _export_project(args)
    if args.scenario:
        print("planner plan: --scenario needs a project file (.seplan)", file=sys.stderr)
        return 2
    inputs = load_inputs(args.files, args.mapping, args.settings, terminal_progress())
    settings = inputs.settings
    if args.lang:
        settings = replace(settings, language=args.lang)
    if args.paper:
        settings = replace(settings, paper=args.paper)
    if not inputs.estate.servers:
        for finding in inputs.findings:
            print(finding_line(finding, settings.language), file=sys.stderr)
        print("planner plan: no Exchange server could be read; nothing to plan", file=sys.stderr)
        return 2
    settings, decisions = apply(args, settings)
    _print_twice(args, settings.language)
    knowledge = knowledge_for(settings)
    plan = make_plan(inputs.estate, inputs.findings, settings, decisions, knowledge)
    if _print_pins(plan):  # a pin the plan cannot apply (a typo in a title): fail, write none
        print("planner plan: nothing written; name each step as the workbook titles it",
              file=sys.stderr)
        return 2
    return _write_all(args, plan, knowledge, settings.language)


def _is_project(files: list[str]) -> bool:
    return len(files) == 1 and Path(files[0]).suffix.lower() == FILE_SUFFIX


def _export_project(args: argparse.Namespace) -> int:
    """Export a saved project's plan (or one of its scenarios) as the project holds it."""
    project = load_project(args.files[0])
    plan, knowledge = plan_for_export(project, args.scenario)
    return _write_all(args, plan, knowledge, args.lang or plan.settings.language)


def _write_all(args: argparse.Namespace, plan: Plan, knowledge: Knowledge, lang: str) -> int:
    """Every output asked for, through the exporters the GUI uses too; none for a plan
    without dates (exit 1, the reason said), which no deliverable could show."""
    obj = plan.schedule.objective
    if obj.status == "infeasible":
        cat = catalogue(lang)
        print(cat("report.status_infeasible_reason", reason=obj.reason(lang)
                  or cat("report.status_infeasible")), file=sys.stderr)
        print("planner plan: nothing written", file=sys.stderr)
        return 1
    asked = [(export, getattr(args, export.key)) for export in EXPORTERS
             if getattr(args, export.key)]
    try:
        with all_or_none():  # one failing output: none replaced, no two plans side by side
            for export, path in asked:
                export.write(plan, knowledge, Path(path), lang)
    except OSError as exc:  # OutputFileError names the file; nothing was left behind
        _print_summary(plan, [], lang)
        print(f"planner plan: {exc}", file=sys.stderr)
        print("planner plan: nothing written", file=sys.stderr)
        return 1
    _print_summary(plan, [path for _, path in asked], lang)
    return 0


def _refuse_overwriting_inputs(args: argparse.Namespace) -> str:
    """The reason not to start when an output would replace an input file, else ""."""
    outputs = [getattr(args, e.key) for e in EXPORTERS if getattr(args, e.key)]
    inputs = [*args.files, *(p for p in (args.mapping, args.settings) if p)]
    try:
        refuse_overwriting(outputs, inputs)
    except OutputFileError as exc:
        return str(exc)
    return ""


def _print_pins(plan: Plan) -> int:
    """Pins for steps the plan does not have (their count is returned), and pins moved to a
    day the step may start."""
    lang = plan.settings.language
    cat = catalogue(lang)
    titles = {s.id: s.title(lang) for s in plan.proposal.steps}
    unknown = sorted((set(plan.decisions.pins) | set(plan.decisions.not_before)) - set(titles))
    for step_id in unknown:
        print(cat("schedule.cli.unknown_step", step=step_id), file=sys.stderr)
    for moved in plan.schedule.snapped_pins:
        print(cat("schedule.cli.snapped", step=titles[moved.step_id], asked=moved.asked,
                  used=moved.used), file=sys.stderr)
    # a pin fixes the day: an earliest start for the same step does not apply (said, not
    # dropped without a word)
    for step_id in sorted(set(plan.decisions.pins) & set(plan.decisions.not_before)):
        if step_id in titles:
            print(cat("schedule.cli.pin_over_not_before", step=titles[step_id],
                      pin=plan.decisions.pins[step_id],
                      day=plan.decisions.not_before[step_id]), file=sys.stderr)
    return len(unknown)


def _print_twice(args: argparse.Namespace, lang: str) -> None:
    """A step given twice with --pin or --not-before: the last day counts, and is named."""
    cat = catalogue(lang)
    for option, given in (("--pin", args.pin), ("--not-before", args.not_before)):
        days: dict[str, list[date]] = {}
        for step_id, day in given:
            days.setdefault(step_id, []).append(day)
        for step_id, seen in days.items():
            if len(set(seen)) > 1:
                print(cat("schedule.cli.given_twice", option=option, step=step_id,
                          used=seen[-1]), file=sys.stderr)


def _print_summary(plan: Plan, written: list[str], lang: str) -> None:
    cat = catalogue(lang)
    errors = [f for f in plan.findings if f.severity.value == "error"]
    if errors:
        print(cat.plural("schedule.cli.errors", len(errors)), file=sys.stderr)
    obj = plan.schedule.objective
    print(cat.plural("schedule.cli.summary", len(plan.proposal.steps),
                     quality=cat(f"report.status_{obj.status}"), finish=obj.finish or "–",
                     blocked=obj.blocked_days, throttled=obj.throttled_days,
                     pause=obj.pause_days, day=plan.counted_from))
    for path in written:
        print(cat("schedule.cli.wrote", path=path), file=sys.stderr)
    for finding in plan.findings:  # an override that moves nothing must not pass unnoticed
        if finding.code in (OVERRIDE_CODE, PLAN_REPLANNED):
            print(finding.message(lang), file=sys.stderr)
    _print_overrides(plan, lang)


def _print_overrides(plan: Plan, lang: str) -> None:
    """The knowledge overrides Exchange Online's report implies, ready to paste as TOML."""
    overrides = implied_overrides(plan.baseline_evidence)
    if not overrides:
        return
    print(f"# {exo_text(lang, 'cli.overrides')}")
    print("[enforcement.overrides]")
    for key, value in sorted(overrides.items()):
        print(f"{json.dumps(key)} = {json.dumps(value)}")
