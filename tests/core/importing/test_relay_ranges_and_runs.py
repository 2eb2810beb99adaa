"""Relay clients from the logs as the inventory names them and as they send (Thames &
Shannon's review): a listed client named by a range is the addresses the logs saw inside it
(one client, its owner), and a job that sent on a few days is its runs, not a daily
average."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from planner.core.importing.log_files import find_logs
from planner.core.importing.relay_discovery import merge_transport_logs
from planner.core.importing.transport_logs import read_transport_logs
from planner.core.model import Connector, ConnectorType, Estate, RelayClient, Server
from planner.core.send_rhythm import runs_of

FIELDS = ("date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,"
          "event,data,context")
CONNECTOR = "Legacy Relay"


def _session(when: datetime, sid: int, client: str, ehlo: str, messages: int) -> list[str]:
    events = [("+", ""), (">", "220 ex13 ready"), ("<", f"EHLO {ehlo}"), (">", "250 ex13")]
    for _ in range(messages):
        events += [("<", "MAIL FROM:<app@example.com>"), (">", "250 2.1.0 Sender OK"),
                   ("<", "RCPT TO:<x@example.com>"), (">", "250 2.1.5 Recipient OK"),
                   ("<", "DATA"), (">", "250 2.6.0 Queued mail for delivery")]
    events += [("<", "QUIT"), ("-", "")]
    return [f"{(when + timedelta(milliseconds=10 * n)).isoformat()}.000Z,EX13\\{CONNECTOR},"
            f"{sid:016X},{n},10.0.0.13:25,{client}:5{n:04d},{e},{data},"
            for n, (e, data) in enumerate(events)]


def _logs(folder: Path, senders: list[tuple[str, str, int, set[int] | None]]) -> Path:
    """Fifteen days of logs of EX13; each sender (address, EHLO, messages a session, days
    of the month it sends, None = every day) sends one session on its days."""
    sid = 1
    for day in range(1, 16):
        lines = []
        for ip, ehlo, messages, days in senders:
            if days is None or day in days:
                sid += 1
                lines += _session(datetime(2026, 11, day, 8, sid % 60), sid, ip, ehlo, messages)
        head = ["#Software: Microsoft Exchange Server", "#Version: 15.0.0.0",
                "#Log-type: SMTP Receive Protocol Log", f"#Date: 2026-11-{day:02d}T00:00:00.000Z",
                f"#Fields: {FIELDS}"]
        (folder / f"RECV202611{day:02d}00-1.LOG").write_text("\r\n".join(head + lines) + "\r\n",
                                                            encoding="utf-8")
    return folder


def _merged(folder: Path, listed: tuple[RelayClient, ...]) -> tuple[Estate, list[str]]:
    estate = Estate(servers=(Server("EX13", roles=("Mailbox",), build="15.0.1497.48"),),
                    connectors=(Connector(CONNECTOR, ConnectorType.RECEIVE, servers=("EX13",),
                                          remote_ip_ranges=("10.20.40.0/24", "10.20.10.40")),),
                    relay_clients=listed)
    sources, _, _ = find_logs([folder])
    merged, findings = merge_transport_logs(estate, read_transport_logs(sources, estate))
    return merged, [f.code for f in findings]


def test_log_addresses_inside_a_listed_range_are_that_client(tmp_path: Path) -> None:
    printers = RelayClient("Zebra label printers", host="10.20.40.0/24", connector=CONNECTOR,
                           server="EX13", owner="Warehouse Systems")
    folder = _logs(tmp_path, [("10.20.40.11", "ZT610-01", 1, None),
                              ("10.20.40.27", "ZT410-02", 1, None),
                              ("10.20.41.50", "MFP-3F", 1, None)])  # outside the range
    estate, codes = _merged(folder, (printers,))
    by_name = {rc.name: rc for rc in estate.relay_clients}
    zebra = by_name["Zebra label printers"]
    assert zebra.owner == "Warehouse Systems" and not zebra.discovered
    assert zebra.addresses == ("10.20.40.11", "10.20.40.27")
    assert zebra.messages == 30 and zebra.last_seen == date(2026, 11, 15)
    assert set(by_name) == {"Zebra label printers", "MFP-3F"}  # only the one outside is new
    assert "LOGS-RELAY-UNSEEN" not in codes and codes.count("LOGS-RELAY-DISCOVERED") == 1


def test_a_job_that_ran_on_one_day_keeps_that_day(tmp_path: Path) -> None:
    folder = _logs(tmp_path, [("10.20.10.40", "payroll01", 264, {12}),
                              ("10.20.40.11", "ZT610-01", 1, None)])
    estate, _ = _merged(folder, ())
    by_name = {rc.name: rc for rc in estate.relay_clients}
    payroll = by_name["payroll01"]
    assert payroll.run_days == (date(2026, 11, 12),) and payroll.messages == 264
    assert by_name["ZT610-01"].run_days == ()  # every day: an average says it


def test_a_range_in_the_customers_shorthand_is_matched_too(tmp_path: Path) -> None:
    scanners = RelayClient("Scanners", host="10.20.40.10-20", connector=CONNECTOR,
                           server="EX13", owner="IT")
    folder = _logs(tmp_path, [("10.20.40.11", "SCAN-01", 1, None),
                              ("10.20.40.21", "SCAN-09", 1, None)])  # past .20: another
    estate, _ = _merged(folder, (scanners,))
    by_name = {rc.name: rc for rc in estate.relay_clients}
    assert by_name["Scanners"].addresses == ("10.20.40.11",)
    assert set(by_name) == {"Scanners", "SCAN-09"}


def test_a_weekly_job_keeps_its_days_and_its_rhythm(tmp_path: Path) -> None:
    """Three Mondays of fifteen days: occasional (at most a quarter of the logged days),
    weekly; a sender on most days is not."""
    folder = _logs(tmp_path, [("10.20.10.40", "report01", 40, {2, 9, 16 - 1}),
                              ("10.20.40.11", "ZT610-01", 1, None),
                              ("10.20.40.12", "ZT610-02", 1, set(range(1, 16)) - {7, 8, 14})])
    estate, _ = _merged(folder, ())
    by_name = {rc.name: rc for rc in estate.relay_clients}
    report = by_name["report01"]
    assert report.run_days == (date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 15))
    assert report.logged_days == 15
    runs = runs_of(report)
    assert runs is not None and (runs.rhythm, runs.count, runs.per_run) == ("weekly", 3, 40)
    assert all(runs_of(by_name[n]) is None for n in ("ZT610-01", "ZT610-02"))
