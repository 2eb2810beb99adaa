"""Proposing in rule tests: propose with defaults, ask about the step order and paths."""

from __future__ import annotations

from datetime import date

import networkx as nx

from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate
from planner.core.plan import Proposal
from planner.core.rules import propose
from planner.core.rules.order import step_graph
from planner.core.settings import Decisions, Settings

START = date(2026, 12, 1)


def knowledge() -> Knowledge:
    """The bundled knowledge base."""
    return load_knowledge()


def plan(estate: Estate, decisions: Decisions | None = None,
         settings: Settings | None = None) -> Proposal:
    """Propose with fixed settings so tests never depend on today's date."""
    return propose(estate, settings or Settings(start=START), decisions or Decisions(),
                   knowledge())


def before(p: Proposal, first: str, then: str) -> bool:
    """True when step ``then`` (transitively) waits for step ``first``."""
    g = step_graph(p.steps)
    return first in g and then in g and first in nx.ancestors(g, then)


def ids(p: Proposal, prefix: str = "") -> list[str]:
    """Step ids, optionally only those starting with ``prefix``."""
    return [s.id for s in p.steps if s.id.startswith(prefix)]


def path_of(p: Proposal, server: str) -> str:
    """The migration path the proposal gives one server."""
    return next(a.path.value for a in p.servers if a.name == server)
