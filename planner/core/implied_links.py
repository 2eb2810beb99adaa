"""Links a deliverable need not draw: a finish-to-start link that a chain of others implies.

The rules give each step every predecessor it needs on its own terms ("after the AD is
prepared", "after the licence is in place"); on a large estate that is 15 links a step, most
of them implied by the others (2,000 servers: 123,000 links). MS Project and the workbook
show a network a PMO can read when such links are left out; the dates do not change, since
each one left out is implied by the links kept.

A finish-to-start link A → C without lag is implied when C has another finish-to-start
predecessor B with a chain of finish-to-start links (lags of zero or more) from A to B:
C starts after B ends, B after A ends. Links of other types or with a lag always stay.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from planner.core.plan import Step

__all__ = ["implied_links"]


def implied_links(steps: Iterable[Step]) -> Mapping[str, frozenset[str]]:
    """For each step id, the predecessor ids whose link the others imply (empty sets left out).

    >>> from planner.core.plan import Dependency, Phase
    >>> def step(i, *before):
    ...     return Step(i, i, i, "k", Phase.PREPARE, "org", 1, "r", "", "",
    ...                 tuple(Dependency(b) for b in before))
    >>> dict(implied_links([step("a"), step("b", "a"), step("c", "a", "b")]))
    {'c': frozenset({'a'})}
    """
    ordered = list(steps)
    bit = {s.id: 1 << n for n, s in enumerate(ordered)}
    before: dict[str, int] = {}  # each step's finish-to-start ancestors, as a bit set
    result: dict[str, frozenset[str]] = {}
    for step in _by_predecessors(ordered):
        order_links = [d.step_id for d in step.predecessors
                       if d.type.upper() == "FS" and d.lag_days >= 0 and d.step_id in bit]
        through_others = 0
        for pred in order_links:
            through_others |= before.get(pred, 0)
        before[step.id] = through_others | sum(bit[p] for p in set(order_links))
        implied = frozenset(d.step_id for d in step.predecessors
                            if d.type.upper() == "FS" and d.lag_days == 0
                            and d.step_id in bit and bit[d.step_id] & through_others)
        if implied:
            result[step.id] = implied
    return result


def _by_predecessors(steps: list[Step]) -> list[Step]:
    """The steps with each after its predecessors (a cycle's steps last, as given)."""
    by_id = {s.id: s for s in steps}
    waiting = {s.id: sum(1 for d in {d.step_id for d in s.predecessors} if d in by_id)
               for s in steps}
    followers: dict[str, list[str]] = {}
    for s in steps:
        for pred in {d.step_id for d in s.predecessors}:
            if pred in by_id:
                followers.setdefault(pred, []).append(s.id)
    ready = [s.id for s in steps if not waiting[s.id]]
    ordered: list[Step] = []
    while ready:
        current = ready.pop()
        ordered.append(by_id[current])
        for nxt in followers.get(current, ()):
            waiting[nxt] -= 1
            if not waiting[nxt]:
                ready.append(nxt)
    placed = {s.id for s in ordered}
    return ordered + [s for s in steps if s.id not in placed]
