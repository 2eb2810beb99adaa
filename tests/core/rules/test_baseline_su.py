"""Rule exo_baseline_su and the CU updates: a judged server leaves Exchange Online's
enforcement with the security update its release line accepts, not months later with its
migration or upgrade to SE.

The quoted case (a consultant's review, 2026-12-07): a 2016 CU23 Apr24HU hub blocked by
Exchange Online since October got only a new SE server in January, and the report called its
33 blocked days unavoidable; one security update in the next window would have ended them.
"""

from __future__ import annotations

from dataclasses import replace

from planner.core.knowledge import load_knowledge
from planner.core.model import Dag, Database, Estate, Organization, Server, Site
from planner.core.plan import Proposal, Step
from planner.core.rules import propose
from planner.core.scheduler import schedule
from planner.core.settings import Decisions, Settings
from tests.core.rules.proposing import START, before, knowledge, plan

E16_APR24 = "15.1.2507.39"  # 2016 CU23 Apr24HU: below the Oct 2025 SU baseline
E16_OCT25 = "15.1.2507.61"  # 2016 CU23 Oct25SU: the baseline itself
E19_CU13 = "15.2.1258.12"  # 2019 CU13 RTM: no build of its line passes
E19_CU15_AUG25 = "15.2.1748.36"  # 2019 CU15 Aug25SU: below the CU15 baseline


def estate(hub_build: str = E16_APR24, judged: bool = True) -> Estate:
    """A hybrid customer: a judged 2016 hub in a DAG, a judged 2019 CU13 and a CU15 server."""
    return Estate(
        organization=Organization(customer="Prairie Freight", hybrid=True, tenant="pf",
                                  forest="pf.local"),
        sites=(Site("Dallas", internet_facing=True, country="US", subdivision="TX"),),
        servers=(
            Server("HUB16", site="Dallas", roles=("Mailbox",), build=hub_build,
                   os="Windows Server 2016", dag="DAG16", judged_by_exo=judged),
            Server("MBX16", site="Dallas", roles=("Mailbox",), build=E16_OCT25,
                   os="Windows Server 2016", dag="DAG16"),
            Server("EX19-OLD", site="Dallas", roles=("Mailbox",), build=E19_CU13,
                   os="Windows Server 2019", judged_by_exo=True),
            Server("EX19-AUG", site="Dallas", roles=("Mailbox",), build=E19_CU15_AUG25,
                   os="Windows Server 2022", judged_by_exo=True),
        ),
        dags=(Dag("DAG16", ("HUB16", "MBX16")),),
        databases=(Database("DB1", server="HUB16", dag="DAG16", size_gb=200),
                   Database("DB2", server="EX19-OLD", size_gb=50),
                   Database("DB3", server="EX19-AUG", size_gb=50)),
    )


def _step(p: Proposal, step_id: str) -> Step:
    return next(s for s in p.steps if s.id == step_id)


def test_a_judged_server_below_the_baseline_gets_the_security_update_that_meets_it() -> None:
    p = plan(estate())
    su = _step(p, "su-exo:HUB16")
    assert su.exits_exo_view == ("HUB16",) and su.needs_window
    assert su.resources == ("server:HUB16", "dag:DAG16")
    assert "15.1.2507.61" in su.command and "StartDagServerMaintenance" in su.command
    assert "CU23 Oct25SU" in su.title("en") and "HUB16" in su.title("en")
    assert "Mindestversion" in su.title("de")
    assert "15.1.2507.61" in su.why("en") and "15.1.2507.61" in su.why("de")
    # the server's decommissioning comes after its update, never before
    assert before(p, "su-exo:HUB16", "sbs:decom:HUB16")
    # a 2019 CU15 server below its line's baseline: the same, before its in-place upgrade
    assert _step(p, "su-exo:EX19-AUG").exits_exo_view == ("EX19-AUG",)
    assert before(p, "su-exo:EX19-AUG", "inplace:EX19-AUG")
    assert "15.2.1748.39" in _step(p, "su-exo:EX19-AUG").command


def test_no_update_where_it_would_not_end_the_enforcement() -> None:
    p = plan(estate())
    # not judged, or already at the baseline: nothing to gain
    assert "su-exo:MBX16" not in {s.id for s in p.steps}
    assert "su-exo:HUB16" not in {s.id for s in plan(estate(judged=False)).steps}
    assert "su-exo:HUB16" not in {s.id for s in plan(estate(E16_OCT25)).steps}
    # 2019 CU13: no build of its line passes; its CU update is the way out (below)
    assert "su-exo:EX19-OLD" not in {s.id for s in p.steps}
    # a baseline raised above every known 2016 build: only SE ends the enforcement
    raised = {"baseline.2016.CU23": "15.1.2507.99"}
    p = propose(estate(), Settings(start=START, policy_overrides=raised), Decisions(),
                load_knowledge(raised))
    assert "su-exo:HUB16" not in {s.id for s in p.steps}
    assert "su-exo:EX19-AUG" in {s.id for s in p.steps}  # its own line is unchanged


def test_a_cu_update_installs_the_accepted_security_update_and_ends_the_enforcement() -> None:
    p = plan(estate())
    cu = _step(p, "cu:EX19-OLD")
    assert cu.exits_exo_view == ("EX19-OLD",)
    assert "15.2.1748.39" in cu.command and "/Mode:Upgrade" in cu.command
    assert "15.2.1748.39" in cu.why("en")
    # the in-place upgrade still ends it too; whichever comes first counts
    assert _step(p, "inplace:EX19-OLD").exits_exo_view == ("EX19-OLD",)
    # a server Exchange Online does not judge gets the update as well, and no word about
    # an enforcement it is not under
    base = estate()
    calm = replace(base, servers=tuple(replace(x, judged_by_exo=False) if x.name == "EX19-OLD"
                                       else x for x in base.servers))
    cu = _step(plan(calm), "cu:EX19-OLD")
    assert cu.exits_exo_view == () and "15.2.1748.39" in cu.command
    assert "enforcement" not in cu.why("en") and "Durchsetzung" not in cu.why("de")


def test_the_plan_takes_the_update_as_the_servers_way_out() -> None:
    settings = Settings(start=START)
    decisions = Decisions()
    k = knowledge()
    with_su = schedule(plan(estate()), estate(), settings, decisions, k)
    off = replace(decisions, disabled_rules=frozenset({"exo_baseline_su"}))
    without = schedule(plan(estate(), off), estate(), settings, off, k)
    cut = {e.server: e.cutover for e in with_su.exposure}
    su_day = next(s.end for s in with_su.steps if s.step_id == "su-exo:HUB16")
    assert cut["HUB16"] == su_day
    old = {e.server: e.cutover for e in without.exposure}
    assert cut["HUB16"] is not None and old["HUB16"] is not None
    assert (old["HUB16"] - cut["HUB16"]).days >= 28  # the new SE servers take weeks
    # fewer days of blocked or throttled mail, or of the pause budget spent to avoid them
    o, n = without.objective, with_su.objective
    assert (n.blocked_days, n.throttled_days, n.pause_days) < \
        (o.blocked_days, o.throttled_days, o.pause_days)


def test_a_step_after_the_update_states_the_build_the_server_then_runs() -> None:
    """Thames & Shannon's review: "Decommission LON-EX16-02" said it runs Nov24SUv2 (its DAG
    partner's build) and also Apr25HU (its own), while the plan had installed Oct25SU on it
    before: one build, the one the server runs at that point of the plan, said once."""
    est = estate()
    # the hub's DAG partner runs another build: the removal of each names its own
    p = plan(est)
    for lang in ("en", "de"):
        hub = _step(p, "sbs:decom:HUB16").why(lang)
        assert "15.1.2507.61" in hub and E16_APR24 not in hub, hub
        assert hub.count("15.1.2507.61") == 1 and "Apr24HU" not in hub
    # the partner was never updated by the plan: its own inventory build, once
    partner = _step(p, "sbs:decom:MBX16").why("en")
    assert partner.count(E16_OCT25) == 1 and E16_APR24 not in partner
    # without the update (the rule switched off) the hub's removal names its inventory build
    off = plan(est, Decisions(disabled_rules=("exo_baseline_su",)))
    hub = _step(off, "sbs:decom:HUB16").why("en")
    assert hub.count(E16_APR24) == 1 and "15.1.2507.61" not in hub
