"""Relay clients send to one host: the SMTP name at their site when the inventory lists one,
and the relay connector is on every server behind it (a consultant's review of Alpenglas).

Alpenglas's SAP systems relay through an Exchange 2013 server in Linz; ``smtp.alpenglas.local``
is load balanced over the two Linz 2019 servers that stay (upgraded in place). SAP had been
pointed at one of them, whose 'Relay ERP' copy was the only one, and that server goes
offline for its own upgrade a few weeks later.
"""

from __future__ import annotations

import re
from pathlib import Path

from planner.core.plan import Proposal
from planner.core.rules import propose
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs

ESTATE = Path(__file__).resolve().parents[2] / "estates" / "alpenglas"
LINZ = ("LNZ-EX19-01", "LNZ-EX19-02")


def _proposal() -> Proposal:
    inputs = load_inputs([ESTATE / "inventory.xlsx", ESTATE / "transport-logs"])
    return propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))


def test_relay_clients_of_a_leaving_2013_server_go_to_the_smtp_name() -> None:
    steps = {s.id: s for s in _proposal().steps}
    relays = [s for sid, s in steps.items() if sid.startswith("legacy:relay:LNZ-EX13-PF:")]
    assert {s.id.rsplit(":", 1)[1] for s in relays} >= {"SAP-ERP-PRD", "sapqas01"}
    for step in relays:
        for lang in ("en", "de"):
            assert "smtp.alpenglas.local" in step.title(lang) and "LNZ-EX19" not in step.title(lang)
            assert "-> smtp.alpenglas.local (" in step.command_in(lang)
        assert all(n in step.why("en") for n in LINZ)


def test_the_relay_connector_is_on_every_server_behind_the_name() -> None:
    repoint = next(s for s in _proposal().steps if s.id == "legacy:repoint:LNZ-EX13-PF")
    command = repoint.command_in("en")
    created = re.findall(r"New-ReceiveConnector -Server (\S+) -Name 'Relay ERP'", command)
    assert sorted(created) == list(LINZ)
    partner = next(x for x in command.splitlines()
                   if x.startswith("Set-SendConnector") and "Partner TLS" in x)
    assert all(n in partner for n in LINZ)  # the partner's mail does not hang on one server
    assert all(n in repoint.title("en") for n in LINZ)


def test_a_device_without_an_smtp_name_gets_one_server_and_the_others_named() -> None:
    """Zürich has no SMTP name: the scanner is told one new server, not three."""
    step = next(s for s in _proposal().steps
                if s.id.startswith("sbs:relay:") and "Scanner-Zuerich" in s.id)
    title = step.title("en")
    assert title.count("ZRH-EX16-0") == 1 and "," not in title.split(" to ")[-1]
    assert "a device takes one SMTP server" in step.why("en")


def test_a_send_connectors_certificate_goes_onto_its_new_source_servers() -> None:
    """The connector to Exchange Online presents mail.alpenglas.at; Zürich's new servers
    became its sources with only their own namespace's certificate, a month before the
    Hybrid Configuration Wizard ran (a consultant's review)."""
    send = next(s for s in _proposal().steps if s.id == "sbs:send:DAG-CH")
    lines = send.command_in("en").splitlines()
    for new in ("ZRH-EX16-01-SE", "ZRH-EX16-02-SE", "ZRH-EX16-03-SE"):
        enable = next(x for x in lines if f"Enable-ExchangeCertificate -Server {new}" in x)
        assert "-Services SMTP" in enable and "mail.alpenglas.at" in enable
    certificates = max(n for n, x in enumerate(lines) if "Enable-ExchangeCertificate" in x)
    connector = next(n for n, x in enumerate(lines) if "Outbound to Office 365" in x
                     and x.startswith("Set-SendConnector"))
    assert certificates < connector  # on the servers before they send through it


def test_a_name_that_also_reaches_a_server_without_the_connector_is_not_used() -> None:
    """Van Dijk: smtp.vdl.local is behind Antwerp's relay server and Venlo's server, which
    gets no connector for Antwerp's printers and WMS; they go to Antwerp's new server."""
    folder = Path(__file__).resolve().parents[2] / "estates" / "vandijk-logistiek"
    inputs = load_inputs([folder / "inventory.xlsx"])
    steps = propose(inputs.estate, inputs.settings, Decisions(),
                    knowledge_for(inputs.settings)).steps
    relays = [s for s in steps if s.id.startswith("sbs:relay:ANR-EX16-01:")]
    assert relays
    for step in relays:
        assert step.title("en").endswith("to ANR-EX16-01-SE"), step.title("en")
