"""The dependency overview: sites as groups, servers coloured by path, judged servers marked."""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.model import Server
from planner.core.plan import MigrationPath, Plan, ServerAssessment
from planner.core.report.figure import (
    ACCENT,
    FIGURE_WIDTH,
    MAX_FIGURE_HEIGHT,
    MUTED,
    Box,
    Figure,
    Item,
    Label,
    text_width,
)
from planner.core.report.wording import Wording
from planner.core.vocabulary import COLOURS, ENTITIES, PATHS, Entity

__all__ = ["PATH_COLOURS", "estate_figures"]

PATH_COLOURS: dict[str, tuple[str, str]] = {  # (frame, fill)
    code: (t.colour, t.tint) for code, t in PATHS.items()
}
JUDGED = COLOURS["exchange_online"]
NODE_H = 36.0
GAP = 8.0
PAD = 8.0
SITE_HEAD = 18.0
BANNER_H = 26.0
LEGEND_H = 18.0
MAX_NODES_PER_BOX = 20


@dataclass(frozen=True)
class _SiteBox:
    title: str
    servers: tuple[Server, ...]


def _site_boxes(plan: Plan, words: Wording) -> list[_SiteBox]:
    names = [s.name for s in plan.estate.sites]
    for server in plan.estate.servers:
        if server.site and server.site.lower() not in {n.lower() for n in names}:
            names.append(server.site)
    groups = [(n, tuple(s for s in plan.estate.servers if s.site.lower() == n.lower()))
              for n in names]
    orphans = tuple(s for s in plan.estate.servers if not s.site)
    if orphans:
        groups.append((words("no_site"), orphans))
    boxes: list[_SiteBox] = []
    for title, servers in groups:
        for i in range(0, len(servers), MAX_NODES_PER_BOX):
            boxes.append(_SiteBox(title, servers[i:i + MAX_NODES_PER_BOX]))
    return [b for b in boxes if b.servers]


def _node(server: Server, a: ServerAssessment | None, x: float, y: float, w: float,
          words: Wording) -> list[Item]:
    path = a.path if a else MigrationPath.NONE
    frame, fill = PATH_COLOURS[path]
    judged = bool(a and a.judged_by_exo)
    items: list[Item] = [Box(x, y, w, NODE_H, fill, JUDGED if judged else frame,
                             1.6 if judged else 0.6, 3.0)]
    items.append(Label(x + 5, y + 2, w - 10, 11, server.name, 7.2, bold=True))
    # "2016 CU23 Oct25SU": the site box already says Exchange; the DAG must fit beside it.
    release = f"{a.product} {a.release}".strip() if a and a.product else server.build
    extra = " · ".join(p for p in (server.dag, "Edge" if server.is_edge else "") if p)
    line2 = f"{release} · {extra}" if extra else release
    items.append(Label(x + 5, y + 13, w - 10, 10, line2, 6.0, MUTED))
    items.append(Label(x + 5, y + 23, w - 10, 10, words(PATHS[path].short_key), 6.0, frame))
    if judged:
        items.append(Box(x + w - 24, y - 4, 22, 9, JUDGED, radius=2.0))
        items.append(Label(x + w - 24, y - 4, 22, 9, "EXO", 5.5, COLOURS["paper"], True, "center"))
    return items


def _box_height(box: _SiteBox, cols: int) -> float:
    rows = -(-len(box.servers) // cols)
    return SITE_HEAD + rows * (NODE_H + GAP) + PAD - GAP + 4


def _draw_box(box: _SiteBox, x: float, y: float, w: float, cols: int, plan: Plan,
              words: Wording) -> list[Item]:
    assessed = {a.name.lower(): a for a in plan.proposal.servers}
    items: list[Item] = [Box(x, y, w, _box_height(box, cols), COLOURS["panel"], COLOURS["frame"],
                             0.6, 4.0)]
    items.append(Label(x + PAD, y + 2, w - 2 * PAD, SITE_HEAD - 2, box.title, 7.5, ACCENT, True))
    node_w = (w - PAD * (cols + 1)) / cols
    for i, server in enumerate(box.servers):
        nx = x + PAD + (i % cols) * (node_w + PAD)
        ny = y + SITE_HEAD + 4 + (i // cols) * (NODE_H + GAP)
        items += _node(server, assessed.get(server.name.lower()), nx, ny, node_w, words)
    return items


def _banner(plan: Plan, words: Wording) -> list[Item]:
    judged = [a.name for a in plan.proposal.servers if a.judged_by_exo]
    text = words.plural("banner_judged", len(judged), names=words.names(judged, limit=4)) \
        if judged else words("no_judged")
    return [
        Box(0, 0, FIGURE_WIDTH, BANNER_H - 6,
            COLOURS["exchange_online_tint"] if judged else ENTITIES[Entity.DAG].tint,
            JUDGED if judged else COLOURS["frame"], 0.8, 4.0),
        Label(8, 0, 90, BANNER_H - 6, words("exchange_online"), 7.5, JUDGED if judged else MUTED,
              True),
        Label(100, 0, FIGURE_WIDTH - 108, BANNER_H - 6, text,
              6.5 if text_width(text, 6.5) <= FIGURE_WIDTH - 108 else 5.6),
    ]


def _legend(plan: Plan, y: float, words: Wording) -> list[Item]:
    used = [p for p in PATH_COLOURS if any(a.path == p for a in plan.proposal.servers)]
    items: list[Item] = []
    x = 0.0
    for path in used:
        text = words(PATHS[path].label_key)
        frame, fill = PATH_COLOURS[path]
        width = text_width(text, 6.0) + 22
        if x + width > FIGURE_WIDTH:
            x, y = 0.0, y + 12
        items += [Box(x, y + 5, 8, 8, fill, frame), Label(x + 11, y, width - 11, 18, text, 6.0,
                                                          MUTED)]
        x += width
    if any(a.judged_by_exo for a in plan.proposal.servers):
        # The red frame and the "EXO" badge: a server whose mail Exchange Online judges.
        text = words("legend_judged")
        width = text_width(text, 6.0) + 36
        if x + width > FIGURE_WIDTH:
            x, y = 0.0, y + 12
        items += [Box(x, y + 5, 8, 8, COLOURS["paper"], JUDGED, 1.6),
                  Box(x + 11, y + 5, 20, 8, JUDGED, radius=2.0),
                  Label(x + 11, y + 5, 20, 8, "EXO", 5.5, COLOURS["paper"], True, "center"),
                  Label(x + 34, y, width - 34, 18, text, 6.0, MUTED)]
    return items


def estate_figures(plan: Plan, words: Wording) -> tuple[Figure, ...]:
    """The overview, split into several figures when the estate is too large for one page."""
    boxes = _site_boxes(plan, words)
    if not boxes:
        return ()
    per_row = 1 if len(boxes) == 1 else 2
    cols = 4 if per_row == 1 else 2
    w = (FIGURE_WIDTH - GAP * (per_row - 1)) / per_row
    pages: list[list[Item]] = [_banner(plan, words)]
    y = BANNER_H
    for i in range(0, len(boxes), per_row):
        shelf = boxes[i:i + per_row]
        height = max(_box_height(b, cols) for b in shelf)
        if y + height + LEGEND_H > MAX_FIGURE_HEIGHT and y > BANNER_H:
            pages[-1] += _legend(plan, y, words)
            pages.append([])
            y = 6.0  # room for the EXO badge of the first row
        for k, box in enumerate(shelf):
            pages[-1] += _draw_box(box, k * (w + GAP), y, w, cols, plan, words)
        y += height + GAP
    pages[-1] += _legend(plan, y, words)
    heights = [max(_bottom(items) for items in [page]) + 2 for page in pages]
    return tuple(Figure(f"estate-{n}", FIGURE_WIDTH, h, tuple(items))
                 for n, (items, h) in enumerate(zip(pages, heights, strict=True), 1))


def _bottom(items: list[Item]) -> float:
    return max((i.y + i.h for i in items if isinstance(i, Box | Label)), default=0.0)
