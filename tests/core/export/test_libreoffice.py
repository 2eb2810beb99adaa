"""LibreOffice opens the workbook of the mixed sample and prints it to PDF without error."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import Knowledge
from planner.core.outline import build_outline
from planner.core.plan import Plan
from planner.core.settings_defaults import with_names_in


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice is absent (apt-get install libreoffice-calc)")
def test_libreoffice_converts_the_workbook_to_pdf(mixed: tuple[Plan, Knowledge],
                                                  tmp_path: Path) -> None:
    plan, knowledge = mixed
    write_workbook(plan, knowledge, tmp_path / "plan.xlsx", "de")
    profile = tmp_path / "lo-profile"  # a private profile: no clash with a running office
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "plan.xlsx")],
        capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "plan.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(pdf))
    assert len(reader.pages) >= 6  # at least one page per sheet
    assert "Migrationsplan" in reader.pages[0].extract_text()
    # No phase or group row printed last on a page, parted from its steps (the Plan's page
    # one ended with "Servergruppe BER-EX19-01", the Gantt's with "Neue SE-Server").
    summaries = {row.id for row in build_outline(with_names_in(plan, "de"), "de").rows
                 if row.summary}
    feet = []
    for page in range(1, len(reader.pages) + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout",
                               str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        ids = [int(m.group(1)) for m in re.finditer(r"(?m)^\s*(\d+)\s+\d+(?:\.\d+)*\s+\S",
                                                     text)]
        if ids:
            feet.append(ids[-1])
    assert len(feet) >= 4 and not summaries & set(feet[:-1]), feet
