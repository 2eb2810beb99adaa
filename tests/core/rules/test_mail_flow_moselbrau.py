"""Relay clients on ``tests/estates/mailflow-moselbrau``: a scanner relay admitting listed and
unlisted addresses, a /24 and an IPv6 address on both members of a 2016 DAG; an application
relay bound to the old server's own addresses; Client Frontend at its default on one member
and opened to anonymous senders on the other; a 2013 relay for a device nobody listed; an Edge
with a relay of its own and a certificate on its default connector."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import networkx as nx

from planner.core.catalogue import catalogue
from planner.core.plan import Proposal, Step
from planner.core.rules import propose
from planner.core.rules.order import step_graph
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs

ESTATE = (Path(__file__).resolve().parents[2] / "estates" / "mailflow-moselbrau"
          / "inventory.xlsx")


@cache
def _proposal() -> Proposal:
    inputs = load_inputs([ESTATE])
    return propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))


def _step(sid: str) -> Step:
    return next(s for s in _proposal().steps if s.id == sid)


def _relays(prefix: str) -> dict[str, Step]:
    return {s.id.removeprefix(prefix): s for s in _proposal().steps
            if s.kind == "relay_repoint" and s.id.startswith(prefix)}


def test_every_address_the_relay_admits_has_a_repoint_step_one_per_range() -> None:
    relays = _relays("sbs:relay:MB-DAG16:")
    # listed clients by name, with their owners
    assert relays["Scanner-Sudhaus"].owner == "Brauerei-IT"
    assert relays["ERP-Braumeister"].owner == "ERP-Team"
    # addresses no client explains: one step each, the /24 one step, not 256
    unknown = {k for k in relays if k.startswith("unknown-")}
    assert unknown == {"unknown-10.30.5.13", "unknown-10.30.5.14", "unknown-10.30.5.15",
                       "unknown-10.30.8.0-24", "unknown-2001-db8-30-25",
                       "unknown-10.30.7.40"}  # handed over from the 2013 server
    for sid in unknown:
        step = relays[sid]
        assert not step.needs_consultant and step.owner == ""  # the customer
    # the ERP range 10.30.9.10-19 holds a listed client: no step of its own
    assert not any("10.30.9" in k for k in relays)


def test_the_repoint_steps_name_the_address_and_the_connector_in_both_languages() -> None:
    one = _relays("sbs:relay:MB-DAG16:")["unknown-10.30.5.13"]
    net = _relays("sbs:relay:MB-DAG16:")["unknown-10.30.8.0-24"]
    assert "10.30.5.13" in one.title("en") and "'Relay Scanner'" in one.title("en")
    assert "(256 addresses, connector 'Relay Scanner')" in net.title("en")
    assert "(256 Adressen, Connector „Relay Scanner“)" in net.title("de")
    assert "MB-EX16-01 und MB-EX16-02" in one.why("de")
    assert "Set-ReceiveConnector 'MB-EX16-01\\Relay Scanner' -ProtocolLoggingLevel" in (
        one.command_in("en"))
    words = catalogue("de")
    assert "1 Adressen" not in words.plural("steps.relay.unknown_range_title", 1,
                                            entry="x", connector="y", new="z")


def test_the_old_servers_go_only_after_every_relay_client_moved() -> None:
    steps = _proposal().steps
    g = step_graph(steps)
    for server in ("MB-EX16-01", "MB-EX16-02"):
        before = nx.ancestors(g, f"sbs:decom:{server}")
        assert set(_relays("sbs:relay:MB-DAG16:").values()) and {
            f"sbs:relay:MB-DAG16:{k}" for k in _relays("sbs:relay:MB-DAG16:")} <= before
    legacy = _relays("legacy:relay:MB-EX13:")
    assert set(legacy) == {"unknown-10.30.7.40"}
    assert "legacy:relay:MB-EX13:unknown-10.30.7.40" in nx.ancestors(g, "legacy:decom:MB-EX13")


def test_each_unexplained_address_stays_a_finding_naming_ip_and_connector() -> None:
    found = {(m.value("connector"), m.value("entry")) for f in _proposal().findings
             if f.code == "RULES-RELAY-IP-UNEXPLAINED" and (m := f.text) is not None}
    assert found == {("Relay Scanner", "10.30.5.13"), ("Relay Scanner", "10.30.5.14"),
                     ("Relay Scanner", "10.30.5.15"), ("Relay Scanner", "10.30.8.0/24"),
                     ("Relay Scanner", "2001:db8:30::25"), ("Relay Waage", "10.30.7.40"),
                     ("Relay DMZ", "192.168.50.32/28")}


def test_connectors_are_recreated_with_ipv6_brackets_and_new_local_addresses() -> None:
    command = _step("sbs:receive:MB-DAG16").command_in("en")
    assert "-Bindings '[::]:25','0.0.0.0:25'" in command
    assert "'10.30.8.0/24','2001:db8:30::25'" in command
    assert "::]:25" not in command.replace("[::]:25", "")
    # the old server's own addresses would stop the new transport service from starting
    assert ("-Bindings '<IPv4 address of MB-EX16-01-SE>:25',"
            "'[<IPv6 address of MB-EX16-01-SE>]:25'") in command
    assert "-RemoteIPRanges '10.30.9.10-10.30.9.19'" in command
    assert "'10.30.1.6:25'" not in command


def test_only_real_changes_to_default_connectors_are_reapplied() -> None:
    step = _step("sbs:receive:MB-DAG16")
    # Client Frontend with ExchangeUsers is Exchange's default: nothing to re-apply
    assert "as on 'Client Frontend MB-EX16-01'" not in step.command_in("en")
    # AnonymousUsers added on the other member and the TLS certificate are changes
    assert "-PermissionGroups AnonymousUsers,ExchangeUsers  # as on 'Client Frontend MB-EX16-02'" \
        in step.command_in("en")
    assert "-TlsCertificateName <mail.moselbrau.de>  # as on 'Default Frontend MB-EX16-01'" \
        in step.command_in("en")
    for untouched in ("Default Frontend MB-EX16-02", "Default MB-EX16-01",
                      "Client Proxy MB-EX16-02", "Default internal receive connector"):
        assert f"'{untouched}'" not in step.command_in("en")


def test_an_edges_own_connectors_and_relay_clients_move_before_it_goes() -> None:
    g = step_graph(_proposal().steps)
    receive = _step("edge:receive:MB-EDGE16")
    # EdgeSync does not copy receive connectors: recreated in the new Edge's own shell
    assert "New-ReceiveConnector -Name 'Relay DMZ' -Bindings '0.0.0.0:25' " \
           "-RemoteIPRanges '192.168.50.20','192.168.50.32/28'" in receive.command_in("en")
    assert "-TransportRole" not in receive.command_in("en")
    assert "'MB-EDGE16-SE\\Default internal receive connector MB-EDGE16-SE' " \
           "-TlsCertificateName <mx.moselbrau.de>" in receive.command_in("en")
    assert "edge:new:MB-EDGE16" in nx.ancestors(g, receive.id)
    relays = _relays("edge:relay:MB-EDGE16:")
    assert set(relays) == {"Webshop", "unknown-192.168.50.32-28"}
    assert relays["Webshop"].owner == "E-Commerce"
    before = nx.ancestors(g, "edge:remove:MB-EDGE16")
    assert {receive.id, *(s.id for s in relays.values())} <= before
    for step in relays.values():  # the devices move once the new Edge carries mail
        assert "edge:subscribe:MB-EDGE16" in nx.ancestors(g, step.id)


def test_the_commands_notes_are_in_the_plans_language() -> None:
    steps = [s for s in _proposal().steps
             if s.kind in ("receive_connectors", "relay_repoint", "edge_inbound_switch")
             or s.id.startswith("edge:")]
    german = "\n".join(s.command_in("de") for s in steps)
    english = "\n".join(s.command_in("en") for s in steps)
    for en, de in (("# only if the old one relays anonymously", "# nur wenn der alte anonym"),
                   ("<IPv4 address of MB-EX16-01-SE>", "<IPv4-Adresse von MB-EX16-01-SE>"),
                   ("# the old one listens on 10.30.1.6:25", "# der alte lauscht nur auf"),
                   ("; the receive connector there admits", "; der Empfangsconnector dort lässt"),
                   ("# then read the SMTP Receive protocol logs for 10.30.8.0/24",
                    "# dann die SMTP-Empfangsprotokolle nach 10.30.8.0/24"),
                   ("point TCP 25 from MB-EDGE16 to MB-EDGE16-SE", "TCP 25 von MB-EDGE16 auf"),
                   ("# on MB-EDGE16-SE", "# auf MB-EDGE16-SE")):
        assert en in english and de in german and en not in german, en
    assert "\u27e6" not in german + english


def test_a_retired_edges_relay_moves_to_the_mailbox_servers() -> None:
    inputs = load_inputs([ESTATE])
    p = propose(inputs.estate, inputs.settings, Decisions(paths={"MB-EDGE16": "decommission"}),
                knowledge_for(inputs.settings))
    receive = next(s for s in p.steps if s.id == "edge:receive:MB-EDGE16")
    command = receive.command_in("en")
    # no new Edge: the new Mailbox servers take the relay, as Mailbox connectors do
    assert "New-ReceiveConnector -Server MB-EX16-01-SE -Name 'Relay DMZ' -TransportRole" in command
    assert "MB-EDGE16-SE" not in command
    g = step_graph(p.steps)
    relays = [s.id for s in p.steps if s.id.startswith("edge:relay:MB-EDGE16:")]
    assert relays and all(r in nx.ancestors(g, "edge:remove:MB-EDGE16") for r in relays)
    assert "sbs:install:MB-EX16-01-SE" in nx.ancestors(g, receive.id)


def test_a_relay_the_2013_server_handed_over_moves_on_from_the_server_that_took_it() -> None:
    """No server outlives 2013 here except the 2016 DAG, which SE replaces later, so the
    scale's address moves twice (SE cannot be installed while 2013 exists); the second time
    from MB-EX16-01 and its copy of 'Relay Waage', not from the removed MB-EX13. The first
    time nothing shows where the unknown device sends: the step says so, not "from MB-EX13"."""
    first = _relays("legacy:relay:MB-EX13:")["unknown-10.30.7.40"].command_in("en")
    assert ("to MB-EX16-01 (today it reaches connector 'Relay Waage' on MB-EX13 by an "
            "address or a name the plan does not know)") in first
    assert "from MB-EX13" not in first
    second = _relays("sbs:relay:MB-DAG16:")["unknown-10.30.7.40"]
    for text in (second.command_in("en"), second.why("en")):
        assert "MB-EX13" not in text, text
    assert "Set-ReceiveConnector 'MB-EX16-01\\Relay Waage'" in second.command_in("en")
    assert "from MB-EX16-01 to MB-EX16-01-SE" in second.command_in("en")


def test_a_new_edge_gets_its_public_certificate_before_it_is_subscribed() -> None:
    """A review (Alpenglas): the new Edge's baseline said "Restart-Service MSExchangeIS" (an
    Edge has no Information Store) and no step enabled the public SMTP certificate, which
    the subscription carries. Moselbrau's old Edge names its certificate (mx.moselbrau.de)."""
    p = _proposal()
    steps = {s.id: s for s in p.steps}
    edge = steps["baseline:MB-EDGE16-SE"]
    for lang in ("en", "de"):
        command = edge.command_in(lang)
        assert "MSExchangeIS" not in command
        assert "Enable-ExchangeCertificate" in command and "-Services SMTP" in command
        assert "mx.moselbrau.de" in command and "mx.moselbrau.de" in edge.why(lang)
        assert "\u27e6" not in command + edge.why(lang) and "[commands." not in command
    assert "baseline:MB-EDGE16-SE" in nx.ancestors(step_graph(p.steps),
                                                   "edge:subscribe:MB-EDGE16")
    mailbox = next(s for s in p.steps if s.id.startswith("baseline:MB-EX16"))
    assert "Restart-Service MSExchangeIS" in mailbox.command_in("en")
