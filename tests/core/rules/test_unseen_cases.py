"""Rule defects found on unseen customer estates (tests/estates), each pinned by a test."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planner.core.knowledge import load_knowledge
from planner.core.model import (
    Connector,
    ConnectorType,
    Dag,
    Database,
    Estate,
    Namespace,
    Organization,
    RelayClient,
    Server,
    Site,
)
from planner.core.plan import Objective, Schedule, ScheduledStep
from planner.core.rules.assess import os_too_old
from planner.core.rules.milestones import MILESTONE, late_findings
from planner.core.settings import Decisions
from tests.core.rules.estates import CU14, E2013, E2016, legacy, mixed
from tests.core.rules.proposing import before, ids, knowledge, path_of, plan

CU10 = "15.2.922.7"
SEND, RECEIVE = ConnectorType.SEND, ConnectorType.RECEIVE


def _step(p: object, sid: str):  # type: ignore[no-untyped-def]
    return next(s for s in p.steps if s.id == sid)  # type: ignore[attr-defined]


def test_a_dag_group_counts_its_mailbox_data_once() -> None:
    # Server figures and the DAG's databases describe the same data (the mixed sample's shape).
    estate = Estate(
        organization=Organization(customer="C"),
        servers=(Server("A", build=E2016, dag="D", roles=("Mailbox",), mailbox_data_gb=1000),
                 Server("B", build=E2016, dag="D", roles=("Mailbox",), mailbox_data_gb=500)),
        dags=(Dag("D", ("A", "B")),),
        databases=(Database("DB1", dag="D", size_gb=1000), Database("DB2", dag="D", size_gb=500)),
    )
    p = plan(estate)
    moves = [s for s in p.steps if s.kind == "mailbox_moves"]
    assert sum(s.duration_days for s in moves) == 10  # 1,500 GB at 150 GB/day, not 3,000 GB
    assert "1,500 GB" in moves[0].why("en") and "1.500 GB" in moves[0].why("de")
    # Without server figures, the DAG's databases give the volume.
    bare = replace(estate, servers=tuple(replace(s, mailbox_data_gb=None)
                                         for s in estate.servers))
    assert sum(s.duration_days for s in plan(bare).steps if s.kind == "mailbox_moves") == 10


def test_no_empty_send_connector_or_namespace_step_when_the_inventory_lists_others() -> None:
    est = mixed()
    p = plan(est)
    assert "sbs:send:DAG2016" in ids(p)  # the 2016 DAG sources connectors
    lone = Server("EX2016-09", site="Hamburg", roles=("Mailbox",), build=E2016,
                  os="Windows Server 2016", mailbox_data_gb=50)
    p = plan(est.with_server(lone))
    assert "sbs:send:EX2016-09" not in ids(p)
    assert "sbs:namespace:EX2016-09" not in ids(p)
    # Its users reach their mailboxes through the other group's namespaces, switched first.
    assert before(p, "sbs:namespace:DAG2016", "sbs:moves:EX2016-09:1")
    # Without any connector or namespace data the steps stay as checklists.
    bare = replace(est.with_server(lone), connectors=(), namespaces=(), relay_clients=())
    assert {"sbs:send:EX2016-09", "sbs:namespace:EX2016-09"} <= set(ids(plan(bare)))


def test_every_groups_moves_wait_for_every_namespace_switch() -> None:
    est = mixed()
    second = (Server("EX2016-03", site="Hamburg", roles=("Mailbox",), build=E2016,
                     os="Windows Server 2016", dag="DAG2016B"),
              Server("EX2016-04", site="Hamburg", roles=("Mailbox",), build=E2016,
                     os="Windows Server 2016", dag="DAG2016B"))
    est = replace(est, servers=est.servers + second,
                  dags=(*est.dags, Dag("DAG2016B", ("EX2016-03", "EX2016-04"))))
    p = plan(est)
    assert before(p, "sbs:namespace:DAG2016", "sbs:moves:DAG2016B:1")


@pytest.mark.parametrize("text", ["Windows Server 2016", "Microsoft Windows Server 2016 Standard",
                                  "WS2012R2", "W2K16", "Win2k8 R2", "10.0.14393", "6.3.9600"])
def test_old_windows_is_recognised_however_it_is_written(text: str) -> None:
    assert os_too_old(text, load_knowledge())


@pytest.mark.parametrize("text", ["Windows Server 2019", "Windows Server 2022 Datacenter",
                                  "10.0.17763", "10.0.20348", "WS2025", ""])
def test_supported_windows_is_not_old(text: str) -> None:
    assert not os_too_old(text, load_knowledge())


def test_the_windows_support_table_is_data_a_project_can_override() -> None:
    wider = load_knowledge({"os.se_supported": ["2016", "2019", "2022", "2025"]})
    assert os_too_old("Windows Server 2016", load_knowledge())
    assert not os_too_old("Windows Server 2016", wider)
    assert os_too_old("WS2012R2", wider)


def _cu10_estate(os: str) -> Estate:
    return Estate(
        organization=Organization(customer="Brauerei", hybrid=True, forest="b.local"),
        sites=(Site("K", internet_facing=True),),
        servers=(Server("BGM-EX01", site="K", roles=("Mailbox",), build=CU10, os=os,
                        mailbox_data_gb=260),
                 Server("BGM-EX02", site="K", roles=("Mailbox",), build=CU10,
                        os="Windows Server 2019", mailbox_data_gb=30)),
        connectors=(Connector("Outbound to Office 365", SEND, ("BGM-EX01",),
                              ("b.mail.onmicrosoft.com",), cloud_mail_enabled=True),),
    )


def test_2019_on_old_windows_goes_side_by_side_and_says_why() -> None:
    p = plan(_cu10_estate("WS2016"))
    assert path_of(p, "BGM-EX01") == "side_by_side"
    assert path_of(p, "BGM-EX02") == "cu_then_in_place"
    assert not [s for s in ids(p) if s.endswith(":BGM-EX01") and s.startswith(("cu:", "inplace"))]
    install = _step(p, "sbs:install:BGM-EX01-SE")
    assert "WS2016" in install.why("en") and "Exchange 2016 cannot" not in install.why("en")
    assert "Exchange 2016" not in install.why("de").split(";")[0]
    decom = _step(p, "sbs:decom:BGM-EX01")
    assert "operating system" in decom.why("en")


def test_the_consultant_cannot_force_in_place_on_old_windows() -> None:
    p = plan(_cu10_estate("Windows Server 2016"), Decisions(paths={"BGM-EX01": "in_place"}))
    assert path_of(p, "BGM-EX01") == "side_by_side"
    found = [f for f in p.findings if f.code == "RULES-PATH-NOT-POSSIBLE"]
    assert found and "Windows Server 2016" in found[0].message("en")


def test_the_in_place_step_after_a_cu_update_speaks_of_the_new_cu() -> None:
    p = plan(_cu10_estate("Windows Server 2016"))
    why = _step(p, "inplace:BGM-EX02").why("en")
    assert why.startswith("Once BGM-EX02 runs Exchange 2019 CU15 after its cumulative update")
    assert "runs 15.2.922.7 = Exchange 2019 CU10" in why  # today's fact follows


def _legacy_with_2016() -> Estate:
    est = legacy()
    ex16 = Server("EX2016", site="Berlin", roles=("Mailbox",), build=E2016,
                  os="Windows Server 2016", mailbox_data_gb=200)
    return replace(est, servers=(est.servers[0], ex16, *est.servers[1:]))


def test_2013_mailboxes_go_to_a_server_that_stays() -> None:
    p = plan(_legacy_with_2016())  # EX2016 is listed before the in-place EX2019
    assert "to EX2019" in _step(p, "legacy:moves:EX2013").title("en")
    assert "EX2019" in _step(p, "legacy:repoint:EX2013").command


def test_without_a_staying_server_2013_relay_clients_move_again_with_the_2016_group() -> None:
    est = _legacy_with_2016()
    est = replace(est, servers=tuple(s for s in est.servers if s.name != "EX2019"))
    p = plan(est)
    assert "to EX2016" in _step(p, "legacy:moves:EX2013").title("en")
    relay = _step(p, "sbs:relay:EX2016:Scanner")
    assert "Scanner" in relay.why("en")
    assert before(p, "legacy:repoint:EX2013", "sbs:receive:EX2016")
    # The 2013 mailboxes now live on EX2016 too: 200 + 120 GB move to SE.
    assert "320 GB" in _step(p, "sbs:moves:EX2016:1").why("en")


def test_an_edge_retired_without_replacement_gets_no_new_edge() -> None:
    p = plan(mixed(), Decisions(paths={"EDGE2016": "decommission"}))
    assert "edge:new:EDGE2016" not in ids(p)
    remove = _step(p, "edge:remove:EDGE2016")
    assert "consultant" in remove.why("en") and "Exchange 2016 Edge" not in remove.why("en")


def test_a_retired_2016_group_names_the_se_servers_as_the_target() -> None:
    est = mixed()
    est = replace(est, relay_clients=(*est.relay_clients,
                                      RelayClient("Fax", connector="Relay Munich")))
    p = plan(est, Decisions(new_servers={"EX2016-01": 0, "EX2016-02": 0}))
    recv = _step(p, "sbs:receive:DAG2016")
    assert recv.title("en").endswith("on EX2019-01")  # the in-place server of the same site
    assert recv.title("de") == "Eigene Empfangsconnectoren auf EX2019-01 neu anlegen"
    assert before(p, "sbs:send:DAG2016", "sbs:decom:EX2016-01")
    assert "site Munich" in recv.why("en")


def test_retired_group_without_se_in_its_site_goes_to_another_site_and_says_so() -> None:
    est = mixed()
    est = replace(est, servers=tuple(s for s in est.servers if s.name != "EX2019-01"))
    p = plan(est, Decisions(new_servers={"EX2016-01": 0, "EX2016-02": 0}))
    moves = _step(p, "sbs:moves:DAG2016:1")
    assert "EX2019-02" in moves.title("en") and "confirm that this site is the nearest" \
        in moves.why("en")


def test_retired_group_with_no_se_anywhere_is_a_finding() -> None:
    est = mixed()
    est = replace(est, servers=tuple(s for s in est.servers if "2019" not in s.name))
    p = plan(est, Decisions(new_servers={"EX2016-01": 0, "EX2016-02": 0}))
    assert any(f.code == "RULES-NO-TAKEOVER" for f in p.findings)


def _dated(day: date) -> Schedule:
    return Schedule(steps=(ScheduledStep(MILESTONE, day, day),),
                    objective=Objective(0, 0, 0, day, "optimal"))


def test_a_milestone_after_the_expected_blocking_cu_is_a_warning() -> None:
    steps = plan(mixed()).steps
    expected = knowledge().facts["upgrade.se_cu_blocking_old.date"].value
    assert late_findings(steps, _dated(expected), knowledge()) == ()
    late = late_findings(steps, _dated(date(2027, 5, 3)), knowledge())
    assert [f.code for f in late] == ["RULES-SE-CU-BLOCKING-LATE"]
    assert "3 May 2027" in late[0].message("en") and "03.05.2027" in late[0].message("de")


def test_namespace_and_receive_details_stay_in_the_inventory_words() -> None:
    est = mixed()
    ns = Namespace("owa.mixed.de", ("OWA",), ("EX2016-01",), load_balancer="KEMP")
    p = plan(replace(est, namespaces=(*est.namespaces, ns)))
    assert "owa.mixed.de" in _step(p, "sbs:namespace:DAG2016").why("en")
    assert "KEMP" in _step(p, "sbs:namespace:DAG2016").why("en")


def test_2013_kept_in_an_estate_without_targets_is_reported() -> None:
    est = Estate(organization=Organization(customer="Only 2013"),
                 servers=(Server("OLD", roles=("Mailbox",), build=E2013),
                          Server("NEW", roles=("Mailbox",), build=CU14,
                                 os="Windows Server 2016")))
    p = plan(est)
    # The only 2019 server is on old Windows and is replaced itself: it still takes the
    # mailboxes (nothing else exists), and they move on with it.
    assert "to NEW" in _step(p, "legacy:moves:OLD").title("en")
    assert path_of(p, "NEW") == "side_by_side"


def test_the_newest_se_update_goes_on_in_the_upgrade_window() -> None:
    # A DAG member is taken down once: SE setup and the newest SU in the same window.
    from planner.core.rules.inplace import latest_se_build

    build, release = latest_se_build(knowledge()) or ("", "")
    p = plan(mixed())
    up = _step(p, "inplace:EX2019-01")
    # named by release and build: "to Exchange SE RTM Aug26SU" told no build to look for
    assert up.title("en").endswith(f"to Exchange SE {release} ({build}) or a later update")
    assert up.title("de").endswith(f"auf Exchange SE {release} ({build}) oder ein späteres Update")
    command = up.command_in("en")
    assert f"Install SE {release} ({build})" in command
    assert command.index("Install SE") < command.index("StopDagServerMaintenance")
    assert f"SE {release} ({build}) installieren" in up.command_in("de")
    assert not ids(p, "su:EX2019")
    # A server already on an older SE build still gets its own update step.
    se = Server("EX-SE", site="Munich", roles=("Mailbox",), build="15.2.2562.17",
                os="Windows Server 2022")
    assert "su:EX-SE" in ids(plan(mixed().with_server(se)))
    off = plan(mixed(), Decisions(disabled_rules=frozenset({"latest_se_update"})))
    assert "Install SE" not in _step(off, "inplace:EX2019-01").command_in("en")


def test_a_judged_server_the_plan_never_takes_out_of_view_is_a_warning() -> None:
    est = mixed()
    assert "RULES-JUDGED-SERVER-KEPT" not in {f.code for f in plan(est).findings}
    p = plan(est, Decisions(excluded_servers=frozenset({"EX2016-01"})))
    [kept] = [f for f in p.findings if f.code == "RULES-JUDGED-SERVER-KEPT"]
    assert kept.target == "server:EX2016-01" and "blocked" in kept.message("en")


def test_a_2019_edge_on_old_windows_is_replaced_and_says_why() -> None:
    est = mixed()
    edge = Server("EDGE19", site="Munich", roles=("Edge",), build=CU14, os="WS2012R2")
    p = plan(est.with_server(edge))
    assert path_of(p, "EDGE19") == "side_by_side"
    new = _step(p, "edge:new:EDGE19")
    assert "WS2012R2" in new.why("en") and "Exchange 2016 Edge" not in new.why("en")
    assert before(p, "edge:subscribe:EDGE19", "edge:remove:EDGE19")
