"""No subject or mail address from the transport logs reaches a deliverable or the project file.

The generated logs hold confidential subjects and the staff's mail addresses; every output
(plan JSON, GraphML, Excel, MS Project XML, HTML and PDF report in both languages, the saved
project) is searched for them, unpacked where it is a zip and as text where it is a PDF.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import write_workbook
from planner.core.graph import write_graphml
from planner.core.plan_json import plan_to_plain
from planner.core.project import Project, save_project
from planner.core.report.html import render_report_html
from planner.pipeline import knowledge_for, load_inputs, make_plan
from tests.paths import MIXED
from tests.transport_log_maker import SECRETS, write_logs

# Senders and recipients the generator wrote besides the secrets themselves.
ADDRESSES = ("noreply@contoso.de", "ceo@contoso.de")


def _texts(path: Path) -> list[str]:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return [page.extract_text() or "" for page in PdfReader(path).pages]
    if data.startswith(b"PK"):
        with zipfile.ZipFile(path) as z:
            return [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
    return [data.decode("utf-8", "replace")]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from planner.render.report_pdf import write_report_pdf  # Qt: only this test needs it

    logs, out = tmp_path_factory.mktemp("logs"), tmp_path_factory.mktemp("out")
    write_logs(logs, days=2)
    inputs = load_inputs([MIXED, logs])
    assert inputs.estate.mail_flows and any(rc.discovered for rc in inputs.estate.relay_clients)
    knowledge = knowledge_for(inputs.settings)
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings, knowledge=knowledge)
    (out / "plan.json").write_text(json.dumps(plan_to_plain(plan, knowledge)), encoding="utf-8")
    write_graphml(plan.estate, knowledge, out / "estate.graphml")
    for lang in ("de", "en"):
        write_workbook(plan, knowledge, out / f"plan-{lang}.xlsx", lang)
        write_mspdi(plan, knowledge, out / f"plan-{lang}.xml", lang)
        (out / f"report-{lang}.html").write_text(render_report_html(plan, knowledge, lang),
                                                 encoding="utf-8")
    write_report_pdf(plan, knowledge, out / "report.pdf", "de")
    save_project(Project(estate=plan.estate, findings=inputs.findings, settings=plan.settings,
                         plan=plan), out / "customer.esplan")
    return sorted(out.iterdir())


def test_no_subject_or_address_in_any_output(outputs: list[Path]) -> None:
    assert len(outputs) == 10
    for path in outputs:
        for text in _texts(path):
            for secret in (*SECRETS, *ADDRESSES):
                assert secret not in text, f"{secret!r} in {path.name}"


def test_the_outputs_do_carry_the_relay_clients_and_volumes(outputs: list[Path]) -> None:
    """The search above only means something if the logs' findings are in the outputs."""
    report = next(p for p in outputs if p.name == "report-en.html").read_text(encoding="utf-8")
    assert "veeam01.contoso.local" in report
    assert "About 65 messages a day go from BER-EX16-01 to Exchange Online" in report
    workbook = " ".join(_texts(next(p for p in outputs if p.name == "plan-de.xlsx")))
    assert "crm-app01.contoso.local" in workbook and "An Exchange Online" in workbook
