"""Kabelwerk Lauterach (tests/estates/mailflow-lauterach): the relay steps say what is known.

A default receive connector whose remote IP ranges the customer changed goes through the same
own-address check as a custom relay connector; a re-point step names where a device sends
today only as the transport logs show it, and says so where nothing does."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from planner.core.model import Estate, Finding
from planner.core.plan import Proposal, Step
from planner.core.rules import propose
from planner.core.settings import Decisions, Settings
from planner.pipeline import knowledge_for, load_inputs

ESTATE = Path(__file__).resolve().parents[1] / "estates" / "mailflow-lauterach"
_SET_DEFAULT = re.compile(r"^Set-ReceiveConnector '(LKW-EX16-0[12]-SE)\\Default Frontend \1' ")


def _estate() -> Estate:
    return load_inputs([ESTATE / "inventory.xlsx", ESTATE / "transport-logs"]).estate


@pytest.fixture(scope="module")
def proposal() -> Proposal:
    return _proposal(_estate())


def _proposal(estate: Estate, **overrides: object) -> Proposal:
    settings = replace(Settings(), policy_overrides=dict(overrides))
    return propose(estate, settings, Decisions(), knowledge_for(settings))


def _default_lines(p: Proposal) -> dict[str, str]:
    """The re-apply line of each new server's 'Default Frontend', by server."""
    return {m[1]: line for s in p.steps for line in s.command_in("en").splitlines()
            if (m := _SET_DEFAULT.match(line))}


def _range_findings(p: Proposal) -> list[Finding]:
    return [f for f in p.findings if f.code.startswith("RULES-RELAY-RANGE-EXCHANGE")]


def test_a_changed_default_range_that_holds_the_servers_is_narrowed(proposal: Proposal) -> None:
    """'Default Frontend' on both members was changed to 10.50.0.0/16 and the provider's
    gateway: re-applied to each new server it admits the gateway, the printers the logs saw on
    either member, the Exchange servers (their sessions belong there) and the server itself.
    It had been copied as it was, the /16 and all, without a word."""
    lines = _default_lines(proposal)
    assert sorted(lines) == ["LKW-EX16-01-SE", "LKW-EX16-02-SE"]
    for server, text in lines.items():
        assert ("-RemoteIPRanges '192.0.2.25','10.50.0.21','10.50.0.22','10.50.40.7',"
                f"'10.50.41.9','<IPv4 address of {server}>'") in text, text
        assert "10.50.0.0/16'" not in text and "-TlsCertificateName" in text
    receive = next(s for s in proposal.steps if s.id == "sbs:receive:LKW-DAG")
    for lang, note in (("en", "# RemoteIPRanges: the clients the transport logs saw, the "
                              "Exchange servers and this server's own address, not 10.50.0.0/16"),
                       ("de", "# RemoteIPRanges: die Clients, die die Transportprotokolle "
                              "gesehen haben, die Exchange-Server und die eigene Adresse")):
        assert receive.command_in(lang).count(note) == 2, receive.command_in(lang)
    [warning] = _range_findings(proposal)
    assert warning.code == "RULES-RELAY-RANGE-EXCHANGE"
    for lang, words in (("en", ("Exchange's own receive connector 'Default Frontend' on "
                                "LKW-EX16-01 and LKW-EX16-02", "10.50.40.7 and 10.50.41.9")),
                        ("de", ("Der Exchange-eigene Empfangsconnector „Default Frontend“ auf "
                                "LKW-EX16-01 und LKW-EX16-02", "10.50.40.7 und 10.50.41.9"))):
        assert all(w in warning.message(lang) for w in words), warning.message(lang)


def test_the_custom_relay_beside_the_servers_is_copied_as_it_is(proposal: Proposal) -> None:
    """'Relay Plotter' admits 10.50.60.0/24 and 10.50.70.5, away from the servers: the one path
    every copied range takes leaves it whole."""
    lines = [line for s in proposal.steps for line in s.command_in("en").splitlines()
             if line.startswith("New-ReceiveConnector") and "'Relay Plotter'" in line]
    assert len(lines) == 2
    assert all("-RemoteIPRanges '10.50.60.0/24','10.50.70.5' " in line for line in lines)


def _no_printers() -> Estate:
    """The logs without the two printers: the servers' addresses known, no client seen."""
    estate = _estate()
    return replace(estate, relay_clients=tuple(
        rc for rc in estate.relay_clients if not rc.connector.startswith("Default Frontend")))


@pytest.mark.parametrize(("unseen", "overrides", "why"), [
    (True, {}, "No transport log shows a client"),
    (False, {"transport.relay_ranges_from_logs": False}, "The project keeps the old relay ranges"),
])
def test_where_nothing_narrows_it_the_default_range_is_kept_with_a_warning(
        unseen: bool, overrides: dict[str, object], why: str) -> None:
    """Where no log saw a client on it, or the project keeps the old ranges, the change is
    re-applied as it is, and the warning (in Exchange's own connector's words) says why."""
    p = _proposal(_no_printers() if unseen else _estate(), **overrides)
    lines = _default_lines(p)
    assert lines and all("-RemoteIPRanges '10.50.0.0/16','192.0.2.25'" in t for t in lines.values())
    assert all("<IPv4 address of" not in t for t in lines.values())
    [kept] = _range_findings(p)
    assert kept.code == "RULES-RELAY-RANGE-EXCHANGE-KEPT"
    assert why in kept.message("en") and "Exchange's own receive connector" in kept.message("en")


def _relay(p: Proposal, name: str) -> Step:
    return next(s for s in p.steps if s.kind == "relay_repoint" and s.id.endswith(name))


@pytest.mark.parametrize(("name", "reached", "server"), [
    ("Plotter-Konstruktion", "10.50.0.21", "LKW-EX16-01"),
    ("ZD621-VERSAND", "10.50.0.21", "LKW-EX16-01"),
    ("MFP-BUERO-2", "10.50.0.22", "LKW-EX16-02"),
])
def test_a_device_the_logs_saw_is_re_pointed_from_the_address_it_reached(
        proposal: Proposal, name: str, reached: str, server: str) -> None:
    """The step names the server address the logs saw the device reach and the server that
    answered, and that its setting may name something else; it had said "SMTP server
    LKW-EX16-01 -> LKW-EX16-01-SE", the server of its connector taken for its setting."""
    step = _relay(proposal, name)
    for lang, today, command in (
            ("en", f"the transport logs saw it reach {reached} on {server}",
             f"SMTP server -> LKW-EX16-01-SE (today the transport logs saw it reach {reached} "
             f"({server}); its setting may name that address"),
            ("de", f"laut Transportprotokollen erreicht es {reached} auf {server}",
             f"SMTP-Server -> LKW-EX16-01-SE (heute erreicht es laut Transportprotokollen "
             f"{reached} ({server});")):
        assert today in step.why(lang), step.why(lang)
        assert command in step.command_in(lang), step.command_in(lang)
        assert f"{server} ->" not in step.command_in(lang)


def test_a_device_no_log_saw_is_said_to_send_to_a_place_not_known(proposal: Proposal) -> None:
    """'Zeiterfassung', listed by its name on 'Relay Plotter', sent nothing while the logs ran:
    its step says where it sends is not known (its owner reads it), not "LKW-EX16-01 ->";
    the receive connector admits its address, not its name."""
    step = _relay(proposal, "Zeiterfassung")
    for lang, today, command in (
            ("en", "where it sends today is not known: no transport log read shows it",
             "(today's setting not known: no transport log shows it; read it on the device); "
             "the receive connector there admits its address"),
            ("de", "wohin es heute sendet, ist nicht bekannt",
             "(heutige Einstellung unbekannt: kein Transportprotokoll zeigt es; am Gerät "
             "ablesen); der Empfangsconnector dort lässt seine Adresse zu")):
        assert today in step.why(lang)
        assert command in step.command_in(lang), step.command_in(lang)
        assert "LKW-EX16-01 ->" not in step.command_in(lang)


def test_an_address_only_a_connector_admits_is_re_pointed_from_a_place_not_known(
        proposal: Proposal) -> None:
    """10.50.70.5 on 'Relay Plotter' is nobody's known device: the step says it reaches the
    connector on LKW-EX16-01 by an address or a name the plan does not know ("from
    LKW-EX16-01 to" had stated its setting)."""
    step = _relay(proposal, "unknown-10.50.70.5")
    for lang, words in (("en", "to LKW-EX16-01-SE (today it reaches connector 'Relay Plotter' "
                               "on LKW-EX16-01 by an address or a name the plan does not know)"),
                        ("de", "auf LKW-EX16-01-SE umstellen (heute erreicht es den Connector "
                               "„Relay Plotter“ auf LKW-EX16-01 über eine Adresse oder einen "
                               "Namen, den der Plan nicht kennt)")):
        assert words in step.command_in(lang), step.command_in(lang)
        assert "from LKW-EX16-01" not in step.command_in(lang)


def test_the_logs_keep_the_server_address_each_client_reached() -> None:
    """The import keeps the local endpoint of each client's mail sessions (RelayClient.reached);
    a client no log saw has none."""
    clients = {rc.name: rc for rc in _estate().relay_clients}
    assert clients["Plotter Konstruktion"].reached == ("10.50.0.21",)
    assert clients["MFP-BUERO-2"].reached == ("10.50.0.22",)
    assert clients["Zeiterfassung"].reached == ()
