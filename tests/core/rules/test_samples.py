"""The bundled sample estates, imported as a consultant would: paths and key orderings."""

from __future__ import annotations

from functools import cache

from planner.core.knowledge import load_knowledge
from planner.core.plan import Proposal
from planner.core.rules import propose
from planner.core.settings import Decisions, Settings
from tests.core.rules.proposing import START, before, ids, path_of
from tests.sample_plans import sample_inputs


@cache
def _sample(name: str, excluded: frozenset[str] = frozenset()) -> Proposal:
    inputs = sample_inputs(name)
    return propose(inputs.estate, Settings(start=START), Decisions(excluded_servers=excluded),
                   load_knowledge())


def test_small_sample() -> None:
    p = _sample("small")
    assert {a.path.value for a in p.servers} == {"in_place"}
    assert [a.name for a in p.servers if a.judged_by_exo] == ["FAB-EDGE01"]
    assert before(p, "inplace:FAB-EX01", "inplace:FAB-EX02")  # one DAG member at a time
    # A pure in-place upgrade keeps the hybrid servers: no HCW re-run, the app check stays.
    assert "hybrid:hcw" not in ids(p)
    assert not next(s for s in p.steps if s.id == "hybrid:app").predecessors  # now


def test_mixed_sample() -> None:
    p = _sample("mixed")
    assert path_of(p, "BER-EX16-01") == path_of(p, "BER-EX16-02") == "side_by_side"
    assert path_of(p, "MUC-EX19-01") == "in_place"
    assert {a.name for a in p.servers if a.judged_by_exo} == {"BER-EX16-01", "BER-EX19-01"}
    assert before(p, "adprep:org", "sbs:install:BER-EX16-01-SE")
    assert before(p, "inplace:BER-EX19-01", "inplace:MUC-EX19-01")  # Internet-facing first
    for first in ("sbs:send:DAG-BER16", "sbs:relay:DAG-BER16:SAP-ERP", "hybrid:hcw",
                  "edge:resubscribe:BER-EDGE01"):
        assert before(p, first, "sbs:decom:BER-EX16-01"), first
    # Only the client of the replaced servers is re-pointed; the scanner's server stays.
    [relay] = [s for s in p.steps if s.kind == "relay_repoint"]
    assert "SAP ERP" in relay.title("en") and relay.owner == "SAP Basis"
    hcw = next(s for s in p.steps if s.id == "hybrid:hcw")
    assert "BER-EX16-01 carries hybrid mail flow" in hcw.why("en")
    provision = next(s for s in p.steps if s.id == "sbs:provision:BER-EX16-01-SE")
    assert "new SE server per old server by default" in provision.why("en")
    assert "BER-EX19-01 in site Berlin" in provision.why("en")  # the alternative, named


def test_mixed_sample_without_new_servers_moves_to_the_se_servers_of_the_site() -> None:
    inputs = sample_inputs("mixed")
    p = propose(inputs.estate, Settings(start=START),
                Decisions(new_servers={"BER-EX16-01": 0, "BER-EX16-02": 0}), load_knowledge())
    assert not ids(p, "sbs:install:") and not ids(p, "sbs:dag:")
    moves = next(s for s in p.steps if s.id == "sbs:moves:DAG-BER16:1")
    assert moves.title("en").endswith("to BER-EX19-01 (1/4)")  # same site, upgraded in place
    assert "0 new SE servers" in moves.why("en")
    for sid in ("sbs:namespace:DAG-BER16", "sbs:send:DAG-BER16", "sbs:receive:DAG-BER16"):
        assert before(p, "inplace:BER-EX19-01", sid), sid
        assert not before(p, "inplace:MUC-EX19-02", sid), sid  # the other site is not waited for
    for first in ("sbs:namespace:DAG-BER16", "sbs:send:DAG-BER16",
                  "sbs:relay:DAG-BER16:SAP-ERP", "sbs:arbitration:DAG-BER16",
                  "sbs:publicfolders:DAG-BER16", "hybrid:hcw"):
        assert before(p, first, "sbs:decom:BER-EX16-01"), first
    assert before(p, "sbs:send:DAG-BER16", "hybrid:hcw")


def test_legacy_sample() -> None:
    p = _sample("legacy")
    assert path_of(p, "NW-EX2013") == "decommission"
    assert path_of(p, "NW-EX2019") == "cu_then_in_place"
    for sid in ("adprep:org", "cu:NW-EX2019", "inplace:NW-EX2019"):
        assert before(p, "legacy:decom:NW-EX2013", sid)
    assert before(p, "legacy:repoint:NW-EX2013", "legacy:decom:NW-EX2013")


def test_excluding_a_sample_server_changes_the_steps() -> None:
    full = _sample("mixed")
    fewer = _sample("mixed", frozenset({"MUC-EX19-02"}))
    assert set(ids(full)) - set(ids(fewer)) == {"inplace:MUC-EX19-02"}
