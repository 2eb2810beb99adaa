"""Every relay client, listed or found in the transport logs, gets its own re-point step.

The scanner, the ERP system and the web shop each have an owner who changes the SMTP server
in their own configuration; the consultant does not. So each client is one step, done by
its owner (the inventory's owner column, else the customer), after the new receive
connector exists; the removal of the server it used waits for every one of them. Where the
logs saw the client, the reason says when it was last seen and how much it sends, so the
owner knows it is real and how urgent it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from planner.core.catalogue import catalogue
from planner.core.model import RelayClient
from planner.core.plan import Step
from planner.core.rules.base import Context

__all__ = ["client_detail", "repoint_steps"]

MakeStep = Callable[..., Step]


def _slug(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "-", name).strip("-") or "client"


def client_detail(rc: RelayClient) -> tuple[str, str]:
    """What is known about one client, in English and German."""
    where = rc.connector + (f" ({rc.server})" if rc.server else "") or "?"
    host = f" ({rc.host})" if rc.host and rc.host != rc.name else ""
    en = f"{rc.name}{host} submits through {where}"
    de = f"{rc.name}{host} sendet über {where}"
    if rc.last_seen is not None:
        en_cat, de_cat = catalogue("en"), catalogue("de")
        per_day = rc.messages_per_day if rc.messages_per_day is not None else 0.0
        auth_en = "authenticated" if rc.authenticated else "anonymous relay"
        auth_de = "authentifiziert" if rc.authenticated else "anonymes Relay"
        en += (f"; last seen in the logs {en_cat.date(rc.last_seen)}, about "
               f"{en_cat.number(per_day)} messages a day, {auth_en}")
        de += (f"; zuletzt in den Protokollen am {de_cat.date(rc.last_seen)}, etwa "
               f"{de_cat.number(per_day)} Nachrichten pro Tag, {auth_de}")
    if rc.discovered:
        en += "; found in the transport logs, not in the inventory"
        de += "; in den Transportprotokollen gefunden, nicht im Bestand"
    return en, de


def repoint_steps(ctx: Context, clients: list[RelayClient], prefix: str, new: str,
                  facts: tuple[str, str], make: MakeStep, **extra: Any) -> list[Step]:
    """One customer step per client: change its SMTP server to ``new``.

    ``make(id, kind, target, titles, detail, **kw)`` builds the step in the calling rule's
    words (its reason, phase and fields); ``extra`` passes predecessors and the site through.
    """
    out: list[Step] = []
    used: set[str] = set()
    for rc in clients:
        key = _slug(rc.name)
        while key in used:
            key += "-2"
        used.add(key)
        detail = client_detail(rc)
        source = rc.server or "?"
        out.append(make(
            f"{prefix}:{key}", "relay_repoint", f"relay:{rc.name}",
            (f"Re-point {rc.name} to {new}", f"{rc.name} auf {new} umstellen"),
            (f"{facts[0]}; {detail[0]}", f"{facts[1]}; {detail[1]}"),
            needs_consultant=False, owner=rc.owner,
            duration_days=max(1, ctx.days("relay_repoint")),
            command=(f"{rc.name}{f' ({rc.host})' if rc.host else ''}: SMTP server {source} -> "
                     f"{new} (or the relay name that points there); the new receive "
                     f"connector admits {rc.host or 'its address'}"),
            **extra))
    return out
