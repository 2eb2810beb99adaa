"""The order of steps: an acyclic step graph, waves by topological generation, rule switch-off.

Networkx-style: its own exception for an impossible graph, naming the steps of the cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import networkx as nx

from planner.core.errors import InfeasiblePlanError
from planner.core.explanation import Listed, Message, message
from planner.core.plan import Dependency, Phase, Step

__all__ = ["StepCycleError", "check_acyclic", "drop_steps", "sort_steps", "step_graph", "waves"]

_PHASE_RANK = {p: i for i, p in enumerate(Phase)}
_UNNAMED = message("schedule.order.unnamed_step")


class StepCycleError(InfeasiblePlanError):
    """The proposed steps wait for each other in a circle; ``cycle`` names them (their ids)
    in order, the message (``schedule.order.cycle``) by their titles."""

    def __init__(self, cycle: Sequence[str], titles: Sequence[Message] = ()) -> None:
        self.cycle = tuple(cycle)
        super().__init__(message("schedule.order.cycle", steps=Listed(tuple(titles))))


def step_graph(steps: Iterable[Step]) -> nx.DiGraph:
    """Predecessor -> successor graph of the steps (unknown predecessors are ignored)."""
    g: nx.DiGraph = nx.DiGraph()
    items = list(steps)
    for st in items:
        g.add_node(st.id)
    for st in items:
        for dep in st.predecessors:
            if dep.step_id in g:
                g.add_edge(dep.step_id, st.id)
    return g


def check_acyclic(steps: Sequence[Step], graph: nx.DiGraph | None = None) -> None:
    """Raise :class:`StepCycleError` naming the steps if any of them wait for each other
    (``graph``: their :func:`step_graph`, when it is at hand)."""
    graph = step_graph(steps) if graph is None else graph
    if nx.is_directed_acyclic_graph(graph):  # linear; find_cycle is slow on big DAGs
        return
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return
    ids = [str(edge[0]) for edge in cycle]
    titles = {st.id: st.title_message for st in steps}
    raise StepCycleError(ids, [titles.get(i) or _UNNAMED for i in ids])


def sort_steps(steps: Sequence[Step], graph: nx.DiGraph | None = None) -> tuple[Step, ...]:
    """Steps in a topological order; ties by phase, then the order the rules proposed them
    (``graph``: their :func:`step_graph` when it is at hand: 0.5 s a build on 2,000
    servers)."""
    graph = step_graph(steps) if graph is None else graph
    check_acyclic(steps, graph)
    rank = {st.id: (_PHASE_RANK[st.phase], i) for i, st in enumerate(steps)}
    by_id = {st.id: st for st in steps}
    ordered = nx.lexicographical_topological_sort(graph, key=lambda n: rank[n])
    return tuple(by_id[n] for n in ordered)


def waves(steps: Sequence[Step], graph: nx.DiGraph | None = None,
          ) -> tuple[tuple[str, ...], ...]:
    """Step ids per topological generation: everything in a wave may run once the last is done
    (``graph``: their :func:`step_graph` when it is at hand)."""
    graph = step_graph(steps) if graph is None else graph
    check_acyclic(steps, graph)
    position = {st.id: i for i, st in enumerate(steps)}
    return tuple(tuple(sorted(gen, key=lambda n: position[n]))
                 for gen in nx.topological_generations(graph))


def drop_steps(steps: Sequence[Step], drop: set[str]) -> tuple[Step, ...]:
    """Remove steps; their successors inherit their prerequisites so the order still holds."""
    by_id = {st.id: st for st in steps}

    def resolved(dep: Dependency, seen: frozenset[str]) -> list[Dependency]:
        if dep.step_id not in drop:
            return [dep]
        gone = by_id.get(dep.step_id)
        if gone is None or dep.step_id in seen:
            return []
        return [d for p in gone.predecessors for d in resolved(p, seen | {dep.step_id})]

    kept: list[Step] = []
    for st in steps:
        if st.id in drop:
            continue
        preds = [d for p in st.predecessors for d in resolved(p, frozenset())]
        unique = tuple({d.step_id: d for d in preds}.values())
        kept.append(replace(st, predecessors=unique) if unique != st.predecessors else st)
    return tuple(kept)
