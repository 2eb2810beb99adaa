"""Import a customer's Exchange inventory into one :class:`~planner.core.model.Estate`.

Reads our template, any customer spreadsheet or CSV (xlsx, xls, ods; English or German
headers anywhere on the sheet), PowerShell ``Export-Csv`` output, Exchange Online's
``Get-OnPremServerReportInfo`` (CSV or Format-List text) and HealthChecker XML. Whatever
cannot be used becomes a :class:`~planner.core.model.Finding` naming file, sheet, row and
column; :func:`import_files` never raises for bad input.

>>> from planner.core.resources import resource_path
>>> result = import_files([resource_path("samples", "small", "inventory.xlsx")])
>>> sorted(s.name for s in result.estate.servers)
['FAB-EDGE01', 'FAB-EX01', 'FAB-EX02']
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from planner.core.build_sources import precise_builds
from planner.core.builds import BuildParseError, identify
from planner.core.explanation import message
from planner.core.importing.blocks import read_table
from planner.core.importing.collector import cycle_collection_paused
from planner.core.importing.crossref import check_estate
from planner.core.importing.findings import Counted, Where, finding
from planner.core.importing.given_twice import once_each
from planner.core.importing.headers import load_synonyms
from planner.core.importing.log_files import find_logs
from planner.core.importing.mapping import (
    ColumnChoice,
    ColumnMapping,
    MappingError,
    SheetMapping,
    load_mapping,
    save_mapping,
)
from planner.core.importing.merge import merge_rows
from planner.core.importing.project_sheet import (
    PLACES_KEY,
    is_project_table,
    read_project_table,
)
from planner.core.importing.records import Row
from planner.core.importing.relay_discovery import merge_transport_logs
from planner.core.importing.streams import read_once
from planner.core.importing.tabular import read_file
from planner.core.importing.transport_logs import ImportCancelled, Progress, read_transport_logs
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.log_file import log_bug
from planner.core.model import Estate, Finding, LogPlace, Severity

__all__ = [
    "ColumnChoice",
    "ColumnMapping",
    "ImportCancelled",
    "ImportResult",
    "MappingError",
    "Progress",
    "SheetMapping",
    "import_files",
    "load_mapping",
    "save_mapping",
]

# A bug stopped reading a file or sheet: the traceback is in the log, the finding says so.
_BUG = message("findings.unreadable.bug")


@dataclass(frozen=True)
class ImportResult:
    """The estate read from the files, what was wrong with them, and how they were read."""

    estate: Estate
    findings: tuple[Finding, ...]
    mappings: tuple[SheetMapping, ...]
    settings_table: dict[str, Any] = field(default_factory=dict)
    # the Project sheet's cell of each dotted key: [file, sheet, row], for findings
    settings_places: dict[str, Any] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        """True when any finding is an error."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def read_anything(self) -> bool:
        """True when at least one record or setting came out of the files."""
        e = self.estate
        parts = (e.sites, e.servers, e.dags, e.databases, e.connectors, e.relay_clients,
                 e.namespaces, e.exo_reports, e.mail_flows)
        return any(parts) or bool(self.settings_table) or e.organization.customer != ""


def _more_precise(knowledge: Knowledge | None) -> Callable[[str, str, str, str], bool] | None:
    """Whether ``other`` names an update of the CU that ``kept`` names only as the CU.

    AdminDisplayVersion and a CU's own number hide the update level; HealthChecker's ExSetup
    version shows it, so the more precise source wins (a different CU stays a conflict, and
    so does a different level from a source that shows the level: that is a disagreement).
    """
    if knowledge is None:
        return None

    def check(kept: str, kept_source: str, other: str, other_source: str) -> bool:
        try:
            mine = identify(kept, knowledge, kept_source)
            theirs = identify(other, knowledge, other_source)
        except BuildParseError:  # nothing else for text; the rest is a bug
            return False
        return (not mine.exact and theirs.exact
                and (mine.product, mine.cu) == (theirs.product, theirs.cu))
    return check


def _knowledge() -> Knowledge | None:
    """The bundled knowledge base for build checks; None if it cannot be loaded."""
    try:
        return load_knowledge()
    except Exception:  # a broken knowledge base must not stop the import
        return None


def import_files(paths: Sequence[Path], mapping: ColumnMapping | None = None,
                 knowledge: Knowledge | None = None, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Read every file into one estate, with findings, the mappings used and any settings.

    Exchange transport logs among the paths (files, folders, zips; recognised by their
    header) are read after the inventory and add relay clients and mail flows to it;
    ``progress`` and ``cancelled`` serve that long read (:class:`ImportCancelled`).
    """
    with read_once([Path(p) for p in paths]) as (readable, too_large):
        distinct, twice = once_each(readable)
        result = _import_files(distinct, mapping, knowledge, progress, cancelled)
    if not too_large and not twice:
        return result
    return replace(result, findings=(*too_large, *twice, *result.findings))


def _import_files(paths: Sequence[Path], mapping: ColumnMapping | None,
                  knowledge: Knowledge | None, progress: Progress | None,
                  cancelled: Callable[[], bool] | None) -> ImportResult:
    logs, paths, skipped = find_logs(paths)
    with cycle_collection_paused():
        result = _import_inventory(paths, mapping, knowledge)
    if not logs:
        return result
    read = read_transport_logs(logs, result.estate, progress, cancelled)
    estate, log_findings = merge_transport_logs(result.estate, read)
    if skipped:
        log_findings.append(finding("LOGS-FILES-SKIPPED", log_place=LogPlace(),
                                    count=Counted("transport.count.files_skipped", skipped)))
    return ImportResult(estate, (*result.findings, *log_findings), result.mappings,
                        result.settings_table, result.settings_places)


def _import_inventory(paths: Sequence[Path], mapping: ColumnMapping | None,
                      knowledge: Knowledge | None) -> ImportResult:
    syn = load_synonyms()
    saved = mapping or ColumnMapping()
    rows: list[Row] = []
    findings: list[Finding] = []
    mappings: list[SheetMapping] = []
    settings: dict[str, Any] = {}
    places: dict[str, Any] = {}
    for path in paths:
        path = Path(path)
        try:
            tables, read_findings = read_file(path)
        except Exception:  # last line of defence: a bug, logged; a finding, not a traceback
            log_bug(f"reading {path.name} failed", traceback.format_exc())
            tables, read_findings = [], [finding("IMPORT-FILE-UNREADABLE", Where(path.name),
                                                 detail=_BUG)]
        findings.extend(read_findings)
        for table in tables:
            if is_project_table(table):
                table_settings, project_findings = read_project_table(table)
                places.update(table_settings.pop(PLACES_KEY, {}))
                _deep_update(settings, table_settings)
                findings.extend(project_findings)
                continue
            try:
                read = read_table(table, syn, saved.for_table(table.file, table.sheet))
            except Exception:  # a bug in one sheet must not stop others; logged as a bug
                log_bug(f"reading {table.file} {table.sheet} failed", traceback.format_exc())
                findings.append(finding("IMPORT-FILE-UNREADABLE", table.where(), detail=_BUG))
                continue
            rows.extend(read.rows)
            mappings.extend(read.mappings)
            findings.extend(read.findings)
    known = knowledge or _knowledge()
    estate, merge_findings, locations = merge_rows(rows, _more_precise(known))
    findings.extend(merge_findings)
    # a build Exchange Online's report shows exactly is no "update level unknown" (the plan
    # makes the same substitution; the imported estate keeps what the files say)
    checked = precise_builds(estate, known)[0] if known is not None and estate.exo_reports \
        else estate
    findings.extend(check_estate(checked, locations, known))
    result = ImportResult(estate, tuple(findings), tuple(mappings), settings, places)
    if paths and not result.read_anything and not result.has_errors:
        result = ImportResult(estate, (*findings, finding("IMPORT-NOTHING")), tuple(mappings),
                              settings, places)
    return result


def _deep_update(target: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _deep_update(target[key], value)
        else:
            target[key] = value
