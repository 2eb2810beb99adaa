"""Fold SMTP Receive protocol log lines into what each remote host did on each connector.

One session is many lines sharing a session id; the reader keeps only the sessions still
open (bounded by the server's concurrent connections) and folds each into a
:class:`RemoteHost` when it ends. Only the verbs are looked at: the EHLO name, whether MAIL
FROM, AUTH, STARTTLS or Exchange's own X-EXPS/X-ANONYMOUSTLS occurred, and how many
messages were queued. The addresses after MAIL FROM and RCPT TO are never kept.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from planner.core.importing.log_files import LineCount, data_rows
from planner.core.typed_values import cell_text

__all__ = ["RECEIVE_COLUMNS", "ReceiveLog", "RemoteHost", "read_receive_log"]

# the #Fields a protocol log needs to be read at all
RECEIVE_COLUMNS = ("date-time", "connector-id", "session-id", "local-endpoint",
                   "remote-endpoint", "event", "data")

_MAX_NAMES = 8  # EHLO names kept per remote address: enough to tell a load balancer
# What EHLO may name (RFC 5321 4.1.1.1): a host name, or an address in brackets. Anyone who
# reaches port 25 chooses the text, and it became the relay client's name in every
# deliverable and in the command block the admin pastes ("EHLO $(calc)", "=HYPERLINK(…)",
# a right-to-left override, 5,000 characters); a client announcing anything else is named
# by its address.
_EHLO_NAME = re.compile(r"(?=.{1,253}$)[^\W_][\w-]{0,62}(?:\.[^\W_][\w-]{0,62})*\.?"
                        r"|\[(?:IPv6:)?[0-9A-Fa-f:.]{2,45}\]")


@dataclass
class RemoteHost:
    """Everything one remote address did on one receive connector, summed over sessions."""

    server: str
    connector: str
    ip: str
    ehlo_names: dict[str, int] = field(default_factory=dict)  # name -> sessions
    first: str = ""  # ISO date-time of the first session
    last: str = ""
    sessions: int = 0
    mail_sessions: int = 0
    messages: int = 0
    authenticated: int = 0  # sessions that authenticated
    tls: int = 0
    exchange_verbs: int = 0  # sessions using X-EXPS / X-ANONYMOUSTLS: Exchange talking
    days: set[str] = field(default_factory=set)  # ISO days of its sessions that sent mail
    # the server's addresses its mail sessions reached (the local endpoint): where the host
    # sends today, as far as a log can tell (not the name in its settings)
    reached: set[str] = field(default_factory=set)

    @property
    def ehlo(self) -> str:
        """The name the host announced most often."""
        return max(self.ehlo_names, key=lambda n: self.ehlo_names[n], default="")


@dataclass
class ReceiveLog:
    """Remote hosts per (server, connector, ip), the servers' own addresses and days seen."""

    hosts: dict[tuple[str, str, str], RemoteHost] = field(default_factory=dict)
    local_ips: dict[str, set[str]] = field(default_factory=dict)  # server -> its addresses
    no_name: set[str] = field(default_factory=set)  # addresses whose EHLO named no host
    days: dict[str, set[str]] = field(default_factory=dict)  # server -> ISO days with sessions
    count: LineCount = field(default_factory=LineCount)


class _Session:
    __slots__ = ("auth", "cid", "ehlo", "exch", "first", "ip", "last", "local", "mail", "msgs",
                 "no_name", "tls")

    def __init__(self, cid: str, local: str, remote: str, when: str) -> None:
        self.cid, self.first, self.last = cid, when, when
        self.local, self.ip = _ip(local), _ip(remote)
        self.ehlo = ""
        self.mail = self.msgs = 0
        self.auth = self.tls = self.exch = self.no_name = False


@lru_cache(maxsize=8192)  # a server's log names a few hundred addresses, a million times
def _ip(endpoint: str) -> str:
    """The remote address in one spelling, so one client is one relay client.

    ``10.1.2.3:25`` -> ``10.1.2.3``; ``[2001:DB8:0::1]:25`` -> ``2001:db8::1``; a dual-stack
    listener's ``[::ffff:10.1.2.3]:25`` -> ``10.1.2.3`` (it counted as a second client);
    a zone (``%12``) is dropped. Text that is no address is kept as it is.
    """
    host = endpoint.rsplit(":", 1)[0] if endpoint.count(":") == 1 or "]" in endpoint \
        else endpoint
    host = host.strip("[]")
    try:
        address = ipaddress.ip_address(host.partition("%")[0])
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def read_receive_log(text: Iterable[str], first: str, fields: tuple[str, ...], into: ReceiveLog,
                     tick: Callable[[], None]) -> None:
    """Read one protocol log's data lines (``first`` is the line after the header)."""
    col = {name: i for i, name in enumerate(fields)}
    try:
        i_cid, i_sid, i_loc, i_rem, i_ev, i_data = (
            col[n] for n in ("connector-id", "session-id", "local-endpoint", "remote-endpoint",
                             "event", "data"))
    except KeyError:
        into.count.malformed += 1  # a header without the fields we need: nothing to read
        return
    open_sessions: dict[str, _Session] = {}
    malformed = 0
    i_dt = col.get("date-time", 0)  # first as Exchange writes it; by name all the same
    for row in data_rows(first, text, len(fields), tick, into.count, i_dt):
        sid = row[i_sid]
        s = open_sessions.get(sid)
        if s is None:
            s = open_sessions[sid] = _Session(row[i_cid], row[i_loc], row[i_rem], row[i_dt])
        ev = row[i_ev]
        if ev == "<":
            _command(s, row[i_data])
        elif ev == ">":
            data = row[i_data]
            if data.startswith("250 2.6.0"):
                s.msgs += 1
            elif data.startswith("235"):
                s.auth = True
        elif ev == "-":
            s.last = row[i_dt]
            _fold(open_sessions.pop(sid), into)
        elif ev != "+" and ev != "*":
            malformed += 1
    for s in open_sessions.values():  # sessions cut off by the end of the file still count
        _fold(s, into)
    into.count.malformed += malformed


def _command(s: _Session, data: str) -> None:
    verb = data[:4].upper()
    if verb in ("EHLO", "HELO"):
        name = data[5:].strip()
        s.ehlo = name if _EHLO_NAME.fullmatch(name) else ""
        s.no_name = s.no_name or bool(name and not s.ehlo)
    elif verb == "MAIL":
        s.mail += 1
    elif verb == "STAR":
        s.tls = True
    elif verb == "X-AN":
        s.tls = s.exch = True
    elif verb == "X-EX":
        s.exch = True


def _fold(s: _Session, into: ReceiveLog) -> None:
    server, _, connector = s.cid.partition("\\")
    connector = cell_text(connector)  # without invisible and right-to-left controls, as read
    into.local_ips.setdefault(server.upper(), set()).add(s.local)
    key = (server.upper(), connector, s.ip)
    host = into.hosts.get(key)
    if host is None:
        host = into.hosts[key] = RemoteHost(server.upper(), connector, s.ip, first=s.first,
                                            last=s.last)
    host.sessions += 1
    if s.no_name:
        into.no_name.add(s.ip)
    if s.ehlo and (s.ehlo in host.ehlo_names or len(host.ehlo_names) < _MAX_NAMES):
        host.ehlo_names[s.ehlo] = host.ehlo_names.get(s.ehlo, 0) + 1
    host.first, host.last = min(host.first, s.first), max(host.last, s.last)
    if s.mail:
        host.mail_sessions += 1
        into.days.setdefault(server.upper(), set()).add(s.first[:10])
        host.days.add(s.first[:10])
        host.reached.add(s.local)
    host.messages += s.msgs
    host.authenticated += s.auth
    host.tls += s.tls
    host.exchange_verbs += s.exch
