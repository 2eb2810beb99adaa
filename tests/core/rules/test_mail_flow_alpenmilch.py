"""Mail flow on ``tests/estates/mailflow-alpenmilch``: one relay connector of one name on every
DAG member, a namespace the 2013 server shares with the 2016 DAG, an Edge that stays beside
new Mailbox servers (the mixed sample)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from planner.core.model import Severity
from planner.core.plan import Proposal
from planner.core.rules import propose
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs
from tests.sample_plans import sample_inputs

ESTATE = Path(__file__).resolve().parents[2] / "estates" / "mailflow-alpenmilch" / "inventory.xlsx"


@cache
def _proposal() -> Proposal:
    inputs = load_inputs([ESTATE])
    return propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))


def _step(step_id: str) -> tuple[str, str, str]:
    step = next(s for s in _proposal().steps if s.id == step_id)
    return step.why("en"), step.why("de"), step.command_in("en")


def test_a_relay_connector_on_every_member_is_created_once_per_new_server() -> None:
    _, _, command = _step("sbs:receive:AM-DAG16")
    creates = [line for line in command.splitlines() if line.startswith("New-ReceiveConnector")]
    assert len(creates) == len(set(creates)), "a connector created twice on one server fails"
    for new in ("AM-EX16-01-SE", "AM-EX16-02-SE", "AM-EX16-03-SE"):
        mine = [c for c in creates if f"-Server {new} -Name 'Scanner Relay'" in c]
        assert len(mine) == 1, (new, mine)
        assert "172.16.4.13" in mine[0] and "172.16.5.0/29" in mine[0]
    reapply = [line for line in command.splitlines() if line.startswith("Set-ReceiveConnector")
               and "Frontend" in line]
    assert len(reapply) == len(set(reapply))


def test_an_address_no_client_explains_is_one_finding_naming_every_server() -> None:
    found = [f for f in _proposal().findings if f.code == "RULES-RELAY-IP-UNEXPLAINED"]
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert "172.16.4.13" in found[0].message("en")
    assert all(s in found[0].message("en") for s in ("AM-EX16-01", "AM-EX16-02", "AM-EX16-03"))
    assert "172.16.5" not in found[0].message("en")  # the copier in the range explains it


def test_a_namespace_the_2013_server_shares_keeps_the_servers_that_stay() -> None:
    en, de, command = _step("legacy:namespace:AM-EX13")
    assert "mail.alpenmilch.de (load balancer KEMP LoadMaster) keeps pointing at AM-EX16-01" \
        in en, en
    # Autodiscover goes to the servers that outlive 2013 in Internet-facing Kempten, not to
    # AM-EX19 in Wien, which is not Internet-facing (the one namespace rule)
    assert "autodiscover.alpenmilch.de points at AM-EX16-01 and AM-EX16-02" in en, en
    assert "AM-EX19" not in en
    assert "zeigt weiter auf AM-EX16-01" in de and "zeigt danach auf AM-EX16-01" in de, de
    assert "Load balancer pool for mail.alpenmilch.de: drain and remove AM-EX13" in command
    assert "for autodiscover.alpenmilch.de: add AM-EX16-01, AM-EX16-02" in command
    assert "mail.alpenmilch.de, autodiscover" not in command  # the shared pool gets no one new


def test_an_edge_that_stays_is_not_given_the_side_by_side_reason() -> None:
    inputs = sample_inputs("mixed")
    proposal = propose(inputs.estate, inputs.settings, Decisions(),
                       knowledge_for(inputs.settings))
    step = next(s for s in proposal.steps if s.id == "edge:resubscribe:BER-EDGE01")
    assert "cannot be upgraded in place" not in step.why("en")
    assert "nicht direkt aktualisieren" not in step.why("de")
    assert "stays" in step.why("en") and "bleibt" in step.why("de")
