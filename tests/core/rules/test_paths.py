"""Which path each server takes and whether Exchange Online judges it, per sample estate."""

from __future__ import annotations

from tests.core.rules.estates import legacy, mixed, small
from tests.core.rules.proposing import path_of, plan


def test_small_estate_goes_in_place_and_the_edge_is_judged() -> None:
    p = plan(small())
    assert {a.name: a.path.value for a in p.servers} == {
        "EX01": "in_place", "EX02": "in_place", "EDGE01": "in_place"}
    judged = {a.name for a in p.servers if a.judged_by_exo}
    assert judged == {"EDGE01"}  # it carries the send connector through its subscription
    ex01 = next(a for a in p.servers if a.name == "EX01")
    assert (ex01.product, ex01.release, ex01.build) == ("2019", "CU14 Oct25SU", "15.2.1544.36")


def test_mixed_estate_replaces_2016_and_upgrades_2019() -> None:
    p = plan(mixed())
    assert path_of(p, "EX2016-01") == "side_by_side"
    assert path_of(p, "EDGE2016") == "side_by_side"
    assert path_of(p, "EX2019-02") == "in_place"
    judged = {a.name for a in p.servers if a.judged_by_exo}
    assert judged == {"EX2016-01", "EX2016-02"}


def test_legacy_estate_removes_2013_and_updates_cu12_first() -> None:
    p = plan(legacy())
    assert path_of(p, "EX2013") == "decommission"
    assert path_of(p, "EX2019") == "cu_then_in_place"
    assert not any(a.judged_by_exo for a in p.servers)  # not hybrid: nobody is judged


def test_every_server_gets_an_assessment_with_reasons() -> None:
    for estate in (small(), mixed(), legacy()):
        p = plan(estate)
        assert [a.name for a in p.servers] == [s.name for s in estate.servers]
        assert all(a.reason("en") and a.reason("de") != a.reason("en") for a in p.servers)


def test_only_2013_left_is_a_warning_not_a_crash() -> None:
    from dataclasses import replace

    estate = legacy()
    only_2013 = replace(estate, servers=estate.servers[:1])
    p = plan(only_2013)
    assert any(f.code == "RULES-2013-NO-TARGET" for f in p.findings)
    assert "legacy:decom:EX2013" in [s.id for s in p.steps]


def test_an_unknown_build_gets_no_steps_and_a_finding() -> None:
    from dataclasses import replace

    estate = small()
    ex01 = estate.server("EX01")
    assert ex01 is not None
    p = plan(estate.with_server(replace(ex01, build="n/a")))
    assert path_of(p, "EX01") == "none"
    assert not [s for s in p.steps if s.target == "server:EX01"]
    assert any(f.code == "RULES-BUILD-UNKNOWN" for f in p.findings)
