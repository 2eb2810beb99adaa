"""The estate as a dependency graph: what depends on what, and who hands mail to Exchange Online.

``build_graph`` turns an :class:`~planner.core.model.Estate` into a typed networkx graph
(nodes for the organization, tenant, sites, servers, DAGs, databases, connectors, relay
clients and namespaces; edges such as *member_of*, *hosts*, *sends_through*) plus the
findings it met on the way (dangling references, orphans, cycles) and the servers that
Exchange Online judges. ``write_graphml`` saves that graph for inspection in yEd or Gephi.
"""

from __future__ import annotations

from planner.core.graph.estate_graph import EstateGraph, GraphCancelled, build_graph, node_id
from planner.core.graph.exo import is_exo_send_connector, without_repeats
from planner.core.graph.graphml import write_graphml

__all__ = [
    "EstateGraph",
    "GraphCancelled",
    "build_graph",
    "is_exo_send_connector",
    "node_id",
    "without_repeats",
    "write_graphml",
]
