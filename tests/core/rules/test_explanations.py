"""Every step says which rule proposed it, why, and what to run."""

from __future__ import annotations

import json
import re

import pytest

from planner.core.catalogue import catalogue
from planner.core.model import Estate
from planner.core.plain import to_plain
from planner.core.plan import Proposal
from planner.core.project_io import from_plain
from planner.core.rules import RULE_IDS
from planner.core.settings import Decisions
from tests.core.rules.estates import legacy, mixed, small
from tests.core.rules.proposing import knowledge, plan


@pytest.mark.parametrize("make", [small, mixed, legacy])
def test_every_step_is_explained_in_both_languages(make: type[Estate]) -> None:
    for s in plan(make()).steps:
        assert s.rule in RULE_IDS
        assert s.title("en") and s.title("de") and s.title("en") != s.title("de")
        assert s.why("en") and s.why("de") and "{" not in s.why("en") + s.why("de"), s.id
        assert s.source, s.id
        assert s.duration_days >= 0
        assert (s.duration_days == 0) == s.milestone, s.id


def test_side_by_side_names_the_concrete_build() -> None:
    p = plan(mixed())
    why = next(s for s in p.steps if s.id == "sbs:decom:EX2016-01").why("en")
    assert "EX2016-01 runs Exchange 2016 CU23 Oct25SU (15.1.2507.61)" in why
    assert "cannot be upgraded in place" in why


def test_ad_preparation_says_where_se_goes_on_and_which_servers_it_replaces() -> None:
    # "Exchange SE wird auf bzw. für EX01 und EX2016-01 installiert" read as if SE went onto
    # the 2016 servers that new servers replace
    p = plan(mixed())
    adprep = next(s for s in p.steps if s.id == "adprep:org")
    for lang in ("de", "en"):
        why = adprep.why(lang)
        on, replaced = why.split(";", 1)[0], why.split(";", 1)[1]
        assert "EX2016-01" not in on and "EX2016-01" in replaced, why
        assert "bzw." not in why and " or for " not in why


def test_commands_carry_the_microsoft_lines() -> None:
    p = plan(small())
    adprep = next(s for s in p.steps if s.id == "adprep:org")
    assert "Setup.exe /PrepareSchema /IAcceptExchangeServerLicenseTerms_DiagnosticDataOFF" in \
        adprep.command
    inplace = next(s for s in p.steps if s.id == "inplace:EX01")
    assert "StartDagServerMaintenance.ps1 -ServerName EX01" in inplace.command
    assert "StopDagServerMaintenance.ps1 -ServerName EX01" in inplace.command
    assert inplace.needs_window and inplace.resources == ("server:EX01", "dag:DAG1")


def test_exits_exo_view_names_the_judged_servers() -> None:
    p = plan(mixed())
    exits = {s.id: s.exits_exo_view for s in p.steps if s.exits_exo_view}
    assert exits["sbs:send:DAG2016"] == ("EX2016-01", "EX2016-02")
    assert exits["sbs:decom:EX2016-01"] == ("EX2016-01",)
    small_exits = {s.id: s.exits_exo_view for s in plan(small()).steps if s.exits_exo_view}
    assert small_exits == {"inplace:EDGE01": ("EDGE01",)}


def test_the_se_cu_milestone_names_its_expected_date_but_is_not_a_hard_deadline() -> None:
    # The CU date is an estimate: a plan that cannot meet it must still get dates.
    p = plan(mixed())
    m = next(s for s in p.steps if s.id == "milestone:se_cu_blocking")
    assert m.milestone and m.duration_days == 0
    assert m.deadline is None
    expected = knowledge().facts["upgrade.se_cu_blocking_old.date"].value
    assert f"{expected.day} {expected:%b %Y}" in m.why("en")  # each language's own date format
    assert f"{expected:%d.%m.%Y}" in m.why("de")
    assert {d.step_id for d in m.predecessors} >= {"sbs:decom:EX2016-01", "inplace:EX2019-01",
                                                   "edge:remove:EDGE2016"}


def test_customer_work_is_marked() -> None:
    p = plan(mixed())
    customer = {s.kind for s in p.steps if not s.needs_consultant}
    assert {"provision_server", "relay_repoint"} <= customer


def _english_command_words() -> list[str]:
    """The fixed parts of every English command note (comments, checklist lines,
    placeholders), long enough to be words and not a cmdlet."""
    texts = [v for k, v in catalogue("en").messages.items()
             if k.startswith("commands.") and isinstance(v, str)]
    return [part.strip() for t in texts for part in re.split(r"\{\w+\}", t)
            if len(part.strip()) >= 10]


@pytest.mark.parametrize("make", [small, mixed, legacy])
def test_commands_carry_their_comments_in_the_plans_language(make: type[Estate]) -> None:
    english = _english_command_words()
    german = ""
    for s in plan(make()).steps:
        de, en = s.command_in("de"), s.command_in("en")
        assert "⟦" not in de + en and "⟧" not in de + en, s.id
        leaks = [t for t in english if t in de]
        assert not leaks, (s.id, leaks)
        german += de
    # the notes are there, in German: a maintenance window's remark, a checklist line
    assert "# im selben Fenster" in german or "Verträge prüfen" in german


def test_reasons_with_several_servers_facts_read_back_from_a_project_file() -> None:
    # a group retired without new servers explains itself by each server's fact (a field of
    # clauses); a saved plan must read back the same reasons and commands
    p = plan(mixed(), Decisions(new_servers={"EX2016-01": 0, "EX2016-02": 0}))
    assert any(f.clauses for s in p.steps for f in (s.reason.fields if s.reason else ()))
    back = from_plain(Proposal, json.loads(json.dumps(to_plain(p))), "plan.proposal")
    assert back == p
    assert [s.why("de") for s in back.steps] == [s.why("de") for s in p.steps]
    assert [s.command_in("de") for s in back.steps] == [s.command_in("de") for s in p.steps]


def test_the_check_after_an_upgrade_explains_itself_not_the_one_before() -> None:
    """The post-upgrade HealthChecker has its own reason: SetupAssist runs before only."""
    from tests.sample_plans import sample_plan

    steps = [s for s in sample_plan("mixed").proposal.steps if s.id.startswith("postcheck:")]
    assert steps
    for step in steps:
        assert "SetupAssist" not in step.why("en") and "SetupAssist" not in step.why("de")
        assert "after the last update or upgrade" in step.why("en")
