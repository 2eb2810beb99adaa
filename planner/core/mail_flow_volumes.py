"""Daily mail volumes per server and flow, from the counts the tracking logs gave.

The report, the workbook and the CLI all say "about 4,200 messages a day from FAB-EX16-01 to
Exchange Online" from here, so the figure is the same everywhere: the messages of the days
the logs cover for that server, divided by those days.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.model import Estate, MailFlowKind

__all__ = ["FlowVolume", "daily_volumes", "exo_volume", "shown_rate"]


def shown_rate(value: float) -> float:
    """A daily figure as precise as people read it: whole from 10 ("54", "11"), one decimal
    below ("8.7", "4"): a review read "11.1" and "8.7" messages a day beside "54"."""
    return float(round(value)) if value >= 10 else round(value, 1)

FLOW_ORDER = tuple(MailFlowKind)


@dataclass(frozen=True)
class FlowVolume:
    """One flow through one server over the days its logs cover."""

    server: str
    flow: MailFlowKind
    days: int  # days with tracking logs from this server
    messages: int

    @property
    def per_day(self) -> float:
        """Messages on an average logged day."""
        return self.messages / self.days if self.days else 0.0


def daily_volumes(estate: Estate) -> tuple[FlowVolume, ...]:
    """Every server's flows, servers by name, flows in the vocabulary's order."""
    days: dict[str, set[object]] = {}
    totals: dict[tuple[str, MailFlowKind], int] = {}
    for f in estate.mail_flows:
        days.setdefault(f.server, set()).add(f.day)
        totals[(f.server, f.flow)] = totals.get((f.server, f.flow), 0) + f.messages
    return tuple(FlowVolume(server, flow, len(days[server]), n)
                 for (server, flow), n in sorted(totals.items(),
                                                 key=lambda kv: (kv[0][0], FLOW_ORDER.index(
                                                     kv[0][1]))))


def exo_volume(estate: Estate, server: str) -> FlowVolume | None:
    """What one server hands to Exchange Online a day, if its logs were read."""
    key = server.lower()
    return next((v for v in daily_volumes(estate)
                 if v.server.lower() == key and v.flow is MailFlowKind.TO_EXO), None)
