"""Every deliverable the planner writes, listed once: the CLI and the GUI loop over these.

Each exporter writes one plan in one language to one file; a failure raises ``OSError``
(``OutputFileError`` names the file) and leaves no half-written file behind. The CLI offers
every exporter as ``--<key>``; the GUI's File menu offers those marked ``in_menu``, named by
``deliverable.<key>`` in the text catalogues.

The writers import their libraries when first called (each import says so): the GUI builds
its File menu from this list at start, and xlsxwriter, jinja2, networkx and Qt's PDF code
together would delay the empty window by over half a second (0.66 s measured, load 0.5).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from planner.core.replace_file import replace_text

if TYPE_CHECKING:  # the knowledge base and the plan load with the first plan (start-up time)
    from planner.core.knowledge import Knowledge
    from planner.core.plan import Plan

__all__ = ["EXPORTERS", "Exporter"]

Write: TypeAlias = "Callable[[Plan, Knowledge, Path, str], None]"


@dataclass(frozen=True)
class Exporter:
    """One kind of deliverable: its key (CLI option ``--<key>``), file suffix and writer.

    ``help``: the CLI option's help (English, as all of argparse's); ``in_menu``: a
    deliverable for the customer, offered in the GUI's File menu (named by
    ``deliverable.<key>``); ``shortcut``: its key sequence there, e.g. "Ctrl+E".
    """

    key: str
    suffix: str
    write: Write
    help: str
    in_menu: bool = False
    shortcut: str = ""


def _write_json(plan: Plan, knowledge: Knowledge, path: Path, lang: str) -> None:
    from planner.core.plan_json import plan_to_plain, records_json  # start-up time

    text = records_json(plan_to_plain(plan, knowledge, lang))
    replace_text(path, text + "\n")


def _write_graphml(plan: Plan, knowledge: Knowledge, path: Path, lang: str) -> None:
    from planner.core.graph import write_graphml  # start-up time: networkx

    write_graphml(plan.estate, knowledge, path)


def _write_xlsx(plan: Plan, knowledge: Knowledge, path: Path, lang: str) -> None:
    from planner.core.export.xlsx import write_workbook  # start-up time: xlsxwriter

    write_workbook(plan, knowledge, path, lang)


def _write_mspdi(plan: Plan, knowledge: Knowledge, path: Path, lang: str) -> None:
    from planner.core.export.mspdi import write_mspdi  # start-up time, see the docstring

    write_mspdi(plan, knowledge, path, lang)


def _write_html(plan: Plan, knowledge: Knowledge, path: Path, lang: str) -> None:
    from planner.core.report.html import render_report_html  # start-up time: jinja2

    replace_text(path, render_report_html(plan, knowledge, lang))


def _write_pdf(plan: Plan, knowledge: Knowledge, path: Path, lang: str) -> None:
    from planner.render.report_pdf import write_report_pdf  # start-up time: Qt's PDF code

    write_report_pdf(plan, knowledge, path, lang)


# In the order the CLI writes them (the cheap ones first); the File menu keeps this order.
EXPORTERS: tuple[Exporter, ...] = (
    Exporter("json", ".json", _write_json, "the plan as JSON"),
    Exporter("graphml", ".graphml", _write_graphml, "the dependency graph as GraphML"),
    Exporter("xlsx", ".xlsx", _write_xlsx, "the Excel project plan",
             in_menu=True, shortcut="Ctrl+E"),
    Exporter("mspdi", ".xml", _write_mspdi, "the plan as MS Project XML", in_menu=True),
    Exporter("html", ".html", _write_html, "the customer report as HTML"),
    Exporter("pdf", ".pdf", _write_pdf, "the customer report as PDF",
             in_menu=True, shortcut="Ctrl+Shift+E"),
)
