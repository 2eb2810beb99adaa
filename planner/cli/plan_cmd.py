"""``planner plan FILE...``: import, propose, schedule, and write the requested outputs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from planner.pipeline import knowledge_for, load_inputs, make_plan


def add_parser(sub: Any) -> None:
    """Register the command."""
    p = sub.add_parser("plan", help="plan the migration and write JSON, Excel, MS Project, PDF")
    p.add_argument("files", nargs="+", help="inventory workbooks, CSV and PowerShell exports")
    p.add_argument("--settings", help="project settings as TOML")
    p.add_argument("--mapping", help="a saved column mapping (JSON)")
    p.add_argument("--json", dest="json_out", metavar="OUT", help="the plan as JSON")
    p.add_argument("--xlsx", metavar="OUT", help="the Excel project plan")
    p.add_argument("--mspdi", metavar="OUT", help="the plan as MS Project XML")
    p.add_argument("--pdf", metavar="OUT", help="the customer report as PDF")
    p.add_argument("--html", metavar="OUT", help="the customer report as HTML")
    p.add_argument("--graphml", metavar="OUT", help="the dependency graph as GraphML")
    p.add_argument("--lang", choices=("de", "en"), help="language of exports and report")
    p.add_argument("--paper", choices=("A4", "Letter"), help="paper size of the report")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the whole pipeline once and write every output asked for."""
    from dataclasses import replace

    inputs = load_inputs(args.files, args.mapping, args.settings)
    settings = inputs.settings
    if args.lang:
        settings = replace(settings, language=args.lang)
    if args.paper:
        settings = replace(settings, paper=args.paper)
    if not inputs.estate.servers:
        for finding in inputs.findings:
            text = finding.message(settings.language)
            print(f"{finding.severity.value}: {finding.where()}: {text}", file=sys.stderr)
        print("planner plan: no Exchange server could be read; nothing to plan", file=sys.stderr)
        return 2
    knowledge = knowledge_for(settings)
    plan = make_plan(inputs.estate, inputs.findings, settings, knowledge=knowledge)
    lang = settings.language
    written: list[str] = []
    if args.json_out:
        from planner.core.plan_json import plan_to_plain

        text = json.dumps(plan_to_plain(plan, knowledge), indent=2, ensure_ascii=False)
        Path(args.json_out).write_text(text + "\n", encoding="utf-8")
        written.append(args.json_out)
    if args.graphml:
        from planner.core.graph import write_graphml

        write_graphml(plan.estate, knowledge, Path(args.graphml))
        written.append(args.graphml)
    if args.xlsx:
        from planner.core.export.xlsx import write_workbook

        write_workbook(plan, knowledge, Path(args.xlsx), lang)
        written.append(args.xlsx)
    if args.mspdi:
        from planner.core.export.mspdi import write_mspdi

        write_mspdi(plan, knowledge, Path(args.mspdi), lang)
        written.append(args.mspdi)
    if args.html:
        from planner.core.report.html import render_report_html

        Path(args.html).write_text(render_report_html(plan, knowledge, lang), encoding="utf-8")
        written.append(args.html)
    if args.pdf:
        from planner.render.report_pdf import write_report_pdf

        write_report_pdf(plan, knowledge, Path(args.pdf), lang)
        written.append(args.pdf)
    _print_summary(plan, written)
    return 0


def _print_summary(plan: Any, written: list[str]) -> None:
    errors = [f for f in plan.findings if f.severity.value == "error"]
    if errors:
        print(f"{len(errors)} error finding(s) in the input; see `planner check`", file=sys.stderr)
    obj = plan.schedule.objective
    print(f"{len(plan.proposal.steps)} steps; status {obj.status}; finish {obj.finish}; "
          f"blocked days {obj.blocked_days}, throttled days {obj.throttled_days}, "
          f"pause days {obj.pause_days}")
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
