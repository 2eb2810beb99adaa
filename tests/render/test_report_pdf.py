"""The printed report: pages, running footer, facts and figures in the PDF text, paper sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.core.knowledge import Knowledge
from planner.render.report_pdf import write_report_pdf
from tests.core.report.report_fixtures import HOSTILE, empty_plan, large_plan, sample_plan


def _page_text(page: object) -> str:
    # pypdf reports Qt's word gaps as tabs; compare with single spaces.
    return " ".join((page.extract_text() or "").split())  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory,
           knowledge: Knowledge) -> tuple[PdfReader, list[str]]:
    """The German sample report and the text of each page (extracted once: pypdf is slow)."""
    path = tmp_path_factory.mktemp("pdf") / "bericht.pdf"
    write_report_pdf(sample_plan("de"), knowledge, path, "de")
    reader = PdfReader(str(path))
    return reader, [_page_text(p) for p in reader.pages]


def test_german_pdf_has_plausible_pages_and_numbered_footer(
        german: tuple[PdfReader, list[str]]) -> None:
    texts = german[1]
    pages = len(texts)
    assert 8 <= pages <= 20
    assert "Seite 2 von" in texts[1] and f"Seite {pages} von {pages}" in texts[-1]
    assert "Seite 1 von" not in texts[0]  # the cover has no footer


def test_german_pdf_carries_the_key_facts(german: tuple[PdfReader, list[str]]) -> None:
    flat = " ".join(german[1])
    assert "Contoso GmbH" in flat and "Beispiel Consulting AG" in flat
    assert "06.12.2026" in flat  # EX16-01 fully blocked if nothing is done
    assert "Management-Zusammenfassung" in flat and "Annahmen und Quellen" in flat


def test_hostile_server_name_is_printed_as_text(german: tuple[PdfReader, list[str]]) -> None:
    assert HOSTILE in "".join("".join(german[1]).split())


def test_figures_are_vector_drawings_with_real_text(german: tuple[PdfReader, list[str]]) -> None:
    reader, texts = german
    figure_pages = [i for i, t in enumerate(texts) if "Abbildung" in t]
    assert len(figure_pages) >= 3
    text = " ".join(texts[i] for i in figure_pages)
    # Labels inside the figures are PDF text, so the figures were painted as vectors.
    assert "EXO" in text and "Rückbau Punkt 25" in text and "Nur Meldung" in text
    for i in figure_pages:
        xobjects = reader.pages[i].get("/Resources", {}).get("/XObject", {})
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":  # only the 1-pixel placeholder, never a chart
                assert int(obj["/Width"]) <= 2


def test_english_letter_pdf(tmp_path: Path, knowledge: Knowledge) -> None:
    path = tmp_path / "report.pdf"
    write_report_pdf(sample_plan("en"), knowledge, path, "en", paper="Letter")
    reader = PdfReader(str(path))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert "Page 2 of" in _page_text(reader.pages[1])


def test_empty_and_large_plans_render(tmp_path: Path, knowledge: Knowledge) -> None:
    assert write_report_pdf(empty_plan(), knowledge, tmp_path / "empty.pdf", "de") >= 3
    pages = write_report_pdf(large_plan(80), knowledge, tmp_path / "large.pdf", "en")
    assert pages == len(PdfReader(str(tmp_path / "large.pdf")).pages) > 8


def test_print_report_drives_a_qprinter_like_the_pdf(tmp_path: Path,
                                                      knowledge: Knowledge) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from planner.render.report_pdf import ensure_app, print_report

    ensure_app()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = print_report(sample_plan("en"), knowledge, printer, "en")
    direct = write_report_pdf(sample_plan("en"), knowledge, tmp_path / "direct.pdf", "en")
    assert pages == direct == len(PdfReader(str(tmp_path / "printed.pdf")).pages)
