"""The steps and server paths in ``planner plan --json`` and the ``--graphml`` export."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from planner.core.graph import write_graphml
from planner.core.knowledge import load_knowledge
from planner.core.plan import Plan, Schedule
from planner.core.plan_json import plan_to_plain
from planner.core.rules import propose
from planner.core.settings import Decisions
from tests.sample_plans import sample_inputs

STEP_KEYS = {"id", "title", "kind", "target", "duration_days", "predecessors", "rule", "why"}


def _undated_plan() -> Plan:
    inputs = sample_inputs("mixed")
    knowledge = load_knowledge()
    proposal = propose(inputs.estate, inputs.settings, Decisions(), knowledge)
    return Plan(inputs.estate, inputs.settings, Decisions(), inputs.findings, proposal,
                Schedule())


def test_steps_and_server_paths_in_the_json() -> None:
    plan = _undated_plan()
    data = json.loads(json.dumps(plan_to_plain(plan, load_knowledge())))
    steps = data["steps"]
    assert steps and all(set(s) >= STEP_KEYS for s in steps)
    by_id = {s["id"]: s for s in steps}
    decom = by_id["sbs:decom:BER-EX16-01"]
    assert "hybrid:hcw" in decom["predecessors"]
    assert decom["rule"] == "side_by_side_2016" and decom["why"]
    assert all(isinstance(s["duration_days"], int) for s in steps)
    servers = {s["name"]: s for s in data["estate"]["servers"]}
    assert servers["BER-EX16-01"]["path"] == "side_by_side"
    assert servers["BER-EX16-01"]["judged_by_exo"] is True
    assert servers["MUC-EX19-02"]["path"] == "in_place"
    assert servers["MUC-EX19-02"]["judged_by_exo"] is False
    assert {s["path"] for s in servers.values()} <= {
        "in_place", "cu_then_in_place", "side_by_side", "decommission", "none"}


def test_graphml_of_the_mixed_sample(tmp_path: Path) -> None:
    out = tmp_path / "mixed.graphml"
    write_graphml(sample_inputs("mixed").estate, load_knowledge(), out)
    g = nx.read_graphml(out)
    assert g.nodes["server:BER-EX16-01"]["judged_by_exo"] is True
    assert any(d.get("relation") == "hands_mail_to_exo" for _, _, d in g.edges(data=True))
