"""The customer report printed through Qt: PDF files, print preview and real printers.

The HTML from ``planner.core.report`` is laid out by a QTextDocument with our own page loop
(header, footer, "Seite x von y"). Figures are not images: the template leaves a
placeholder of the right size, which becomes a custom text object whose handler paints the
figure as vectors straight into the page painter, wherever pagination put it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextObjectInterface,
)

from planner.core.knowledge import Knowledge
from planner.core.plan import Plan
from planner.core.report.context import ReportContext, build_context
from planner.core.report.figure import FONT_FAMILY, Figure
from planner.core.report.html import render_context_html
from planner.render.charts import paint_figure

__all__ = ["PageGeometry", "build_document", "print_report", "write_report_pdf"]

FIGURE_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
FIGURE_ID = QTextFormat.Property.UserProperty + 1
PAPERS = {"A4": QPageSize.PageSizeId.A4, "LETTER": QPageSize.PageSizeId.Letter}


@dataclass(frozen=True)
class PageGeometry:
    """Paper size and margins in points; the body is where the document flows."""

    width: float
    height: float
    left: float = 42.5  # 15 mm
    right: float = 42.5
    top: float = 62.0  # room for the running header
    bottom: float = 56.0  # room for the footer

    @property
    def body(self) -> QRectF:
        """The text area."""
        return QRectF(self.left, self.top, self.width - self.left - self.right,
                      self.height - self.top - self.bottom)

    @classmethod
    def for_paper(cls, paper: str) -> PageGeometry:
        """A4 (default) or Letter."""
        size = QPageSize(PAPERS.get(paper.strip().upper(), QPageSize.PageSizeId.A4))
        points = size.sizePoints()
        return cls(float(points.width()), float(points.height()))


class _FigureHandler(QObject, QTextObjectInterface):
    """Sizes and paints the figure objects inside the QTextDocument."""

    def __init__(self, figures: dict[str, Figure]) -> None:
        super().__init__()
        self.figures = figures

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802
        figure = self.figures.get(str(fmt.property(FIGURE_ID)))
        return QSizeF(figure.width, figure.height) if figure else QSizeF(1, 1)

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument,  # noqa: N802
                   pos: int, fmt: QTextFormat) -> None:
        figure = self.figures.get(str(fmt.property(FIGURE_ID)))
        if figure:
            paint_figure(painter, figure, rect)


def ensure_app() -> None:
    """A QGuiApplication for fonts and painting; offscreen when there is no display."""
    if QCoreApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) \
            and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP  # noqa: PLW0603 - the application must outlive this call
    _APP = QGuiApplication(["planner-report"])


_APP: QGuiApplication | None = None


def _swap_placeholders(doc: QTextDocument, figures: dict[str, Figure]) -> None:
    """Replace each ``<img src="figure:ID">`` by a figure object of the same size."""
    found: list[tuple[int, str]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.isImageFormat():
                name = fmt.toImageFormat().name()
                if name.startswith("figure:") and name[7:] in figures:
                    found.append((frag.position(), name[7:]))
            it += 1
        block = block.next()
    cursor = QTextCursor(doc)
    for pos, figure_id in reversed(found):
        cursor.setPosition(pos)
        cursor.setPosition(pos + 1, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setObjectType(FIGURE_OBJECT)
        fmt.setProperty(FIGURE_ID, figure_id)
        cursor.insertText("\ufffc", fmt)


def _all_figures(context: ReportContext) -> dict[str, Figure]:
    refs = (*context.estate_figures, *context.timeline_figures, *context.gantt_figures)
    return {ref.figure.id: ref.figure for ref in refs}


def build_document(context: ReportContext, geometry: PageGeometry,
                   layout_device: QPagedPaintDevice) -> tuple[QTextDocument, QObject]:
    """The laid-out document and the figure handler (keep it alive while painting)."""
    figures = _all_figures(context)
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.documentLayout().setPaintDevice(layout_device)  # true pt sizes, not screen DPI
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    handler = _FigureHandler(figures)
    doc.documentLayout().registerHandler(FIGURE_OBJECT, handler)
    doc.setHtml(render_context_html(context, mode="qt"))
    _swap_placeholders(doc, figures)
    body = geometry.body
    doc.setPageSize(QSizeF(body.width(), body.height()))
    return doc, handler


def _paint_running(painter: QPainter, context: ReportContext, geometry: PageGeometry,
                   page: int, pages: int) -> None:
    """Header and footer of one page (none on the cover)."""
    t = context.t
    body = geometry.body
    font = QFont(FONT_FAMILY)
    dpi = painter.device().logicalDpiY() if painter.device() else 72
    font.setPointSizeF(7.5 * 72.0 / max(dpi, 1))
    painter.setFont(font)
    grey = QColor("#5f6b7a")
    painter.setPen(QPen(QColor("#c9d1da"), 0.5))
    head_y = body.top() - 16
    foot_y = body.bottom() + 18
    painter.drawLine(body.left(), head_y + 10, body.right(), head_y + 10)
    painter.drawLine(body.left(), foot_y - 4, body.right(), foot_y - 4)
    painter.setPen(grey)
    left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    width = body.width()
    painter.drawText(QRectF(body.left(), head_y - 4, width * 0.7, 12), int(left),
                     f"{t['header_title']} · {context.cover.customer}")
    painter.drawText(QRectF(body.left() + width * 0.5, head_y - 4, width * 0.5, 12), int(right),
                     context.cover.prepared_by)
    painter.drawText(QRectF(body.left(), foot_y, width * 0.7, 12), int(left),
                     f"{context.cover.date} · {t['cover_version']} {context.cover.version}")
    painter.drawText(QRectF(body.left() + width * 0.5, foot_y, width * 0.5, 12), int(right),
                     t["page_of"].format(page=page, pages=pages))


def _paint_pages(painter: QPainter, device: QPagedPaintDevice, doc: QTextDocument,
                 context: ReportContext, geometry: PageGeometry) -> int:
    """Paint every page with the document's slice, header and footer; return the page count."""
    body = geometry.body
    pages = doc.pageCount()
    for index in range(pages):
        if index:
            device.newPage()
        painter.save()
        painter.translate(body.left(), body.top() - index * body.height())
        doc.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
        painter.restore()
        if index:
            _paint_running(painter, context, geometry, index + 1, pages)
    return pages


def write_report_pdf(plan: Plan, knowledge: Knowledge, path: Path | str, lang: str,
                     paper: str | None = None) -> int:
    """Write the report as a vector PDF (A4 unless ``paper`` or the settings say Letter)."""
    ensure_app()
    geometry = PageGeometry.for_paper(paper or plan.settings.paper)
    context = build_context(plan, knowledge, lang)
    writer = QPdfWriter(str(path))
    writer.setResolution(72)  # one device pixel per point: the figures are laid out in points
    writer.setTitle(f"{context.t['report_title']} – {context.cover.customer}")
    writer.setCreator(context.cover.prepared_by or "Exchange SE planner")
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS.get((paper or plan.settings.paper).upper(),
                                                          QPageSize.PageSizeId.A4)),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Point))
    doc, _handler = build_document(context, geometry, writer)
    painter = QPainter(writer)
    try:
        return _paint_pages(painter, writer, doc, context, geometry)
    finally:
        painter.end()


def print_report(plan: Plan, knowledge: Knowledge, printer: QPagedPaintDevice, lang: str) -> int:
    """Print the report on ``printer`` (a QPrinter, also inside QPrintPreviewDialog)."""
    ensure_app()
    layout = printer.pageLayout()
    full = layout.fullRectPoints()
    geometry = PageGeometry(float(full.width()), float(full.height()))
    context = build_context(plan, knowledge, lang)
    # Lay out against a 72-dpi reference so a 600-dpi printer gets exactly the PDF's pages.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    reference = QPdfWriter(buffer)
    reference.setResolution(72)
    doc, _handler = build_document(context, geometry, reference)
    if hasattr(printer, "setFullPage"):
        printer.setFullPage(True)
    painter = QPainter(printer)
    try:
        scale = printer.logicalDpiX() / 72.0
        painter.scale(scale, scale)
        return _paint_pages(painter, printer, doc, context, geometry)
    finally:
        painter.end()
