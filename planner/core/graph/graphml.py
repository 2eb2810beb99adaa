"""Save the estate graph as GraphML (yEd, Gephi) for inspection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from planner.core.graph.estate_graph import build_graph
from planner.core.knowledge import Knowledge
from planner.core.model import Estate
from planner.core.replace_file import replace_text, xml_legal

__all__ = ["write_graphml"]


def _scalar(value: Any) -> str | float | bool:
    """GraphML wants one scalar type per key: numbers become floats, lists are joined."""
    # characters XML forbids go before networkx writes them as references (&#65534;), which
    # are as ill-formed as the characters themselves
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return xml_legal(value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, tuple | list | set | frozenset):
        return xml_legal(",".join(str(v) for v in value))
    return xml_legal(str(value))


def _attrs(attrs: dict[str, Any]) -> dict[str, str | float | bool]:
    # An unknown value (None) is left out rather than written as a second type.
    return {k: _scalar(v) for k, v in attrs.items() if v is not None}


def write_graphml(estate: Estate, knowledge: Knowledge, path: Path) -> None:
    """Write the estate's dependency graph (nodes typed by ``kind``, edges by ``relation``)."""
    eg = build_graph(estate, knowledge)
    out: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, attrs in eg.graph.nodes(data=True):
        clean = _attrs(attrs)
        clean.setdefault("judged_by_exo", False)
        out.add_node(xml_legal(node), **clean)
    for src, dst, key, attrs in eg.graph.edges(keys=True, data=True):
        out.add_edge(xml_legal(src), xml_legal(dst), key=key, **_attrs(attrs))
    text = "\n".join(nx.generate_graphml(out, named_key_ids=True))
    replace_text(path, xml_legal(text) + "\n")
