"""Every line the layout puts at the top of a page is printed there: Gotthard Rail's German
effort note (8 pt, a 10-pt line), moved to the top of page 4, was skipped by the painter's
clip, which started 12 pt below the top for the overhang of the line before."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPainter, QPdfWriter

from planner.render.report_pdf import PageGeometry, _paint_pages, ensure_app
from tests.render.report_like import report_document

_CSS = "p { margin-top: 0; margin-bottom: 6px; line-height: 130%; } " \
       "p.small { font-size: 8pt; } p.tiny { font-size: 7pt; }"
_CONTEXT = SimpleNamespace(
    t={"header_title": "Report", "cover_version": "version", "page_of": "Page {page} of {pages}"},
    cover=SimpleNamespace(customer="Customer", prepared_by="Consultant", date="today",
                          version="1.0"))


@pytest.mark.parametrize("before", [1, 3, 5])
@pytest.mark.parametrize("kind", ["small", "tiny", ""])
def test_a_small_line_at_the_top_of_a_page_is_printed(tmp_path: Path, kind: str,
                                                      before: int) -> None:
    ensure_app()
    path = tmp_path / "top.pdf"
    geometry = PageGeometry.for_paper("A4")
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    doc = report_document(writer, _CSS)
    rows = "".join(f"<tr><td>{n}</td><td>row</td></tr>" for n in range(3))
    doc.setHtml("<p>First page</p>" + "<p style='page-break-before: always'>Filler</p>"
                * (before - 1) + "<table width='100%'>" + rows + "</table>"
                + "<p class='" + kind + "' style='page-break-before: always'>"
                "Noteatthetopofthepage</p><p>After it</p>")
    doc.setPageSize(geometry.body.size())
    painter = QPainter(writer)
    try:
        pages = _paint_pages(painter, writer, doc, [], _CONTEXT, geometry)  # type: ignore[arg-type]
    finally:
        painter.end()
    del writer
    assert pages == before + 1
    text = " ".join((PdfReader(str(path)).pages[before].extract_text() or "").split())
    assert text.count("Noteatthetopofthepage") == 1 and "After it" in text
