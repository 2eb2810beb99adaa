"""Mail keeps flowing through every cutover, on an estate the rules were not written for.

``tests/estates/mailflow-rheinwerk`` has a 2013 server holding Autodiscover, a 2016 DAG with a
scanner relay (two IPs), a partner TLS connector and the HCW certificate on Default Frontend,
a 2016 Edge carrying inbound internet mail, a 2019 CU13 server, public folders and
arbitration mailboxes.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from planner.core.knowledge import load_knowledge
from planner.core.model import Estate
from planner.core.plan import Proposal
from planner.core.rules import propose
from planner.core.rules.namespace import MOVE_KINDS
from planner.core.settings import Decisions, Settings
from planner.pipeline import load_inputs
from tests.core.rules.proposing import START, before

ESTATE = Path(__file__).resolve().parents[2] / "estates" / "mailflow-rheinwerk" / "inventory.xlsx"
DEFAULTS = ("Default Frontend", "Client Frontend", "Outbound Proxy Frontend", "Client Proxy",
            "Default internal receive connector", "Default RW-")


@cache
def rheinwerk() -> Estate:
    """The unseen estate as the importer reads it."""
    return load_inputs([str(ESTATE)]).estate


def plan(decisions: Decisions | None = None, overrides: dict[str, object] | None = None,
         estate: Estate | None = None) -> Proposal:
    """The proposal with fixed settings and optional knowledge overrides."""
    return propose(estate or rheinwerk(), Settings(start=START), decisions or Decisions(),
                   load_knowledge(overrides or {}))


def test_every_group_switches_its_namespaces_before_any_mailbox_moves() -> None:
    p = plan()
    switches = [s for s in p.steps if s.kind == "namespace_switch"]
    assert {s.id for s in switches} == {"legacy:namespace:RW-EX13", "sbs:namespace:RW-DAG16"}
    moves = [s for s in p.steps if s.kind in MOVE_KINDS]
    assert moves
    for m in moves:
        for n in switches:
            if n.phase is m.phase:
                assert before(p, n.id, m.id), (n.id, m.id)
    # The 2013 server held Autodiscover: its switch names it and the SCP.
    legacy = p.step("legacy:namespace:RW-EX13")
    assert legacy is not None and "autodiscover.rheinwerk.de" in legacy.why("en")
    assert "AutoDiscoverServiceInternalUri" in legacy.command


def test_the_namespace_fact_is_data_a_project_can_turn_off() -> None:
    p = plan(overrides={"namespace.switch_before_moves": False})
    assert not before(p, "legacy:namespace:RW-EX13", "legacy:moves:RW-EX13")
    assert not before(p, "sbs:namespace:RW-DAG16", "sbs:moves:RW-DAG16:1")
    # The removal still waits for the switch, in every group.
    assert before(p, "legacy:namespace:RW-EX13", "legacy:decom:RW-EX13")
    assert before(p, "sbs:namespace:RW-DAG16", "sbs:decom:RW-EX16-01")
    # Switching the rule off has the same effect.
    off = plan(Decisions(disabled_rules=frozenset({"namespace_before_moves"})))
    assert not before(off, "sbs:namespace:RW-DAG16", "sbs:moves:RW-DAG16:1")


def test_no_default_receive_connector_is_recreated() -> None:
    p = plan()
    commands = "\n".join(s.command for s in p.steps)
    for line in commands.splitlines():
        if line.startswith("New-ReceiveConnector"):
            assert not any(f"-Name '{d}" in line for d in DEFAULTS), line
    assert "-Name 'Relay Scanner'" in commands


def test_customer_changes_to_default_connectors_are_reapplied() -> None:
    p = plan()
    recv = p.step("sbs:receive:RW-DAG16")
    assert recv is not None
    assert ("Set-ReceiveConnector 'RW-EX16-01-SE\\Default Frontend RW-EX16-01-SE' "
            "-TlsCertificateName <mail.rheinwerk.de>") in recv.command
    assert "TLS certificate mail.rheinwerk.de" in recv.why("en")
    assert "TLS-Zertifikat mail.rheinwerk.de" in recv.why("de")
    # Untouched defaults (Default Frontend RW-EX16-02, Client Frontend...) are not mentioned.
    assert "Client Frontend" not in recv.command and "Default Frontend RW-EX16-02'" not in (
        recv.command.replace("# as on 'Default Frontend RW-EX16-01'", ""))


def test_custom_connectors_are_recreated_with_everything_that_makes_them_work() -> None:
    recv = plan().step("sbs:receive:RW-DAG16")
    assert recv is not None
    scanner = next(line for line in recv.command.splitlines()
                   if "'Relay Scanner'" in line and "-Server RW-EX16-01-SE" in line)
    for part in ("-Bindings '0.0.0.0:25','[::]:25'", "-RemoteIPRanges '10.20.30.40','10.20.30.41'",
                 "-PermissionGroups AnonymousUsers", "-AuthMechanism None"):
        assert part in scanner
    assert ("Set-ReceiveConnector 'RW-EX16-02-SE\\Partner TLS Spedition' "
            "-TlsCertificateName <mail.rheinwerk.de>") in recv.command


def test_custom_connectors_and_relay_clients_move_before_their_server_goes() -> None:
    p = plan()
    for server in ("RW-EX16-01", "RW-EX16-02"):
        assert before(p, "sbs:receive:RW-DAG16", f"sbs:decom:{server}")
        # Each relay client is its own step, and the removal waits for every one.
        for relay in ("sbs:relay:RW-DAG16:Scanner-Halle-3", "sbs:relay:RW-DAG16:Scanner-Versand"):
            assert before(p, relay, f"sbs:decom:{server}")
    assert before(p, "legacy:repoint:RW-EX13", "legacy:decom:RW-EX13")
    assert before(p, "legacy:relay:RW-EX13:Warenwirtschaft", "legacy:decom:RW-EX13")
    legacy = p.step("legacy:repoint:RW-EX13")
    assert legacy is not None and "'Relay Warenwirtschaft'" in legacy.command
    assert "Default Frontend RW-EX13" not in legacy.command


def test_a_server_with_only_default_connectors_gets_no_receive_step() -> None:
    est = rheinwerk()
    only_defaults = replace(est, connectors=tuple(
        c for c in est.connectors if c.name.startswith(("Default", "Client", "Outbound"))
        and "Frontend RW-EX16-01" not in c.name), relay_clients=())
    p = plan(estate=only_defaults)
    assert p.step("sbs:receive:RW-DAG16") is None


def test_an_edge_is_removed_only_after_inbound_mail_reaches_its_successor() -> None:
    p = plan()
    inbound = p.step("edge:inbound:RW-EDGE16")
    assert inbound is not None and inbound.rule == "edge_inbound_switch"
    assert before(p, "edge:subscribe:RW-EDGE16", inbound.id)
    assert before(p, inbound.id, "edge:remove:RW-EDGE16")
    assert "RW-EDGE16-SE" in inbound.title("en") and "MX" in inbound.why("en")
    assert "MX-Eintrag" in inbound.why("de")


def test_a_retired_edge_hands_inbound_mail_to_the_mailbox_servers_first() -> None:
    p = plan(Decisions(paths={"RW-EDGE16": "decommission"}))
    inbound = p.step("edge:inbound:RW-EDGE16")
    assert inbound is not None and "RW-EX16-01-SE" in inbound.title("en")
    assert before(p, inbound.id, "edge:remove:RW-EDGE16")


def test_arbitration_moves_first_users_in_batches_public_folders_last() -> None:
    p = plan()
    # RW-EX13 holds 7 arbitration and 2 public folder mailboxes.
    assert before(p, "legacy:arbitration:RW-EX13", "legacy:moves:RW-EX13")
    assert before(p, "legacy:moves:RW-EX13", "legacy:publicfolders:RW-EX13")
    arb = p.step("legacy:arbitration:RW-EX13")
    assert arb is not None and "7 arbitration mailboxes" in arb.why("en")
    assert "7 Schiedspostfächer" in arb.why("de")
    assert "moves.order" not in arb.why("en") and "practitioner guidance" in arb.source
    # The 2016 DAG: counts unknown on one member, so both steps, users in batches between.
    batches = [s.id for s in p.steps if s.id.startswith("sbs:moves:RW-DAG16:")]
    assert len(batches) > 1
    assert before(p, "sbs:arbitration:RW-DAG16", batches[0])
    assert before(p, batches[-1], "sbs:publicfolders:RW-DAG16")


def test_health_mailboxes_are_never_moved() -> None:
    for s in plan().steps:
        for line in s.command.splitlines():
            assert not (line.startswith("Get-Mailbox") and "-Monitoring" in line), (s.id, line)


def test_no_database_is_removed_while_system_mailboxes_remain() -> None:
    p = plan()
    for system in ("sbs:arbitration:RW-DAG16", "sbs:publicfolders:RW-DAG16"):
        assert before(p, system, "sbs:decom:RW-EX16-01")
    for system in ("legacy:arbitration:RW-EX13", "legacy:publicfolders:RW-EX13"):
        assert before(p, system, "legacy:decom:RW-EX13")


def test_servers_known_to_hold_no_system_mailboxes_get_no_such_step() -> None:
    est = rheinwerk()
    empty = est
    for name in ("RW-EX16-02", "RW-EX13"):  # the 2013 server's move on with the DAG
        server = est.server(name)
        assert server is not None
        empty = empty.with_server(replace(server, arbitration_mailboxes=0,
                                          public_folder_mailboxes=0))
    p = plan(estate=empty)
    assert p.step("sbs:arbitration:RW-DAG16") is None
    assert p.step("sbs:publicfolders:RW-DAG16") is None


def test_the_move_order_is_data_a_project_can_change() -> None:
    p = plan(overrides={"moves.order": "users, arbitration"})
    assert before(p, "legacy:moves:RW-EX13", "legacy:arbitration:RW-EX13")
    # A kind the project leaves out still moves, last, before the removal.
    assert before(p, "legacy:arbitration:RW-EX13", "legacy:publicfolders:RW-EX13")
    assert before(p, "legacy:publicfolders:RW-EX13", "legacy:decom:RW-EX13")


def test_a_relay_ip_no_inventoried_client_explains_is_a_finding() -> None:
    assert not [f for f in plan().findings if f.code == "RULES-RELAY-IP-UNEXPLAINED"]
    est = rheinwerk()
    one_missing = replace(est, relay_clients=tuple(
        r for r in est.relay_clients if r.name != "Scanner Versand"))
    found = [f for f in plan(estate=one_missing).findings
             if f.code == "RULES-RELAY-IP-UNEXPLAINED"]
    assert len(found) == 1 and "10.20.30.41" in found[0].message("en")
    assert "'Relay Scanner' on RW-EX16-01" in found[0].message("en")
    assert "10.20.30.41" in found[0].message("de")
