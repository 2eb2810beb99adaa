"""The steps a change board expects, each from its own switchable rule with reason and source."""

from __future__ import annotations

import re

import pytest

from planner.core.catalogue import catalogue
from planner.core.knowledge import load_knowledge
from planner.core.rules import RULE_IDS
from planner.core.settings import Decisions
from tests.core.rules.estates import small
from tests.core.rules.proposing import before, ids
from tests.core.rules.proposing import plan as plan_estate
from tests.core.rules.test_mail_flow import plan

# rule id -> (a step it proposes on the Rheinwerk estate, who does it, a step that waits for it)
NEW_RULES = {
    "ad_backup": ("adbackup:org", "customer", "adprep:org"),
    "extended_protection": ("ep:org", "consultant", "sbs:install:RW-EX16-01-SE"),
    "certificate_expiry": ("certs:org", "consultant", "hybrid:hcw"),
    "health_checks": ("precheck:RW-EX19", "consultant", "cu:RW-EX19"),
    "se_server_baseline": ("baseline:RW-EX16-01-SE", "consultant", "sbs:databases:RW-DAG16"),
    "mrsproxy": ("mrsproxy:RW-DAG16", "consultant", "sbs:decom:RW-EX16-01"),
    "backup_monitoring": ("backup:RW-DAG16", "customer", "sbs:moves:RW-DAG16:1"),
    "dag_teardown": ("sbs:dagremove:RW-DAG16", "consultant", "sbs:decom:RW-EX16-01"),
    "edge_inbound_switch": ("edge:inbound:RW-EDGE16", "consultant", "edge:remove:RW-EDGE16"),
}


@pytest.mark.parametrize("rule", sorted(NEW_RULES))
def test_each_missing_step_has_its_rule_reason_source_duration_and_owner(rule: str) -> None:
    sid, owner, successor = NEW_RULES[rule]
    p = plan()
    step = p.step(sid)
    assert step is not None and step.rule == rule and rule in RULE_IDS
    k = load_knowledge()
    assert step.source == k.rules[rule].source and step.source
    for lang in ("en", "de"):
        assert _fixed(str(catalogue(lang).message(k.rules[rule].reason_key))) in step.why(lang)
    assert step.kind in k.durations and step.duration_days >= 1
    assert step.needs_consultant is (owner == "consultant")
    assert before(p, sid, successor)


@pytest.mark.parametrize("rule", sorted(NEW_RULES))
def test_each_missing_step_can_be_switched_off_without_breaking_the_order(rule: str) -> None:
    sid, _, successor = NEW_RULES[rule]
    p = plan(Decisions(disabled_rules=frozenset({rule})))
    assert p.step(sid) is None and p.step(successor) is not None
    assert not [s for s in p.steps if s.rule == rule]


def test_the_new_servers_are_backed_up_before_the_first_mailbox_moves_there() -> None:
    """A consultant's review: a hospital's mailboxes sat on the new DAG for sixteen weeks
    before the backup was pointed at it, after the last batch. The backup comes after the
    new databases and before every move, and the old servers stay in it until removed."""
    p = plan()
    moves = [s.id for s in p.steps if (s.target == "group:RW-DAG16" and ":moves:" in s.id)
             or s.id.startswith(("sbs:arbitration:RW-DAG16", "sbs:publicfolders:RW-DAG16"))]
    assert moves
    for move in moves:
        assert before(p, "backup:RW-DAG16", move), move
    assert before(p, "sbs:databases:RW-DAG16", "backup:RW-DAG16")
    assert before(p, "backup:RW-DAG16", "sbs:decom:RW-EX16-01")
    step = p.step("backup:RW-DAG16")
    assert step is not None and "stay" in step.command_in("en")


def test_an_in_place_dag_is_checked_before_and_after_and_rebalanced() -> None:
    p = plan_estate(small())
    assert before(p, "precheck:DAG1", "inplace:EX01")
    assert before(p, "inplace:EX02", "rebalance:DAG1")
    assert before(p, "rebalance:DAG1", "postcheck:DAG1")
    assert "RedistributeActiveDatabases.ps1 -DagName DAG1" in (p.step("rebalance:DAG1")
                                                               or _missing()).command


def test_a_project_whose_dags_rebalance_themselves_gets_no_rebalancing() -> None:
    from planner.core.rules import propose
    from planner.core.settings import Settings
    from tests.core.rules.proposing import START

    p = propose(small(), Settings(start=START), Decisions(),
                load_knowledge({"dag.auto_rebalance": True}))
    assert not ids(p, "rebalance:")


def test_the_old_dag_goes_copies_members_then_dag_before_uninstall() -> None:
    p = plan()
    teardown = p.step("sbs:dagremove:RW-DAG16")
    assert teardown is not None
    lines = teardown.command.splitlines()
    copies = max(i for i, x in enumerate(lines) if "Remove-MailboxDatabaseCopy" in x)
    members = [i for i, x in enumerate(lines) if "Remove-DatabaseAvailabilityGroupServer" in x]
    dag = next(i for i, x in enumerate(lines) if x.startswith("Remove-DatabaseAvailabilityGroup "))
    assert copies < min(members) and max(members) < dag
    decom = p.step("sbs:decom:RW-EX16-01")
    assert decom is not None and "DatabaseAvailabilityGroup" not in decom.command
    # once the DAG is gone its members' removals need not wait for each other (a review
    # found three removals on three Saturdays, one consultant idle, "proven best")
    assert decom.resources == ("server:RW-EX16-01",)
    kept = plan(Decisions(disabled_rules=frozenset({"dag_teardown"}))).step("sbs:decom:RW-EX16-01")
    assert kept is not None and kept.resources == ("server:RW-EX16-01", "dag:RW-DAG16")
    assert "Remove-DatabaseAvailabilityGroupServer" in kept.command


def test_the_licensing_note_says_microsoft_365_can_cover_the_cals() -> None:
    step = plan().step("license:org")
    assert step is not None
    assert "Microsoft 365 user subscription" in step.why("en")
    assert "Microsoft-365-Benutzerabonnement" in step.why("de")


def _fixed(reason: str) -> str:
    """The longest part of a reason without placeholders, as the step must carry it."""
    return max(re.split(r"\{[^}]*\}", reason), key=len)[:40]


def _missing() -> object:
    raise AssertionError("step missing")
