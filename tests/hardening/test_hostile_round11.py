"""Hostile and odd inputs, eleventh round (2026-12-07, an attacker's evening): a witness and a
namespace that would run code in a pasted command, names written in decomposed Unicode, a
DAG spelled three ways. Each is refused with a message naming it, or read as meant."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.importing import import_files
from tests.hardening.workbooks import workbook

SERVERS = ["Name", "Site", "Roles", "Build", "DAG"]


def _estate(tmp_path: Path, witness: str = "BER-FS01",
            autodiscover: str = "autodiscover.contoso.de") -> Path:
    return workbook(tmp_path / "estate.xlsx", {
        "Servers": [SERVERS,
                    ["BER-EX16-01", "Berlin", "Mailbox", "15.1.2507.61", "DAG-BER16"],
                    ["BER-EX16-02", "Berlin", "Mailbox", "15.1.2507.61", "DAG-BER16"]],
        "DAGs": [["Name", "Members", "Witness"],
                 ["DAG-BER16", "BER-EX16-01; BER-EX16-02", witness]],
        "Namespaces": [["Name", "Services", "Servers"],
                       ["mail.contoso.de", "OWA; EAS", "BER-EX16-01; BER-EX16-02"],
                       [autodiscover, "Autodiscover", "BER-EX16-01; BER-EX16-02"]],
    })


@pytest.mark.parametrize(("witness", "autodiscover"), [
    ("BER-FS01$(calc)", "autodiscover.contoso.de$(calc)"),
    ("BER-FS01; Stop-Computer", "autodiscover.contoso.de'; calc; '"),
])
def test_a_witness_or_namespace_that_would_run_code_never_reaches_a_command(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], witness: str,
        autodiscover: str) -> None:
    """`-WitnessServer BER-FS01$(calc)` and an Autodiscover URL with `$(calc)` went into the
    pasted commands, where PowerShell runs `$(…)`."""
    path = _estate(tmp_path, witness, autodiscover)
    findings = import_files([path]).findings
    codes = {f.code for f in findings}
    assert {"IMPORT-WITNESS-INVALID", "IMPORT-NAMESPACE-INVALID"} <= codes
    assert main(["plan", str(path), "--json", str(tmp_path / "plan.json")]) == 0
    commands = " ".join(s.get("command") or "" for s in
                        json.loads((tmp_path / "plan.json").read_text("utf-8"))["steps"])
    assert "calc" not in commands and "Stop-Computer" not in commands


def test_a_sound_witness_and_namespace_stay(tmp_path: Path) -> None:
    result = import_files([_estate(tmp_path)])
    assert result.estate.dags[0].witness == "BER-FS01"
    assert [n.name for n in result.estate.namespaces] == ["mail.contoso.de",
                                                          "autodiscover.contoso.de"]
    assert not {"IMPORT-WITNESS-INVALID", "IMPORT-NAMESPACE-INVALID"} & {
        f.code for f in result.findings}


def test_names_in_decomposed_unicode_are_the_same_names(tmp_path: Path) -> None:
    """"München" with a combining diaeresis (a Mac's export) split the site in two, and a
    server so spelled in the relay sheet lost its relay steps."""
    nfd = unicodedata.normalize("NFD", "München")
    path = workbook(tmp_path / "estate.xlsx", {
        "Sites": [["Site", "InternetFacing", "Country", "State"], ["München", "yes", "DE", "BY"]],
        "Servers": [SERVERS, ["MÜC-EX16", nfd, "Mailbox", "15.1.2507.61", ""]],
        "RelayClients": [["Name", "Host", "Server"],
                         ["SAP", "10.0.0.5", unicodedata.normalize("NFD", "MÜC-EX16")]],
    })
    result = import_files([path])
    assert [s.name for s in result.estate.sites] == ["München"]
    assert result.estate.servers[0].site == "München"
    assert result.estate.relay_clients[0].server == "MÜC-EX16"
    assert not [f for f in result.findings if f.code in ("IMPORT-SITE-UNLISTED",
                                                          "IMPORT-REF-UNKNOWN-SERVER")]


def test_one_dag_spelled_three_ways_is_one_dag(tmp_path: Path) -> None:
    """`DAG-MUC`, `dag-muc` and `Dag-Muc` in the Servers sheet made three DAGs: two
    rebalances, and upgrades no longer grouped one at a time."""
    path = workbook(tmp_path / "estate.xlsx", {"Servers": [
        SERVERS,
        ["MUC-EX19-01", "München", "Mailbox", "15.2.1748.39", "DAG-MUC"],
        ["MUC-EX19-02", "München", "Mailbox", "15.2.1748.39", "dag-muc"],
        ["MUC-EX19-03", "München", "Mailbox", "15.2.1748.39", "Dag-Muc"],
    ]})
    estate = import_files([path]).estate
    assert [(d.name, len(d.members)) for d in estate.dags] == [("DAG-MUC", 3)]
    assert {s.dag for s in estate.servers} == {"DAG-MUC"}


@pytest.mark.parametrize(("where", "value", "said"), [
    (("project", "estate", "organization"), None, "estate.organization"),
    (("project", "estate", "exo_reports"), None, "estate.exo_reports"),
    (("project", "estate"), [], "estate"),
    (("project", "scenarios"), [{}], "scenarios[0].name"),
    (("format_version",), True, "format version"),
])
def test_a_hand_edited_project_file_is_named_as_damaged_never_a_bug_or_read_wrong(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], where: tuple[str, ...],
        value: object, said: str) -> None:
    """null where an object belongs stopped the planner as "a bug" (exit 70); an estate
    given as a list was an empty estate, a scenario without a name became the active one
    with default settings, and format_version true read as version 1, each without a
    word."""
    from tests.hardening.test_hostile_round7 import _saved_project

    path, data = _saved_project(tmp_path)
    node: dict[str, object] = data
    for key in where[:-1]:
        node = node[key]  # type: ignore[assignment]
    node[where[-1]] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["plan", str(path), "--json", str(tmp_path / "plan.json")]) == 2
    err = capsys.readouterr().err
    assert "customer.seplan" in err and said in err and "a bug" not in err
    assert not (tmp_path / "plan.json").exists()


def _relay_counts(paths: Sequence[Path]) -> tuple[dict[str, int | None], list[str]]:
    result = import_files(list(paths))
    return ({rc.host: rc.messages for rc in result.estate.relay_clients},
            [f.code for f in result.findings])


def test_logs_given_twice_are_counted_once(tmp_path: Path) -> None:
    """The same logs as a folder and as its zip (or one file twice) doubled every relay
    client's messages and the mail flows, with no word."""
    import zipfile

    from tests.paths import SAMPLES

    archive = SAMPLES / "mixed-transport-logs.zip"
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path / "logs")
    inventory = SAMPLES / "mixed" / "inventory.xlsx"
    once, codes = _relay_counts([inventory, archive])
    both, codes_both = _relay_counts([inventory, tmp_path / "logs", archive])
    assert once == both and any(once.values())
    assert "LOGS-GIVEN-TWICE" not in codes and "LOGS-GIVEN-TWICE" in codes_both


def test_logs_with_crlf_converted_twice_are_read(tmp_path: Path) -> None:
    """"\\r\\r\\n" line ends (an FTP transfer in ASCII mode) put an empty line between every
    two: the header ended after its first line and every log was "not a transport log"."""
    import zipfile

    from tests.paths import SAMPLES

    archive = SAMPLES / "mixed-transport-logs.zip"
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path / "logs")
    inventory = SAMPLES / "mixed" / "inventory.xlsx"
    for log in (tmp_path / "logs").rglob("*.LOG"):
        log.write_bytes(log.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\r\n"))
    once, codes_once = _relay_counts([inventory, archive])
    converted, codes = _relay_counts([inventory, tmp_path / "logs"])
    # the same findings (a folder also names its one file that is no log)
    assert converted == once
    assert sorted(c for c in codes if c != "LOGS-FILES-SKIPPED") == sorted(codes_once)


def test_a_german_date_on_the_project_sheet_is_a_date(tmp_path: Path) -> None:
    """"21.12.2026" on the Project sheet was refused (every other sheet reads it): the
    Christmas freeze was dropped, and a second message said a freeze needs a start."""
    path = workbook(tmp_path / "estate.xlsx", {
        "Servers": [SERVERS, ["EX01", "Berlin", "Mailbox", "15.2.1748.39", ""]],
        "Project": [["Key", "Value"], ["freezes.1.name", "Weihnachten"],
                    ["freezes.1.start", "21.12.2026"], ["freezes.1.end", "6.1.2027"],
                    ["project.start", "31.02.2027"]],
    })
    from planner.pipeline import load_inputs

    inputs = load_inputs([path])
    freeze = inputs.settings.freezes[0]
    assert (freeze.start.isoformat(), freeze.end.isoformat()) == ("2026-12-21", "2027-01-06")
    bad = [f for f in inputs.findings if f.code == "IMPORT-PROJECT-SETTING"]
    assert [f.column for f in bad] == ["project.start"]  # no 31 February: named, not a date


def test_a_rename_to_an_existing_servers_name_says_so(tmp_path: Path) -> None:
    """`[naming.rename] "BER-EX16-01-SE" = "BER-EX19-01"` (a server of the estate) read
    "does not exist any more (the naming pattern … changed)", which was not what happened."""
    from dataclasses import replace

    from planner.pipeline import make_plan
    from tests.sample_plans import sample_inputs

    inputs = sample_inputs("mixed")
    settings = replace(inputs.settings, solver_time_limit_s=0.0,
                       new_server_names={"BER-EX16-01-SE": "BER-EX19-01"})
    plan = make_plan(inputs.estate, inputs.findings, settings)
    said = [f for f in plan.findings if f.code.startswith("RULES-RENAME")]
    assert [f.code for f in said] == ["RULES-RENAME-TAKEN"]
    assert "already an existing server" in said[0].message("en")
    assert "BER-EX16-01-SE" in {s.target.split(":", 1)[1] for s in plan.proposal.steps
                                if s.id.startswith("sbs:install:")}


@pytest.mark.parametrize(("dates", "warned"), [
    (("04/03/2026", "03/04/2026"), True),  # a UK export: 4 March, read as 3 April
    (("04/03/2026", "03/28/2026"), False),  # a US export says so itself (28 is no month)
    (("04/03/2026", "28/03/2026"), False),  # a UK export says so itself: read day/month
    (("05/05/2026", "2026-04-03"), False),  # nothing reads as two days
])
def test_slashed_dates_that_read_as_two_days_are_a_warning(
        tmp_path: Path, dates: tuple[str, str], warned: bool) -> None:
    """A UK-locale Exchange Online report (FirstDetectedDate 04/03/2026) was read month-first
    without a word; `plan` then called the report's own dates contradictory."""
    report = tmp_path / "exo.csv"
    report.write_text("ServerFQDN,Build,FirstDetectedDate,ThrottleEnabledDate\n"
                      f"ex01.contoso.local,15.1.2507.39,{dates[0]},{dates[1]}\n",
                      encoding="utf-8")
    found = [f for f in import_files([report]).findings if f.code == "IMPORT-DATE-AMBIGUOUS"]
    assert bool(found) is warned
    if warned:
        assert found[0].row == 2 and "04/03/2026" in found[0].message("en")
        assert "3 Apr 2026" in found[0].message("en") and "Tag/Monat" in found[0].message("de")


def test_a_logo_the_report_cannot_use_is_named_without_its_path(tmp_path: Path) -> None:
    """A missing file, a folder, /dev/zero or a text file as the logo gave a report without
    a logo and no word."""
    from dataclasses import replace

    from planner.pipeline import make_plan
    from tests.sample_plans import sample_inputs

    inputs = sample_inputs("small")
    text = tmp_path / "logo.png"
    text.write_bytes(b"")
    png = tmp_path / "good.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    for logo, warned in ((tmp_path / "missing.png", True), (tmp_path, True), (text, True),
                         (Path("/dev/zero"), True), (png, False)):
        settings = replace(inputs.settings, logo_path=str(logo), solver_time_limit_s=0.0)
        found = [f for f in make_plan(inputs.estate, inputs.findings, settings).findings
                 if f.code == "SETTINGS-LOGO-UNUSABLE"]
        assert bool(found) is warned, logo
        if found:
            assert str(tmp_path) not in found[0].message("en") and "logo" in found[0].message("en")


def test_more_pause_days_used_than_a_tenant_has_is_refused_by_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`pause_days_used = { 2026 = 95 }` was accepted without a word: the plan then
    counted a budget that cannot exist."""
    from tests.paths import SAMPLES

    toml = tmp_path / "settings.toml"
    toml.write_text("[enforcement]\npause_days_used = { 2026 = 95 }\n", encoding="utf-8")
    code = main(["plan", str(SAMPLES / "small" / "inventory.xlsx"), "--settings", str(toml),
                 "--json", str(tmp_path / "plan.json")])
    assert code == 2 and not (tmp_path / "plan.json").exists()
    err = capsys.readouterr().err
    assert "95 days" in err and "2026" in err and "90 days" in err and "a bug" not in err


def test_logs_whose_date_time_is_not_the_first_field_are_read_by_name(tmp_path: Path) -> None:
    """An export with the #Fields in another order (date-time sixth) had every line called
    malformed, though its header names every field."""
    import csv
    import io
    import zipfile

    from tests.paths import SAMPLES

    archive = SAMPLES / "mixed-transport-logs.zip"
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path / "logs")
    inventory = SAMPLES / "mixed" / "inventory.xlsx"
    once, codes_once = _relay_counts([inventory, archive])
    for log in (tmp_path / "logs").rglob("*.LOG"):
        lines = log.read_text("utf-8-sig").splitlines()
        fields = next(x for x in lines if x.startswith("#Fields:"))[9:].split(",")
        order = [*range(1, len(fields)), 0]  # date-time last
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for line in lines:
            if line.startswith("#Fields:"):
                out.write("#Fields: " + ",".join(fields[i] for i in order) + "\r\n")
            elif line.startswith("#"):
                out.write(line + "\r\n")
            else:
                row = next(csv.reader([line]))
                writer.writerow([row[i] for i in order] if len(row) == len(fields) else row)
        log.write_text(out.getvalue(), encoding="utf-8")
    moved, codes = _relay_counts([inventory, tmp_path / "logs"])
    assert moved == once
    assert codes.count("LOGS-MALFORMED") == codes_once.count("LOGS-MALFORMED")


@pytest.mark.parametrize(("value", "said"), [("2026-12-20:-5", "DAYS from 1"),
                                             ("2026-12-20:abc", "DAYS from 1"),
                                             ("2026-13-20:5", "a date from")])
def test_a_bad_pause_option_names_the_part_that_is_wrong(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, said: str) -> None:
    """`--pause 2026-12-20:-5` was refused as "a date from 2000 to 2100"."""
    from tests.paths import SAMPLES

    with pytest.raises(SystemExit):
        main(["plan", str(SAMPLES / "small" / "inventory.xlsx"), "--pause", value,
              "--json", str(tmp_path / "plan.json")])
    assert said in capsys.readouterr().err


def test_an_impossible_number_says_why_it_cannot_be(tmp_path: Path) -> None:
    """`Mailboxes = -5` read "(bytes in a GB column?)": a negative count is no unit slip."""
    inventory = tmp_path / "servers.csv"
    inventory.write_text("Name,Site,Roles,Build,Mailboxes,MailboxDataGB\n"
                         "EX01,Berlin,Mailbox,15.2.1748.39,-5,3000000000\n", encoding="utf-8")
    found = {f.column: f.message("en") for f in import_files([inventory]).findings
             if f.code == "IMPORT-VALUE-IMPLAUSIBLE"}
    assert "never negative" in found["E"] and "bytes" not in found["E"]
    assert "bytes in a GB column?" in found["F"]


def test_a_remote_ip_range_that_is_no_address_is_left_out_and_named(tmp_path: Path) -> None:
    """"calc" in RemoteIPRanges was kept as a range (and put into the connector's command)."""
    servers = tmp_path / "servers.csv"
    servers.write_text("Name,Site,Roles,Build\nEX01,Berlin,Mailbox,15.2.1748.39\n",
                       encoding="utf-8")
    connectors = tmp_path / "connectors.csv"
    connectors.write_text('Name,Type,Servers,RemoteIPRanges\n'
                          'Relay,receive,EX01,"10.0.0.0/24; calc; 2001:db8::/64"\n',
                          encoding="utf-8")
    result = import_files([servers, connectors])
    assert result.estate.connectors[0].remote_ip_ranges == ("10.0.0.0/24", "2001:db8::/64")
    found = [f for f in result.findings if f.code == "IMPORT-IP-RANGE-INVALID"]
    assert len(found) == 1 and "“calc”" in found[0].message("en")
