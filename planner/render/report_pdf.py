"""The customer report printed through Qt: PDF files, print preview and real printers.

The HTML from ``planner.core.report`` is laid out by a QTextDocument with our own page loop
(header, footer, "Seite x von y"). Figures are not images: the template leaves a
placeholder image of the right size; after pagination we find where each one landed and paint
the figure there as vectors, straight into the page painter (Qt would re-encode a raster image
as JPEG). Qt's custom text-object handlers cannot be implemented from Python, hence this.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from planner.core.about import app_version
from planner.core.knowledge import Knowledge
from planner.core.plan import Plan
from planner.core.replace_file import replace_file
from planner.core.report.context import ReportContext, build_context
from planner.core.report.figure import FONT_FAMILY, Figure
from planner.core.report.html import TocEntry, render_context_html
from planner.core.vocabulary import COLOURS
from planner.render.charts import paint_figure
from planner.render.pdf_outline import Bookmark, DocumentInfo, add_outline
from planner.render.report_pages import keep_with_next, text_top

__all__ = ["PageGeometry", "build_document", "document_info", "headings", "print_report",
           "write_report_pdf"]

# Points below a page's top where Qt's own clip starts (see _paint_pages): above the 3.6 pt a
# 9.5 pt paragraph line's extra height reaches, below the 8 pt of the smallest line.
SKIP_LEADING = 12.0

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


@dataclass(frozen=True)
class Placement:
    """Where pagination put a figure: its rectangle in document coordinates."""

    figure: Figure
    rect: QRectF


def ensure_app() -> None:
    """An application object for fonts and painting; offscreen when there is no display.

    A full QApplication, not a QGuiApplication: the same process may later build widgets
    (the GUI, or tests), and Qt aborts when a widget meets a mere QGuiApplication.
    """
    if QCoreApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) \
            and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP
    _APP = QApplication(["planner-report"])


_APP: QApplication | None = None


def _placeholders(doc: QTextDocument) -> list[tuple[QTextBlock, int, str]]:
    """Every ``<img src="figure:ID">`` as (block, position, id)."""
    found: list[tuple[QTextBlock, int, str]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name().startswith("figure:"):
                found.append((block, frag.position(), fmt.toImageFormat().name()[7:]))
            it += 1
        block = block.next()
    return found


def _placements(doc: QTextDocument, figures: dict[str, Figure]) -> list[Placement]:
    """Each figure's rectangle after layout; an inline image sits on its line's baseline."""
    placements: list[Placement] = []
    for block, pos, figure_id in _placeholders(doc):
        figure = figures.get(figure_id)
        layout = block.layout()
        if figure is None or layout is None:
            continue
        offset = pos - block.position()
        line = layout.lineForTextPosition(offset)
        if not line.isValid():
            continue
        origin = doc.documentLayout().blockBoundingRect(block).topLeft()
        x = origin.x() + line.x()  # figures sit alone in their paragraph, at its left edge
        y = origin.y() + line.y() + line.ascent() - figure.height
        placements.append(Placement(figure, QRectF(x, y, figure.width, figure.height)))
    return placements


def _all_figures(context: ReportContext) -> dict[str, Figure]:
    refs = (*context.estate_figures, *context.timeline_figures, *context.gantt_figures)
    return {ref.figure.id: ref.figure for ref in refs}


def _laid_out(context: ReportContext, geometry: PageGeometry, layout_device: QPagedPaintDevice,
              toc: Sequence[TocEntry]) -> QTextDocument:
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)  # pagination's thousands of edits are never undone
    doc.setDocumentMargin(0)
    doc.documentLayout().setPaintDevice(layout_device)  # true pt sizes, not screen DPI
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    # The placeholder only reserves space; a white pixel keeps Qt from drawing a broken image.
    blank = QImage(1, 1, QImage.Format.Format_RGB32)
    blank.fill(QColor(COLOURS["paper"]))
    for figure_id in _all_figures(context):
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("figure:" + figure_id),
                        blank)
    doc.setHtml(render_context_html(context, mode="qt", toc=toc))
    body = geometry.body
    doc.setPageSize(QSizeF(body.width(), body.height()))
    keep_with_next(doc, body.height())
    return doc


def headings(doc: QTextDocument, page_height: float) -> list[Bookmark]:
    """Chapter and section headings after the cover, with their page and height on it."""
    found: list[Bookmark] = []
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if 0 < level <= 2 and block.text().strip():
            top = text_top(doc, block)
            page = int(top // page_height)
            if page > 0:
                found.append(Bookmark(level, " ".join(block.text().split()), page,
                                      top - page * page_height))
        block = block.next()
    return found


_TOC_ROUNDS = 4  # layouts at the most until the contents' page numbers hold


def build_document(context: ReportContext, geometry: PageGeometry,
                   layout_device: QPagedPaintDevice) -> tuple[QTextDocument, list[Placement]]:
    """The paginated document and where each figure landed in it.

    The table of contents has its own page, so its page numbers come from a layout with an
    empty one; filling it in usually moves nothing else, but a table moved to the next page
    whole may land otherwise (a review's English report read "Risks 21" for page 20), so
    the document is laid out again until its headings are where its contents say.
    """
    height = geometry.body.height()
    toc: list[TocEntry] = []
    doc = _laid_out(context, geometry, layout_device, ())
    for _ in range(_TOC_ROUNDS):
        found = [TocEntry(m.level, m.title, m.page + 1) for m in headings(doc, height)]
        if found == toc:
            break
        toc = found
        doc = _laid_out(context, geometry, layout_device, toc)
    return doc, _placements(doc, _all_figures(context))


def _paint_running(painter: QPainter, context: ReportContext, geometry: PageGeometry,
                   page: int, pages: int) -> None:
    """Header and footer of one page (none on the cover)."""
    t = context.t
    body = geometry.body
    font = QFont(FONT_FAMILY)
    dpi = painter.device().logicalDpiY() if painter.device() else 72
    font.setPointSizeF(7.5 * 72.0 / max(dpi, 1))
    painter.setFont(font)
    grey = QColor(COLOURS["muted"])
    painter.setPen(QPen(QColor(COLOURS["grid"]), 0.5))
    head_y = body.top() - 16
    foot_y = body.bottom() + 18
    painter.drawLine(QPointF(body.left(), head_y + 10), QPointF(body.right(), head_y + 10))
    painter.drawLine(QPointF(body.left(), foot_y - 4), QPointF(body.right(), foot_y - 4))
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
                 placements: list[Placement], context: ReportContext,
                 geometry: PageGeometry) -> int:
    """Paint every page with the document's slice, header and footer; return the page count."""
    body = geometry.body
    pages = doc.pageCount()
    for index in range(pages):
        if index:
            device.newPage()
        painter.save()
        painter.translate(body.left(), body.top() - index * body.height())
        page = QRectF(0, index * body.height(), body.width(), body.height())
        # Draw each line on one page only. Qt draws a line whose box touches the clip it is
        # given, and a paragraph's line box includes its extra line height (130 %): the last
        # line of the page before reaches up to 30 % of a line into this page although it was
        # paginated by its text. So Qt's clip starts SKIP_LEADING below the top (less than any
        # line's height, more than any such overhang); the painter's clip keeps a few points
        # above the top for the accents of this page's first line and none below the bottom.
        painter.setClipRect(page.adjusted(-6, -6, 6, 0))
        paint = QAbstractTextDocumentLayout.PaintContext()
        paint.clip = page.adjusted(0, SKIP_LEADING, 0, -0.5)
        doc.documentLayout().draw(painter, paint)
        _paint_top_lines(painter, doc, page)
        for placed in placements:
            if page.contains(placed.rect.center()):
                paint_figure(painter, placed.figure, placed.rect)
        painter.restore()
        if index:
            _paint_running(painter, context, geometry, index + 1, pages)
        else:
            _paint_cover_band(painter, geometry)
    return pages


def _paint_top_lines(painter: QPainter, doc: QTextDocument, page: QRectF) -> None:
    """Paint the lines of the paragraph at the top of ``page`` that Qt's clip skipped.

    Qt skips a line whose box ends above its clip, SKIP_LEADING below the top: an 8-pt note
    (a 10-pt line) moved to the top of a page after a table was printed on no page
    (Gotthard Rail's German effort note). A table's cells are Qt's to draw.
    """
    layout = doc.documentLayout()
    position = layout.hitTest(QPointF(1, page.top() + 0.5), Qt.HitTestAccuracy.FuzzyHit)
    block = doc.findBlock(max(position, 0))
    if not block.isValid() or QTextCursor(block).currentTable() is not None \
            or block.layout() is None:
        return
    box = layout.blockBoundingRect(block)
    lines = block.layout()
    for i in range(lines.lineCount()):
        line = lines.lineAt(i)
        top = box.top() + line.y()
        if top >= page.top() and top + line.height() <= page.top() + SKIP_LEADING:
            line.draw(painter, box.topLeft())


def _paint_cover_band(painter: QPainter, geometry: PageGeometry) -> None:
    """The title page's colour band along the top edge."""
    painter.fillRect(QRectF(0, 0, geometry.width, 34), QColor(COLOURS["accent"]))
    painter.fillRect(QRectF(0, 34, geometry.width, 4), QColor(COLOURS["accent_light"]))


def document_info(plan: Plan, context: ReportContext) -> DocumentInfo:
    """Title, subject, author (the consultancy, never a person) and creator (the planner)."""
    t = context.t
    return DocumentInfo(
        title=f"{t['report_title']} – {context.cover.customer}",
        subject=f"{t['report_subtitle']} · {context.cover.customer} · "
                f"{t['cover_version']} {context.cover.version}",
        author=plan.settings.company,
        creator=f"Exchange SE Planner {app_version()}",
        lang=context.lang,
    )


def write_report_pdf(plan: Plan, knowledge: Knowledge, path: Path | str, lang: str,
                     paper: str | None = None) -> int:
    """Write the report as a vector PDF (A4 unless ``paper`` or the settings say Letter).

    Written beside the target and renamed into place: Qt reports no write error, so an
    empty result (a missing folder, a full disk) is an OutputFileError, not a 0-byte PDF.
    """
    pages: list[int] = []
    replace_file(path, lambda partial: pages.append(
        _write_pdf(plan, knowledge, partial, lang, paper)))
    return pages[0]


def _write_pdf(plan: Plan, knowledge: Knowledge, path: Path, lang: str,
               paper: str | None) -> int:
    ensure_app()
    geometry = PageGeometry.for_paper(paper or plan.settings.paper)
    context = build_context(plan, knowledge, lang)
    info = document_info(plan, context)
    writer = QPdfWriter(str(path))
    writer.setResolution(72)  # one device pixel per point: the figures are laid out in points
    writer.setTitle(info.title)
    writer.setAuthor(info.author)
    writer.setCreator(info.creator)
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS.get((paper or plan.settings.paper).upper(),
                                                          QPageSize.PageSizeId.A4)),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Point))
    doc, placements = build_document(context, geometry, writer)
    painter = QPainter(writer)
    try:
        pages = _paint_pages(painter, writer, doc, placements, context, geometry)
    finally:
        painter.end()
    del writer  # QPdfWriter closes its file only when it goes away
    marks = [Bookmark(m.level, m.title, m.page, geometry.height - geometry.top - m.top)
             for m in headings(doc, geometry.body.height())]
    add_outline(path, marks, info)
    return pages


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
    doc, placements = build_document(context, geometry, reference)
    if hasattr(printer, "setFullPage"):
        printer.setFullPage(True)
    painter = QPainter(printer)
    try:
        scale = printer.logicalDpiX() / 72.0
        painter.scale(scale, scale)
        return _paint_pages(painter, printer, doc, placements, context, geometry)
    finally:
        painter.end()
