"""Every relay client of a replaced server gets its own re-point step, done by its owner."""

from __future__ import annotations

import dataclasses
import tempfile
from datetime import date

import pytest

from planner.core.catalogue import catalogue
from planner.core.model import Estate, RelayClient
from planner.core.plan import Plan
from planner.core.rules.relay_repoint import client_detail
from planner.core.transport_listing import relay_listing
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


def test_what_the_logs_saw_reads_as_people_count_it() -> None:
    """Thames & Shannon's review: a monthly payroll run was "about 138.9 messages a day",
    printers "11.1" and "8.7" beside "54". A run is told as the run; a rate is whole from
    ten, one decimal below, in the language's number format; a range's addresses named."""
    def said(rc: RelayClient, lang: str) -> str:
        return "; ".join(catalogue(lang).render(m) for m in client_detail(rc))

    seen = {"connector": "Legacy Relay", "server": "EX13", "last_seen": date(2026, 12, 4),
            "authenticated": False}
    payroll = RelayClient("payroll01", host="10.20.10.40", sessions=1, messages=2640,
                          messages_per_day=138.9, run_days=(date(2026, 11, 26),),
                          logged_days=19, **seen)
    assert ("one run of 2,640 messages on 26 Nov 2026, none on the other 18 days of the logs"
            in said(payroll, "en"))
    assert "a day" not in said(payroll, "en") and "138" not in said(payroll, "en")
    assert ("ein Lauf mit 2.640 Nachrichten am 26.11.2026, keiner an den anderen 18 Tagen"
            in said(payroll, "de"))
    weekly = RelayClient("bms", host="10.20.60.5", messages=4200 * 3, logged_days=19,
                         run_days=(date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)),
                         **seen)
    assert "weekly, about 4,200 messages a run (3 runs in the logs" in said(weekly, "en")
    assert "wöchentlich, etwa 4.200 Nachrichten je Lauf" in said(weekly, "de")
    uneven = dataclasses.replace(weekly, run_days=(date(2026, 11, 2), date(2026, 11, 4)))
    assert "12,600 messages on only 2 days of the logs" in said(uneven, "en")
    printer = RelayClient("ZT610", host="10.20.40.11", messages=210, messages_per_day=11.1,
                          **seen)
    small = RelayClient("ZT410", host="10.20.40.27", messages=165, messages_per_day=8.66,
                        **seen)
    assert "about 11 messages a day" in said(printer, "en")
    assert "about 8.7 messages a day" in said(small, "en")
    assert "etwa 8,7 Nachrichten pro Tag" in said(small, "de")
    zebra = RelayClient("Zebra", host="10.20.40.0/24", messages=375, messages_per_day=28.0,
                        addresses=("10.20.40.11", "10.20.40.12"), **seen)
    assert "from 2 addresses: 10.20.40.11 and 10.20.40.12" in said(zebra, "en")
    rows = {r[0]: r for r in relay_listing(Estate(relay_clients=(payroll, printer, zebra)),
                                           "en").rows}
    assert rows["payroll01"][6] == "2,640 in one run on 26 Nov 2026"
    weekly_rows = relay_listing(Estate(relay_clients=(weekly,)), "de").rows
    assert weekly_rows[0][6] == "wöchentlich, etwa 4.200 je Lauf"
    assert rows["ZT610"][6] == "11"
    assert "(seen: 10.20.40.11 and 10.20.40.12)" in rows["Zebra"][1]


def test_an_occasional_job_is_proven_gone_before_its_server_is_removed() -> None:
    """Its re-point step asks its owner for a signed-off test send and the old server's
    receive protocol log for no session from it (the next payday may follow the removal)."""
    inputs = load_inputs([MIXED])
    sap = next(rc for rc in inputs.estate.relay_clients if rc.name == "SAP ERP")
    monthly = dataclasses.replace(sap, last_seen=date(2026, 11, 26), sessions=1,
                                  messages=2640, run_days=(date(2026, 11, 26),),
                                  authenticated=False)
    estate = dataclasses.replace(inputs.estate, relay_clients=tuple(
        monthly if rc is sap else rc for rc in inputs.estate.relay_clients))
    plan = make_plan(estate, inputs.findings, dataclasses.replace(
        inputs.settings, solver_time_limit_s=1.0))
    step = next(s for s in plan.proposal.steps if s.target == "relay:SAP ERP")
    why, command = step.why("en"), step.command_in("en")
    assert "its owner sends a test message through the new server and signs it off" in why
    assert "receive protocol log of BER-EX16-01 shows no session from" in why
    assert "Select-String" in command and "signs it off" in command
    assert "Testnachricht" in step.why("de") and "Testnachricht" in step.command_in("de")
