"""Security order and commands that fit the server's role and its place in the estate."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.core.errors import SettingsError
from planner.core.knowledge import load_knowledge
from planner.core.model import Dag, Estate, Server, Site
from planner.core.rules import propose
from planner.core.settings import Decisions, Settings
from planner.core.settings_io import settings_from_table, settings_to_table
from tests.core.rules.estates import CU12, CU14, legacy, small
from tests.core.rules.proposing import START, before, plan
from tests.core.rules.test_mail_flow import plan as rheinwerk_plan
from tests.core.rules.test_mail_flow import rheinwerk


def test_2019_cu13_or_older_reaches_cu15_before_the_first_se_server_joins() -> None:
    p = rheinwerk_plan()
    for joins in ("sbs:install:RW-EX16-01-SE", "sbs:install:RW-EX16-02-SE"):
        assert before(p, "cu:RW-EX19", joins)
    cu = p.step("cu:RW-EX19")
    assert cu is not None and "the first SE server joins the organization" in cu.why("en")
    assert "dem ersten SE-Server in der Organisation" in cu.why("de")


def test_the_security_order_is_an_unconfirmed_fact_a_project_can_override() -> None:
    off = rheinwerk_plan(overrides={"security.2019_cu_before_first_se": False})
    assert not before(off, "cu:RW-EX19", "sbs:install:RW-EX16-01-SE")
    cu = off.step("cu:RW-EX19")
    assert cu is not None and "first SE server joins" not in cu.why("en")
    switched = rheinwerk_plan(Decisions(disabled_rules=frozenset({"security_order"})))
    assert not before(switched, "cu:RW-EX19", "sbs:install:RW-EX16-01-SE")
    assert load_knowledge().facts["security.2019_cu_before_first_se"].confidence == "unconfirmed"


def _dag_with_cu12_and_cu14() -> Estate:
    """A DAG whose judged CU14 member is upgraded first, its CU12 partner needs CU15."""
    return Estate(
        sites=(Site("HQ", internet_facing=True),),
        servers=(Server("A", site="HQ", roles=("Mailbox",), build=CU14, dag="D",
                        judged_by_exo=True),
                 Server("B", site="HQ", roles=("Mailbox",), build=CU12, dag="D")),
        dags=(Dag("D", ("A", "B")),))


def test_a_dag_updates_its_old_member_before_any_member_becomes_se() -> None:
    p = plan(_dag_with_cu12_and_cu14())  # no cycle: the DAG's CU update leads its chain
    assert before(p, "cu:B", "inplace:A") and before(p, "inplace:A", "inplace:B")


def test_no_redirect_on_an_edge_and_a_real_target_on_a_dag_member() -> None:
    p = plan(small())
    edge = p.step("inplace:EDGE01")
    assert edge is not None and "Redirect-Message" not in edge.command
    assert "Get-Queue -Server EDGE01" in edge.command
    member = p.step("inplace:EX01")
    assert member is not None
    assert "Redirect-Message -Server EX01 -Target ex02.small.local" in member.command
    assert "<other server" not in member.command


def test_the_last_transport_server_has_nobody_to_redirect_to() -> None:
    alone = Estate(sites=(Site("HQ"),),
                   servers=(Server("SOLO", site="HQ", roles=("Mailbox",), build=CU14),))
    step = plan(alone).step("inplace:SOLO")
    assert step is not None and "Redirect-Message" not in step.command


def test_dag_wording_only_where_there_is_a_dag() -> None:
    p = plan(small())
    for sid in ("inplace:EDGE01",):
        step = p.step(sid)
        assert step is not None and "DAG" not in step.why("en") and "DAG" not in step.why("de")
    member = p.step("inplace:EX01")
    assert member is not None and "DAG DAG1: one member at a time" in member.why("en")


def test_the_hybrid_app_check_does_not_wait_for_an_edge_without_hybrid_mail() -> None:
    est = small()
    quiet = replace(est, servers=tuple(
        replace(s, judged_by_exo=False) if s.is_edge else s for s in est.servers),
        connectors=tuple(c for c in est.connectors if c.name != "Outbound to Office 365"))
    p = propose(quiet, Settings(start=START), Decisions(), load_knowledge())
    assert p.step("hybrid:app") is not None
    assert not before(p, "inplace:EDGE01", "hybrid:app")


def test_new_servers_are_named_by_the_project_pattern() -> None:
    settings = Settings(start=START, new_server_pattern="{site}-EXSE{n:02}")
    p = propose(rheinwerk(), settings, Decisions(), load_knowledge())
    assert p.step("sbs:install:Duisburg-EXSE01") is not None
    assert p.step("sbs:install:Duisburg-EXSE02") is not None
    dag = p.step("sbs:dag:RW-DAG16")
    assert dag is not None and "Duisburg-EXSE01 and Duisburg-EXSE02" in dag.title("en")
    # The new Edge continues the site's numbering.
    edge = p.step("edge:new:RW-EDGE16")
    assert edge is not None and edge.target == "server:Duisburg-EXSE03"
    inbound = p.step("edge:inbound:RW-EDGE16")
    assert inbound is not None and "Duisburg-EXSE03" in inbound.title("en")
    # Several replacements of one server under a pattern without a number stay distinct.
    two = propose(rheinwerk(), Settings(start=START, new_server_pattern="{old}-NEU"),
                  Decisions(new_servers={"RW-EX16-01": 2}), load_knowledge())
    assert {"sbs:install:RW-EX16-01-NEU1", "sbs:install:RW-EX16-01-NEU2"} <= {
        s.id for s in two.steps}


def test_the_default_keeps_the_old_names_and_the_pattern_round_trips() -> None:
    assert Settings().new_server_pattern == "{old}-SE"
    table = settings_to_table(Settings(new_server_pattern="{site}-EXSE{n:02}"))
    assert table["naming"] == {"new_server": "{site}-EXSE{n:02}"}
    assert settings_from_table(table).new_server_pattern == "{site}-EXSE{n:02}"


def test_a_pattern_with_an_unknown_placeholder_is_refused_naming_it() -> None:
    with pytest.raises(SettingsError, match="new_server"):
        settings_from_table({"naming": {"new_server": "{building}-EX{n}"}})


def test_the_cu14_note_appears_only_where_a_cu14_server_exists() -> None:
    with_cu14 = plan(small()).step("adprep:org")
    assert with_cu14 is not None and "EX01 and EX02 run 2019 CU14" in with_cu14.why("en")
    assert "EDGE01" not in with_cu14.why("en")  # an Edge is outside Active Directory
    without = plan(legacy()).step("adprep:org")
    assert without is not None and "CU14" not in without.why("en") + without.why("de")
