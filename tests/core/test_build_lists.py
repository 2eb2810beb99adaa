"""Microsoft's build lists: the shipped knowledge covers them, and a newer list is learnt."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.cli import main
from planner.cli.build_cmd import answer
from planner.core.build_lists import read_healthchecker_dictionary
from planner.core.builds import identify
from planner.core.knowledge import load_knowledge, overlay_path
from planner.core.model import Estate, Server
from planner.core.plan_json import plan_to_plain
from planner.pipeline import make_plan
from tests.core.scheduler.builders import settings

LIST = Path(__file__).resolve().parents[1] / "data" / "ExchangeBuildNumbers.csv"
NAME = re.compile(r"^Exchange (2013|2016|2019|SE) (.+)$")


def _rows() -> list[tuple[str, str, str, date]]:
    """(product, release label, build, date) of every 2013/2016/2019/SE row, previews too."""
    out = []
    with LIST.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            match = NAME.match(row["Product Name"])
            if match:
                label = " ".join(re.sub(r"\(.*?\)", " ", match.group(2)).split())
                out.append((match.group(1), label, row["Build Number"],
                            datetime.strptime(row["Date"], "%m/%d/%Y").date()))
    return out


def test_every_row_of_microsofts_list_is_known_with_its_label_and_date() -> None:
    knowledge = load_knowledge()
    rows = _rows()
    assert len(rows) == 225  # 223 releases and the 2016 and 2019 previews
    wrong = []
    for product, label, build, day in rows:
        info = answer(build, date(2026, 12, 4), knowledge).info
        if (info.product, info.release, info.release_date) != (product, label, day):
            wrong.append((build, info.product, info.release, info.release_date))
    assert wrong == []


LATER = (
    "Exchange SE RTM Oct26SU,15.2.2562.57,10/13/2026,KB9999001,\n"
    "Exchange SE CU1,15.2.2700.3,11/10/2026,KB9999002,\n"
    "Exchange 2019 CU15 Oct26SU,15.2.1748.56,10/13/2026,KB9999003,\n"
)


def test_importing_a_newer_list_teaches_the_next_plan(
        own_data_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    newer = tmp_path / "ExchangeBuildNumbers.csv"
    newer.write_text(LIST.read_text(encoding="utf-8-sig") + LATER, encoding="utf-8")
    before = load_knowledge()
    assert identify("15.2.2562.57", before).release != "RTM Oct26SU"
    assert main(["knowledge", "import", str(newer)]) == 0
    out = capsys.readouterr().out
    assert "3 new builds" in out and "15.2.2562.57" in out and "2026-10-13" in out
    after = load_knowledge()
    info = identify("15.2.2562.57", after)
    assert (info.product, info.release, info.release_date) == ("SE", "RTM Oct26SU",
                                                               date(2026, 10, 13))
    row = next(r for r in after.builds if r.build == "15.2.2562.57")
    assert row.source.startswith("ExchangeBuildNumbers.csv") and str(tmp_path) not in row.source
    estate = Estate(servers=(Server("EX01", roles=("Mailbox",), build="15.2.1748.56"),))
    plan = make_plan(estate, (), settings(), knowledge=load_knowledge())
    (server,) = plan_to_plain(plan, load_knowledge())["estate"]["servers"]
    assert server["release"] == "CU15 Oct26SU"
    assert main(["knowledge", "import", str(newer)]) == 0  # a second time: nothing new
    assert "nothing new" in capsys.readouterr().out


def test_planner_plan_after_an_import_plans_with_the_new_update(
        own_data_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The CLI end to end: no knowledge is handed over, `planner plan` reads the overlay.
    inventory = tmp_path / "servers.csv"
    inventory.write_text("Name,FQDN,Roles,Build\nEX01,ex01.contoso.com,Mailbox,15.2.1748.56\n"
                         "SE01,se01.contoso.com,Mailbox,15.2.2562.37\n", encoding="utf-8")
    options = tmp_path / "settings.toml"
    options.write_text("[project]\nstart = 2026-12-07\nas_of = 2026-12-04\n"
                       "solver_time_limit_s = 0.5\n", encoding="utf-8")

    def planned(name: str) -> dict[str, dict[str, str]]:
        out = tmp_path / name
        assert main(["plan", str(inventory), "--settings", str(options), "--json",
                     str(out), "--lang", "en"]) == 0
        data = json.loads(out.read_text(encoding="utf-8"))
        return {"servers": {s["name"]: s["release"] for s in data["estate"]["servers"]},
                "steps": {s["id"]: s["title"] for s in data["steps"]}}

    before = planned("before.json")
    assert before["servers"]["EX01"] != "CU15 Oct26SU"
    assert "SE CU1" not in before["steps"]["inplace:EX01"]
    newer = tmp_path / "ExchangeBuildNumbers.csv"
    newer.write_text(LIST.read_text(encoding="utf-8-sig") + LATER, encoding="utf-8")
    assert main(["knowledge", "import", str(newer)]) == 0
    after = planned("after.json")
    assert after["servers"]["EX01"] == "CU15 Oct26SU"  # the imported update identifies it
    assert "SE CU1" in after["steps"]["inplace:EX01"]  # the upgrade goes to the newest SE
    assert "CU1" in after["steps"]["su:SE01"]


DICTIONARY = '''
        } elseif ($exchangeVersion.Major -eq 15 -and $exchangeVersion.Minor -eq 2) {
            $exchangeMajorVersion = "Exchange2019"
            switch ($exchangeVersion) {
                { $_ -ge (GetBuildVersion $ex19 "CU15") } {
                    $cuLevel = "CU15"
                    $cuReleaseDate = "02/10/2025"
                }
            }
        }
function GetExchangeBuildDictionary {
    return @{
        "Exchange2019" = @{
            "CU15" = (NewCUAndSUObject "15.2.1748.10" @{
                    "Apr25HU"   = "15.2.1748.24"
                    "Nov26SU"   = "15.2.1748.60"
                })
        }
    }
}
'''


def test_the_healthchecker_dictionary_gives_cu_dates_and_update_months() -> None:
    rows = read_healthchecker_dictionary(DICTIONARY, "Get-ExchangeBuildVersionInformation.ps1",
                                         date(2026, 12, 4))
    got = {(r.product, r.release, r.build, r.date, r.date_precision) for r in rows}
    assert got == {("2019", "CU15", "15.2.1748.10", date(2025, 2, 10), "day"),
                   ("2019", "CU15 Apr25HU", "15.2.1748.24", date(2025, 4, 1), "month"),
                   ("2019", "CU15 Nov26SU", "15.2.1748.60", date(2026, 11, 1), "month")}


def test_a_file_that_is_no_build_list_is_refused(
        own_data_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("hello", encoding="utf-8")
    assert main(["knowledge", "import", str(junk)]) == 1
    assert "notes.txt" in capsys.readouterr().err


def test_a_list_row_the_loader_would_refuse_is_never_written(
        own_data_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Hostile round 12: one row with build 15.1.2507.12345 was written to the overlay, the
    import then failed, and every later command stopped on the overlay."""
    bad = tmp_path / "bad-list.csv"
    bad.write_text("Product Name,Build Number,Date,KB,Blog\n"
                   "Exchange 2016 CU23 Dec26SU,15.1.2507.12345,12/9/2026,,\n", encoding="utf-8")
    assert main(["knowledge", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "nothing written" in err and "15.1.2507.12345" in err
    assert not overlay_path().exists()
    assert main(["build", "15.2.1748.39"]) == 0


def test_a_damaged_overlay_is_named_and_an_import_repairs_it(
        own_data_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = overlay_path()
    path.parent.mkdir(parents=True)
    path.write_text("product,release,build,date,date_precision,source,as_of\n"
                    "2016,CU23 X,15.1.2507.12345,2026-12-09,day,x,2026-12-07\n",
                    encoding="utf-8")
    assert main(["build", "15.2.1748.39"]) != 0
    assert str(path) in capsys.readouterr().err  # where the file is, to delete it
    newer = tmp_path / "ExchangeBuildNumbers.csv"
    newer.write_text(LIST.read_text(encoding="utf-8-sig") + LATER, encoding="utf-8")
    assert main(["knowledge", "import", str(newer)]) == 0
    assert main(["build", "15.2.2562.57"]) == 0
    assert "RTM Oct26SU" in capsys.readouterr().out


def test_the_build_list_says_how_current_it_is_in_each_language() -> None:
    """The newest release with its build, the list it comes from and its as-of date: what a
    deliverable states so a reader knows how current the steps' build numbers are."""
    from planner.core.build_lists import build_list_status
    from planner.core.catalogue import catalogue
    from planner.core.fact_words import build_list_words

    rows = load_knowledge().builds
    status = build_list_status(rows)
    assert status is not None and status.count == len(rows)
    assert status.as_of == max(r.as_of for r in rows)
    assert status.newest.date == max(r.date for r in rows)
    assert "(KB" not in status.source and "ExchangeBuildNumbers.csv" in status.source
    new = status.newest
    english = build_list_words(catalogue("en"), status)
    assert f"Exchange {new.product} {new.release} ({new.build}) of " in english
    assert f"{len(rows)} builds" in english
    assert f"Exchange {new.product} {new.release} ({new.build}) vom " in \
        build_list_words(catalogue("de"), status)
    assert build_list_status(()) is None
