"""Build intelligence: every notation a consultant meets, and what it means on a date."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from planner.core.build_lifecycle import (
    below_baseline,
    fell_below_baseline_on,
    in_place_to_se,
    is_supported,
    support_status,
)
from planner.core.builds import (
    BuildNumber,
    BuildParseError,
    identify,
    latest_row,
    parse_build_number,
)
from planner.core.errors import KnowledgeError
from planner.core.knowledge import BuildRow, Knowledge, load_knowledge, load_knowledge_from
from planner.core.resources import resource_path

K = load_knowledge()
DEC_2026 = date(2026, 12, 1)


def _notations(row: BuildRow) -> list[str]:
    major, minor, build, revision = (int(p) for p in row.build.split("."))
    return [
        row.build,
        f"{major}.{minor:02d}.{build:04d}.{revision:03d}",
        f"Version {major}.{minor} (Build {build}.{revision})",
        f"{major}.{minor} (Build {build}.{revision})",
        f"Exchange {row.product} {row.release}",
        f"Exchange Server {row.product} {row.release}",
        f"{row.product} {row.release}",
    ]


@pytest.mark.parametrize("row", K.builds, ids=lambda r: r.build)
def test_every_known_build_round_trips_in_every_notation(row: BuildRow) -> None:
    for text in _notations(row):
        info = identify(text, K)
        assert (info.product, info.release) == (row.product, row.release), text
        assert info.release_date == row.date, text
        if text.startswith(("15.", "Version")):
            assert str(info.number) == row.build, text
            # a CU's own build whose CU has updates: the update level is unknown (a warning)
            bare = row.release == row.cu and any(
                r.cu == row.cu and r.product == row.product and r.release != r.cu
                for r in K.builds)
            assert info.exact != bare and bool(info.warning("en")) == bare, text


@pytest.mark.parametrize("row", K.builds, ids=lambda r: r.build)
def test_build_without_revision_gives_the_cu_row(row: BuildRow) -> None:
    """AdminDisplayVersion shows the CU's build; several rows share it -> a warning."""
    head = row.build.rsplit(".", 1)[0]
    info = identify(head, K)
    same_cu = [r for r in K.builds if r.build.rsplit(".", 1)[0] == head]
    first = min(same_cu, key=lambda r: int(r.build.rsplit(".", 1)[1]))
    assert (info.product, info.release) == (first.product, first.release)
    assert info.number.revision is None
    assert bool(info.warning("en")) == (len(same_cu) > 1) == (not info.exact)


def test_the_issue_example() -> None:
    cu23, cu15, se = (
        identify(t, K) for t in ("Version 15.1 (Build 2507.6)", "15.02.1748.024", "15.2.2562.17")
    )
    assert (cu23.product, cu23.release) == ("2016", "CU23")
    assert not is_supported(cu23, DEC_2026, K)
    assert not in_place_to_se(cu23, K)
    assert below_baseline(cu23, DEC_2026, K)
    assert (cu15.product, cu15.release) == ("2019", "CU15 Apr25HU")
    assert not is_supported(cu15, DEC_2026, K)
    assert in_place_to_se(cu15, K)
    assert below_baseline(cu15, DEC_2026, K)
    assert (se.product, se.release) == ("SE", "RTM")
    assert is_supported(se, DEC_2026, K)
    assert not in_place_to_se(se, K)
    assert not below_baseline(se, DEC_2026, K)


@pytest.mark.parametrize(
    ("text", "product", "release"),
    [
        ("Exchange 2019 CU14", "2019", "CU14"),
        ("2016 CU23", "2016", "CU23"),
        ("SE RTM", "SE", "RTM"),
        ("Exchange Server SE RTM Aug26SU", "SE", "RTM Aug26SU"),
        ("Exchange Server Subscription Edition RTM", "SE", "RTM"),
        ("exchange 2016 cu23 oct25 su", "2016", "CU23 Oct25SU"),
        ("Exchange 2019 Cumulative Update 15", "2019", "CU15"),
        ("Exchange 2016 CU23 Nov24SUv2", "2016", "CU23 Nov24SUv2"),
        ("Exchange-2019-CU12", "2019", "CU12"),
        ("  15.2.1748.39  ", "2019", "CU15 Oct25SU"),
        ("version 15.2 (build 1748.39)", "2019", "CU15 Oct25SU"),
        ("15.2.2562.17", "SE", "RTM"),
        ("15.2.2561.1", "2019", "CU15 Aug26SU"),  # below 2562 is still 2019
    ],
)
def test_notations(text: str, product: str, release: str) -> None:
    info = identify(text, K)
    assert (info.product, info.release) == (product, release)


def test_se_starts_at_build_2562() -> None:
    assert identify("15.2.2562.17", K).product == "SE"
    assert identify("15.2.2562", K).product == "SE"
    assert identify("15.2.1748.49", K).product == "2019"


def test_unknown_build_is_the_nearest_lower_release_with_a_warning() -> None:
    info = identify("15.2.1748.40", K)
    assert (info.product, info.release, info.exact) == ("2019", "CU15 Oct25SU", False)
    assert str(info.number) == "15.2.1748.40"
    assert "nearest lower" in info.warning("en") and "nächstniedrigere" in info.warning("de")
    # it is at least the Oct25SU, so it passes the Sept 2026 baseline
    assert not below_baseline(info, DEC_2026, K)


def test_build_older_than_the_table_keeps_its_product() -> None:
    info = identify("15.0.400.1", K)  # before Exchange 2013 RTM (15.0.516.32)
    assert (info.product, info.release, info.release_date) == ("2013", "", None)
    assert "older than every known" in info.warning("en")
    assert not is_supported(info, DEC_2026, K) and below_baseline(info, DEC_2026, K)


def test_names_without_update_level_warn() -> None:
    info = identify("Exchange 2019 CU14", K)
    assert not info.exact and "no update level" in info.warning("en")
    assert identify("Exchange 2019 CU14 Oct25SU", K).exact
    assert identify("Exchange 2016 RTM", K).exact  # no updates of 2016 RTM are listed
    assert not identify("Exchange 2019 RTM", K).exact  # 2019 RTM has a Mar21SU
    product_only = identify("Exchange 2016", K)
    assert (product_only.product, product_only.release, product_only.exact) == (
        "2016",
        "RTM",
        False,
    )


def test_releases_outside_the_table() -> None:
    old = identify("Exchange 2013 CU21", K)  # Microsoft's list knows every 2013 CU
    assert (old.product, old.release, old.release_date) == ("2013", "CU21", date(2018, 6, 19))
    assert identify("Exchange 2013 SP1", K).release == "SP1"
    newer = identify("SE CU1", K)
    assert newer.product == "SE" and "newer than the knowledge base" in newer.warning("en")
    assert identify("Exchange 2019 CU16", K).release == "CU15 Aug26SU"  # newest known, warned
    future_su = identify("Exchange 2019 CU15 Sep26SU", K)  # an ESU update after the table
    assert future_su.release == "CU15 Aug26SU" and not future_su.exact
    with pytest.raises(BuildParseError, match="no release 'CU15 Oct24SU'"):
        identify("Exchange 2019 CU15 Oct24SU", K)  # CU15 did not exist in Oct 2024
    with pytest.raises(BuildParseError, match="no release 'RTM Oct25SU'"):
        identify("Exchange 2016 RTM Oct25SU", K)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("banana", "not an Exchange build"),
        ("15.2", "not an Exchange build"),
        ("15.5.100.1", "not a build of Exchange 2013"),
        ("14.3.123.4", "Exchange 2010"),
        ("8.3.83.6", "Exchange 2007"),
        ("Exchange 2019 CU15 Foo", "cannot read the update"),
        ("Exchange 2019 beta", "cannot read the release"),
        ("2019-06-18", "not an Exchange build"),
        ("Version 15.2 (Build 30922.7)x", "not an Exchange build"),
    ],
)
def test_garbage_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(BuildParseError, match=message):
        identify(text, K)


def test_build_number_forms() -> None:
    number = parse_build_number("15.02.1748.039")
    assert number == BuildNumber(15, 2, 1748, 39)
    assert str(number) == "15.2.1748.39" and number.long_form == "15.02.1748.039"
    assert str(parse_build_number("15.2.1748")) == "15.2.1748"
    assert parse_build_number("15.2.1748").sort_key < number.sort_key


def test_support_boundaries() -> None:
    cu23 = identify("15.1.2507.61", K)
    assert is_supported(cu23, date(2025, 10, 14), K)
    assert not is_supported(cu23, date(2025, 10, 15), K)
    assert not is_supported(identify("15.0.1497.48", K), date(2024, 1, 1), K)
    se = identify("15.2.2562.17", K)
    assert not is_supported(se, date(2025, 6, 30), K)  # not released yet


def test_in_place_only_from_2019_cu14_and_cu15() -> None:
    eligible = {r.release for r in K.builds if in_place_to_se(identify(r.build, K), K)}
    assert {r.split(" ")[0] for r in eligible} == {"CU14", "CU15"}
    assert not in_place_to_se(identify("Exchange 2019 CU13", K), K)


def test_baselines_from_september_2026() -> None:
    oct25 = identify("15.2.1748.39", K)
    sep25 = identify("15.2.1748.37", K)
    assert not below_baseline(oct25, DEC_2026, K)
    assert below_baseline(sep25, DEC_2026, K)
    assert not below_baseline(sep25, date(2026, 9, 6), K)  # before the policy start
    assert fell_below_baseline_on(sep25, K) == date(2026, 9, 7)
    assert fell_below_baseline_on(oct25, K) is None
    assert not below_baseline(identify("15.1.2507.61", K), DEC_2026, K)
    assert below_baseline(identify("15.1.2507.59", K), DEC_2026, K)
    assert below_baseline(identify("Exchange 2019 CU13", K), DEC_2026, K)  # no row: fails


def test_cu14_baseline_is_conservative_and_overridable() -> None:
    cu14 = identify("15.2.1544.36", K)
    assert below_baseline(cu14, DEC_2026, K)
    relaxed: Knowledge = load_knowledge({"baseline.2019.CU14": "15.2.1544.36"})
    assert not below_baseline(identify("15.2.1544.36", relaxed), DEC_2026, relaxed)
    assert below_baseline(identify("15.2.1544.34", relaxed), DEC_2026, relaxed)


def test_a_later_baseline_raise_moves_the_fall_date() -> None:
    raised = load_knowledge(
        {"baseline.2019.CU15": {"min_build": "15.2.1748.49", "effective_from": "2027-01-15"}}
    )
    oct25 = identify("15.2.1748.39", raised)
    assert not below_baseline(oct25, DEC_2026, raised)  # the raise is not in force yet
    assert fell_below_baseline_on(oct25, raised) == date(2027, 1, 15)


def test_latest_row() -> None:
    assert latest_row(K, "SE").build == "15.2.2562.46"
    assert latest_row(K, "2019", "CU14").release == "CU14 Aug26SU"
    with pytest.raises(KeyError):
        latest_row(K, "2013", "CU30")


OCT_2025 = date(2025, 10, 13)


def test_exchange_2013_is_below_the_baseline_since_it_was_blocked() -> None:
    info = identify("15.0.1497.2", K)
    assert below_baseline(info, OCT_2025, K)  # blocked since 2024-02-01, before policy.start
    assert not below_baseline(info, date(2024, 1, 31), K)


def test_only_the_latest_cu_and_the_one_before_are_supported() -> None:
    assert support_status(identify("Exchange 2019 CU13 Nov24SUv2", K), OCT_2025, K) == "old_cu"
    assert is_supported(identify("Exchange 2019 CU14 Aug25SU", K), OCT_2025, K)
    assert is_supported(identify("Exchange 2019 CU15 Aug25SU", K), OCT_2025, K)
    # before CU15 existed, CU13 and CU14 were the two supported ones
    assert is_supported(identify("Exchange 2019 CU13 Nov24SUv2", K), date(2024, 12, 1), K)


def test_se_without_its_latest_update_is_supported_but_behind() -> None:
    assert support_status(identify("15.2.2562.20", K), OCT_2025, K) == "supported_behind"
    assert support_status(identify("15.2.2562.29", K), OCT_2025, K) == "supported"


def test_admin_display_version_has_an_unknown_update_level() -> None:
    info = identify("Version 15.2 (Build 1544.4)", K)
    assert info.release == "CU14" and not info.exact
    warning = info.warning("en")
    assert "update level is unknown" in warning and "AdminDisplayVersion" in warning
    assert "Update-Stand ist unbekannt" in info.warning("de")


def test_an_se_baseline_can_be_set_in_the_data(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(resource_path("knowledge"), folder)
    with (folder / "enforcement.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[baseline]]\nkey = "baseline.SE.RTM"\nproduct = "SE"\nline = "RTM"\n'
                 'min_build = "15.2.2562.29"\neffective_from = 2026-11-01\nsource = "test"\n'
                 'as_of = 2026-11-01\nconfidence = "unconfirmed"\n')
    knowledge = load_knowledge_from(folder)
    old_se = identify("15.2.2562.20", knowledge)
    assert below_baseline(old_se, date(2026, 12, 1), knowledge)
    assert not below_baseline(old_se, date(2026, 12, 1), K)  # no SE baseline shipped
    assert not below_baseline(identify("15.2.2562.29", knowledge), date(2026, 12, 1), knowledge)



def test_an_se_baseline_can_be_set_by_a_project_override_without_a_release() -> None:
    """The README's promise: when Microsoft sets an SE baseline, the consultant overrides
    ``baseline.SE.RTM`` in the project; the shipped data has no such row to override."""
    knowledge = load_knowledge({"baseline.SE.RTM": "15.2.2562.46"})
    on = date(2026, 12, 5)
    assert below_baseline(identify("15.2.2562.45", knowledge), on, knowledge)
    assert not below_baseline(identify("15.2.2562.46", knowledge), on, knowledge)
    assert not below_baseline(identify("15.2.2562.45", K), on, K)
    assert knowledge.facts["baseline.SE.RTM"].value == "15.2.2562.46"
    with pytest.raises(KnowledgeError, match="not an Exchange SE build"):
        load_knowledge({"baseline.SE.RTM": "15.1.2507.61"})
    with pytest.raises(KnowledgeError, match="unknown knowledge key"):
        load_knowledge({"baseline.SE.Preview": "15.2.2562.46"})

@pytest.mark.parametrize(("text", "product", "day"), [
    ("15.1.225.16", "2016", date(2015, 7, 22)), ("Exchange 2016 Preview", "2016",
                                                  date(2015, 7, 22)),
    ("15.2.196.0", "2019", date(2018, 7, 24)), ("2019 Preview", "2019", date(2018, 7, 24)),
])
def test_previews_are_known_with_their_date_and_never_supported(
        text: str, product: str, day: date) -> None:
    info = identify(text, K)
    assert (info.product, info.release, info.release_date, info.exact) == (
        product, "Preview", day, True)
    # not even between the preview and the RTM: a preview is not a supported release
    assert not is_supported(info, day, K)
    assert not is_supported(info, date(2026, 12, 4), K)


def test_a_preview_does_not_count_as_one_of_the_two_supported_cus() -> None:
    rtm = identify("15.2.221.12", K)  # 2019 RTM, one month after its release
    assert is_supported(rtm, date(2018, 11, 22), K)
