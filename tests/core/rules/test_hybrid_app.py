"""The dedicated hybrid app: a server replaced later is updated first, the app checked early."""

from __future__ import annotations

from dataclasses import replace

from planner.core.knowledge import load_knowledge
from planner.core.model import Estate, Server
from planner.core.plan import Proposal
from planner.core.rules import propose
from planner.core.settings import Decisions, Settings
from tests.core.rules.estates import mixed
from tests.core.rules.proposing import START, before

NOV24 = "15.1.2507.44"  # 2016 CU23 Nov24SUv2: before the April 2025 hotfix update


def _estate(build: str = NOV24, mailboxes: int | None = None) -> Estate:
    """Mixed AG with a third 2016 server in Hamburg, sending nothing to Exchange Online."""
    est = mixed()
    extra = Server("EX2016-03", site="Hamburg", roles=("Mailbox",), build=build,
                   os="Windows Server 2016", mailbox_count=mailboxes)
    return replace(est, servers=(*est.servers, extra))


def _plan(est: Estate, **overrides: object) -> Proposal:
    return propose(est, Settings(start=START), Decisions(), load_knowledge(dict(overrides)))


def test_a_replaced_server_below_the_apps_build_gets_its_security_update_first() -> None:
    p = _plan(_estate())
    su = p.step("su-app:EX2016-03")
    assert su is not None and su.kind == "hybrid_app_su"
    assert before(p, "su-app:EX2016-03", "hybrid:app")
    assert before(p, "su-app:EX2016-03", "sbs:decom:EX2016-03")
    assert not before(p, "sbs:moves:EX2016-03:1", "hybrid:app")
    title = su.title("en")
    assert "CU23 Oct25SU" in title and "EX2016-03" in title
    why = su.why("en")
    assert why.startswith("EX2016-03 runs 15.1.2507.44") and "15.1.2507.61" in why
    assert "HCW" not in why and "Hybridanwendung" in su.why("de")
    assert "ServerWideOffline" in (su.command or "")
    # its removal, after the update, states the build the plan left it on
    decom = p.step("sbs:decom:EX2016-03")
    assert decom is not None and "CU23 Oct25SU (15.1.2507.61)" in decom.why("en")
    assert "15.1.2507.44" not in decom.why("en")


def test_no_update_where_the_server_can_use_the_app_or_holds_no_mailboxes() -> None:
    assert _plan(_estate(build="15.1.2507.55")).step("su-app:EX2016-03") is None  # Apr25HU
    assert _plan(_estate(mailboxes=0)).step("su-app:EX2016-03") is None


def test_the_apps_build_is_a_fact_a_project_can_move() -> None:
    moved = _plan(_estate(), **{"hybrid.dedicated_app_builds_from": "2024-11-01"})
    assert moved.step("su-app:EX2016-03") is None


def test_the_check_does_not_claim_a_2013_server_can_use_the_app() -> None:
    """Mercy Valley's 2013 server was still there while the step said every server ran the
    April 2025 hotfix update: the claim is about 2016 and 2019, and 2013 is named apart."""
    est = mixed()
    old = Server("EX2013", site="Munich", roles=("Mailbox",), build="15.0.1497.2",
                 os="Windows Server 2012 R2")
    p = _plan(replace(est, servers=(*est.servers, old)))
    app = p.step("hybrid:app")
    assert app is not None
    why = app.why("en")
    assert "every exchange 2016 and 2019 server" in why.lower()
    assert "EX2013 (Exchange 2013) cannot use the app" in why
    assert "EX2013 (Exchange 2013) kann die Anwendung nicht nutzen" in app.why("de")
    assert "Exchange 2013) cannot" not in _plan(est).step("hybrid:app").why("en")  # type: ignore[union-attr]
