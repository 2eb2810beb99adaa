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


def test_a_dag_over_two_sites_hands_internet_mail_over_only_where_it_enters() -> None:
    """A consultant's review (Mercy Valley, Columbus and Indianapolis): the NAT was to point
    at Indianapolis's new servers too, while only Columbus is Internet-facing."""
    servers = [Server(name, fqdn=f"{name.lower()}.t.local", site=site, roles=("Mailbox",),
                      build=E2016, os="Windows Server 2016", dag="DAG1", mailbox_data_gb=100)
               for name, site in (("CMH1", "Columbus"), ("CMH2", "Columbus"),
                                  ("IND1", "Indianapolis"))]
    estate = Estate(organization=Organization(customer="T", forest="t.local"),
                    sites=(Site("Columbus", internet_facing=True, country="US",
                                subdivision="OH"),
                           Site("Indianapolis", internet_facing=False, country="US",
                                subdivision="IN")),
                    servers=tuple(servers))
    p = plan(estate)
    step = next(s for s in p.steps if s.id == "inbound:DAG1")
    assert step.title("en") == ("Switch inbound internet mail from CMH1 and CMH2 to CMH1-SE and "
                                "CMH2-SE and test it")
    assert "IND1" not in step.command_in("en") and "IND1" not in step.why("en")
    for server in ("CMH1", "CMH2"):
        assert before(p, step.id, f"sbs:decom:{server}")


def test_a_server_without_mailboxes_gets_no_move_batch() -> None:
    """A consultant's review (Van Dijk's Antwerp hub, "hub/relay only, no mailboxes"): a
    batch "about 0 GB of 0 GB at 150 GB a day". Where the inventory does not say, a batch
    stays (the mailboxes may just be uncounted)."""
    def estate(count: int | None, gb: float | None) -> Estate:
        return Estate(organization=Organization(customer="T", forest="t.local"),
                      sites=(Site("HQ", country="DE", subdivision="BY"),),
                      servers=(Server("HUB1", fqdn="hub1.t.local", site="HQ",
                                      roles=("Mailbox",), build=E2016,
                                      os="Windows Server 2016", mailbox_count=count,
                                      mailbox_data_gb=gb),))
    assert not [s for s in plan(estate(0, 0)).steps if s.kind == "mailbox_moves"]
    assert [s for s in plan(estate(None, None)).steps if s.kind == "mailbox_moves"]
    assert [s for s in plan(estate(40, 0)).steps if s.kind == "mailbox_moves"]


def test_a_2013_server_without_mailboxes_gets_no_user_batch() -> None:
    """The same for an Exchange 2013 server (Alpenglas's public-folder server, Mailboxes 0,
    data 0: "Move mailboxes from LNZ-EX13-PF … 0 GB" in a review); its arbitration and
    public-folder moves stay, and a 2013 server whose count is not given keeps its batch."""
    def estate(count: int | None) -> Estate:
        return Estate(organization=Organization(customer="T", forest="t.local"),
                      sites=(Site("HQ", country="DE", subdivision="BY"),),
                      servers=(Server("EX13", fqdn="ex13.t.local", site="HQ",
                                      roles=("Mailbox",), build="15.0.1497.48",
                                      os="Windows Server 2012 R2", mailbox_count=count,
                                      mailbox_data_gb=0 if count == 0 else None),
                               Server("EX19", fqdn="ex19.t.local", site="HQ",
                                      roles=("Mailbox",), build="15.2.1544.36",
                                      os="Windows Server 2022")))
    kinds = {s.kind for s in plan(estate(0)).steps if s.target == "server:EX13"}
    assert "ex2013_moves" not in kinds and {"arbitration_moves", "ex2013_decommission"} <= kinds
    assert "ex2013_moves" in {s.kind for s in plan(estate(None)).steps}
