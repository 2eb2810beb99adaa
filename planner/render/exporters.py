"""Every deliverable the planner writes, listed once: the CLI and the GUI loop over these.

Each exporter writes one plan in one language to one file; a failure raises ``OSError``
(``OutputFileError`` names the file) and leaves no half-written file behind.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import write_workbook
from planner.core.graph import write_graphml
from planner.core.knowledge import Knowledge
from planner.core.plan import Plan
from planner.core.plan_json import plan_to_plain
from planner.core.replace_file import replace_text
from planner.core.report.html import render_report_html

__all__ = ["EXPORTERS", "Exporter", "exporter"]

Write = Callable[[Plan, Knowledge, Path, str], None]


@dataclass(frozen=True)
class Exporter:
    """One kind of deliverable: its key (CLI option ``--<key>``), file suffix and writer."""

    key: str
    suffix: str
    write: Write


def _write_json(plan: Plan, knowledge: Knowledge, path: Path, lang: str) -> None:
    text = json.dumps(plan_to_plain(plan, knowledge), indent=2, ensure_ascii=False)
    replace_text(path, text + "\n")


def _write_graphml(plan: Plan, knowledge: Knowledge, path: Path, lang: str) -> None:
    write_graphml(plan.estate, knowledge, path)


def _write_html(plan: Plan, knowledge: Knowledge, path: Path, lang: str) -> None:
    replace_text(path, render_report_html(plan, knowledge, lang))


def _write_pdf(plan: Plan, knowledge: Knowledge, path: Path, lang: str) -> None:
    from planner.render.report_pdf import write_report_pdf  # Qt: only when a PDF is asked for

    write_report_pdf(plan, knowledge, path, lang)


# In the order the CLI writes them (the cheap ones first).
EXPORTERS: tuple[Exporter, ...] = (
    Exporter("json", ".json", _write_json),
    Exporter("graphml", ".graphml", _write_graphml),
    Exporter("xlsx", ".xlsx", write_workbook),
    Exporter("mspdi", ".xml", write_mspdi),
    Exporter("html", ".html", _write_html),
    Exporter("pdf", ".pdf", _write_pdf),
)


def exporter(key: str) -> Exporter:
    """The exporter with this key; KeyError names it."""
    for found in EXPORTERS:
        if found.key == key:
            return found
    raise KeyError(key)
