"""A DAG across two countries: each site's mail flow moves to the new servers at that site.

The quoted case (a consultant's review, 2026-12-07): a 2016 DAG with two members in Vienna
and one in Zürich. Vienna's anonymous relay connector was recreated on Zürich's new server
too, Vienna's scanners were told to use all three new servers, and Zürich's new server
became a source of the connector to Exchange Online although only Vienna is
Internet-facing. Anonymous relay opened on a server in another country is a finding in any
security review.
"""

from __future__ import annotations

import re
from dataclasses import replace

from planner.core import model
from planner.core.plan import Proposal
from tests.core.rules.estates import E2016
from tests.core.rules.proposing import plan

VIE = ("VIE-EX16-01", "VIE-EX16-02")
ZRH = "ZRH-EX16-01"


def estate() -> model.Estate:
    members = (*VIE, ZRH)
    servers = tuple(model.Server(n, site="Wien" if n in VIE else "Zürich",
                                 roles=("Mailbox",), build=E2016, os="Windows Server 2016",
                                 dag="DAG16", mailbox_data_gb=300) for n in members)
    send, receive = model.ConnectorType.SEND, model.ConnectorType.RECEIVE
    return model.Estate(
        organization=model.Organization(customer="Tauernstahl AG", hybrid=True, tenant="ts",
                                        forest="ts.local"),
        sites=(model.Site("Wien", internet_facing=True, country="AT", subdivision="9"),
               model.Site("Zürich", country="CH", subdivision="ZH")),
        servers=servers, dags=(model.Dag("DAG16", members),),
        databases=tuple(model.Database(f"DB{i}", server=n, dag="DAG16", size_gb=300)
                        for i, n in enumerate(members)),
        connectors=(
            *(model.Connector("Relay Scanner", receive, (n,), remote_ip_ranges=("10.1.1.20",),
                              bindings=("0.0.0.0:25",), permission_groups=("AnonymousUsers",))
              for n in VIE),
            model.Connector("Outbound to Office 365", send, VIE, ("ts.mail.onmicrosoft.com",)),
            model.Connector("Internet", send, members, ("*",)),
            model.Connector("Inbound from ts", model.ConnectorType.EXO_INBOUND)),
        relay_clients=(model.RelayClient("Scanner Halle 3", host="10.1.1.20",
                                         connector="Relay Scanner", server=VIE[0]),),
    )


def _proposal() -> Proposal:
    return plan(estate())


def test_a_relay_connector_of_one_site_is_recreated_only_on_the_new_servers_there() -> None:
    step = next(s for s in _proposal().steps if s.id == "sbs:receive:DAG16")
    command = step.command_in("en")
    created = re.findall(r"New-ReceiveConnector -Server (\S+) -Name '([^']+)'", command)
    assert sorted(created) == [(f"{n}-SE", "Relay Scanner") for n in VIE]
    assert f"{ZRH}-SE" not in command
    assert f"{ZRH}-SE" not in step.title("en") and f"{VIE[0]}-SE" in step.title("en")


def test_a_relay_client_is_pointed_at_the_new_servers_of_its_own_site() -> None:
    step = next(s for s in _proposal().steps if s.kind == "relay_repoint")
    for text in (step.title("en"), step.command_in("en"), step.why("en")):
        assert f"{ZRH}-SE" not in text
    # a device takes one SMTP host: the first new server of its site, the others beside it
    # (a review found "ZRH-EX16-01-SE, ZRH-EX16-02-SE, ZRH-EX16-03-SE" in a scanner's step)
    first = f"{VIE[0]}-SE"
    assert step.title("en").endswith(f"to {first}")
    assert f"-> {first} (" in step.command_in("en")
    assert all(f"{n}-SE" in step.why("en") for n in VIE)
    assert "a device takes one SMTP server" in step.why("en")


def test_the_connector_to_exchange_online_gets_only_the_new_servers_of_its_sources_sites() -> None:
    sends = next(s for s in _proposal().steps if s.kind == "send_connectors").command_in("en")
    exo = next(x for x in sends.splitlines() if "Outbound to Office 365" in x)
    assert all(f"{n}-SE" in exo for n in VIE) and f"{ZRH}-SE" not in exo
    assert ZRH not in exo  # nor is the Zürich member named as an old source of it
    # a connector every member sends through gets every new server
    internet = next(x for x in sends.splitlines() if "'Internet'" in x)
    assert all(f"{n}-SE" in internet for n in (*VIE, ZRH))


def test_a_relay_client_listed_by_its_subnet_explains_that_subnet() -> None:
    """The same review: a printer fleet listed as 10.1.2.0/24 still read as "no relay client
    in the inventory lies in that range", with a step to find 256 unknown devices."""
    base = estate()
    relay = base.connectors[0]
    wide = replace(relay, remote_ip_ranges=(*relay.remote_ip_ranges, "10.1.2.0/24",
                                            "10.1.3.0/24"))
    fleet = model.RelayClient("Xerox fleet", host="10.1.2.0/24", connector="Relay Scanner",
                        server=VIE[0])
    p = plan(replace(base, connectors=(wide, *base.connectors[1:]),
                     relay_clients=(*base.relay_clients, fleet)))
    unexplained = [f for f in p.findings if f.code == "RULES-RELAY-IP-UNEXPLAINED"]
    texts = " ".join(f.message("en") for f in unexplained)
    assert "10.1.2.0/24" not in texts  # the fleet explains its own subnet
    assert "10.1.3.0/24" in texts  # a subnet nobody listed is still asked about
    repoints = [s for s in p.steps if s.kind == "relay_repoint"]
    assert any("Xerox fleet" in s.title("en") for s in repoints)
    assert not any("10.1.2.0/24" in s.title("en") and "Xerox" not in s.title("en")
                   for s in repoints)


def test_a_2013_servers_work_moving_to_another_site_is_named() -> None:
    """The review's Vienna 2013 server handed its public folders, SAP relay and a bank's
    TLS connector to the one Zürich 2019 server, without a word about the WAN. A 2013
    server at a site where no other server outlives it hands its work elsewhere, named."""
    base = estate()
    sites = (*base.sites, model.Site("Graz", country="AT", subdivision="6"))
    legacy = model.Server("GRZ-EX13", site="Graz", roles=("Mailbox",), build="15.0.1497.48",
                          os="Windows Server 2012 R2")
    keeper = model.Server("ZRH-EX19", site="Zürich", roles=("Mailbox",), build="15.2.1748.39",
                          os="Windows Server 2019")
    p = plan(replace(base, sites=sites, servers=(*base.servers, legacy, keeper)))
    [found] = [f for f in p.findings if f.code == "RULES-2013-OTHER-SITE"]
    assert "GRZ-EX13" in found.message("en") and "ZRH-EX19" in found.message("en")
    assert "Zürich" in found.message("de") and "statt Graz" in found.message("de")
    # a 2013 server whose work stays at its site says nothing
    here = replace(keeper, site="Graz")
    p = plan(replace(base, sites=sites, servers=(*base.servers, legacy, here)))
    assert not [f for f in p.findings if f.code == "RULES-2013-OTHER-SITE"]


def test_a_2013_servers_work_stays_at_its_site_on_a_server_replaced_later() -> None:
    """Thames & Shannon (a review): London's 2013 server handed its relay clients, public
    folders and the payroll bureau's TLS connector to the one 2019 server in Edinburgh
    (upgraded in place, so moved once), which went down for its own upgrade a week later,
    and nothing came back. The 2016 DAG at its own site takes them, and its new SE servers
    take them on: relay clients, the connector (with its certificate), the public folders."""
    base = estate()
    legacy = model.Server("VIE-EX13", site="Wien", roles=("Mailbox",), build="15.0.1497.48",
                          os="Windows Server 2012 R2", public_folder_mailboxes=2)
    keeper = model.Server("ZRH-EX19", site="Zürich", roles=("Mailbox",), build="15.2.1748.39",
                          os="Windows Server 2019")
    bank = model.Connector("Bank TLS", model.ConnectorType.SEND, ("VIE-EX13",),
                           address_spaces=("bank.example",), tls_certificate="mail.ts.at")
    p = plan(replace(base, servers=(*base.servers, legacy, keeper),
                     connectors=(*base.connectors, bank)))
    assert not [f for f in p.findings if f.code == "RULES-2013-OTHER-SITE"]
    repoint = p.step("legacy:repoint:VIE-EX13")
    assert repoint is not None and "ZRH" not in repoint.command_in("en")
    assert "Enable-ExchangeCertificate -Server VIE-" in repoint.command_in("en")
    send = next(s for s in p.steps if s.kind == "send_connectors"
                and "'Bank TLS'" in s.command_in("en"))
    assert "ZRH" not in send.command_in("en").split("'Bank TLS'")[1]
    folders = [s for s in p.steps if s.kind == "public_folder_moves" and s.id.startswith("sbs:")]
    assert folders, "the public folders move on to SE with the DAG that took them"
