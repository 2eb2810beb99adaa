"""Round 14: names the customer's files or the network choose are what they look like
(2026-12-08, a tester's third evening).

An EHLO name is chosen by anyone who reaches port 25, and it became a relay client's name in
every deliverable and in the command block the admin pastes; a right-to-left override in a
site, an Exchange Online report or a connector's name showed the rest of its sentence
reversed in the report and workbook.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from planner.core.importing import ImportResult, import_files
from planner.core.plain import to_plain
from tests.paths import MIXED

_HEADER = ("#Software: Microsoft Exchange Server\n#Version: 15.0.0.0\n"
           "#Log-type: SMTP Receive Protocol Log\n#Date: 2026-11-02T00:00:00.000Z\n"
           "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,"
           "remote-endpoint,event,data,context\n")
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def _session(number: int, remote: str, ehlo: str,
             connector: str = "MUC-EX19-01\\Default Frontend MUC-EX19-01") -> str:
    events = [("+", ""), ("<", f"EHLO {ehlo}"), ("<", "MAIL FROM:<a@contoso.de>"),
              ("<", "RCPT TO:<b@fabrikam.example>"), ("<", "DATA"),
              (">", "250 2.6.0 <1@contoso.de> Queued mail for delivery"), ("-", "")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for i, (event, data) in enumerate(events):
        writer.writerow([f"2026-11-02T06:0{i}:05.003Z", connector, f"08DC{number:012X}", i,
                         "10.20.0.11:25", remote, event, data, ""])
    return out.getvalue()


HOSTILE_EHLO = ['=HYPERLINK("http://evil","x")', "$(Stop-Computer -Force)",
                "<script>alert(1)</script>", "gw\u202eexe.txt", "a" * 5000,
                "EHLO\x0bVT", "x\ufffey", "Xerox WorkCentre 7845"]
SOUND_EHLO = ["scanner01.contoso.de", "[10.20.9.50]", "PRN_3OG", "münchen-gw.contoso.de."]


def _logs(folder: Path, sessions: str) -> Path:
    folder.mkdir()
    (folder / "RECV2026110200-1.LOG").write_text(_HEADER + sessions, "utf-8")
    return folder


def _shown(result: ImportResult) -> str:
    """The estate as the project file keeps it and every finding in both languages."""
    return json.dumps(to_plain(result.estate), ensure_ascii=False) + "".join(
        f.message(lang) for f in result.findings for lang in ("en", "de"))


def test_an_ehlo_that_names_no_host_never_becomes_a_relay_clients_name(tmp_path: Path) -> None:
    sessions = "".join(_session(i, f"10.20.9.{100 + i}:{30000 + i}", e)
                       for i, e in enumerate(HOSTILE_EHLO + SOUND_EHLO))
    result = import_files([MIXED, _logs(tmp_path / "logs", sessions)])
    clients = {rc.host: rc for rc in result.estate.relay_clients if rc.discovered}
    for i in range(len(HOSTILE_EHLO)):
        client = clients[f"10.20.9.{100 + i}"]
        assert client.name == client.host and not client.ehlo, client
    names = {rc.name for rc in clients.values()}
    assert {"scanner01.contoso.de", "PRN_3OG", "münchen-gw.contoso.de."} <= names
    assert "10.20.9.109" in names  # an address literal names the address
    said = [f for f in result.findings if f.code == "LOGS-EHLO-NO-NAME"]
    assert len(said) == 1 and "10.20.9.100" in said[0].message("en")
    shown = _shown(result)
    for text in HOSTILE_EHLO:
        assert text not in shown


def test_bidirectional_controls_are_no_part_of_a_name_or_text(tmp_path: Path) -> None:
    """A site "Berl\\u202ein" is Berlin, an Exchange Online report's server and a log's
    connector lose their overrides, and nothing shown keeps one."""
    inventory = tmp_path / "servers.csv"
    inventory.write_text(
        "Name,Roles,Build,Site,Notes\n"
        "EX01,Mailbox,15.2.1748.39,Berlin,plain\n"
        "EX02,Mailbox,15.2.1748.39,Berl\u202ein,\u2067note\u2069 \u200fhere\u202c\n",
        "utf-8")
    report = tmp_path / "exo.csv"
    report.write_text(
        "ServerFQDN,Build,ExchangeServer,FirstDetectedDate,ThrottleEnabledDate,"
        "BlockingEnabledDate\n"
        "ex\u202e01.contoso.local,15.2.1748.39,EX\u202e01,11/16/2026,12/16/2026,1/15/2027\n",
        "utf-8")
    logs = _logs(tmp_path / "logs", _session(1, "10.20.9.20:1", "gw.contoso.de",
                                             connector="EX01\\Relay\u202eevil"))
    result = import_files([inventory, report, logs])
    estate = result.estate
    assert {s.site for s in estate.servers} == {"Berlin"}
    assert estate.exo_reports and estate.exo_reports[0].server_fqdn == "ex01.contoso.local"
    assert any(c.name == "Relayevil" for c in estate.connectors)
    shown = _shown(result)
    assert not set(shown) & set(_BIDI)


def test_a_server_name_that_only_looks_latin_is_named(tmp_path: Path) -> None:
    """"ЕX01" with a Cyrillic Е beside EX01 was a second server nobody could tell from the
    first; an all-Greek "ΕΧ02" beside EX02 too. A name of one other script stays a name."""
    inventory = tmp_path / "servers.csv"
    inventory.write_text(
        "Name,Roles,Build\n"
        "EX01,Mailbox,15.2.1748.39\n"
        "\u0415X01,Mailbox,15.2.1748.39\n"  # Cyrillic Е
        "EX02,Mailbox,15.2.1748.39\n"
        "\u0395\u03a702,Mailbox,15.2.1748.39\n"  # Greek Ε and Χ
        "MSK-\u0415X03,Mailbox,15.2.1748.39\n"  # mixed, alone: kept and said
        "\u041c\u041e\u0421\u041a\u0412\u041001,Mailbox,15.2.1748.39\n",  # МОСКВА01
        "utf-8")
    result = import_files([inventory])
    names = [s.name for s in result.estate.servers]
    assert names == ["EX01", "EX02", "MSK-\u0415X03", "МОСКВА01"]
    twice = [f for f in result.findings if f.code == "IMPORT-NAME-LOOKS-TWICE"]
    assert [f.row for f in twice] == [3, 5]
    assert "Cyrillic" in twice[0].message("en") and "U+0415" in twice[0].message("en")
    assert "griechischen" in twice[1].message("de")
    mixed = [f for f in result.findings if f.code == "IMPORT-NAME-MIXED-SCRIPT"]
    assert [f.row for f in mixed] == [6] and mixed[0].column == "A"
