"""Checks on the merged estate: builds, roles, and names that point at nothing.

Builds are interpreted by :mod:`planner.core.builds` (the knowledge base's build table); an
unparseable or missing build is an error because the migration path depends on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import attrgetter, not_

from planner.core.builds import BuildParseError, identify
from planner.core.explanation import Message
from planner.core.importing.findings import Where, finding
from planner.core.importing.merge import Locations
from planner.core.importing.values import canonical_build
from planner.core.knowledge import Knowledge
from planner.core.model import ConnectorType, Estate, Finding

__all__ = ["check_estate"]


def check_estate(estate: Estate, locations: Locations,
                 knowledge: Knowledge | None) -> list[Finding]:
    """Findings about builds, roles and dangling references."""
    out = _server_checks(estate, locations, knowledge)
    out += _reference_checks(estate, locations)
    out += _exo_checks(estate, locations)
    return out


def _at(locations: Locations, key: str, field: str = "") -> tuple[Where, str]:
    where, columns = locations.get(key, (Where(), {}))
    return where, columns.get(field, "")


def _server_checks(estate: Estate, locations: Locations,
                   knowledge: Knowledge | None) -> list[Finding]:
    out: list[Finding] = []
    servers = estate.servers
    # many servers share one build; its source decides whether a bare CU build is exact
    builds = list(map(attrgetter("build", "build_source"), servers))
    problems = {seen: _build_problem(*seen, knowledge) if seen[0] else None
                for seen in set(builds)}
    bad = {seen for seen, problem in problems.items() if problem is not None}
    # only the servers with something to report are looked at one by one (in their order)
    flagged = set(compress(range(len(servers)), map(not_, map(attrgetter("roles"), servers))))
    flagged.update(n for n, seen in enumerate(builds) if not seen[0] or seen in bad)
    for n in sorted(flagged):
        s = servers[n]
        key, target = f"server:{s.name.lower()}", f"server:{s.name}"
        if not s.roles:
            where, column = _at(locations, key, "roles")
            out.append(finding("IMPORT-ROLES-MISSING", where, column=column, target=target,
                               name=s.name))
        where, column = _at(locations, key, "build")
        if not s.build:
            out.append(finding("IMPORT-BUILD-MISSING", where, column=column, target=target,
                               name=s.name))
            continue
        problem = problems[builds[n]]
        if problem is None:
            continue
        code, why = problem
        if why is None:
            out.append(finding(code, where, column=column, target=target, name=s.name,
                               value=s.build[:60]))
        else:
            out.append(finding(code, where, column=column, target=target, name=s.name,
                               detail=why))
    return out


def _build_problem(build: str, source: str,
                   knowledge: Knowledge | None) -> tuple[str, Message | None] | None:
    """(code, why) when the build cannot be used as it is, else None.

    ``source`` is where the build was read: ExSetup, HealthChecker and Exchange Online's
    report give the exact update level even for a CU's own build number.
    """
    if knowledge is None:
        return None if canonical_build(build) else ("IMPORT-BUILD-UNPARSEABLE", None)
    try:
        info = identify(build, knowledge, source)
    except BuildParseError:
        return ("IMPORT-BUILD-UNPARSEABLE", None)
    if info.note is not None:
        return ("IMPORT-BUILD-UNCERTAIN", info.note)
    return None


class _ServerIndex:
    """Server lookup by short name or FQDN in O(1) (Estate.server scans the tuple)."""

    def __init__(self, estate: Estate) -> None:
        # names as the servers spell them: a DAG's members mostly are these (one set test)
        self.names = frozenset(map(attrgetter("name"), estate.servers))
        fqdns = filter(None, map(attrgetter("fqdn"), estate.servers))
        self.keys: set[str] = {*map(str.lower, self.names), *map(str.lower, fqdns)}

    def unknown(self, names: Sequence[str]) -> list[str]:
        """The names that match no server (FQDNs also match by their short name)."""
        if self.names.issuperset(names):
            return []
        return [n for n in names if n and n.strip().lower() not in self.keys
                and n.strip().lower().split(".", 1)[0] not in self.keys]


def _reference_checks(estate: Estate, locations: Locations) -> list[Finding]:
    out: list[Finding] = []
    index = _ServerIndex(estate)

    def report(entity: str, name: str, field: str, missing: Sequence[str],
               code: str = "IMPORT-REF-UNKNOWN-SERVER") -> None:
        if not missing:
            return  # the usual case: no location to look up
        where, column = _at(locations, f"{entity}:{name.lower()}", field)
        for m in missing:
            out.append(finding(code, where, column=column, target=f"{entity}:{name}", name=m))

    for d in estate.dags:
        report("dag", d.name, "members", index.unknown(d.members))
    dag_names = {d.name.lower() for d in estate.dags}
    for db in estate.databases:
        report("database", db.name, "server", index.unknown([db.server]))
        if db.dag and db.dag.lower() not in dag_names:
            report("database", db.name, "dag", [db.dag], "IMPORT-REF-UNKNOWN-DAG")
    for c in estate.connectors:
        if c.type not in (ConnectorType.EXO_INBOUND, ConnectorType.EXO_OUTBOUND):
            report("connector", c.name, "servers", index.unknown(c.servers))
    connector_names = {c.name.lower() for c in estate.connectors}
    for r in estate.relay_clients:
        report("relay_client", r.name, "server", index.unknown([r.server]))
        if r.connector and r.connector.lower() not in connector_names:
            report("relay_client", r.name, "connector", [r.connector],
                   "IMPORT-REF-UNKNOWN-CONNECTOR")
    for ns in estate.namespaces:
        report("namespace", ns.name, "servers", index.unknown(ns.servers))
    return out


def _exo_checks(estate: Estate, locations: Locations) -> list[Finding]:
    out: list[Finding] = []
    for report in estate.exo_reports:
        where, _column = _at(locations, f"exo_report:{report.server_fqdn.lower()}")
        target = f"server:{report.server_fqdn}"
        server = estate.server(report.server_fqdn)
        if server is None:
            out.append(finding("IMPORT-EXO-UNKNOWN-SERVER", where, target=target,
                               name=report.server_fqdn))
            continue
        seen, listed = canonical_build(report.build), canonical_build(server.build)
        if seen and listed and seen != listed:
            out.append(finding("IMPORT-EXO-BUILD-DIFFERS", where, target=f"server:{server.name}",
                               name=server.name, other=report.build, value=server.build))
    return out
