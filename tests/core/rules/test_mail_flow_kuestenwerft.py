"""Mail flow on ``tests/estates/mailflow-kuestenwerft``: one standalone 2016 server with every
namespace, public folders, arbitration mailboxes and a custom relay connector named like a
default one, beside a 2019 DAG and Edge that stay; new servers named by the project's pattern."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import networkx as nx

from planner.core.plan import Proposal
from planner.core.rules import propose
from planner.core.rules.order import step_graph
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs

ESTATE = (Path(__file__).resolve().parents[2] / "estates" / "mailflow-kuestenwerft"
          / "inventory.xlsx")


@cache
def _proposal() -> Proposal:
    inputs = load_inputs([ESTATE])
    return propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))


def test_new_servers_take_the_projects_name_pattern() -> None:
    ids = {s.id for s in _proposal().steps}
    assert "sbs:install:Emden-EXSE01" in ids
    assert not any("KW-EX16-SE" in i for i in ids)


def test_a_relay_connector_named_like_a_default_one_is_recreated_with_its_range() -> None:
    step = next(s for s in _proposal().steps if s.id == "sbs:receive:KW-EX16")
    assert "New-ReceiveConnector -Server Emden-EXSE01 -Name 'Default Relay'" in step.command
    assert "-RemoteIPRanges '10.1.1.10-10.1.1.20','10.1.2.5'" in step.command
    assert "'Default Frontend" not in step.command and "'Client Proxy" not in step.command
    assert not [f for f in _proposal().findings if f.code == "RULES-RELAY-IP-UNEXPLAINED"]


def test_every_relay_client_and_system_mailbox_moves_before_the_server_goes() -> None:
    steps = _proposal().steps
    g = step_graph(steps)
    before = nx.ancestors(g, "sbs:decom:KW-EX16")
    relays = [s.id for s in steps if s.kind == "relay_repoint"]
    assert len(relays) == 3 and set(relays) <= before
    assert {"sbs:arbitration:KW-EX16", "sbs:publicfolders:KW-EX16", "sbs:receive:KW-EX16",
            "sbs:namespace:KW-EX16", "edge:resubscribe:KW-EDGE19"} <= before
    assert "sbs:arbitration:KW-EX16" in nx.ancestors(g, "sbs:moves:KW-EX16:1")
    assert "sbs:moves:KW-EX16:1" in nx.ancestors(g, "sbs:publicfolders:KW-EX16")


def test_the_cheaper_way_is_offered_as_a_choice_not_as_a_fact() -> None:
    step = next(s for s in _proposal().steps if s.id == "sbs:provision:Emden-EXSE01")
    assert "with no new servers planned for KW-EX16," in step.why("en")
    assert "werden für KW-EX16 keine neuen Server geplant" in step.why("de")
    assert "with 0 new servers" not in step.why("en")
