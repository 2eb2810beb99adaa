"""What the estate generators write alike: the inventory workbook's server rows, SMTP receive
protocol log sessions and files, and the workbook itself (fixed document dates, so a file
is the same on every run). Each generator keeps its own customer: names, builds, clients.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl

SERVER_COLS = ["Name", "FQDN", "Site", "Roles", "Build", "OS", "DAG", "Virtual", "Mailboxes",
               "MailboxDataGB", "ArbitrationMailboxes", "PublicFolderMailboxes", "DotNet",
               "SendsToEXO", "ExtendedProtection", "Notes"]
RECV_FIELDS = ("date-time,connector-id,session-id,sequence-number,local-endpoint,"
               "remote-endpoint,event,data,context")


def server_row(domain: str, name, site, build, os_, dag=None, mbx=None, gb=None, arb=None,
               pf=None, roles="Mailbox", notes=None, fqdn=None, ep=None, net="4.8.1"):
    """One row of the Servers sheet (SERVER_COLS), its FQDN in ``domain`` unless given."""
    return [name, fqdn or f"{name.lower()}.{domain}", site, roles, build, os_, dag, "yes",
            mbx, gb, arb, pf, net, None, ep, notes]


def stamp(t: datetime) -> str:
    """A protocol log's time stamp: 2026-12-04T08:15:00.015Z."""
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def smtp_session(when: datetime, sid: int, server: str, ip: str, fqdn: str, connector: str,
                 client: str, ehlo: str, msgs: int, sender: str, recipient: str,
                 tls_cert: str = "") -> list[str]:
    """The receive protocol log lines of one SMTP session from ``client`` to ``server``
    (``ip``, ``fqdn``) on ``connector``: EHLO, STARTTLS with ``tls_cert`` if given, ``msgs``
    messages from ``sender`` to ``recipient``, QUIT."""
    ev = [("+", ""),
          (">", f"220 {fqdn} Microsoft ESMTP MAIL Service ready at "
                f"{when:%a, %d %b %Y %H:%M:%S} +0000"),
          ("<", f"EHLO {ehlo}"), (">", f"250-{fqdn} Hello [{client}]")]
    if tls_cert:
        ev += [("<", "STARTTLS"), (">", "220 2.0.0 SMTP server ready"), ("*", tls_cert)]
    for _ in range(msgs):
        ev += [("<", f"MAIL FROM:<{sender}> SIZE=20480"), (">", "250 2.1.0 Sender OK"),
               ("<", f"RCPT TO:<{recipient}>"), (">", "250 2.1.5 Recipient OK"),
               ("<", "DATA"), (">", "354 Start mail input; end with <CRLF>.<CRLF>"),
               (">", "250 2.6.0 Queued mail for delivery")]
    ev += [("<", "QUIT"), (">", "221 2.0.0 Service closing transmission channel"), ("-", "")]
    out = []
    for seq, (e, data) in enumerate(ev):
        t = when + timedelta(milliseconds=15 * seq)
        ctx = "Local" if e == "-" else ""
        if "," in data:
            data = '"' + data.replace('"', '""') + '"'
        out.append(f"{stamp(t)},{server}\\{connector},{sid:016X},{seq},{ip}:25,"
                   f"{client}:{50000 + seq % 9000},{e},{data},{ctx}")
    return out


def write_receive_logs(folder: Path, day: date, logs: dict[str, list[str]],
                       legacy: str) -> None:
    """One day's SMTP receive protocol log per server, where Exchange keeps it (2013, the
    server ``legacy``: no FrontEnd folder)."""
    for server, lines in logs.items():
        lines.sort()
        sub = folder / server / "FrontEnd" / "ProtocolLog" / "SmtpReceive"
        if server == legacy:
            sub = folder / server / "ProtocolLog" / "SmtpReceive"
        sub.mkdir(parents=True, exist_ok=True)
        header = ["#Software: Microsoft Exchange Server", "#Version: 15.0.0.0",
                  "#Log-type: SMTP Receive Protocol Log",
                  f"#Date: {day:%Y-%m-%d}T00:00:00.000Z", f"#Fields: {RECV_FIELDS}"]
        (sub / f"RECV{day:%Y%m%d}00-1.LOG").write_text("\r\n".join(header + lines) + "\r\n",
                                                        encoding="utf-8")


def write_workbook(path: Path, sheets: dict[str, list[list]]) -> None:
    """The inventory workbook, one sheet per entry, with fixed document dates (the file is
    the same on every run)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.created = wb.properties.modified = datetime(2026, 12, 7, 9, 0)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    wb.save(path)


def write_weekday_logs(folder: Path, first: date, days: int, sessions, domain: str,
                       sender: str, recipient: str, sid: int, legacy: str = "",
                       minute_step: int = 7, first_hour: int = 7) -> None:
    """SMTP Receive protocol logs of ``days`` days from ``first``, weekdays only: per day and
    per ``sessions`` row (server, its address, connector, client address, EHLO, sessions a
    day) that many one-message sessions, the n-th at ``first_hour`` + n hours and
    n * ``minute_step`` minutes; session ids count up from ``sid``."""
    for d in range(days):
        day = first + timedelta(days=d)
        if day.weekday() >= 5:
            continue
        logs: dict[str, list[str]] = {}
        for server, ip, connector, client, ehlo, per_day in sessions:
            for n in range(per_day):
                sid += 1
                when = datetime(day.year, day.month, day.day, first_hour + n,
                                (n * minute_step) % 60)
                logs.setdefault(server, []).extend(smtp_session(
                    when, sid, server, ip, f"{server.lower()}.{domain}", connector, client,
                    ehlo, 1, sender, recipient))
        write_receive_logs(folder, day, logs, legacy)
