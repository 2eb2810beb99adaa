"""Every relay client of a replaced server gets its own re-point step, done by its owner."""

from __future__ import annotations

import tempfile

import pytest

from planner.core.plan import Plan
from planner.pipeline import load_inputs, make_plan
from tests.paths import MIXED
from tests.transport_log_maker import write_logs


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    folder = tmp_path_factory.mktemp("logs")
    write_logs(folder)
    inputs = load_inputs([MIXED, folder])
    return make_plan(inputs.estate, inputs.findings, inputs.settings)


def _before(plan: Plan, first: str, then: str) -> bool:
    steps = {s.id: s for s in plan.proposal.steps}
    seen, todo = set(), [then]
    while todo:
        for dep in steps[todo.pop()].predecessors:
            if dep.step_id == first:
                return True
            if dep.step_id not in seen:
                seen.add(dep.step_id)
                todo.append(dep.step_id)
    return False


def test_discovered_clients_of_replaced_servers_are_re_pointed(planned: Plan) -> None:
    relay = {s.title("en"): s for s in planned.proposal.steps if s.kind == "relay_repoint"}
    # BER-EX16-01/02 are replaced: the listed SAP system and the two clients only the logs
    # know. The scanner and web shop stay on BER-EX19-01, upgraded in place: nothing to do.
    assert sorted(t.split(" to ")[0] for t in relay) == [
        "Re-point SAP ERP", "Re-point crm-app01.contoso.local",
        "Re-point veeam01.contoso.local"]
    for step in relay.values():
        assert not step.needs_consultant
        for server in ("BER-EX16-01", "BER-EX16-02"):
            assert _before(planned, step.id, f"sbs:decom:{server}")
    sap = next(s for t, s in relay.items() if "SAP" in t)
    assert sap.owner == "SAP Basis" and "about 50 messages a day" in sap.why("en")
    crm = next(s for t, s in relay.items() if "crm" in t)
    assert crm.owner == "" and "found in the transport logs" in crm.why("en")
    assert "authenticated" in crm.why("en") and "etwa 15 Nachrichten pro Tag" in crm.why("de")


def test_without_logs_the_listed_clients_still_get_their_steps() -> None:
    inputs = load_inputs([MIXED])
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings)
    [sap] = [s for s in plan.proposal.steps if s.kind == "relay_repoint"]
    assert sap.owner == "SAP Basis" and "last seen" not in sap.why("en")


def test_no_local_path_leaks_into_findings_or_steps(planned: Plan) -> None:
    tmp = tempfile.gettempdir()
    texts = [f.message("en") + f.message("de") + f.file for f in planned.findings]
    texts += [s.why("en") + s.why("de") + s.command for s in planned.proposal.steps]
    assert not any(tmp in t for t in texts)


def test_the_sample_logs_beside_the_mixed_sample_add_clients_and_steps() -> None:
    sample = MIXED.parents[1] / "mixed-transport-logs.zip"
    inputs = load_inputs([MIXED, sample])
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings)
    clients = inputs.estate.relay_clients
    assert len(clients) == 8 and sum(rc.discovered for rc in clients) == 5
    relay = [s for s in plan.proposal.steps if s.kind == "relay_repoint"]
    assert len(relay) == 3  # SAP ERP plus the two clients only the logs know
