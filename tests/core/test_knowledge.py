"""The knowledge base: every file loads, every row has a source, overrides keep the original."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from planner.core.catalogue import catalogue
from planner.core.knowledge import KnowledgeError, load_knowledge, load_knowledge_from
from planner.core.resources import resource_path
from tests.paths import ROOT

# Counts and values are asserted against this small copy, so updating the shipped data (a new
# build, a moved date) does not break tests; test_the_shipped_knowledge_loads covers the real one.
FIXTURE = ROOT / "tests" / "data" / "knowledge"

RULE_IDS = {
    "license_check",
    "exchange2013_removal",
    "ad_prep",
    "cu_update_2019",
    "inplace_2019",
    "side_by_side_2016",
    "edge_2016",
    "hybrid_hcw",
    "exo_connector_repoint",
    "se_cu_blocking_milestone",
    "latest_se_update",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A private copy of the knowledge folder that a test may break."""
    target = tmp_path / "knowledge"
    shutil.copytree(FIXTURE, target)
    return target


def test_the_shipped_knowledge_loads() -> None:
    k = load_knowledge()
    assert {row.product for row in k.builds} == {"2013", "2016", "2019", "SE"}
    assert all(row.source and row.as_of for row in k.builds)
    assert set(k.rules) >= RULE_IDS  # the rules' code looks these texts up by id
    assert [s.number for s in k.policy.stages] == list(range(1, len(k.policy.stages) + 1))


def test_builds_are_read_with_their_dates_and_precision() -> None:
    k = load_knowledge_from(FIXTURE)
    assert len(k.builds) == 9
    products = {row.product for row in k.builds}
    assert products == {"2013", "2016", "2019", "SE"}
    se_rtm = next(row for row in k.builds if row.build == "15.2.2562.17")
    assert (se_rtm.product, se_rtm.release, se_rtm.date) == ("SE", "RTM", date(2025, 7, 1))
    month_only = next(row for row in k.builds if row.build == "15.0.1497.3")
    assert (month_only.date, month_only.date_precision) == (date(2019, 7, 1), "month")


def test_lifecycle_and_upgrade_facts() -> None:
    k = load_knowledge_from(FIXTURE)
    assert k.fact("lifecycle.2013.end_of_support").value == date(2023, 4, 11)
    assert k.fact("lifecycle.2016.end_of_support").value == date(2025, 10, 14)
    assert k.fact("lifecycle.2019.end_of_support").value == date(2025, 10, 14)
    assert k.fact("upgrade.inplace_from").value == ["CU14", "CU15"]
    assert k.fact("upgrade.se_blocks_2013").value is True
    blocking = k.fact("upgrade.se_cu_blocking_old")
    assert blocking.confidence == "unconfirmed" and "CU1" in blocking.source
    assert isinstance(k.fact("upgrade.se_cu_blocking_old.date").value, date)


def test_every_fact_row_names_source_as_of_and_confidence() -> None:
    k = load_knowledge()
    rows = [*k.facts.values(), *k.durations.values()]
    for fact in rows:
        assert fact.source, fact.key
        assert isinstance(fact.as_of, date), fact.key
        assert fact.confidence in ("primary", "secondary", "unconfirmed"), fact.key
    assert k.as_of >= date(2026, 9, 7)


def test_enforcement_policy() -> None:
    policy = load_knowledge_from(FIXTURE).policy
    assert [s.number for s in policy.stages] == list(range(1, 9))
    assert [(s.start_day, s.end_day) for s in policy.stages][:2] == [(0, 30), (30, 40)]
    assert policy.stages[-1].end_day is None
    assert policy.stage_for_day(45).number == 3 and policy.stage_for_day(400).number == 8
    assert policy.stages[1].smtp.startswith("450 4.7.230") and policy.stages[7].kind == "block"
    # what a stage does is said from its minutes per hour, in each language's own words
    assert all(s.action("de") and s.action("de") != s.action("en") for s in policy.stages)
    assert policy.stages[1].action("en") == "Throttled 5 minutes per hour"
    assert policy.stages[4].action("de") == (
        "30 Minuten pro Stunde gedrosselt und 5 Minuten blockiert")
    assert policy.stages[-1].action("en") == "All mail from this server blocked"
    assert policy.pause_max_days_per_year == 90
    assert policy.pause_can_split and not policy.pause_can_end_early
    assert policy.pause_cmdlet.startswith("New-TenantExemptionInfo")
    baselines = {(b.product, b.line): b for b in policy.baselines}
    assert baselines["2019", "CU15"].min_build == "15.2.1748.39"
    assert baselines["2016", "CU23"].min_build == "15.1.2507.61"
    cu14 = baselines["2019", "CU14"]
    assert cu14.confidence == "unconfirmed" and cu14.min_build == ""  # conservative
    assert all(b.effective_from == date(2026, 9, 7) for b in policy.baselines)


def test_durations_and_rule_texts() -> None:
    k = load_knowledge_from(FIXTURE)
    for kind in ("license_check", "ad_prep", "inplace_upgrade", "mailbox_moves", "hcw_rerun"):
        assert isinstance(k.durations[kind].value, float)
    assert k.durations["mailbox_moves_gb_per_day"].value > 0
    assert "no Microsoft figure" in k.durations["install_se"].source
    for rule in k.rules.values():  # texts in every language's catalogue, source in the data
        for lang in ("en", "de"):
            words = catalogue(lang)
            assert rule.title_key in words.messages and rule.reason_key in words.messages
        assert rule.source


def test_cached_per_overrides() -> None:
    assert load_knowledge() is load_knowledge(None) is load_knowledge({})
    a = load_knowledge({"policy.start": "2026-10-01"})
    assert a is load_knowledge({"policy.start": date(2026, 10, 1)})
    assert a is not load_knowledge()


def test_override_keeps_the_original_value_and_source() -> None:
    k = load_knowledge_from(
        FIXTURE, {"upgrade.se_cu_blocking_old.date": "2026-12-31", "policy.start": "2026-09-14"}
    )
    fact = k.fact("upgrade.se_cu_blocking_old.date")
    assert fact.value == date(2026, 12, 31)
    assert fact.overridden_from == date(2027, 3, 31)
    assert fact.confidence == "override" and "Schnoll" in fact.source
    assert k.policy.policy_start == date(2026, 9, 14)
    assert set(k.overrides_applied) == {"upgrade.se_cu_blocking_old.date", "policy.start"}
    assert load_knowledge_from(FIXTURE).fact("upgrade.se_cu_blocking_old.date").overridden_from \
        is None


def test_override_baseline_duration_and_stage() -> None:
    k = load_knowledge_from(
        FIXTURE,
        {
            "baseline.2019.CU14": "15.2.1544.36",
            "baseline.2016.CU23": {"min_build": "15.1.2507.66", "effective_from": "2026-11-01"},
            "duration.install_se": 2,
            "stage.2.start_day": 20,
            "policy.pause_max_days_per_year": 60,
        }
    )
    lines = {b.line: b for b in k.policy.baselines}
    assert lines["CU14"].min_build == "15.2.1544.36"
    assert lines["CU23"].min_build == "15.1.2507.66"
    assert lines["CU23"].effective_from == date(2026, 11, 1)
    assert k.durations["install_se"].value == 2.0
    assert k.durations["install_se"].overridden_from == 1.0
    assert (k.policy.stages[0].end_day, k.policy.stages[1].start_day) == (20, 20)
    assert k.policy.pause_max_days_per_year == 60


def test_a_stage_says_in_words_what_its_overridden_minutes_are() -> None:
    k = load_knowledge_from(FIXTURE, {"stage.2.throttle_minutes": 15,
                                      # an older project's words for a stage: read, no effect
                                      "stage.2.action_de": "Eigener Text"})
    assert k.policy.stages[1].action("en") == "Throttled 15 minutes per hour"
    assert k.policy.stages[1].action("de") == "Gedrosselt, 15 Minuten pro Stunde"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"no.such.key": 1}, "unknown knowledge key 'no.such.key'"),
        ({"policy.start": "soon"}, "'policy.start'"),
        ({"policy.pause_max_days_per_year": "many"}, "'policy.pause_max_days_per_year'"),
        ({"baseline.2019.CU14": "fifteen"}, "not a build number"),
        # A half-filled override is not "no build passes": that is said with "none".
        ({"baseline.2016.CU23": ""}, "'baseline.2016.CU23': the value is empty"),
        ({"baseline.2019.CU15": "  "}, "'baseline.2019.CU15': the value is empty"),
        ({"baseline.2016.CU23": {"min_build": ""}}, "'baseline.2016.CU23': the value is empty"),
        ({"baseline.2016.CU23": "15.2.2562.46"}, "'baseline.2016.CU23': 15.2.2562.46 is not an "
                                                 "Exchange 2016 build"),
        ({"stage.9.start_day": 5}, "no stage 9"),
        ({"stage.2.start_day": 55}, "overlap"),
        ({"stage.2.throttle_minutes": 90}, "not minutes per hour"),
    ],
)
def test_bad_override_is_a_clear_error(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(KnowledgeError, match=message.replace("(", r"\(").replace(".", r"\.")):
        load_knowledge(overrides)


def test_none_says_no_build_of_the_line_passes() -> None:
    k = load_knowledge({"baseline.2016.CU23": "None", "baseline.2019.CU14": "15.2.1748.39"})
    lines = {b.line: b for b in k.policy.baselines}
    assert lines["CU23"].min_build == "" and lines["CU23"].confidence == "override"
    assert lines["CU14"].min_build == "15.2.1748.39"  # a later line's build: none passes


def test_broken_csv_row_names_file_and_line(folder: Path) -> None:
    path = folder / "builds.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace("15.0.", "15.9.", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"builds\.csv, line 6: build '15\.9\."):
        load_knowledge_from(folder)


def test_bad_date_in_csv(folder: Path) -> None:
    path = folder / "builds.csv"
    text = path.read_text(encoding="utf-8").replace("2012-12-03", "03.12.2012", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"builds\.csv, line 2: 'date' must be a date"):
        load_knowledge_from(folder)


def test_broken_toml_row_names_file_and_row(folder: Path) -> None:
    path = folder / "enforcement.toml"
    text = path.read_text(encoding="utf-8").replace('kind = "throttle"', 'kind = "slow"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"enforcement\.toml, \[\[stage\]\] #2: 'kind'"):
        load_knowledge_from(folder)


def test_toml_syntax_error_names_file(folder: Path) -> None:
    (folder / "rules.toml").write_text("[[rule]\nid = 1\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"rules\.toml: not valid TOML"):
        load_knowledge_from(folder)


def test_missing_required_fact(folder: Path) -> None:
    path = folder / "facts.toml"
    text = path.read_text(encoding="utf-8").replace('"build.se_min_build"', '"build.other"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"required fact 'build\.se_min_build'"):
        load_knowledge_from(folder)


def test_missing_source_is_an_error(folder: Path) -> None:
    path = folder / "durations.toml"
    text = path.read_text(encoding="utf-8").replace(
        'source = "consultant practice; no Microsoft figure"', 'source = ""', 1
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"durations\.toml, \[\[duration\]\] #1: 'source'"):
        load_knowledge_from(folder)


def test_every_documented_key_exists_and_every_key_is_documented() -> None:
    readme = (resource_path("knowledge") / "README.md").read_text(encoding="utf-8")
    k = load_knowledge()
    for key in k.facts:
        assert f"`{key}`" in readme, key
    for kind in k.durations:
        assert f"`{kind}`" in readme, kind


def test_every_exchange_team_blog_citation_names_its_title() -> None:
    """A reader of the report's sources sees which post is meant ('How to pause …'), not
    only its article number ("Exchange Team Blog 4007169")."""
    import re
    import tomllib

    from planner.core.step_source import source_words

    folder = resource_path("knowledge")
    sources = [fact["source"] for name in ("facts.toml", "enforcement.toml")
               for fact in tomllib.loads((folder / name).read_text(encoding="utf-8"))["fact"]]
    cited = [s for s in sources if "Exchange Team Blog" in s]
    assert len(cited) > 10
    for lang in ("en", "de"):
        bare = [s for s in cited
                if re.search(r"Exchange Team Blog \d", source_words(catalogue(lang), s))]
        assert not bare
