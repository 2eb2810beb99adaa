"""A send connector with two source servers keeps one of them in service.

Nordwind's connector to Exchange Online had two sources, a 2016 server getting Exchange
Online's baseline update and a 2019 server upgraded in place; the plan put both into the
same Saturday's maintenance window, and on-premises mail to cloud mailboxes queued for the
night. Every step that takes one of the two offline (an update, an upgrade) holds the
connector's sources as a resource, so the scheduler puts the two in different windows. A
connector with three or more sources keeps one in any pair; one with one source has no
other to keep.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from planner.core.model import ConnectorType, Estate
from planner.core.plan import Step

__all__ = ["OFFLINE_KINDS", "SOURCES_PREFIX", "one_source_up"]

# Steps that take their server out of service for the window (drained, ServerWideOffline).
OFFLINE_KINDS = frozenset({"inplace_upgrade", "cu_update", "exo_baseline_su",
                           "hybrid_app_su", "se_latest_update"})
SOURCES_PREFIX = "sources:"  # the resource: "sources:<connector>"


def one_source_up(estate: Estate, steps: Sequence[Step]) -> list[Step]:
    """``steps`` with each offline step of a two-source connector's server holding that
    connector's sources."""
    held: dict[str, list[str]] = {}
    for c in estate.connectors:
        if c.type is not ConnectorType.SEND:
            continue
        found = {s.name.lower(): s.name for ref in c.servers
                 if (s := estate.server(ref)) is not None and not s.is_edge}
        if len(found) == 2:
            for name in found:
                held.setdefault(name, []).append(SOURCES_PREFIX + c.name)
    if not held:
        return list(steps)
    out = []
    for st in steps:
        kind, _, name = st.target.partition(":")
        extra = held.get(name.lower(), []) if kind == "server" and st.kind in OFFLINE_KINDS \
            else []
        out.append(replace(st, resources=(*st.resources, *extra)) if extra else st)
    return out
