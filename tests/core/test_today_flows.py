"""The state today per mail flow: which mail to Exchange Online each judged server carries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import (
    Connector,
    ConnectorType,
    Estate,
    ExoReport,
    MailFlow,
    MailFlowKind,
    Organization,
    Server,
)
from planner.core.report.html import render_report_html
from planner.core.today_flows import flow_text, flow_today
from planner.pipeline import make_plan
from tests.core.scheduler.builders import settings


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The shipped knowledge base."""
    return load_knowledge()


def _server(name: str, roles: tuple[str, ...] = ("Mailbox",)) -> Server:
    return Server(name, fqdn=f"{name.lower()}.contoso.com", roles=roles, build="15.1.2507.39")


def _estate(hybrid: bool = True) -> Estate:
    """EX01 sends to the tenant over the hybrid connector (logs read); EX02 is only reported."""
    flows = (MailFlow("EX01", MailFlowKind.TO_EXO, date(2026, 11, 2), 4200),
             MailFlow("EX01", MailFlowKind.TO_EXO, date(2026, 11, 3), 4300),
             MailFlow("EX01", MailFlowKind.INTERNAL, date(2026, 11, 3), 9000))
    return Estate(
        organization=Organization(hybrid=hybrid),
        servers=(_server("EX01"), _server("EX02")),
        connectors=(Connector("Outbound to Office 365 - 1234", ConnectorType.SEND,
                              servers=("EX01",),
                              address_spaces=("smtp:contoso.mail.onmicrosoft.com;1",)),),
        exo_reports=(ExoReport("ex01.contoso.com", "15.1.2507.39", date(2026, 9, 14)),
                     ExoReport("ex02.contoso.com", "15.1.2507.39", date(2026, 9, 14))),
        mail_flows=flows)


def test_connector_volume_and_hybrid_path() -> None:
    estate = _estate()
    ex01, ex02 = flow_today(estate, "ex01"), flow_today(estate, "EX02")
    assert ex01.connectors == ("Outbound to Office 365 - 1234",) and ex01.per_day == 4250
    assert ex02.connectors == () and ex02.per_day is None and ex02.hybrid
    assert flow_text(ex01, "en") == ("outbound to Exchange Online via send connector "
                                     "“Outbound to Office 365 - 1234”, about 4,250 messages a day")
    assert flow_text(ex01, "de") == ("ausgehend zu Exchange Online über den Sendeconnector "
                                     "„Outbound to Office 365 - 1234“, etwa 4.250 Nachrichten "
                                     "am Tag")
    assert flow_text(ex02, "en").startswith("hybrid mail flow to Exchange Online")
    not_hybrid = flow_today(_estate(hybrid=False), "EX02")
    assert flow_text(not_hybrid, "en").startswith("named by Exchange Online's report")


def test_an_edge_server_carries_the_connector_through_its_subscription() -> None:
    estate = Estate(
        servers=(_server("EDGE01", ("Edge",)),),
        connectors=(Connector("EdgeSync - Site to Internet", ConnectorType.SEND,
                              servers=("Site-Sub",), smart_hosts=(
                                  "contoso-com.mail.protection.outlook.com",)),
                    Connector("Site-Sub", ConnectorType.EDGE_SUBSCRIPTION,
                              servers=("EDGE01",)),
                    Connector("To partner", ConnectorType.SEND, servers=("EDGE01",),
                              address_spaces=("smtp:partner.example;1",))),
        mail_flows=(MailFlow("EDGE01", MailFlowKind.TO_EXO, date(2026, 11, 2), 1),))
    flow = flow_today(estate, "EDGE01")
    assert flow.connectors == ("EdgeSync - Site to Internet",)
    assert flow_text(flow, "en").endswith("“EdgeSync - Site to Internet”, about 1 message a day")


@pytest.mark.parametrize(("lang", "state", "flow"), [
    ("en", "Stage 7 since 3 Dec 2026", "via send connector “Outbound to Office 365 - 1234”, "
                                       "about 4,250 messages a day"),
    ("de", "Stufe 7 seit 03.12.2026", "über den Sendeconnector „Outbound to Office 365 - "
                                        "1234“, etwa 4.250 Nachrichten am Tag"),
])
def test_the_summary_names_each_servers_stage_with_its_mail_flow(
        knowledge: Knowledge, lang: str, state: str, flow: str) -> None:
    plan = make_plan(_estate(), (), settings(as_of=date(2026, 12, 4), start=date(2026, 12, 7),
                                             language=lang), knowledge=knowledge)
    html = render_report_html(plan, knowledge, lang)
    chapter = html.index('class="chapter"')
    rows = html[chapter:html.index("<p", chapter)].split("<tr")
    ex01 = next(r for r in rows if ">EX01<" in r)
    ex02 = next(r for r in rows if ">EX02<" in r)
    assert state in ex01 and flow in ex01
    assert state in ex02 and ("hybrid mail flow" in ex02 or "hybrider Mailfluss" in ex02)
    assert ("Mail flow to Exchange Online" if lang == "en" else "Mailfluss zu Exchange Online"
            ) in html[chapter:]


def test_the_excel_enforcement_sheet_names_the_flow_beside_the_state(
        knowledge: Knowledge, tmp_path: Path) -> None:
    plan = make_plan(_estate(), (), settings(as_of=date(2026, 12, 4), start=date(2026, 12, 7)),
                     knowledge=knowledge)
    path = tmp_path / "plan.xlsx"
    write_workbook(plan, knowledge, path, "en")
    sheet = openpyxl.load_workbook(path)["Enforcement"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "EX01")
    texts = [c.value for c in row if isinstance(c.value, str)]
    assert any(t.startswith("Stage 7 since 3 Dec 2026") for t in texts)
    assert any(t.endswith("about 4,250 messages a day") for t in texts)
