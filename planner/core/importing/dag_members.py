"""A server is a member of one DAG: the inventory that lists it in two is said, and it stays
in the one its own Servers row names (a DAGs sheet that listed a Munich server under the
Berlin DAG too had it in both, silently, and the plan used one of them by chance)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from planner.core.importing.findings import Where, finding
from planner.core.importing.merge_keys import short_name
from planner.core.model import Dag, Finding, Server

__all__ = ["one_dag_each"]


def one_dag_each(servers: Sequence[Server], dags: list[Dag],
                 places: Sequence[tuple[str, str, int | None]]) -> tuple[list[Dag], list[Finding]]:
    """``dags`` with each server a member of one only: the DAG its Servers row names, else
    the first listing it; a finding (at the server's row) for each server listed twice."""
    of: dict[str, list[int]] = {}
    for n, dag in enumerate(dags):
        for member in dag.members:
            of.setdefault(short_name(member), []).append(n)
    twice = {name: where for name, where in of.items() if len(set(where)) > 1}
    if not twice:
        return dags, []
    if len(places) != len(servers):  # a row left out (a name no server can have)
        places = [("", "", None)] * len(servers)
    rows = {s.name.lower(): (s, place) for s, place in zip(servers, places, strict=True)}
    drop: dict[int, set[str]] = {}
    findings: list[Finding] = []
    for name, where in twice.items():
        server, place = rows.get(name, (None, ("", "", None)))
        names = [dags[n].name for n in dict.fromkeys(where)]
        own = server.dag.lower() if server is not None and server.dag else ""
        keep = next((n for n in where if dags[n].name.lower() == own), where[0])
        for n in where:
            if n != keep:
                drop.setdefault(n, set()).add(name)
        findings.append(finding("IMPORT-DAG-MEMBER-TWICE", Where(*place),
                                target=f"server:{server.name if server else name}",
                                name=server.name if server else name, dags=names,
                                kept=dags[keep].name))
    out = [replace(d, members=tuple(m for m in d.members if short_name(m) not in drop[n]))
           if n in drop else d for n, d in enumerate(dags)]
    return out, findings
