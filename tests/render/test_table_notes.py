"""A table's note (the small print under it) is printed on the page of the table's last row.

A PMO found the effort note of a report at the top of the page after its table, and in
Gotthard Rail's English report it was on no page at all: laid out 0.8 pt below the top of
page 4, with its table on page 3, the painter took the spot for the table's and skipped it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QTextBlock, QTextDocument, QTextTable

from planner.core.plan import Plan
from planner.core.report.context import ReportContext, build_context
from planner.pipeline import knowledge_for, load_inputs, make_plan
from planner.render.page_moves import TABLE_NOTE, row_extent, table_note
from planner.render.report_pdf import write_report_pdf
from tests.paths import ROOT
from tests.render.report_like import paginated
from tests.sample_plans import QUICK

PAGE = 220.0
_CSS = ("p { margin-top: 0; margin-bottom: 6px; line-height: 130%; } "
        f"p.table-note {{ font-size: 8pt; -qt-user-state: {TABLE_NOTE}; }}")
_ROW = "<tr><td>{n}</td><td>row {n}</td></tr>"


def _document(lines: int, offset: int, rows: int) -> QTextDocument:
    """Filler, a heading, a table of ``rows`` rows and its note, paginated as the report."""
    return paginated(f"<p style='margin-top: {offset}px'>Top</p>"
                     + "".join(f"<p>Filler line {i}</p>" for i in range(lines))
                     + "<h2>The table's heading</h2>"
                     + "<table width='100%'><thead><tr><th>No.</th><th>What</th></tr></thead>"
                     + "".join(_ROW.format(n=n) for n in range(rows)) + "</table>"
                     + "<p class='table-note'>A note that belongs to the table.</p>"
                     + "<p>After.</p>", _CSS, PAGE)


def _notes(doc: QTextDocument) -> list[tuple[QTextBlock, QTextTable]]:
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    return [(note, table) for table in tables if (note := table_note(doc, table)) is not None]


def _note_pages(doc: QTextDocument, block: QTextBlock, page: float) -> set[int]:
    """The pages the note's lines are laid out on."""
    top = doc.documentLayout().blockBoundingRect(block).top()
    lines = block.layout()
    return {int((top + lines.lineAt(i).y() + offset) // page)
            for i in range(lines.lineCount()) for offset in (0.0, lines.lineAt(i).height() - 0.01)}


@pytest.mark.parametrize("rows", [3, 14])
@pytest.mark.parametrize("offset", range(0, 20, 3))
@pytest.mark.parametrize("lines", range(3, 13))
def test_a_note_stays_on_the_page_of_its_tables_last_row(lines: int, offset: int,
                                                         rows: int) -> None:
    doc = _document(lines, offset, rows)
    (note, table), = _notes(doc)
    last = int((row_extent(table, table.rows() - 1)[1] - 1) // PAGE)
    assert _note_pages(doc, note, PAGE) == {last}, (lines, offset, rows)
    if rows > 3:  # a long table is not moved whole for its note: at most its last row is
        assert int(row_extent(table, 1)[0] // PAGE) <= last


def _text(page: object) -> str:
    # NFKC: Qt writes "fi" as a ligature glyph, which extracts as one character.
    text = unicodedata.normalize("NFKC", page.extract_text() or "")  # type: ignore[attr-defined]
    return " ".join(text.split())


ESTATES = ROOT / "tests" / "estates"
_INPUTS = {
    "gotthard-rail": ("inventory.xlsx", "Get-OnPremServerReportInfo.txt", "transport-logs"),
    "thames-shannon": ("inventory.xlsx", "exo-report.csv", "transport-logs"),
}


@cache
def _plan(name: str) -> Plan:
    """The estate planned as ``planner plan`` plans it, with its settings (the consultants,
    the customer's name, the start date: what the report's pages hold)."""
    folder = ESTATES / name
    inputs = load_inputs([folder / f for f in _INPUTS[name]],
                         settings_path=folder / "settings.toml")
    settings = replace(inputs.settings, solver_time_limit_s=QUICK)
    return make_plan(inputs.estate, inputs.findings, settings, knowledge=knowledge_for(settings))


def _table_notes(context: ReportContext) -> list[tuple[str, str]]:
    """(note, the first cell of its table's last row) for each note the report prints."""
    notes = [(context.t["effort_note"], context.effort.rows[-1].cells[0])]
    if context.deadlines.rows and context.deadlines_note:
        notes.append((context.deadlines_note, context.deadlines.rows[-1].cells[0]))
    if context.findings.rows and context.findings_note:
        notes.append((context.findings_note, context.findings.rows[-1].cells[0]))
    return notes


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", sorted(_INPUTS))
def test_the_reports_notes_are_printed_beside_their_tables(name: str, lang: str,
                                                           tmp_path: Path) -> None:
    plan = _plan(name)
    knowledge = knowledge_for(plan.settings)
    path = tmp_path / f"{name}-{lang}.pdf"
    write_report_pdf(plan, knowledge, path, lang)
    pages = [_text(p) for p in PdfReader(str(path)).pages]
    for note, last_row in _table_notes(build_context(plan, knowledge, lang)):
        note = " ".join(note.split())
        printed = [i for i, text in enumerate(pages) if note in text]
        assert len(printed) == 1, (note, printed)  # printed, and once
        page = pages[printed[0]]
        # the table's last row above it on its page
        assert last_row in page and page.index(last_row) < page.index(note), (note, printed)
