"""Rule cu_update_2016: Exchange 2016 below CU23 is updated before the first SE setup runs."""

from __future__ import annotations

from datetime import date

from planner.core.knowledge import load_knowledge
from planner.core.model import Dag, Database, Estate, Organization, Server, Site
from planner.core.rules import RULE_IDS, propose
from planner.core.settings import Decisions, Settings
from tests.core.rules.estates import E2016, mixed
from tests.core.rules.proposing import before, ids, plan

CU22 = "15.1.2375.7"  # Exchange 2016 CU22 RTM


def estate() -> Estate:
    """A 2016 CU22 DAG of two, a standalone 2016 CU23 server and a 2016 CU22 Edge."""
    return Estate(
        organization=Organization(customer="Old CU GmbH", forest="oldcu.local"),
        sites=(Site("Köln", internet_facing=True, country="DE", subdivision="NW"),),
        servers=(
            Server("EX16-A", site="Köln", roles=("Mailbox",), build=CU22,
                   os="Windows Server 2016", dag="DAG16"),
            Server("EX16-B", site="Köln", roles=("Mailbox",), build=CU22,
                   os="Windows Server 2016", dag="DAG16"),
            Server("EX16-C", site="Köln", roles=("Mailbox",), build=E2016,
                   os="Windows Server 2016"),
            Server("EDGE16", site="Köln", roles=("Edge",), build=CU22),
        ),
        dags=(Dag("DAG16", ("EX16-A", "EX16-B")),),
        databases=(Database("DB1", server="EX16-A", dag="DAG16", size_gb=300),
                   Database("DB2", server="EX16-C", size_gb=100)),
    )


def test_2016_below_cu23_is_updated_before_the_first_se_setup_run() -> None:
    p = plan(estate())
    assert ids(p, "cu2016:") == ["cu2016:EX16-A", "cu2016:EX16-B"]
    installs = [s.id for s in p.steps if s.kind in ("install_se", "inplace_upgrade")]
    assert installs
    for cu in ("cu2016:EX16-A", "cu2016:EX16-B"):
        assert before(p, cu, "adprep:org")
        assert all(before(p, cu, i) for i in installs), cu
    assert before(p, "license:org", "cu2016:EX16-A")
    # DAG members one at a time: chained and both hold the DAG
    assert before(p, "cu2016:EX16-A", "cu2016:EX16-B")
    step = next(s for s in p.steps if s.id == "cu2016:EX16-A")
    assert step.needs_window and step.kind == "cu_update"
    assert step.resources == ("server:EX16-A", "dag:DAG16")
    assert step.rule == "cu_update_2016" and "cu_update_2016" in RULE_IDS
    assert "CU23 (latest SU) before the first SE server is installed" in step.title("en")
    assert "15.1.2375.7" in step.why("en") and "Exchange 2016 CU22" in step.why("en")
    assert "secondary sources" in step.why("en") and "upgrade.2016_min_cu" not in step.why("en")
    assert "15.1.2375.7" in step.why("de") and "Sekundärquellen" in step.why("de")
    assert "otsnews" in step.source
    assert "/Mode:Upgrade" in step.command and "StartDagServerMaintenance" in step.command


def test_cu23_and_edge_servers_get_no_update_step() -> None:
    p = plan(estate())
    assert "cu2016:EX16-C" not in ids(p) and "cu2016:EDGE16" not in ids(p)
    assert not ids(plan(mixed()), "cu2016:")  # the mixed sample runs 2016 CU23


def test_an_excluded_server_gets_no_update_step() -> None:
    p = plan(estate(), Decisions(excluded_servers=frozenset({"EX16-B"})))
    assert ids(p, "cu2016:") == ["cu2016:EX16-A"]


def test_the_project_can_override_the_minimum() -> None:
    k = load_knowledge({"upgrade.2016_min_cu": "CU22"})
    p = propose(estate(), Settings(start=date(2026, 12, 1)), Decisions(), k)
    assert not ids(p, "cu2016:")
    k = load_knowledge({"upgrade.2016_min_cu": "CU23"})
    p = propose(estate(), Settings(start=date(2026, 12, 1)), Decisions(), k)
    step = next(s for s in p.steps if s.id == "cu2016:EX16-A")
    assert "knowledge override" in step.why("en")


def test_switching_the_rule_off_removes_the_steps_and_keeps_the_order() -> None:
    p = plan(estate(), Decisions(disabled_rules=frozenset({"cu_update_2016"})))
    assert not ids(p, "cu2016:")
    assert before(p, "license:org", "adprep:org")
