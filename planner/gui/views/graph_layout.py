"""Where each node of the estate graph goes: sites as columns, servers in rows, attachments beside.

A plain function (no Qt), so the layout is deterministic and testable: each site is a box;
inside it relay clients sit left of the server or connector they submit to, servers are
stacked in the middle (each DAG framed around its members), connectors sit to the right
(an Edge subscription named after its Edge server is that server's node); namespaces and
Exchange Online sit in a row above the sites.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Box", "GraphLayout", "drawn_as", "layout_graph", "node_name"]

NODE_W, NODE_H = 150.0, 40.0
SLOT_H = 52.0
COL_GAP = 40.0
SITE_PAD = 34.0
DAG_TITLE = 20.0  # the DAG's name above its frame
DAG_PAD = 6.0
DAG_GAP = 14.0
NO_SITE = "(no site)"


@dataclass(frozen=True)
class Box:
    """A rectangle in scene coordinates."""

    x: float
    y: float
    w: float
    h: float

    @property
    def center(self) -> tuple[float, float]:
        """The middle of the box."""
        return (self.x + self.w / 2, self.y + self.h / 2)


@dataclass(frozen=True)
class GraphLayout:
    """Node boxes by node id, and site boxes by site name."""

    nodes: dict[str, Box]
    sites: dict[str, Box]
    dags: dict[str, Box]  # a frame around each DAG's member servers, inside their site


def _kind(graph: Any, node: str) -> str:
    return str(graph.nodes[node].get("kind", ""))


def _server_site(graph: Any, server: str) -> str:
    for _, dst, data in graph.out_edges(server, data=True):
        if data.get("relation") == "in_site":
            return str(dst)
    return NO_SITE


def _same_as_server(graph: Any, node: str) -> bool:
    """An Edge subscription named after its Edge server: the server's node stands for it
    (one node per server)."""
    data = graph.nodes[node]
    return (data.get("kind") == "connector" and data.get("type") == "edge_subscription"
            and f"server:{data.get('label', '')}" in graph)


def node_name(graph: Any, node: str) -> str:
    """What a node is called on screen: its label, else the name in its key ("server:EX09"
    -> "EX09"); the key is a look-up, never a word for people."""
    return str(graph.nodes[node].get("label") or node.partition(":")[2] or node)


def drawn_as(graph: Any, node: str) -> str:
    """The node that stands for ``node`` in the drawing (its Edge server, or itself)."""
    return f"server:{graph.nodes[node].get('label', '')}" if _same_as_server(graph, node) \
        else node


def _attached(graph: Any, server: str) -> tuple[list[str], list[str]]:
    """Connectors of a server, and relay clients that submit to it or to its connectors."""
    connectors = sorted(src for src, _ in graph.in_edges(server)
                        if _kind(graph, src) == "connector" and not _same_as_server(graph, src))
    relays = sorted({src for target in [server, *connectors]
                     for src, _ in graph.in_edges(target) if _kind(graph, src) == "relay"})
    return connectors, relays


def _site_columns(graph: Any) -> dict[str, list[str]]:
    columns: dict[str, list[str]] = {}
    for node in graph.nodes:
        if _kind(graph, node) == "site":
            columns.setdefault(str(node), [])
    for node in graph.nodes:
        if _kind(graph, node) == "server":
            columns.setdefault(_server_site(graph, node), []).append(str(node))
    for servers in columns.values():
        servers.sort(key=lambda s: (str(graph.nodes[s].get("dag", "")) or "~", s.lower()))
    return columns


def _place_site(graph: Any, x0: float, y0: float, servers: list[str],
                placed: dict[str, Box], dags: dict[str, Box]) -> Box:
    y = y0 + SITE_PAD
    relay_x, server_x, conn_x = x0 + 14, x0 + 14 + NODE_W + COL_GAP, \
        x0 + 14 + 2 * (NODE_W + COL_GAP)
    current = ""
    for server in servers:
        dag = str(graph.nodes[server].get("dag", ""))
        if dag != current and current:
            y += DAG_GAP  # the frame of the DAG before ends here
        if dag and dag != current:
            y += DAG_TITLE  # room for the DAG's name above its first member
        current = dag
        connectors, relays = _attached(graph, server)
        connectors = [c for c in connectors if c not in placed]
        relays = [r for r in relays if r not in placed]
        placed[server] = Box(server_x, y, NODE_W, NODE_H)
        for i, node in enumerate(connectors):
            placed[node] = Box(conn_x, y + i * SLOT_H, NODE_W, NODE_H)
        for i, node in enumerate(relays):
            placed[node] = Box(relay_x, y + i * SLOT_H, NODE_W, NODE_H)
        y += max(1, len(connectors), len(relays)) * SLOT_H
        if dag:
            top = dags[dag].y if dag in dags else placed[server].y - DAG_TITLE
            dags[dag] = Box(server_x - DAG_PAD, top, NODE_W + 2 * DAG_PAD,
                            placed[server].y + NODE_H + DAG_PAD - top)
    width = 3 * NODE_W + 2 * COL_GAP + 28
    return Box(x0, y0, width, max(y - y0 + 8, SITE_PAD + SLOT_H))


def _columns_for(widths: list[float], heights: list[float], min_width: float, fixed_h: float,
                 aspect: float) -> int:
    """How many site columns per row let the whole drawing fill a view of ``aspect``
    (width / height) at the largest scale: a wide view takes the sites side by side, a
    narrow one in rows, so no site (and no site's name) is left beyond the edge at Fit.
    ``min_width``: the row above the sites; ``fixed_h``: the height above and below them."""
    best, best_scale = 1, 0.0
    for columns in range(1, len(heights) + 1):
        rows = [heights[i:i + columns] for i in range(0, len(heights), columns)]
        width = max(max(widths) * columns + COL_GAP * (columns - 1), min_width)
        height = fixed_h + sum(max(r) for r in rows) + COL_GAP * (len(rows) - 1)
        scale = min(aspect / width, 1.0 / height)
        if scale > best_scale * 1.01:  # a wider layout only when it is really larger
            best, best_scale = columns, scale
    return best


def layout_graph(graph: Any, aspect: float | None = None) -> GraphLayout:
    """Boxes for the nodes the view draws (sites, servers, connectors, relays, namespaces, EXO).

    ``aspect`` (the view's width / height) wraps the sites into rows that fill such a view;
    without it the sites stand in one row.
    """
    placed: dict[str, Box] = {}
    sites: dict[str, Box] = {}
    dags: dict[str, Box] = {}
    top = 0.0
    extra = sorted((n for n in graph.nodes if _kind(graph, n) in ("namespace", "tenant")),
                   key=lambda n: (_kind(graph, n) != "tenant", str(n).lower()))
    for i, node in enumerate(extra):
        placed[node] = Box(14 + i * (NODE_W + COL_GAP), top, NODE_W, NODE_H)
    y0 = top + (NODE_H + 70 if extra else 0)
    columns = _site_columns(graph)
    order = sorted(columns, key=lambda s: (s == NO_SITE, s.lower()))
    per_row = len(order) or 1
    if aspect is not None and len(order) > 1:
        # a dry run in the same order (a connector or relay goes with the first server that
        # uses it), only to learn each site's size
        dry_placed, dry_dags = dict(placed), dict(dags)
        boxes = [_place_site(graph, 0.0, 0.0, columns[s], dry_placed, dry_dags) for s in order]
        rest = sum(1 for n in graph.nodes if n not in dry_placed
                   and _kind(graph, n) in ("connector", "relay") and not _same_as_server(graph, n))
        below = 40 + -(-rest // 4) * SLOT_H if rest else 0.0
        per_row = _columns_for([b.w for b in boxes], [b.h for b in boxes],
                               14 + len(extra) * (NODE_W + COL_GAP), y0 + below, aspect)
    x, y, row_h = 0.0, y0, 0.0
    for i, site in enumerate(order):
        if i and i % per_row == 0:
            x, y, row_h = 0.0, y + row_h + COL_GAP, 0.0
        box = _place_site(graph, x, y, columns[site], placed, dags)
        sites[site] = box
        x += box.w + COL_GAP
        row_h = max(row_h, box.h)
    leftovers = sorted(n for n in graph.nodes if n not in placed
                       and _kind(graph, n) in ("connector", "relay")
                       and not _same_as_server(graph, n))
    bottom = max((b.y + b.h for b in sites.values()), default=y0)
    right = max((b.x + b.w for b in sites.values()), default=0.0)
    if aspect is not None and leftovers and len(leftovers) * SLOT_H <= bottom - y0 \
            and aspect * (bottom - top) >= right + COL_GAP + NODE_W:
        # room beside the sites (a narrow layout in a wider view): one column there, so the
        # drawing is no taller than the sites
        for i, node in enumerate(leftovers):
            placed[node] = Box(right + COL_GAP, y0 + SITE_PAD + i * SLOT_H, NODE_W, NODE_H)
        return GraphLayout(placed, sites, dags)
    for i, node in enumerate(leftovers):
        placed[node] = Box(14 + (i % 4) * (NODE_W + COL_GAP), bottom + 40 + (i // 4) * SLOT_H,
                           NODE_W, NODE_H)
    return GraphLayout(placed, sites, dags)
