"""Steps over things the inventory does not list: no sentence with a hole, a finding instead.

A step whose reason would list connectors, namespaces or relay clients the inventory lacks
either does real work that says so (reading them from the servers) or does not exist; the
findings name what is missing from the inventory.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from planner.core.rules import propose
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for
from tests.sample_plans import sample_inputs

# an empty list or field where a name belongs: "relay clients: ." / "for ;" / "()" / "{server}"
_HOLE = re.compile(r":\s*[.;,]|:\s*$|\(\s*\)| for [.;,]|\bnone listed\b|\bkeine erfasst\b"
                   r"|\{[a-z_]+\}|\s{2,}")


@pytest.mark.parametrize("sample", ["mixed", "legacy"])
def test_a_bare_inventory_gives_whole_sentences_and_findings(sample: str) -> None:
    inputs = sample_inputs(sample)
    bare = replace(inputs.estate, connectors=(), relay_clients=(), namespaces=(),
                   mail_flows=())
    proposal = propose(bare, inputs.settings, Decisions(), knowledge_for(inputs.settings))
    for step in proposal.steps:
        for text in (step.why("en"), step.why("de"), step.title("en"), step.title("de")):
            assert not _HOLE.search(text), (step.id, text)
        assert not step.kind.startswith("relay_repoint"), step.id  # no client, no re-point
    codes = {f.code for f in proposal.findings}
    assert "RULES-NO-NAMESPACES" in codes
    assert codes & {"RULES-NO-SEND-CONNECTORS", "RULES-2013-NO-CONNECTORS"}
    # nothing listed to re-point: no re-point step books anyone
    assert not any(s.kind == "ex2013_repoint" for s in proposal.steps)
