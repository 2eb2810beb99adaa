"""`planner build`: the issue's example, the table, and garbage among good strings."""

from __future__ import annotations

import json
from datetime import date

import pytest

from planner.cli import main
from planner.core.builds import identify, parse_build_number
from planner.core.catalogue import catalogue
from planner.core.knowledge import load_knowledge

EXAMPLE = ["Version 15.1 (Build 2507.6)", "15.02.1748.024", "15.2.2562.17"]
KEYS = {
    "input",
    "product",
    "release",
    "build",
    "release_date",
    "supported",
    "support",
    "in_place_to_se",
    "in_place",
    "below_baseline",
}


def test_done_when_example(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", *EXAMPLE, "--on", "2026-12-01", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [set(item) for item in out] == [KEYS] * 3
    cu23, cu15, se = out
    assert (cu23["product"], cu23["release"], cu23["build"]) == ("2016", "CU23", "15.1.2507.6")
    assert (cu23["supported"], cu23["in_place_to_se"], cu23["below_baseline"]) == (
        False,
        False,
        True,
    )
    assert (cu15["product"], cu15["release"], cu15["build"]) == (
        "2019",
        "CU15 Apr25HU",
        "15.2.1748.24",
    )
    assert (cu15["supported"], cu15["in_place_to_se"], cu15["below_baseline"]) == (
        False,
        True,
        True,
    )
    assert (se["product"], se["release"], se["release_date"]) == ("SE", "RTM", "2025-07-01")
    # already SE: in place to SE does not apply (null), not "no", as the table says
    assert (se["supported"], se["in_place_to_se"], se["below_baseline"]) == (True, None, False)
    assert [item["in_place"] for item in out] == ["no", "yes", "not_applicable"]
    assert [item["input"] for item in out] == EXAMPLE


def test_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "Exchange 2019 CU14", "15.2.1748.39", "--on", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "Judged on 1 Dec 2026" in out
    assert "Exchange 2019  CU15 Oct25SU" in out
    assert "below EXO baseline" in out
    assert "no update level" in out  # the name's warning is shown as a note


def test_the_table_reads_in_german_with_the_language_s_dates(
        capsys: pytest.CaptureFixture[str]) -> None:
    """People read the table in their language: headings, answers, notes, dates, errors."""
    assert main(["build", "Exchange 2019 CU14", "15.2.1748.39", "hello", "--on", "2026-12-01",
                 "--lang", "de"]) == 1
    captured = capsys.readouterr()
    out = captured.out
    assert "Beurteilt am 01.12.2026" in out and "unter EXO-Baseline" in out
    assert "Hinweise:" in out and "Update-Stand" in out  # the warning in German
    assert not {"yes", "no", "Judged", "Notes", "released", "unknown"} & set(
        out.replace(",", " ").split())
    assert "Fehler" in captured.err and "keine Exchange-Buildnummer" in captured.err


def test_garbage_is_one_error_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", "hello world", "15.2.2562.17", "--on", "2026-12-01", "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert [item["product"] for item in json.loads(captured.out)] == ["SE"]
    errors = [line for line in captured.err.splitlines() if "error" in line]
    assert len(errors) == 1 and "'hello world'" in errors[0]
    assert "Traceback" not in captured.err


def test_date_changes_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    main(["build", "15.1.2507.61", "--on", "2025-10-14", "--json"])  # its release day
    before = json.loads(capsys.readouterr().out)[0]
    main(["build", "15.1.2507.61", "--on", "2026-12-01", "--json"])
    after = json.loads(capsys.readouterr().out)[0]
    assert before["supported"] and not after["supported"]
    assert not before["below_baseline"] and not after["below_baseline"]  # Oct25SU passes


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "15.2.2562.17", "--on", "01.12.2026"])
    assert exit_info.value.code == 2
    assert "not a date" in capsys.readouterr().err


# Several days: what `planner build` calls the latest update, supported and below the
# baseline is what the knowledge base says on that day, never what came out after it.
@pytest.mark.parametrize(("on", "latest", "support"), [
    ("2025-04-01", None, "supported"),  # CU15 had no update yet: no update-level warning
    ("2025-10-13", "CU15 Sep25HU", "supported"),  # Oct25SU came out on 14 Oct 2025
    ("2025-10-14", "CU15 Oct25SU", "supported"),
    ("2026-12-04", "CU15 Aug26SU", "ended"),
])
def test_every_answer_is_as_of_the_day_judged(
        capsys: pytest.CaptureFixture[str], on: str, latest: str | None, support: str) -> None:
    assert main(["build", "15.2.1748.10", "Version 15.2 (Build 1748.10)", "--on", on,
                 "--json"]) == 0
    captured = capsys.readouterr()
    answers = json.loads(captured.out)
    assert [a["support"] for a in answers] == [support] * 2
    notes = [line for line in captured.err.splitlines() if "latest known" in line]
    if latest is None:
        assert notes == []
    else:
        assert len(notes) == 2 and all(f"latest known: {latest})" in n for n in notes), notes


def test_a_build_released_after_the_day_is_not_supported_on_it(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "15.2.1748.39", "15.2.2562.17", "--on", "2025-10-13"]) == 0
    out = capsys.readouterr().out
    oct25, se = (line for line in out.splitlines() if line.startswith("15.2."))
    assert "no (not released yet)" in oct25 and "yes, behind on updates" in se
    assert "released on 14 Oct 2025, after the day judged (13 Oct 2025)" in out


def test_the_latest_update_named_agrees_with_the_knowledge_base_on_every_day() -> None:
    knowledge = load_knowledge()
    cus = [r for r in knowledge.builds if r.release == r.cu and r.product != "2013"]
    days = sorted({r.date for r in knowledge.builds if r.date >= date(2024, 1, 1)})
    checked = 0
    for day in days[::4]:
        for cu in cus:
            updates = sorted((r for r in knowledge.builds if r.product == cu.product
                              and r.cu == cu.cu and r.release != r.cu and r.date <= day),
                             key=lambda r: parse_build_number(r.build).sort_key)
            info = identify(cu.build, knowledge, on=day)
            if updates:
                assert f"(latest known: {updates[-1].release})" in info.warning("en"), (day, cu)
                checked += 1
            else:
                assert "latest known" not in info.warning("en"), (day, cu)
    assert checked > 50


def test_a_build_that_already_is_se_is_not_applicable_for_in_place_not_no(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "15.2.2562.17", "15.2.1748.10", "--on", "2026-12-05"]) == 0
    se, cu15 = (line for line in capsys.readouterr().out.splitlines()
                if line.startswith("15.2."))
    assert "not applicable (already SE)" in se and " no  " not in se.split("behind on updates")[1]
    assert "not applicable" not in cu15 and "  yes  " in cu15
    assert catalogue("de")("builds.already_se") == "entfällt (bereits SE)"


def test_the_json_says_not_applicable_for_se_as_the_table_does(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "15.2.2562.17", "15.2.1748.10", "--on", "2026-12-05", "--json"]) == 0
    se, cu15 = json.loads(capsys.readouterr().out)
    assert (se["in_place_to_se"], se["in_place"]) == (None, "not_applicable")
    assert (cu15["in_place_to_se"], cu15["in_place"]) == (True, "yes")
