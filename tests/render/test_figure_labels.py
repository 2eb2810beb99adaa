"""Every label of the report's figures fits its box in the real font, so the painter never has
to cut it: a legend read "Checked by Exchange Onli…" and German step titles lost the server
name that tells the Gantt's rows apart, while the core's width estimate said they fitted."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from planner.core.knowledge import Knowledge
from planner.core.report.figure import FONT_FAMILY, Figure, Label, text_width
from planner.pipeline import knowledge_for
from planner.render.charts import (
    dependency_figures,
    enforcement_figures,
    gantt_chart_figures,
    paint_figure,
)
from planner.render.report_pdf import ensure_app
from tests.paths import SAMPLES
from tests.sample_plans import sample_plan

# Measured large, then scaled: at a few pixels per point hinting rounds every advance up.
SCALE = 16.0


def _painted_width(text: str, size: float, bold: bool) -> float:
    ensure_app()
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(2835)  # 72 dpi: a pixel per point, as the report's PDF writer has
    image.setDotsPerMeterY(2835)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size * SCALE)
    font.setBold(bold)
    return QFontMetricsF(font, image).horizontalAdvance(text) / SCALE


@pytest.mark.parametrize("bold", [False, True])
def test_the_width_estimate_is_never_short_of_the_font(bold: bool) -> None:
    texts = ["Checked by Exchange Online", "Von Exchange Online geprüft",
             "26  HealthChecker nach dem Upgrade von BER-EDGE01", "MUC-EX19-01 · Köln",
             "Außerbetriebnahme Exchange 2013", "WWW mmm @%&", "0123456789 CU15 Oct25SU",
             "Zürich, Genève, Ærø, Łódź"]
    for text in texts:
        assert text_width(text, 6.5, bold) >= _painted_width(text, 6.5, bold), text


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir() if p.is_dir()))
def test_no_figure_label_is_cut_by_the_painter(name: str, lang: str,
                                               knowledge: Knowledge) -> None:
    plan = sample_plan(name)
    figures = (dependency_figures(plan, lang)
               + enforcement_figures(plan, knowledge_for(plan.settings), lang)
               + gantt_chart_figures(plan, lang))
    cut = [(figure.id, item.text) for figure in figures for item in figure.items
           if isinstance(item, Label) and item.text and not item.text.endswith("…")
           and _painted_width(item.text, item.size, item.bold) > item.w]
    assert cut == []


def _drawn_texts(figures: tuple[Figure, ...], path: Path) -> list[str]:
    """The text of each figure as a 72-dpi PDF draws it, one page per figure."""
    ensure_app()
    writer = QPdfWriter(str(path))
    writer.setResolution(72)  # as the report's writer: a device pixel per point
    width = max(f.width for f in figures)
    height = max(f.height for f in figures)
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(width, height), QPageSize.Unit.Point),
                                     QPageLayout.Orientation.Portrait, QMarginsF()))
    painter = QPainter(writer)
    for i, figure in enumerate(figures):
        if i:
            writer.newPage()
        paint_figure(painter, figure, QRectF(0, 0, figure.width, figure.height))
    painter.end()
    del writer  # closes the file
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text() or "").split())
            for page in PdfReader(str(path)).pages]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir() if p.is_dir()))
def test_the_pdf_draws_every_label_whole(name: str, lang: str, knowledge: Knowledge,
                                         tmp_path: Path) -> None:
    # a 72-dpi PDF draws a 6.6-pt label with hinted advances, wider than the font's own: the
    # painter cut 'Active Directory vor der Schemaerweiterung sichern' and '… von
    # FAB-EDGE01' (small sample, German) that the width estimate above said fitted
    plan = sample_plan(name)
    figures = (dependency_figures(plan, lang)
               + enforcement_figures(plan, knowledge_for(plan.settings), lang)
               + gantt_chart_figures(plan, lang))
    drawn = _drawn_texts(figures, tmp_path / "figures.pdf")
    cut = [(figure.id, item.text) for figure, text in zip(figures, drawn, strict=True)
           for item in figure.items if isinstance(item, Label) and item.text.strip()
           and " ".join(unicodedata.normalize("NFKC", item.text).split()) not in text]
    assert cut == []
