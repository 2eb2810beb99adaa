"""``planner check FILE... [--mapping MAP] [--json]``: import, summarise, list the findings.

Exit codes: 0 no errors, 1 errors found, 2 nothing could be read (or the mapping is unusable).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from planner.cli.finding_lines import finding_line, severity_width
from planner.cli.log_progress import terminal_progress
from planner.core.builds import BuildParseError, identify
from planner.core.catalogue import catalogue, languages
from planner.core.errors import OutputFileError
from planner.core.importing import (
    ColumnMapping,
    ImportResult,
    MappingError,
    import_files,
    load_mapping,
    save_mapping,
)
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate
from planner.core.plain import estate_to_plain
from planner.core.replace_file import refuse_overwriting
from planner.core.settings_sheet import settings_from_sheet
from planner.core.transport_listing import flow_listing

_ENTITIES = ("sites", "servers", "dags", "databases", "connectors", "relay_clients",
             "namespaces", "exo_reports")
def add_parser(sub: Any) -> None:
    """Register the command."""
    p = sub.add_parser("check", help="import inventory files and list what is wrong with them")
    p.add_argument("files", nargs="+", help="inventory workbooks, CSV/PowerShell exports, XML, "
                   "Exchange transport logs (files, folders or zips)")
    p.add_argument("--mapping", help="a saved column mapping (JSON) to use")
    p.add_argument("--json", action="store_true", help="print estate and findings as JSON")
    p.add_argument("--save-mapping", metavar="OUT", help="write the column mapping used")
    p.add_argument("--lang", choices=languages(), default="en", help="message language")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import the files, print the summary or JSON, return 0/1/2."""
    if args.save_mapping:  # the mapping never replaces a file it was read from
        try:
            refuse_overwriting([args.save_mapping],
                               [*args.files, *([args.mapping] if args.mapping else [])])
        except OutputFileError as exc:
            print(f"planner check: {exc}", file=sys.stderr)
            return 2
    mapping = None
    if args.mapping:
        try:
            mapping = load_mapping(Path(args.mapping))
        except MappingError as exc:
            print(f"planner check: {exc}", file=sys.stderr)
            return 2
    result = import_files([Path(f) for f in args.files], mapping, progress=terminal_progress())
    if result.settings_table:  # the Project sheet's bad values are findings too
        _, sheet_findings = settings_from_sheet(result.settings_table,
                                                places=result.settings_places)
        result = replace(result, findings=tuple(result.findings) + sheet_findings)
    if args.save_mapping:
        save_mapping(ColumnMapping(result.mappings), Path(args.save_mapping))
    knowledge = _knowledge()
    if args.json:
        print(json.dumps(check_to_plain(result, knowledge, args.lang), indent=2,
                         ensure_ascii=False))
    else:
        _print_summary(result, knowledge, args.lang)
    if not result.read_anything:
        return 2
    return 1 if result.has_errors else 0


def _knowledge() -> Knowledge | None:
    try:
        return load_knowledge()
    except Exception:  # the summary still works without product names
        return None


def _build_facts(build: str, knowledge: Knowledge | None) -> tuple[str, str]:
    """(product, release) for a build string; ("", "") when unknown."""
    if knowledge is None or not build:
        return "", ""
    try:
        info = identify(build, knowledge)
    except BuildParseError:
        return "", ""
    return info.product, info.release


def check_to_plain(result: ImportResult, knowledge: Knowledge | None,
                   lang: str = "en") -> dict[str, Any]:
    """The ``--json`` document: the estate (servers with product/release) and the findings."""
    estate = estate_to_plain(result.estate)
    for server in estate["servers"]:
        server["product"], server["release"] = _build_facts(server["build"], knowledge)
    findings = [{"severity": f.severity.value, "code": f.code, "message": f.message(lang),
                 "file": f.file, "sheet": f.sheet, "row": f.row, "column": f.column}
                for f in result.findings]
    return {"estate": estate, "findings": findings}


def _releases(estate: Estate, knowledge: Knowledge | None, unknown: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for s in estate.servers:
        product, release = _build_facts(s.build, knowledge)
        counts[f"Exchange {product} {release}".strip() if product else unknown] += 1
    return counts


def _print_summary(result: ImportResult, knowledge: Knowledge | None, lang: str) -> None:
    words = catalogue(lang)
    estate = result.estate
    # the files read (a mapping each table), or those a finding names (one read nothing)
    files = {m.file for m in result.mappings} | {f.file for f in result.findings}
    title = estate.organization.customer or ", ".join(sorted(files - {""})[:3])
    print(f"{words('common.check.estate')}: {title}".rstrip(": "))
    counts = [words.plural(f"common.check.count.{k}", len(getattr(estate, k)))
              for k in _ENTITIES if getattr(estate, k)]
    print("  " + (", ".join(counts) or "—"))
    for name, n in sorted(_releases(estate, knowledge, words("common.check.unknown_build"))
                          .items()):
        print(f"  {n} × {name}")
    flows = flow_listing(estate, lang)
    if flows.rows:
        print(words("transport.cli_flows"))
        for server, flow, _days, _total, per_day in flows.rows:
            print(f"  {server}: {flow} {per_day}")
    print()
    if not result.findings:
        print(words("common.check.none"))
        return
    order = {"error": 0, "warning": 1, "info": 2}
    by_severity = Counter(f.severity.value for f in result.findings)
    print(f"{words('common.check.findings')}: " + ", ".join(
        words.plural(f"common.check.count.{s}", n)
        for s, n in sorted(by_severity.items(), key=lambda item: order[item[0]])))
    width = severity_width(lang)
    for f in sorted(result.findings, key=lambda f: order[f.severity.value]):
        print("  " + finding_line(f, lang, width))
