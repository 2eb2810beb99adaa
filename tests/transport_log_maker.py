"""Write realistic Exchange transport logs with known ground truth, for tests and benchmarks.

SMTP Receive protocol logs and message tracking logs as Exchange 2016/2019 write them
(``#Software``/``#Version``/``#Log-type``/``#Date``/``#Fields`` header, ISO times in UTC,
``SERVER\\Connector`` ids, interleaved sessions), for the servers of the mixed sample:
anonymous relay devices, an authenticated submission, a mail gateway, Exchange's own
traffic (Front End to Hub, Edge, other servers), Exchange Online over the hybrid
connectors, a load balancer that hides its clients, a probe that never sends, an SMTP
Send log that must be ignored, malformed lines, a file with a UTF-8 BOM and logs under
names that say nothing. :class:`Truth` holds what the reader must find.

Run ``python tests/transport_log_maker.py OUT [days] [scale]`` to write a set by hand.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

__all__ = ["SECRETS", "SERVERS", "ClientTruth", "Truth", "write_logs"]

SOFTWARE = "#Software: Microsoft Exchange Server"
RECV_FIELDS = ("date-time,connector-id,session-id,sequence-number,local-endpoint,"
               "remote-endpoint,event,data,context")
TRACK_FIELDS = ("date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,"
                "connector-id,source,event-id,internal-message-id,message-id,"
                "network-message-id,recipient-address,recipient-status,total-bytes,"
                "recipient-count,related-recipient-address,reference,message-subject,"
                "sender-address,return-path,message-info,directionality,tenant-id,"
                "original-client-ip,original-server-ip,custom-data,transport-traffic-type,"
                "log-id,schema-version")
# Exchange 2013 wrote fewer tracking fields; the reader must go by name, not position.
OLD_TRACK_FIELDS = ("date-time,client-ip,client-hostname,server-ip,server-hostname,"
                    "source-context,connector-id,source,event-id,internal-message-id,"
                    "message-id,recipient-address,recipient-status,total-bytes,"
                    "recipient-count,related-recipient-address,reference,message-subject,"
                    "sender-address,return-path,message-info,directionality,tenant-id,"
                    "original-client-ip,original-server-ip,custom-data")

SERVERS = {  # name: (ip, fqdn)
    "BER-EX19-01": ("10.10.0.11", "ber-ex19-01.contoso.local"),
    "BER-EX16-01": ("10.10.0.12", "ber-ex16-01.contoso.local"),
    "BER-EX16-02": ("10.10.0.13", "ber-ex16-02.contoso.local"),
    "MUC-EX19-01": ("10.20.0.11", "muc-ex19-01.contoso.local"),
    "BER-EDGE01": ("10.10.9.5", "ber-edge01.dmz.contoso.de"),
}
# Subjects and recipients written into the logs; no output may ever contain them.
SECRETS = ("Gehaltsabrechnung Mueller vertraulich", "Kuendigung Projekt Falke",
           "anna.schmidt@contoso.de", "vorstand.privat@contoso.de",
           "einkauf@fabrikam.example")
EXO_HOST = "contoso-de.mail.protection.outlook.com"
EXO_IP = "52.101.68.4"


@dataclass(frozen=True)
class Sender:
    """A remote host that opens SMTP sessions to one receive connector."""

    server: str
    connector: str
    ip: str
    ehlo: str
    kind: str  # client, exchange, exo, loadbalancer, probe
    sessions_per_day: int
    messages_per_session: int = 1
    auth: bool = False
    tls: bool = False
    port: int = 25
    directionality: str = "Originating"
    ehlo_names: tuple[str, ...] = ()  # a load balancer passes on several clients' names


@dataclass
class ClientTruth:
    """What the reader must report for one relay client on one connector."""

    ehlo: str
    first: date
    last: date
    sessions: int = 0
    messages: int = 0
    authenticated: bool = False
    tls: bool = False


@dataclass
class Truth:
    """Everything the generator put into the logs that the reader has to find."""

    relay: dict[tuple[str, str, str], ClientTruth] = field(default_factory=dict)
    flows: Counter[tuple[str, str, date]] = field(default_factory=Counter)
    malformed: int = 0
    lines: int = 0
    files: list[Path] = field(default_factory=list)
    loadbalanced: set[tuple[str, str]] = field(default_factory=set)  # (server, connector)


def senders(scale: int = 1) -> list[Sender]:
    """The remote hosts of the default scenario (volumes per day times ``scale``)."""
    return [
        Sender("BER-EX19-01", "Relay Anonymous", "10.10.3.50", "SCAN-3OG", "client", 6 * scale),
        Sender("BER-EX19-01", "Relay Anonymous", "10.10.3.61", "KM-C458.contoso.local",
               "client", 3 * scale),
        Sender("BER-EX19-01", "Relay Anonymous", "10.10.3.80", "webshop01.contoso.local",
               "client", 12 * scale, 2, tls=True),
        Sender("BER-EX16-01", "Relay Anonymous", "10.10.1.20", "sap-erp01.contoso.local",
               "client", 10 * scale, 5, tls=True),
        Sender("BER-EX16-02", "Client Frontend BER-EX16-02", "10.10.7.21",
               "crm-app01.contoso.local", "client", 5 * scale, 3, auth=True, tls=True,
               port=587),
        Sender("BER-EX16-01", "Default Frontend BER-EX16-01", "10.10.1.30",
               "veeam01.contoso.local", "client", 2 * scale),
        Sender("MUC-EX19-01", "Default Frontend MUC-EX19-01", "10.20.9.20",
               "mailgw01.contoso.de", "client", 15 * scale, 3, tls=True,
               directionality="Incoming"),
        Sender("MUC-EX19-01", "Relay MUC", "10.20.0.5", "", "loadbalancer", 9 * scale,
               ehlo_names=("backup01.contoso.local", "nas02", "[10.20.1.77]")),
        Sender("BER-EX19-01", "Default Frontend BER-EX19-01", "10.10.8.8", "nagios01", "probe",
               4 * scale),
        Sender("BER-EX19-01", "Default Frontend BER-EX19-01", "10.10.9.5",
               "ber-edge01.dmz.contoso.de", "exchange", 20 * scale, 2, auth=True, tls=True,
               directionality="Incoming"),
        Sender("BER-EX19-01", "Default BER-EX19-01", "10.10.0.12", "ber-ex16-01.contoso.local",
               "exchange", 8 * scale, 3, auth=True, tls=True, port=2525),
        Sender("BER-EX19-01", "Default Frontend BER-EX19-01", "40.107.22.45",
               "EUR05-DB8-obe.outbound.protection.outlook.com", "exo", 14 * scale, 2, tls=True,
               directionality="Incoming"),
    ]


class _Writer:
    """Lines of one log file, sorted by time when written (sessions interleave)."""

    def __init__(self, path: Path, log_type: str, fields: str, when: datetime,
                 bom: bool = False, version: str = "15.0.0.0") -> None:
        self.path, self.bom = path, bom
        self.header = [SOFTWARE, f"#Version: {version}", f"#Log-type: {log_type}",
                       f"#Date: {_iso(when)}", f"#Fields: {fields}"]
        self.lines: list[tuple[datetime, int, str]] = []

    def add(self, when: datetime, line: str) -> None:
        self.lines.append((when, len(self.lines), line))

    def write(self) -> int:
        self.lines.sort()
        text = "\r\n".join([*self.header, *(line for _, _, line in self.lines)]) + "\r\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(("\ufeff" if self.bom else "").encode() + text.encode("utf-8"))
        return len(self.lines)


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def _csv(value: str) -> str:
    return f'"{value}"' if ("," in value or '"' in value) else value


class _Scenario:
    """Writes the sessions and tracking events of one day and keeps the truth."""

    def __init__(self, rng: random.Random, truth: Truth) -> None:
        self.rng, self.truth = rng, truth
        self.session = 0x08DCF00000000000
        self.msg = 0

    def session_lines(self, s: Sender, start: datetime, ehlo: str) -> list[tuple[datetime, str]]:
        """One SMTP session from connect to disconnect, as protocol log lines."""
        self.session += 1
        sid, local_ip = f"{self.session:016X}", SERVERS[s.server][0]
        local, remote = f"{local_ip}:{s.port}", f"{s.ip}:{self.rng.randint(1025, 65000)}"
        cid, fqdn = f"{s.server}\\{s.connector}", SERVERS[s.server][1]
        events: list[tuple[str, str, str]] = [
            ("+", "", ""),
            ("*", "SMTPSubmit SMTPAcceptAnySender SMTPAcceptAuthoritativeDomainSender "
                  "AcceptRoutingHeaders", "Set Session Permissions"),
            (">", f"220 {fqdn} Microsoft ESMTP MAIL Service ready at "
                  f"{start.strftime('%a, %d %b %Y %H:%M:%S')} +0000", ""),
            ("<", f"EHLO {ehlo}", ""),
            (">", f"250-{fqdn} Hello [{s.ip}]", ""),
        ]
        if s.tls:
            verb = "X-ANONYMOUSTLS" if s.kind == "exchange" else "STARTTLS"
            events += [("<", verb, ""), (">", "220 2.0.0 SMTP server ready", ""),
                       ("*", "", "Sending certificate"),
                       ("*", "CN=mail.contoso.de", "Certificate subject"),
                       ("*", "", "TLS protocol SP_PROT_TLS1_2_SERVER negotiation succeeded"),
                       ("<", f"EHLO {ehlo}", "")]
        if s.auth:
            verb = "X-EXPS GSSAPI" if s.kind == "exchange" else "AUTH LOGIN"
            events += [("<", verb, ""), (">", "235 2.7.0 Authentication successful", "")]
        if s.kind != "probe":
            for _ in range(s.messages_per_session):
                events += self._message_events(s)
        events += [("<", "QUIT", ""), (">", "221 2.0.0 Closing connection.", ""),
                   ("-", "", "Local")]
        out = []
        for seq, (ev, data, ctx) in enumerate(events):
            when = start + timedelta(milliseconds=37 * seq)
            out.append((when, f"{_iso(when)},{_csv(cid)},{sid},{seq},{local},{remote},{ev},"
                              f"{_csv(data)},{_csv(ctx)}"))
        return out

    def _message_events(self, s: Sender) -> list[tuple[str, str, str]]:
        self.msg += 1
        rcpt = self.rng.choice(SECRETS[2:])
        return [("<", f"MAIL FROM:<noreply@contoso.de> SIZE={self.rng.randint(900, 90000)}", ""),
                ("*", f"{self.msg:08X};{self.msg};1", "receiving message"),
                (">", "250 2.1.0 Sender OK", ""), ("<", f"RCPT TO:<{rcpt}>", ""),
                (">", "250 2.1.5 Recipient OK", ""), ("<", "DATA", ""),
                (">", "354 Start mail input; end with <CRLF>.<CRLF>", ""),
                (">", f"250 2.6.0 <{self.msg}@contoso.de> [InternalId={self.msg}, "
                      f"Hostname={SERVERS[s.server][1]}] Queued mail for delivery", "")]

    def tracking_line(self, when: datetime, *, client: tuple[str, str], server: tuple[str, str],
                      connector: str, source: str, event: str, direction: str,
                      old: bool = False) -> str:
        """One message tracking line with a subject and recipients the reader must not keep."""
        self.msg += 1
        subject, rcpt = self.rng.choice(SECRETS[:2]), self.rng.choice(SECRETS[2:])
        mid = f"<{self.msg:x}.{self.rng.randint(1, 10**9)}@contoso.de>"
        values = {
            "date-time": _iso(when), "client-ip": client[0], "client-hostname": client[1],
            "server-ip": server[0], "server-hostname": server[1], "source-context": "",
            "connector-id": connector, "source": source, "event-id": event,
            "internal-message-id": str(self.msg), "message-id": mid,
            "network-message-id": f"{self.rng.getrandbits(64):016x}", "recipient-address":
            f"{rcpt};ceo@contoso.de", "recipient-status": "250 2.1.5 Recipient OK",
            "total-bytes": str(self.rng.randint(900, 90000)), "recipient-count": "2",
            "related-recipient-address": "", "reference": "", "message-subject": subject,
            "sender-address": "noreply@contoso.de", "return-path": "noreply@contoso.de",
            "message-info": "", "directionality": direction, "tenant-id": "",
            "original-client-ip": client[0], "original-server-ip": "", "custom-data":
            "S:DeliveryPriority=Normal;S:AccountForest=contoso.local",
            "transport-traffic-type": "Email", "log-id": "", "schema-version": "15.02.1748.039",
        }
        names = (OLD_TRACK_FIELDS if old else TRACK_FIELDS).split(",")
        return ",".join(_csv(values[n]) for n in names)


def _day_sessions(sc: _Scenario, day: date, scale: int, recv: dict[str, _Writer]) -> None:
    truth = sc.truth
    for s in senders(scale):
        for n in range(s.sessions_per_day):
            start = datetime(day.year, day.month, day.day, 6) + timedelta(
                seconds=sc.rng.randint(0, 14 * 3600), milliseconds=n)
            names = s.ehlo_names or (s.ehlo,)
            ehlo = names[n % len(names)]
            recv[s.server].lines.extend(
                (w, i, line) for i, (w, line) in enumerate(sc.session_lines(s, start, ehlo)))
            if s.kind == "loadbalancer":
                truth.loadbalanced.add((s.server, s.connector))
            if s.kind != "client":
                continue
            key = (s.server, s.connector, s.ip)
            ct = truth.relay.setdefault(key, ClientTruth(s.ehlo, day, day))
            ct.first, ct.last = min(ct.first, day), max(ct.last, day)
            ct.sessions += 1
            ct.messages += s.messages_per_session
            ct.authenticated |= s.auth
            ct.tls |= s.tls


def _day_tracking(sc: _Scenario, day: date, scale: int, track: dict[str, _Writer]) -> None:
    """Tracking events per flow; each counted where it crosses the organisation's edge."""
    truth, rng = sc.truth, sc.rng

    def at() -> datetime:
        return datetime(day.year, day.month, day.day) + timedelta(seconds=rng.randint(0, 86399))

    def emit(log: str, flow: str | None, count: int, **kw: Any) -> None:
        for _ in range(count):
            when = at()
            track[log].add(when, sc.tracking_line(when, old=log == "BER-EX16-01", **kw))
        if flow:
            truth.flows[(log, flow, day)] += count

    def srv(name: str) -> tuple[str, str]:
        return SERVERS[name][0], SERVERS[name][1].upper()

    edge, ber, b16, muc = (srv(n) for n in ("BER-EDGE01", "BER-EX19-01", "BER-EX16-01",
                                             "MUC-EX19-01"))
    internet = ("203.0.113.7", "mail.adatum.example")
    emit("BER-EDGE01", "inbound_internet", 30 * scale, client=internet, server=edge,
         connector="BER-EDGE01\\Default internal receive connector BER-EDGE01",
         source="SMTP", event="RECEIVE", direction="Incoming")
    emit("BER-EDGE01", "outbound_internet", 18 * scale, client=edge, server=internet,
         connector="EdgeSync - Berlin to Internet", source="SMTP", event="SEND",
         direction="Originating")
    emit("BER-EX19-01", None, 30 * scale, client=edge, server=ber,  # Edge hands inbound on
         connector="BER-EX19-01\\Default Frontend BER-EX19-01", source="SMTP",
         event="RECEIVE", direction="Incoming")
    emit("BER-EX19-01", "from_exo", 25 * scale,
         client=("40.107.22.45", "EUR05-DB8-obe.outbound.protection.outlook.com"), server=ber,
         connector="BER-EX19-01\\Default Frontend BER-EX19-01", source="SMTP",
         event="RECEIVE", direction="Incoming")
    for name, host, n in (("BER-EX19-01", ber, 40), ("BER-EX16-01", b16, 65)):
        emit(name, "to_exo", n * scale, client=host, server=(EXO_IP, EXO_HOST),
             connector="Outbound to Office 365 - 6f1c2a9d", source="SMTP", event="SEND",
             direction="Originating")
        emit(name, "internal", 22 * scale, client=host, server=host, connector="",
             source="STOREDRIVER", event="RECEIVE", direction="Originating")
        emit(name, None, 22 * scale, client=host, server=host, connector="",
             source="STOREDRIVER", event="DELIVER", direction="Originating")
    emit("BER-EX19-01", None, 12 * scale, client=ber, server=b16,  # an internal hop
         connector="Intra-Organization SMTP Send Connector", source="SMTP", event="SEND",
         direction="Originating")
    emit("BER-EX19-01", "relay", 11 * scale, client=("10.10.3.50", "SCAN-3OG"), server=ber,
         connector="BER-EX19-01\\Relay Anonymous", source="SMTP", event="RECEIVE",
         direction="Originating")
    emit("MUC-EX19-01", "inbound_internet", 45 * scale,
         client=("10.20.9.20", "mailgw01.contoso.de"), server=muc,
         connector="MUC-EX19-01\\Default Frontend MUC-EX19-01", source="SMTP",
         event="RECEIVE", direction="Incoming")


def _malformed(w: _Writer, when: datetime, rng: random.Random, truth: Truth) -> None:
    bad = ["this line is not a log line at all",
           f"{_iso(when)},only,four,fields",
           "2026-13-45 not a time,BER-EX19-01\\Relay Anonymous,08DC,0,a,b,<,EHLO x,",
           f'{_iso(when)},"unterminated quote,x,0,1.2.3.4:25,5.6.7.8:1,<,DATA,']
    for line in rng.sample(bad, 2):
        w.add(when, line)
        truth.malformed += 1


def write_logs(folder: Path, days: int = 3, scale: int = 1, seed: int = 7,
               start: date = date(2026, 11, 2)) -> Truth:
    """Write one day's logs per server and log type under ``folder``; returns the truth."""
    rng, truth = random.Random(seed), Truth()
    sc = _Scenario(rng, truth)
    for d in range(days):
        day = start + timedelta(days=d)
        stamp, midnight = day.strftime("%Y%m%d"), datetime(day.year, day.month, day.day)
        recv = {name: _Writer(
            folder / name / "FrontEnd" / "ProtocolLog" / "SmtpReceive" / f"RECV{stamp}00-1.LOG",
            "SMTP Receive Protocol Log", RECV_FIELDS, midnight, bom=name == "MUC-EX19-01")
            for name in SERVERS if name != "BER-EDGE01"}
        # A copy renamed by the customer: the header says what it is, not the name.
        recv["BER-EX16-01"].path = folder / "BER-EX16-01" / f"export-{d + 1}.txt"
        track = {name: _Writer(folder / name / "MessageTracking" / f"MSGTRK{stamp}00-1.LOG",
                               "Message Tracking Log", OLD_TRACK_FIELDS if name == "BER-EX16-01"
                               else TRACK_FIELDS, midnight, version="15.02.1748.039")
                 for name in SERVERS}
        _day_sessions(sc, day, scale, recv)
        _day_tracking(sc, day, scale, track)
        _malformed(recv["BER-EX19-01"], midnight + timedelta(hours=9), rng, truth)
        _malformed(track["MUC-EX19-01"], midnight + timedelta(hours=9), rng, truth)
        for w in (*recv.values(), *track.values()):
            truth.lines += w.write()
            truth.files.append(w.path)
        send = _Writer(folder / "BER-EX19-01" / "SmtpSend" / f"SEND{stamp}00-1.LOG",
                       "SMTP Send Protocol Log", RECV_FIELDS, midnight)
        send.add(midnight, f"{_iso(midnight)},Outbound to Office 365,08DC01,0,10.10.0.11:1234,"
                           f"{EXO_IP}:25,+,,")
        send.write()
    (folder / "README.txt").write_text("Logs copied from the servers on 5 Nov 2026.\n")
    return truth


if __name__ == "__main__":
    out = Path(sys.argv[1])
    t = write_logs(out, int(sys.argv[2]) if len(sys.argv) > 2 else 3,
                   int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    print(f"{len(t.files)} files, {t.lines} lines, {len(t.relay)} relay clients -> {out}")
