"""Which mail flow to Exchange Online each judged server carries, for the state today.

Exchange Online judges the server that hands it mail, so "EX01 is blocked" means "the mail
EX01 sends to the tenant is rejected". The consultant needs to say which mail that is: the
send connector to Exchange Online the server is a source of (directly, or as the Edge server
carrying it), the hybrid path when no connector in the inventory names it, and how much mail
it is where the transport logs were read ("about 4,200 messages a day").
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.catalogue import catalogue
from planner.core.graph.exo import is_exo_send_connector
from planner.core.mail_flow_volumes import exo_volume
from planner.core.model import ConnectorType, Estate

__all__ = ["FlowToday", "flow_text", "flow_today"]


@dataclass(frozen=True)
class FlowToday:
    """One judged server's mail flow to Exchange Online."""

    server: str
    connectors: tuple[str, ...]  # send connectors to Exchange Online that carry its mail
    hybrid: bool  # the organization is hybrid (the path exists even if no connector names it)
    per_day: int | None  # messages a day to Exchange Online in the transport logs


def flow_today(estate: Estate, server: str) -> FlowToday:
    """The flow ``server`` carries to Exchange Online, from connectors and transport logs."""
    key = server.lower()
    # An Edge server carries a send connector through its Edge subscription's name.
    sources = {key} | {c.name.lower() for c in estate.connectors
                       if c.type is ConnectorType.EDGE_SUBSCRIPTION
                       and key in (s.lower() for s in c.servers)}
    names = tuple(c.name for c in estate.connectors if is_exo_send_connector(c)
                  and sources & {s.lower() for s in c.servers})
    volume = exo_volume(estate, server)
    per_day = round(volume.per_day) if volume is not None and volume.messages else None
    return FlowToday(server, names, estate.organization.hybrid, per_day)


def flow_text(flow: FlowToday, lang: str) -> str:
    """'Outbound to Exchange Online via send connector “Outbound to Office 365”, about 4,200
    messages a day' - or the hybrid path, or only the report's word, when no connector says."""
    cat = catalogue(lang)
    if flow.connectors:
        text = cat.plural("exo.today.flow.via", len(flow.connectors),
                          names=cat.names(cat("exo.today.flow.quoted", name=n)
                                          for n in flow.connectors))
    else:
        text = cat("exo.today.flow.hybrid" if flow.hybrid else "exo.today.flow.unnamed")
    if flow.per_day is None:
        return text
    return cat("exo.today.flow.with_volume", flow=text,
               volume=cat.plural("exo.today.flow.volume", flow.per_day,
                                 number=cat.number(flow.per_day, 0)))
