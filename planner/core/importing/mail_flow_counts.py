"""Count messages per flow, server and day from message tracking logs.

Each message is counted where it crosses the organisation's edge, so a message is never
counted twice: mail from the internet where it enters (the Edge server, or the Mailbox
server a third-party gateway hands it to), mail to the internet where it leaves, mail to
and from Exchange Online on the server that talks to it over the hybrid connectors, relay
mail on the server whose receive connector took it, and mailbox submissions on their
server. Hops between the organisation's own servers are not flows. Only the columns that
decide this are read; subjects, senders and recipients are never looked at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import itemgetter

from planner.core.importing.log_files import LineCount, data_rows
from planner.core.importing.log_senders import SenderRules
from planner.core.model import MailFlowKind

__all__ = ["TRACKING_COLUMNS", "FlowCounts", "read_tracking_log"]

_COLUMNS = ("client-ip", "client-hostname", "server-ip", "server-hostname", "connector-id",
            "source", "event-id", "directionality")
# the #Fields a tracking log needs to be read at all (directionality is optional: older logs)
TRACKING_COLUMNS = ("date-time", *_COLUMNS[:-1])
Key = tuple[str, MailFlowKind, str]  # server (upper case), flow, ISO day


@dataclass
class FlowCounts:
    """Messages per (server, flow, day), plus lines read and malformed."""

    counts: Counter[Key] = field(default_factory=Counter)
    count: LineCount = field(default_factory=LineCount)


@dataclass
class _Classifier:
    """Who a tracking line's remote end is, cached per distinct host (they repeat a lot)."""

    rules: SenderRules
    exo_connectors: frozenset[str]  # lower-case names of the hybrid send connectors
    cache: dict[tuple[str, str], str] = field(default_factory=dict)

    def remote(self, host: str, ip: str) -> str:
        key = (host, ip)
        kind = self.cache.get(key)
        if kind is None:
            if self.rules.is_exo_host(host, ip):
                kind = "exo"
            elif self.rules.is_exchange_host(host) or ip in self.rules.exchange_ips:
                kind = "exchange"
            else:
                kind = "other"
            self.cache[key] = kind
        return kind


def _short(host: str) -> str:
    return host.split(".", 1)[0].upper()


def _flow(c: _Classifier, values: tuple[str, ...]) -> tuple[str, MailFlowKind] | None:
    """The server that counts this line and its flow, or None for a hop or another event."""
    c_ip, c_host, s_ip, s_host, cid, source, event, direction = values
    if event == "RECEIVE":
        if source == "STOREDRIVER":
            return _short(s_host), MailFlowKind.INTERNAL
        if source != "SMTP":
            return None
        server = cid.split("\\", 1)[0].upper() if "\\" in cid else _short(s_host)
        kind = c.remote(c_host, c_ip)
        if kind == "exchange":
            return None
        if kind == "exo":
            return server, MailFlowKind.FROM_EXO
        if direction == "Incoming":
            return server, MailFlowKind.INBOUND_INTERNET
        return server, MailFlowKind.RELAY
    if event == "SEND" and source == "SMTP":
        kind = c.remote(s_host, s_ip)
        if kind == "exo" or cid.lower() in c.exo_connectors:
            return _short(c_host), MailFlowKind.TO_EXO
        if kind == "other":
            return _short(c_host), MailFlowKind.OUTBOUND_INTERNET
    return None


def read_tracking_log(text: Iterable[str], first: str, fields: tuple[str, ...], into: FlowCounts,
                      rules: SenderRules, exo_connectors: frozenset[str],
                      tick: Callable[[], None]) -> None:
    """Read one tracking log's data lines (``first`` is the line after the header)."""
    col = {name: i for i, name in enumerate(fields)}
    if any(name not in col for name in _COLUMNS[:-1]):
        into.count.malformed += 1  # not enough columns to tell a flow: nothing to read
        return
    # Logs older than directionality read it from event-id, which is never "Incoming".
    pick = itemgetter(*(col[n] for n in _COLUMNS[:-1]),
                      col.get("directionality", col["event-id"]))
    classifier = _Classifier(rules, exo_connectors)
    counts = into.counts
    i_dt = col.get("date-time", 0)  # first as Exchange writes it; by name all the same
    for row in data_rows(first, text, len(fields), tick, into.count, i_dt):
        found = _flow(classifier, pick(row))
        if found is not None:
            counts[(found[0], found[1], row[i_dt][:10])] += 1
