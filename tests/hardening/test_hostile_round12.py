"""Hostile and odd inputs, twelfth round (2026-12-07, an attacker's second evening): a
hand-edited project file with half a character, an absence of seventy years, logs pasted
together, a relay client with two addresses, columns without a header, UTF-32 and Mac CSVs.
Each is refused with a message naming it, or read as meant."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from planner.cli import main
from tests.hardening.workbooks import workbook

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("where", "value"), [
    (("estate", "organization", "customer"), "Fab\ud800rikam"),
    (("estate", "servers", 0, "notes"), "note \udfff")])
def test_half_a_character_in_a_project_file_is_damage_named_by_its_place(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], where: tuple[object, ...],
        value: str) -> None:
    """A lone UTF-16 surrogate escape ("\\ud800") is valid JSON but no character: the JSON
    and workbook exports stopped with exit 70 ("a bug")."""
    doc = json.loads((DATA / "project-format-1.seplan").read_text(encoding="utf-8"))
    node = doc["project"]
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    path = tmp_path / "edited.seplan"
    path.write_text(json.dumps(doc), encoding="utf-8")  # written as "\\ud800"
    code = main(["plan", str(path), "--json", str(tmp_path / "o.json"),
                 "--xlsx", str(tmp_path / "o.xlsx")])
    err = capsys.readouterr().err
    assert code == 2 and ".".join(map(str, where)) in err, err
    assert not (tmp_path / "o.json").exists()


def test_a_pair_of_surrogate_escapes_is_one_character_and_reads(tmp_path: Path) -> None:
    doc = json.loads((DATA / "project-format-1.seplan").read_text(encoding="utf-8"))
    doc["project"]["estate"]["organization"]["customer"] = "Fabrikam \U0001F3ED"
    path = tmp_path / "emoji.seplan"
    path.write_text(json.dumps(doc), encoding="utf-8")  # "\\ud83c\\udfed"
    assert main(["plan", str(path), "--json", str(tmp_path / "o.json")]) == 0
    assert "\U0001F3ED" in (tmp_path / "o.json").read_text(encoding="utf-8")


SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "mixed" / "inventory.xlsx"


@pytest.mark.parametrize("toml", [
    '[[consultants]]\nname = "A"\nabsent = [[2026-01-01, 2099-01-01]]\n',
    '[[freezes]]\nstart = 2026-12-21\nend = 2098-01-06\nname = "Jahresabschluss"\n'])
def test_an_absence_or_freeze_of_decades_is_refused_before_planning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str) -> None:
    """An absence until 2099 planned to 2099: 542 s and 2.09 GB for a 60-byte file."""
    settings = tmp_path / "s.toml"
    settings.write_text(toml, encoding="utf-8")
    code = main(["plan", str(SAMPLE), "--settings", str(settings), "--json",
                 str(tmp_path / "o.json")])
    err = capsys.readouterr().err
    assert code == 2 and "at most 366" in err and ("absent[0]" in err or "end" in err), err


def test_a_year_of_absence_still_counts(tmp_path: Path) -> None:
    from planner.core.settings_file import read_settings_table
    from planner.core.settings_io import settings_from_table

    path = tmp_path / "s.toml"
    path.write_text('[[consultants]]\nname = "A"\nabsent = [[2027-01-01, 2027-12-31]]\n',
                    encoding="utf-8")
    settings = settings_from_table(read_settings_table(path), source=path.name)
    assert settings.consultants[0].absent[0][1].year == 2027


def test_the_gui_refuses_an_absence_of_decades() -> None:
    from planner.gui.dialogs.settings_pages import parse_ranges

    with pytest.raises(ValueError, match="2099"):
        parse_ranges("2026-01-01..2099-01-01")
    assert parse_ranges("2027-01-01..2027-06-30")


LOGS = Path(__file__).resolve().parents[2] / "resources" / "samples" / "mixed-transport-logs.zip"


def _receive_log_parts() -> tuple[list[str], list[str]]:
    """The header and the well-formed data lines of one of the sample's protocol logs."""
    import csv
    import zipfile

    with zipfile.ZipFile(LOGS) as archive:
        name = sorted(n for n in archive.namelist()
                      if n.startswith("BER-EX19-01/") and "/SmtpReceive/RECV" in n)[0]
        lines = archive.read(name).decode("utf-8-sig").splitlines()
    header = [x for x in lines if x.startswith("#")]
    data = [x for x in lines if x and not x.startswith("#")
            and len(next(csv.reader([x]))) == 9]
    return header, data


def _clients(tmp_path: Path, log: str) -> set[str]:
    from planner.pipeline import load_inputs

    folder = tmp_path / "logs" / "BER-EX19-01"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "RECV.LOG").write_text(log, encoding="utf-8")
    inputs = load_inputs([SAMPLE, tmp_path / "logs"])
    return {rc.host for rc in inputs.estate.relay_clients if rc.last_seen is not None}


def test_logs_pasted_together_are_each_read_by_their_own_fields(tmp_path: Path) -> None:
    """The second part named remote- and local-endpoint the other way round: its lines were
    read by the first order (every client taken for Exchange's own address) and, with a
    false "sent nothing", no relay client was found at all."""
    import csv
    import io

    header, data = _receive_log_parts()
    half = len(data) // 2
    swapped_fields = [("#Fields: date-time,connector-id,session-id,sequence-number,"
                       "remote-endpoint,local-endpoint,event,data,context")
                      if h.startswith("#Fields") else h for h in header]

    def swap(line: str) -> str:
        row = next(csv.reader([line]))
        row[4], row[5] = row[5], row[4]
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(row)
        return out.getvalue()

    whole = _clients(tmp_path / "a", "\n".join(header + data) + "\n")
    pasted = _clients(tmp_path / "b", "\n".join(
        header + data[:half] + swapped_fields + [swap(x) for x in data[half:]]) + "\n")
    assert whole and pasted == whole


RELAY_HEAD = ["Name", "Host", "Connector", "Server", "Owner"]


def _relay_estate(tmp_path: Path, rows: list[list[str]]) -> Path:
    return workbook(tmp_path / "relay.xlsx", {
        "Servers": [["Name", "Site", "Roles", "Build"],
                    ["BER-EX19-01", "Berlin", "Mailbox", "15.2.1748.39"]],
        "Connectors": [["Name", "Type", "Servers", "RemoteIPRanges"],
                       ["Relay Anonymous", "receive", "BER-EX19-01", "10.10.3.0/24"]],
        "RelayClients": [RELAY_HEAD, *rows]})


def test_a_host_cell_of_two_addresses_is_one_client_per_address(tmp_path: Path) -> None:
    """"10.10.3.60, 10.10.3.61" was kept as one host: the device at .61 read as unlisted
    and .60 was left out of the new connector's recommended addresses."""
    from planner.pipeline import load_inputs

    path = _relay_estate(tmp_path, [["Multi", "10.10.3.60, 10.10.3.61", "Relay Anonymous",
                                     "BER-EX19-01", "Werk"]])
    inputs = load_inputs([path])
    hosts = {rc.name: rc.host for rc in inputs.estate.relay_clients}
    assert hosts == {"Multi (10.10.3.60)": "10.10.3.60", "Multi (10.10.3.61)": "10.10.3.61"}
    (split,) = [f for f in inputs.findings if f.code == "IMPORT-RELAY-HOSTS-SPLIT"]
    assert (split.sheet, split.row, split.column) == ("RelayClients", 2, "B")
    assert "10.10.3.60" in split.message("en") and "10.10.3.61" in split.message("de")


def test_a_host_cell_of_one_range_is_one_client(tmp_path: Path) -> None:
    """"10.10.3.10 - 10.10.3.20" (spaces round the dash) was split at the spaces into three
    clients, one named "-"; "10.10.3.30-40" is the customer's shorthand of a range."""
    from planner.pipeline import load_inputs

    path = _relay_estate(tmp_path, [
        ["Label printers", "10.10.3.10 - 10.10.3.20", "Relay Anonymous", "BER-EX19-01", "Werk"],
        ["Scanners", "10.10.3.30-40", "Relay Anonymous", "BER-EX19-01", "Werk"]])
    inputs = load_inputs([path])
    hosts = {rc.name: rc.host for rc in inputs.estate.relay_clients}
    assert hosts == {"Label printers": "10.10.3.10-10.10.3.20",
                     "Scanners": "10.10.3.30-10.10.3.40"}
    assert not [f for f in inputs.findings if f.code.startswith("IMPORT-RELAY")]


def test_two_clients_of_one_name_are_told_apart_by_their_address(tmp_path: Path) -> None:
    from planner.pipeline import load_inputs

    path = _relay_estate(tmp_path, [
        ["Scanner 3. OG", "10.10.3.50", "Relay Anonymous", "BER-EX19-01", "Werk"],
        ["Scanner 3. OG", "10.10.3.51", "Relay Anonymous", "BER-EX19-01", "Werk"]])
    inputs = load_inputs([path])
    names = sorted(rc.name for rc in inputs.estate.relay_clients)
    assert names == ["Scanner 3. OG (10.10.3.50)", "Scanner 3. OG (10.10.3.51)"]
    assert [f.code for f in inputs.findings if f.code.startswith("IMPORT-RELAY")] == [
        "IMPORT-RELAY-NAME-TWICE"]


CSV_ROWS = ("Name,FQDN,Site,Roles,Build,Notes",
            "EX01,ex01.contoso.local,Berlin,Mailbox,15.1.2507.61,\"first line\nsecond line\"",
            "EX02,ex02.contoso.local,Berlin,Mailbox,15.2.1748.39,plain")


def _servers(path: Path) -> dict[str, str]:
    from planner.pipeline import load_inputs

    inputs = load_inputs([path])
    assert not [f for f in inputs.findings if f.severity.value == "error"], inputs.findings
    return {s.name: s.fqdn for s in inputs.estate.servers}


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_a_utf32_csv_is_read(tmp_path: Path, codec: str) -> None:
    """PowerShell's Export-Csv -Encoding UTF32 (with its mark) read as UTF-16: every value
    full of NUL characters, five errors about values, nothing about the encoding."""
    path = tmp_path / "servers.csv"
    text = "\r\n".join(CSV_ROWS) + "\r\n"
    data = text.encode(codec)
    path.write_bytes(data if codec == "utf-32" else b"\x00\x00\xfe\xff" + data)
    assert _servers(path) == {"EX01": "ex01.contoso.local", "EX02": "ex02.contoso.local"}


def test_a_mac_csv_with_a_line_break_in_a_cell_is_read(tmp_path: Path) -> None:
    """Rows ending in CR alone, a cell holding LF: the file had read as one header row."""
    path = tmp_path / "servers.csv"
    path.write_bytes(("\r".join(CSV_ROWS) + "\r").encode("utf-8"))
    assert _servers(path) == {"EX01": "ex01.contoso.local", "EX02": "ex02.contoso.local"}


@pytest.mark.parametrize("merged", [True, False])
def test_a_column_of_values_without_a_header_is_said(tmp_path: Path, merged: bool) -> None:
    """A header merged over A1:B1 (or B1 left empty): every FQDN below was dropped without a
    word, while an unknown header at least gets "Columns not used"."""
    from planner.pipeline import load_inputs

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Servers"
    for row in (["Server", None, "Site", "Roles", "Build"],
                ["EX01", "ex01.contoso.local", "Berlin", "Mailbox", "15.1.2507.61"]):
        sheet.append(row)
    if merged:
        sheet.merge_cells("A1:B1")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    inputs = load_inputs([path])
    (said,) = [f for f in inputs.findings if f.code == "IMPORT-COLUMN-NO-HEADER"]
    assert (said.sheet, said.row, said.column) == ("Servers", 1, "B")
    assert "ex01.contoso.local" in said.message("en") and "Spalte B" in said.message("de")


def test_a_server_listed_in_two_dags_is_said_and_kept_in_its_own(tmp_path: Path) -> None:
    """The DAGs sheet listed a Munich server under the Berlin DAG too: it was a member of
    both, no finding, and the plan used one by chance."""
    from planner.pipeline import load_inputs

    path = workbook(tmp_path / "dags.xlsx", {
        "Servers": [["Name", "Site", "Roles", "Build", "DAG"],
                    ["BER-EX16-01", "Berlin", "Mailbox", "15.1.2507.61", "DAG-BER16"],
                    ["BER-EX16-02", "Berlin", "Mailbox", "15.1.2507.61", "DAG-BER16"],
                    ["MUC-EX19-01", "Muenchen", "Mailbox", "15.2.1748.39", "DAG-MUC"],
                    ["MUC-EX19-02", "Muenchen", "Mailbox", "15.2.1748.39", "DAG-MUC"]],
        "DAGs": [["Name", "Members"],
                 ["DAG-BER16", "BER-EX16-01; BER-EX16-02; MUC-EX19-01"],
                 ["DAG-MUC", "MUC-EX19-01; MUC-EX19-02"]]})
    inputs = load_inputs([path])
    members = {d.name: set(d.members) for d in inputs.estate.dags}
    assert members == {"DAG-BER16": {"BER-EX16-01", "BER-EX16-02"},
                       "DAG-MUC": {"MUC-EX19-01", "MUC-EX19-02"}}
    (said,) = [f for f in inputs.findings if f.code == "IMPORT-DAG-MEMBER-TWICE"]
    assert (said.sheet, said.row) == ("Servers", 4)
    assert "DAG-BER16" in said.message("en") and "MUC-EX19-01" in said.message("de")
