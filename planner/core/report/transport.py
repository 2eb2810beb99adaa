"""The report's section on relay clients and mail flows (present when there is anything)."""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.catalogue import catalogue
from planner.core.plan import Plan
from planner.core.report.table import Row, Table
from planner.core.transport_listing import (
    exo_sentences,
    flow_listing,
    lead_text,
    relay_listing,
)

__all__ = ["TransportSection", "transport_section"]


@dataclass(frozen=True)
class TransportSection:
    """Heading, lead sentences and the two tables."""

    heading: str
    lead: tuple[str, ...]
    relay: Table
    flows: Table


def transport_section(plan: Plan, lang: str) -> TransportSection | None:
    """The section, or None when there are neither relay clients (listed, found in the logs
    or only admitted by a connector) nor mail flows."""
    estate = plan.estate
    relay = relay_listing(estate, lang, plan.proposal.steps)
    if not relay.rows and not estate.mail_flows:
        return None
    cat = catalogue(lang)
    flows = flow_listing(estate, lang)
    return TransportSection(
        heading=cat("transport.heading"),
        lead=(lead_text(estate, lang), *exo_sentences(plan, lang)),
        relay=Table(relay.head, tuple(Row(r) for r in relay.rows),
                    # not kept on one line: a long EHLO name took the table's width
                    # and left the last columns one letter wide; an address stays whole
                    # anyway (Qt breaks a host name at its dots, never inside a number)
                    # a date is never broken (it read "11.11.202 / 6" at 9 %)
                    (18, 12, 13, 13, 9, 11, 10, 14), title=cat("transport.relay_title"),
                    nowrap=(5,)),
        flows=Table(flows.head, tuple(Row(r) for r in flows.rows), (20, 38, 12, 15, 15),
                    title=cat("transport.flow_title")))
