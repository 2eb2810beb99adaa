"""Which SE servers take over from a side-by-side group that gets no new servers of its own.

With ``Decisions.new_servers`` set to 0 (or a server retired by the consultant) the old
servers' mailboxes, namespaces, send connectors and relay clients still have to move before
the decommission. They go to Mailbox servers that run SE by then: servers upgraded in place
or already on SE in the same site first, because clients, relay devices and the load
balancer stay local. The inventory holds no site distances, so without such a server in the
site the Internet-facing sites come first, then the inventory's order; the reason says so
and the consultant confirms. New SE servers of another group are the last resort.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.core.explanation import Message, message
from planner.core.plan import MigrationPath
from planner.core.rules.base import Context, ServerFacts
from planner.core.rules.estate_facts import site_key

__all__ = ["Takeover", "existing_se_in_site", "takeover_for"]

_STAYS = (MigrationPath.IN_PLACE, MigrationPath.CU_THEN_IN_PLACE)


@dataclass(frozen=True)
class Takeover:
    """The servers that take over, the steps after which they run SE, and where they are."""

    names: tuple[str, ...]
    after: tuple[str, ...]  # step ids; the caller keeps those that exist
    site: str
    same_site: bool
    new: bool  # True when they are new SE servers of another group

    def where(self, site: str) -> Message:
        """Where the work goes: the SE servers of the group's own site, or of another site
        the consultant confirms as the nearest."""
        if self.same_site:
            return message("steps.side_by_side.to_site_servers", site=site, names=self.names)
        return message("steps.side_by_side.to_other_site", names=self.names,
                       site=self.site or None, own=site or None)


def _existing(ctx: Context, away: set[str]) -> list[ServerFacts]:
    """Mailbox servers that run SE once the plan's in-place upgrades are done."""
    if "se_in_the_end" not in ctx.memo:  # asked per group: the estate scanned once
        ctx.memo["se_in_the_end"] = tuple(
            s for s in ctx.servers if not s.server.is_edge and not s.excluded
            and (s.path in _STAYS or (s.product == "SE" and s.path is MigrationPath.NONE)))
    return [s for s in ctx.memo["se_in_the_end"] if s.name not in away]


def existing_se_in_site(ctx: Context, site: str, away: Sequence[ServerFacts]) -> list[str]:
    """Names of Mailbox servers in ``site`` that already run SE or become SE in place."""
    if "se_in_the_end_by_site" not in ctx.memo:  # asked per group: indexed once
        by_site: dict[str, list[ServerFacts]] = {}
        for s in _existing(ctx, set()):
            by_site.setdefault(site_key(s.server), []).append(s)
        ctx.memo["se_in_the_end_by_site"] = by_site
    names = {s.name for s in away}
    return [s.name for s in ctx.memo["se_in_the_end_by_site"].get(site.strip().lower(), [])
            if s.name not in names]


def _pick_site(ctx: Context, items: list[ServerFacts], site: str) -> list[ServerFacts]:
    """The servers of the group's own site, else of the first Internet-facing site, else any."""
    same = [s for s in items if site_key(s.server) == site]
    if same or not items:
        return same
    facing = [s for s in items if ctx.internet_facing(s.server)]
    first = (facing or items)[0]
    return [s for s in items if site_key(s.server) == site_key(first.server)]


def _after(s: ServerFacts) -> tuple[str, ...]:
    if s.path in _STAYS:
        return (f"inplace:{s.name}",)
    return (f"su:{s.name}",)  # already SE: only its newest update, when the plan has one


def takeover_for(ctx: Context, old: Sequence[ServerFacts],
                 new_servers: Sequence[tuple[str, str, str]]) -> Takeover | None:
    """Who takes over from ``old``; ``new_servers`` are (name, site, databases step id)."""
    site = site_key(old[0].server)
    existing = _pick_site(ctx, _existing(ctx, {s.name for s in old}), site)
    if existing:
        return Takeover(tuple(s.name for s in existing),
                        tuple(a for s in existing for a in _after(s)),
                        existing[0].server.site, site_key(existing[0].server) == site, False)
    if not new_servers:
        return None
    local = [n for n in new_servers if n[1].strip().lower() == site] or list(new_servers)
    return Takeover(tuple(n[0] for n in local), tuple(dict.fromkeys(n[2] for n in local)),
                    local[0][1], local[0][1].strip().lower() == site, True)
