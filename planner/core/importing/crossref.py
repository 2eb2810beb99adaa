"""Checks on the merged estate: builds, roles, and names that point at nothing.

Builds are interpreted by :mod:`planner.core.builds` (the knowledge base's build table); an
unparseable or missing build is an error because the migration path depends on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import chain, compress
from operator import attrgetter, not_

from planner.core.builds import BuildParseError, identify
from planner.core.explanation import Message, message
from planner.core.importing.findings import Where, finding, named_findings
from planner.core.importing.merge import Locations
from planner.core.importing.values import canonical_build
from planner.core.knowledge import Knowledge
from planner.core.model import ConnectorType, Estate, Finding, Server

__all__ = ["check_estate"]


def check_estate(estate: Estate, locations: Locations,
                 knowledge: Knowledge | None) -> list[Finding]:
    """Findings about builds, roles and dangling references."""
    out = _server_checks(estate, locations, knowledge)
    out += _reference_checks(estate, locations)
    out += _exo_checks(estate, locations)
    return out


def _at(locations: Locations, key: str, field: str = "") -> tuple[Where, str]:
    record = locations.get(key)
    if record is None:
        return Where(), ""
    return record.where, record.columns.get(field, "")


_NOWHERE: tuple[str, str, int | None] = ("", "", None)  # Where()'s fields


def _server_places(locations: Locations, servers: Sequence[Server]
                   ) -> Callable[[int], tuple[tuple[str, str, int | None], dict[str, str]]]:
    """Where ``servers[n]`` was read (file, sheet, row) and its columns: the record it was
    made from is the n-th (merging gives one server per record, in their order), or looked
    up by name."""
    records = locations.servers
    if len(records) == len(servers):
        return lambda n: (records[n].place, records[n].columns)

    def by_name(n: int) -> tuple[tuple[str, str, int | None], dict[str, str]]:
        record = locations.get(f"server:{servers[n].name.lower()}")
        return (_NOWHERE, {}) if record is None else (record.place, record.columns)
    return by_name


def _server_checks(estate: Estate, locations: Locations,
                   knowledge: Knowledge | None) -> list[Finding]:
    out: list[Finding | None] = []
    servers = estate.servers
    # many servers share one build; its source decides whether a bare CU build is exact
    builds = list(map(attrgetter("build", "build_source"), servers))
    problems = {seen: _build_problem(*seen, knowledge) if seen[0] else None
                for seen in set(builds)}
    bad = {seen for seen, problem in problems.items() if problem is not None}
    # only the servers with something to report are looked at one by one (in their order)
    flagged = set(compress(range(len(servers)), map(not_, map(attrgetter("roles"), servers))))
    noted = {seen for seen in problems if not seen[0] or seen in bad}
    flagged.update(compress(range(len(servers)), map(noted.__contains__, builds)))
    # a build's problem with a reason (the usual one: thousands of servers on one build)
    # is made for all its servers at once, each in its place in the order
    batches: dict[tuple[str, str], tuple[list[int],
                                         list[tuple[str, str, int | None, str, str]]]] = {}
    place_of = _server_places(locations, servers)
    for n in sorted(flagged):
        s = servers[n]
        place, columns = place_of(n)
        if not s.roles:
            out.append(finding("IMPORT-ROLES-MISSING", Where(*place),
                               column=columns.get("roles", ""), target=f"server:{s.name}",
                               name=s.name))
        column = columns.get("build", "")
        if not s.build:
            out.append(finding("IMPORT-BUILD-MISSING", Where(*place), column=column,
                               target=f"server:{s.name}", name=s.name))
            continue
        problem = problems[builds[n]]
        if problem is None:
            continue
        code, why = problem
        if why is None:
            out.append(finding(code, Where(*place), column=column, target=f"server:{s.name}",
                               name=s.name, value=s.build[:60]))
            continue
        slots, places = batches.setdefault(builds[n], ([], []))
        slots.append(len(out))
        out.append(None)
        places.append((*place, column, s.name))
    for seen, (slots, places) in batches.items():
        code, why = problems[seen] or ("", None)
        for slot, made in zip(slots, named_findings(code, "server", places, detail=why),
                              strict=True):
            out[slot] = made
    return [f for f in out if f is not None]


def _build_problem(build: str, source: str,
                   knowledge: Knowledge | None) -> tuple[str, Message | None] | None:
    """(code, why) when the build cannot be used as it is, else None.

    ``source`` is where the build was read: ExSetup, HealthChecker and Exchange Online's
    report give the exact update level even for a CU's own build number.
    """
    older = _older_product(build)
    if older is not None:
        return ("IMPORT-BUILD-TOO-OLD", message("findings.too_old.text", value=build[:60],
                                                product=message(older)))
    if knowledge is None:
        return None if canonical_build(build) else ("IMPORT-BUILD-UNPARSEABLE", None)
    try:
        info = identify(build, knowledge, source)
    except BuildParseError:
        return ("IMPORT-BUILD-UNPARSEABLE", None)
    if info.note is not None:
        return ("IMPORT-BUILD-UNCERTAIN", info.note)
    return None


# Exchange's major versions before 2013 (build 15.0): 2003 is 6.5, 2007 8, 2010 14. The
# supportability matrix lets Exchange 2019 (and so SE) coexist with 2013 and 2016 only.
_OLDER = re.compile(r"(6\.5|8|14)\.\d+\.\d+(?:\.\d+)?")


def _older_product(build: str) -> str | None:
    """The catalogue key naming an Exchange older than 2013 that ``build`` is, or None."""
    match = _OLDER.fullmatch(canonical_build(build) or "")
    if match is None:
        return None
    return "findings.too_old." + {"6.5": "e2003", "8": "e2007", "14": "e2010"}[match.group(1)]


class _ServerIndex:
    """Server lookup by short name or FQDN in O(1) (Estate.server scans the tuple)."""

    def __init__(self, estate: Estate) -> None:
        # names as the servers spell them: a DAG's members mostly are these (one set test)
        self.names = frozenset(map(attrgetter("name"), estate.servers))
        self._servers = estate.servers
        self._keys: set[str] | None = None  # made when a name is not spelled as a server's

    def unknown(self, names: Sequence[str]) -> list[str]:
        """The names that match no server (FQDNs also match by their short name)."""
        if self.names.issuperset(names):
            return []
        if self._keys is None:
            fqdns = filter(None, map(attrgetter("fqdn"), self._servers))
            self._keys = {*map(str.lower, self.names), *map(str.lower, fqdns)}
        keys = self._keys
        return [n for n in names if n and n.strip().lower() not in keys
                and n.strip().lower().split(".", 1)[0] not in keys]


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

    # every DAG's members spelled as servers are (the usual case): one set test for all
    if not index.names.issuperset(chain.from_iterable(map(attrgetter("members"), estate.dags))):
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
