"""Mailbox servers that receive internet mail themselves (no Edge in their site, or the logs
saw it arrive there) hand it to their successors, tested, before they are removed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planner.core.model import Estate, MailFlow, MailFlowKind, Organization, Server, Site
from tests.core.rules.estates import E2016
from tests.core.rules.proposing import before, plan


def _estate(facing: bool = True, edge: bool = False) -> Estate:
    servers = [Server(f"EX0{n}", fqdn=f"ex0{n}.t.local", site="HQ", roles=("Mailbox",),
                      build=E2016, os="Windows Server 2016", dag="DAG1", mailbox_data_gb=100)
               for n in (1, 2)]
    if edge:
        servers.append(Server("EDGE1", fqdn="edge1.t.de", site="HQ", roles=("Edge",),
                              build=E2016))
    return Estate(organization=Organization(customer="T", forest="t.local"),
                  sites=(Site("HQ", internet_facing=facing, country="DE", subdivision="BY"),),
                  servers=tuple(servers))


def _flows(server: str) -> tuple[MailFlow, ...]:
    return (MailFlow(server, MailFlowKind.INBOUND_INTERNET, date(2026, 11, 2), 900),
            MailFlow("EX01", MailFlowKind.INTERNAL, date(2026, 11, 2), 100))


def test_a_dag_at_a_site_where_mail_enters_hands_internet_mail_over_first() -> None:
    p = plan(_estate())
    step = next(s for s in p.steps if s.id == "inbound:DAG1")
    assert step.title("en") == ("Switch inbound internet mail from EX01 and EX02 to EX01-SE and "
                                "EX02-SE and test it")
    assert "EX01 und EX02 nehmen Mail aus dem Internet an" in step.why("de")
    assert "before they are removed" in step.why("en")
    assert "Watch the queues on EX01, EX02" in step.command_in("en")
    for server in ("EX01", "EX02"):
        assert before(p, step.id, f"sbs:decom:{server}")
    assert before(p, "sbs:send:DAG1", step.id)


def test_no_switch_where_an_edge_or_nothing_says_internet_mail_arrives() -> None:
    for estate in (_estate(edge=True), _estate(facing=False)):
        assert not any(s.id.startswith("inbound:") for s in plan(estate).steps)


def test_the_transport_logs_decide_where_internet_mail_arrives() -> None:
    seen_here = plan(replace(_estate(facing=False), mail_flows=_flows("EX02")))
    step = next(s for s in seen_here.steps if s.id == "inbound:DAG1")
    assert "about 900 messages a day arriving there from the internet" in step.why("en")
    elsewhere = plan(replace(_estate(), mail_flows=_flows("GATEWAY1")))
    assert not any(s.id.startswith("inbound:") for s in elsewhere.steps)
