"""The consultant's decisions change the steps: exclusion, paths, switched-off rules, sizes."""

from __future__ import annotations

from planner.core.plan import MigrationPath
from planner.core.settings import Decisions, Settings
from tests.core.rules.estates import legacy, mixed, small
from tests.core.rules.proposing import START, before, ids, path_of, plan


def test_excluding_a_server_removes_its_steps() -> None:
    p = plan(small(), Decisions(excluded_servers=frozenset({"ex02"})))
    assert not [s for s in p.steps if "EX02" in s.id]
    assert path_of(p, "EX02") == "none"
    assert "inplace:EX01" in ids(p)
    # The excluded 2019 server still blocks the SE CU that refuses old versions.
    assert any(f.code == "RULES-OLD-SERVER-KEPT" and "EX02" in f.message("en") for f in p.findings)


def test_excluding_a_2013_server_is_an_error_finding() -> None:
    p = plan(legacy(), Decisions(excluded_servers=frozenset({"EX2013"})))
    assert not ids(p, "legacy:")
    assert any(f.code == "RULES-2013-KEPT" for f in p.findings)


def test_repathing_a_2019_server_side_by_side_replaces_its_in_place_steps() -> None:
    p = plan(mixed(), Decisions(paths={"EX2019-03": MigrationPath.SIDE_BY_SIDE.value}))
    assert path_of(p, "EX2019-03") == "side_by_side"
    assert "inplace:EX2019-03" not in ids(p)
    assert "sbs:install:EX2019-03-SE" in ids(p)
    assert before(p, "sbs:publicfolders:EX2019-03", "sbs:decom:EX2019-03")
    assert before(p, "sbs:arbitration:EX2019-03", "sbs:moves:EX2019-03:1")


def test_an_impossible_path_is_refused_with_a_finding() -> None:
    p = plan(mixed(), Decisions(paths={"EX2016-01": "in_place"}))
    assert path_of(p, "EX2016-01") == "side_by_side"
    assert any(f.code == "RULES-PATH-NOT-POSSIBLE" for f in p.findings)


def test_switching_a_rule_off_keeps_the_order_through_it() -> None:
    p = plan(legacy(), Decisions(disabled_rules=frozenset({"ad_prep"})))
    assert "adprep:org" not in ids(p)
    # cu:EX2019 inherits ad_prep's prerequisites: 2013 still goes first.
    assert before(p, "legacy:gone", "cu:EX2019")
    assert before(p, "license:org", "cu:EX2019")


def test_switching_off_latest_update_keeps_the_dag_chain() -> None:
    p = plan(small(), Decisions(disabled_rules=frozenset({"latest_se_update"})))
    assert not ids(p, "su:")
    assert before(p, "inplace:EX01", "inplace:EX02")


def test_more_new_servers_per_old_server() -> None:
    p = plan(mixed(), Decisions(new_servers={"EX2016-01": 2}))
    assert {"sbs:install:EX2016-01-SE1", "sbs:install:EX2016-01-SE2",
            "sbs:install:EX2016-02-SE"} <= set(ids(p))


def test_a_retired_server_moves_its_mailboxes_to_se_capacity() -> None:
    p = plan(mixed(), Decisions(paths={"EX2019-03": "decommission"}))
    assert "inplace:EX2019-03" not in ids(p)
    assert not ids(p, "sbs:install:EX2019-03")
    assert before(p, "sbs:databases:DAG2016", "sbs:moves:EX2019-03:1")
    assert before(p, "sbs:moves:EX2019-03:1", "sbs:decom:EX2019-03")


def test_the_mitigation_takes_a_judged_server_out_of_view_early() -> None:
    p = plan(mixed(), Decisions(repoint_exo_connector=frozenset({"EX2016-01"})))
    step = next(s for s in p.steps if s.id == "mitigate:EX2016-01")
    assert step.exits_exo_view == ("EX2016-01",)
    assert step.rule == "exo_connector_repoint"
    assert step.predecessors  # waits until some server runs SE
    assert before(p, step.predecessors[0].step_id, step.id)


def test_the_mitigation_is_skipped_for_a_server_exo_does_not_judge() -> None:
    p = plan(mixed(), Decisions(repoint_exo_connector=frozenset({"EX2019-03"})))
    assert not ids(p, "mitigate:")
    assert any(f.code == "RULES-MITIGATION-SKIPPED" for f in p.findings)


def test_throughput_and_duration_settings_change_the_steps() -> None:
    fast = plan(mixed(), settings=Settings(start=START, throughput_gb_per_day=700,
                                           durations={"inplace_upgrade": 2}))
    assert ids(fast, "sbs:moves:") == ["sbs:moves:DAG2016:1"]  # 1,350 GB / 700 = 2 days
    assert next(s for s in fast.steps if s.id == "sbs:moves:DAG2016:1").duration_days == 2
    assert all(s.duration_days == 2 for s in fast.steps if s.kind == "inplace_upgrade")
