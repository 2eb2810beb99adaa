"""A made-up document laid out and paginated as the report lays out its own."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QSizeF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPdfWriter, QTextDocument

from planner.core.report.figure import FONT_FAMILY
from planner.render.report_pages import keep_with_next
from planner.render.report_pdf import ensure_app

__all__ = ["paginated", "report_document"]


def report_document(device: QPagedPaintDevice, css: str) -> QTextDocument:
    """An empty document laid out on ``device`` (true point sizes on a 72-dpi PDF writer) in
    9-pt report type with ``css``, as the report's."""
    ensure_app()
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.documentLayout().setPaintDevice(device)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(css)
    return doc


def paginated(html: str, css: str, page: float, width: float = 300) -> QTextDocument:
    """``html`` in a :func:`report_document`, paginated on pages ``page`` points high."""
    ensure_app()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    device = QPdfWriter(buffer)
    device.setResolution(72)
    doc = report_document(device, css)
    buffer.setParent(device)  # both kept as long as the document: its layout measures on them
    device.setParent(doc)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(width, page))
    keep_with_next(doc, page)
    doc.documentLayout().documentSize()
    return doc
