"""A relay address no inventoried client explains gets a re-point step that every deliverable
shows (plan JSON, Excel, MS Project XML, report) and that the old server's removal waits for:
on the mixed PowerShell sample and on ``tests/estates/mailflow-moselbrau``."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import load_knowledge
from planner.core.plan_json import plan_to_plain
from planner.core.report.html import render_report_html
from planner.core.rules.order import step_graph
from planner.core.transport_listing import relay_listing
from tests.sample_plans import estate_plan, sample_plan

MOSELBRAU = (Path(__file__).resolve().parents[1] / "estates" / "mailflow-moselbrau"
             / "inventory.xlsx")


def test_the_mixed_samples_unlisted_relay_address_is_repointed_before_removal() -> None:
    plan = sample_plan("mixed-powershell")
    rows = relay_listing(plan.estate, "en", plan.proposal.steps).rows
    assert [r[:3] for r in rows] == [("unknown device", "10.10.1.20",
                                      "Relay Anonymous (BER-EX16-01)")]
    ids = {s.id for s in plan.proposal.steps}
    relay = "sbs:relay:DAG-BER16:unknown-10.10.1.20"
    assert relay in ids
    g = step_graph(plan.proposal.steps)
    for server in ("BER-EX16-01", "BER-EX16-02"):
        assert relay in nx.ancestors(g, f"sbs:decom:{server}")
    receive = next(s for s in plan.proposal.steps if s.id == "sbs:receive:DAG-BER16")
    assert "-Bindings '[::]:25','0.0.0.0:25'" in receive.command_in("en")


def test_every_deliverable_shows_the_unknown_relay_steps(tmp_path: Path) -> None:
    plan, knowledge = estate_plan([MOSELBRAU]), load_knowledge()
    title = "Relay-Clients in 10.30.8.0/24 (256 Adressen, Connector „Relay Scanner“)"
    plain = json.dumps(plan_to_plain(plan, knowledge), ensure_ascii=False)
    assert "sbs:relay:MB-DAG16:unknown-10.30.8.0-24" in plain
    decom = next(s for s in plan.proposal.steps if s.id == "sbs:decom:MB-EX16-01")
    assert "sbs:relay:MB-DAG16:unknown-10.30.8.0-24" in {d.step_id for d in decom.predecessors}
    write_workbook(plan, knowledge, tmp_path / "plan.xlsx", "de")
    book = load_workbook(tmp_path / "plan.xlsx", read_only=True)
    cells = [str(v) for row in book.worksheets[0].iter_rows(values_only=True)
             for v in row if v is not None]
    assert any(title in c for c in cells)
    every = [str(v) for sheet in book.worksheets[1:] for row in sheet.iter_rows(values_only=True)
             for v in row if v is not None]
    # the estate's connectors with their bindings and ranges as Exchange writes them
    assert "[::]:25, 0.0.0.0:25" in every and "10.30.9.10-10.30.9.19" in every
    # the relay clients' table lists what only a connector admits, once per range
    assert "unbekannte Geräte (256 Adressen)" in every and "10.30.8.0/24" in every
    write_mspdi(plan, knowledge, tmp_path / "plan.xml", "de")
    assert title in (tmp_path / "plan.xml").read_text(encoding="utf-8")
    report = render_report_html(plan, knowledge, "de")
    assert title in report.replace("&#34;", '"')
    assert "unbekannte Geräte (256 Adressen)" in report


GOTTHARD = Path(__file__).resolve().parents[1] / "estates" / "gotthard-rail"


@pytest.mark.parametrize(("lang", "word"), [("en", "to"), ("de", "an")])
def test_the_relay_client_table_names_the_server_address_each_device_reaches_today(
        lang: str, word: str) -> None:
    """The report's and workbook's relay-client table (one listing) says where each device
    sends today as far as the logs show: the Exchange address its sessions reached, beside
    the connector and server that took them (it named only those)."""
    plan = estate_plan([GOTTHARD / "inventory.xlsx", GOTTHARD / "Get-OnPremServerReportInfo.txt",
                        GOTTHARD / "transport-logs"])
    paths = {row[0]: row[2] for row in relay_listing(plan.estate, lang, plan.proposal.steps).rows}
    assert paths["Abacus ERP"] == f"Relay Innsbruck (IBK-EX16-01) {word} 10.70.0.21"
    for rc in plan.estate.relay_clients:
        assert (f" {word} " in paths[rc.name]) == bool(rc.reached)
