"""Customer text is data in every export: never a formula, never markup (#11)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from planner.core.knowledge import Knowledge
from planner.core.model import RelayClient, Server
from planner.core.plan import Plan
from planner.pipeline import knowledge_for, make_plan
from tests.sample_plans import QUICK, sample_inputs

HOSTILE = ["=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "<script>alert(1)</script>"]


@cache
def _hostile_plan() -> tuple[Plan, Knowledge]:
    inputs = sample_inputs("mixed")
    estate = inputs.estate
    server = estate.servers[0]
    clients = tuple(RelayClient(name=text, host=text, server=server.name, owner=text)
                    for text in HOSTILE)
    odd = tuple(Server(name=text, build="15.2.2562.17", site=server.site, roles=("Mailbox",),
                       notes=text) for text in HOSTILE)
    estate = replace(estate, relay_clients=estate.relay_clients + clients,
                     servers=(replace(server, notes=HOSTILE[0]), *estate.servers[1:], *odd))
    # the exports need a plan with the hostile text in it, not the best plan
    settings = replace(inputs.settings, solver_time_limit_s=QUICK)
    knowledge = knowledge_for(settings)
    return make_plan(estate, inputs.findings, settings, knowledge=knowledge), knowledge


def test_no_customer_text_becomes_a_formula_in_the_workbook(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from planner.core.export.xlsx import write_workbook

    plan, knowledge = _hostile_plan()
    out = tmp_path / "plan.xlsx"
    write_workbook(plan, knowledge, out, "en")
    seen: set[str] = set()
    for ws in load_workbook(out).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and any(h in cell.value for h in HOSTILE):
                    assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                    seen.add(cell.value)
    assert any(v.startswith("=HYPERLINK") for v in seen), "the hostile text must still be there"


def test_markup_in_names_is_text_in_the_report() -> None:
    from planner.core.report.html import render_report_html

    plan, knowledge = _hostile_plan()
    html = render_report_html(plan, knowledge, "de")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
