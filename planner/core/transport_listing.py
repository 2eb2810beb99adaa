"""Relay clients and mail flows as rows of words, shared by the report, the workbook and the CLI.

One place decides what a reader sees (last seen, messages a day, listed or found in the
logs, the daily volume to Exchange Online of each judged server), so the deliverables agree.
Only the clients' own names and addresses and counts appear here, never mail addresses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.core.catalogue import catalogue
from planner.core.explanation import period
from planner.core.mail_flow_volumes import daily_volumes, exo_volume, shown_rate
from planner.core.model import Estate, RelayClient
from planner.core.plan import Plan, Step
from planner.core.send_rhythm import runs_of

__all__ = ["UNKNOWN_RELAY_TITLES", "Listing", "exo_sentences", "flow_listing", "lead_text",
           "logged_servers",
           "logs_read", "relay_listing", "unknown_relay_rows"]

# The titles of the re-point steps for relay addresses no listed client explains
# (rules.relay_repoint): the listing shows each such address as a client of its own.
UNKNOWN_RELAY_TITLES = ("steps.relay.unknown_title", "steps.relay.unknown_range_title")


@dataclass(frozen=True)
class Listing:
    """Column headings and rows of text."""

    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _t(lang: str, key: str, **fields: object) -> str:
    return catalogue(lang)(f"transport.{key}", **fields)


def logs_read(estate: Estate) -> bool:
    """Whether transport logs went into this estate."""
    return bool(estate.mail_flows) or any(rc.last_seen for rc in estate.relay_clients)


def logged_servers(estate: Estate) -> list[str]:
    """The servers whose transport logs were read (they carry mail flows or saw a client)."""
    names = {f.server.casefold(): f.server for f in estate.mail_flows}
    names.update({rc.server.casefold(): rc.server for rc in estate.relay_clients
                  if rc.server and rc.last_seen})
    return sorted(names.values(), key=str.casefold)


def unknown_relay_rows(steps: Sequence[Step], lang: str) -> tuple[tuple[str, ...], ...]:
    """One row per address or range a custom connector admits and no client explains, as
    the plan's re-point steps name them (a 2013 server's relay moving twice is one row)."""
    cat = catalogue(lang)
    rows: dict[tuple[str, str], tuple[str, ...]] = {}
    for step in steps:
        title = step.title_message
        if title is None or title.key not in UNKNOWN_RELAY_TITLES or step.reason is None:
            continue
        entry, connector = str(title.value("entry")), str(title.value("connector"))
        detail = next((d for d in step.reason.details if d.value("entry") == entry), None)
        servers = detail.value("servers", ()) if detail is not None else ()
        count = int(title.value("count", 1))
        rows.setdefault((entry, connector.casefold()), (
            cat.plural("transport.unknown_client", count, number=cat.number(count, 0)),
            entry, connector + (f" ({', '.join(servers)})" if servers else ""), "–",
            _t(lang, "admitted"), "–", "–", "–"))
    return tuple(rows.values())


def relay_listing(estate: Estate, lang: str, steps: Sequence[Step] = ()) -> Listing:
    """One row per relay client: who, where, whose, and what the logs saw; then the
    addresses only a connector admits (from ``steps``, the plan's re-point steps)."""
    cat, read = catalogue(lang), logs_read(estate)
    logged = {n.casefold() for n in logged_servers(estate)}
    head = tuple(_t(lang, f"col.{k}") for k in ("client", "address", "path", "owner", "source",
                                                "last_seen", "volume", "auth"))
    rows = []
    for rc in sorted(estate.relay_clients, key=lambda r: (-(r.messages or 0), r.name.lower())):
        address = " / ".join(dict.fromkeys(p for p in (rc.host, rc.ehlo) if p)) or "–"
        if rc.addresses:  # a listed range: the addresses the logs saw send from it
            address += " " + _t(lang, "addresses_seen", addresses=cat.names(
                rc.addresses, limit=len(rc.addresses)))
        path = rc.connector + (f" ({rc.server})" if rc.server else "") or "–"
        if rc.reached:  # the server addresses its sessions reached: where it sends today
            path += " " + _t(lang, "reached", addresses=cat.names(rc.reached,
                                                                   limit=len(rc.reached)))
        seen = rc.last_seen is not None
        source = _t(lang, "discovered") if rc.discovered else _t(lang, "listed")
        if read and not seen:  # "not seen" only where that server's logs were read
            source += "; " + (_t(lang, "not_seen") if not rc.server
                              or rc.server.casefold() in logged
                              else _t(lang, "no_logs_of", server=rc.server))
        auth = ("–" if rc.authenticated is None else
                _t(lang, "authenticated") if rc.authenticated else _t(lang, "anonymous"))
        rows.append((rc.name, address, path, rc.owner or "–", source,
                     cat.date(rc.last_seen), _per_day(rc, lang), auth))
    return Listing(head, (*rows, *unknown_relay_rows(steps, lang)))


def _per_day(rc: RelayClient, lang: str) -> str:
    """The messages a day, or for a job that sent on a few days only its runs ("2,640 in one
    run on 26 Nov 2026", "weekly, about 880 a run"): an average would make a monthly run
    daily mail."""
    cat = catalogue(lang)
    runs = runs_of(rc)
    if runs is None:
        return "–" if rc.messages_per_day is None else cat.number(shown_rate(rc.messages_per_day))
    if runs.count == 1:
        return _t(lang, "per_day_run", messages=cat.number(runs.per_run, 0),
                  day=cat.date(runs.last))
    if runs.rhythm:
        return _t(lang, "per_day_rhythm", messages=cat.number(runs.per_run, 0),
                  rhythm=_t(lang, f"rhythm.{runs.rhythm}"))
    return cat.plural("transport.per_day_days", runs.count,
                      messages=cat.number(rc.messages or 0, 0), day=cat.date(runs.last))


def flow_listing(estate: Estate, lang: str) -> Listing:
    """One row per server and flow with its daily average."""
    cat = catalogue(lang)
    head = tuple(_t(lang, f"col.{k}") for k in ("server", "flow", "days", "messages",
                                                "per_day"))
    rows = tuple((v.server, _t(lang, f"flow.{v.flow.value}"), cat.number(v.days, 0),
                  cat.number(v.messages, 0), cat.number(round(v.per_day)))
                 for v in daily_volumes(estate))
    return Listing(head, rows)


def exo_sentences(plan: Plan, lang: str) -> tuple[str, ...]:
    """"About 4,200 messages a day from X to Exchange Online" for every server that sends."""
    judged = {a.name.lower() for a in plan.proposal.servers if a.judged_by_exo}
    out = []
    for server in sorted({f.server for f in plan.estate.mail_flows}):
        volume = exo_volume(plan.estate, server)
        if volume is None or not volume.messages:
            continue
        state = _t(lang, "exo_state_judged" if server.lower() in judged
                   else "exo_state_not_judged")
        out.append(_t(lang, "exo_sentence", count=catalogue(lang).number(round(volume.per_day)),
                      server=server, state=state))
    return tuple(out)


def lead_text(estate: Estate, lang: str) -> str:
    """The sentence above the tables: which days the logs cover, or that none were read."""
    seen = [d for rc in estate.relay_clients for d in (rc.first_seen, rc.last_seen) if d]
    seen += [f.day for f in estate.mail_flows]  # the period the logs cover
    if not seen:
        return _t(lang, "lead_no_logs")
    cat, logged = catalogue(lang), logged_servers(estate)
    text = _t(lang, "lead", period=cat.render(period(min(seen), max(seen))),
              servers=cat.names(logged) or "–")
    known = {n.casefold() for n in logged}
    missing = [s.name for s in estate.servers if s.name.casefold() not in known]
    if logged and missing:  # what the logs cannot have seen is said, not left to be assumed
        text += " " + _t(lang, "lead_missing", servers=cat.names(missing))
    return text
