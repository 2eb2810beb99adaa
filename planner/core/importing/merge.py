"""Merge rows from every source into one estate: duplicates combine, conflicts become findings.

The first source that gives a value keeps it (files are merged in the order given, so the
consultant's template beats a raw export); a later, different value is a conflict finding.
Gaps are filled from what other records say: a server's DAG from the DAG's members, sites
and DAGs that servers name but nobody listed, the hybrid flag from the connectors.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import MISSING, dataclass, field, replace
from datetime import date
from itertools import compress
from operator import attrgetter, itemgetter, methodcaller
from typing import Any

from planner.core.importing.computer_names import (
    dags_named_right,
    named_right,
    namespaces_named_right,
    one_fqdn_twice,
)
from planner.core.importing.dag_members import one_dag_each
from planner.core.importing.findings import FieldName, Where, finding, named_findings
from planner.core.importing.frozen import make_many, maker
from planner.core.importing.merge_keys import distinct_rows, plain_names, record_key, short_name
from planner.core.importing.name_scripts import look_alikes
from planner.core.importing.records import Row
from planner.core.importing.relay_rows import one_client_per_address
from planner.core.importing.values import canonical_build
from planner.core.model import (
    Connector,
    ConnectorType,
    Dag,
    Database,
    Estate,
    ExoReport,
    Finding,
    Namespace,
    Organization,
    RelayClient,
    Server,
    Site,
)

__all__ = ["Locations", "merge_rows"]

_SIZE_TOLERANCE = 0.05  # "1,1 TB" and "1100 GB" are the same database


@dataclass
class _Merged:
    entity: str
    values: dict[str, Any]
    where: Where
    sources: dict[str, Where] = field(default_factory=dict)  # field -> first source, if not where
    columns: dict[str, str] = field(default_factory=dict)  # field -> column letter there

    @property
    def place(self) -> tuple[str, str, int | None]:
        """File, sheet and row of the first row (as :attr:`Row.place`)."""
        return self.where.file, self.where.sheet, self.where.row


class Locations:
    """Where each record was first read: "database:db01" -> its row or merged record (its
    place and its columns, field -> letter). The servers' are kept in the order of the
    estate's servers, keyed only when a server is looked up by name."""

    def __init__(self) -> None:
        self.by_key: dict[str, _Merged | Row] = {}
        self.servers: list[_Merged | Row] = []  # one per estate server, in its order
        self._servers_keyed = False

    def get(self, key: str) -> _Merged | Row | None:
        """The record first read under ``key`` ("server:ex01"), None if none."""
        if not self._servers_keyed and key.startswith("server:"):
            self._servers_keyed = True
            _locate(self.by_key, "server", self.servers)
        return self.by_key.get(key)


def _same(field_name: str, a: Any, b: Any) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return {short_name(str(x)) for x in a} == {short_name(str(x)) for x in b}
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return abs(a - b) <= _SIZE_TOLERANCE * max(abs(a), abs(b), 1e-9)
    if field_name == "build":
        ca, cb = canonical_build(str(a)), canonical_build(str(b))
        if ca and cb:
            return ca == cb
    if field_name in ("name", "server", "dag", "witness", "host"):
        return short_name(str(a)) == short_name(str(b))
    return str(a).strip().lower() == str(b).strip().lower()


def _label(row: Row) -> str:
    name = row.values.get("name") or row.values.get("server_fqdn") or ""
    return f"{row.entity}:{name}" if name else row.entity


# Whether a second source's build (the ExSetup version) is more precise than the one kept:
# (kept build, its source, other build, its source).
Precision = Callable[[str, str, str, str], bool]

# How much a build's source shows of the update level (planner.core.builds.BUILD_SOURCES).
_SOURCE_RANK = {"admin_display": 0, "": 1, "inventory": 1, "exsetup": 2, "healthchecker": 2,
                "exo_report": 2}


def _merge_build(target: _Merged, row: Row, more_precise: Precision | None,
                 findings: list[Finding]) -> None:
    """The build and the source it was read from travel together: the same build from a
    more precise source takes that source; a more precise update of the same CU wins."""
    value, source = row.values["build"], str(row.values.get("build_source", ""))
    if "build" not in target.values:
        target.values["build"], target.values["build_source"] = value, source
        target.sources["build"] = row.where
        return
    kept, kept_source = target.values["build"], str(target.values.get("build_source", ""))
    if _same("build", kept, value):
        if _SOURCE_RANK.get(source, 1) > _SOURCE_RANK.get(kept_source, 1):
            target.values["build_source"] = source
        return
    if more_precise is not None and more_precise(str(kept), kept_source, str(value), source):
        findings.append(finding(
            "IMPORT-BUILD-MORE-PRECISE", row.where, column=row.columns.get("build", ""),
            target=_label(row), kept=_show(kept), kept_at=target.sources.get("build", target.where),
            other=_show(value)))
        target.values["build"], target.values["build_source"] = value, source
        target.sources["build"] = row.where
        return
    findings.append(finding(
        "IMPORT-CONFLICT", row.where, column=row.columns.get("build", ""),
        target=_label(row), field=FieldName(row.entity, "build"), kept=_show(kept),
        kept_at=target.sources.get("build", target.where), other=_show(value)))


def _combine(rows: Sequence[Row], more_precise: Precision | None = None,
             ) -> tuple[dict[str, list[_Merged | Row]], list[Finding], bool]:
    """The records (rows, or merged ones where rows name the same), the duplicate and
    conflict findings, and whether every server's name is known to be a plain short name."""
    # most records come from one row: the row itself serves (it has the values, place and
    # columns a record needs) until a second row adds to it
    distinct = distinct_rows(rows)
    if distinct is not None:
        return {kind: list[_Merged | Row](group) for kind, group in distinct[0].items()}, [], \
            distinct[1]
    merged: dict[str, dict[tuple[Any, ...], _Merged | Row]] = {}
    findings: list[Finding] = []
    for row in rows:
        bucket = merged.get(row.entity)
        if bucket is None:
            bucket = merged[row.entity] = {}
        key = record_key(row)
        first = bucket.get(key)
        if first is None:
            bucket[key] = row
            continue
        if isinstance(first, _Merged):
            target = first
        else:
            target = bucket[key] = _Merged(first.entity, dict(first.values), first.where, {},
                                           first.columns)
        if (target.where.file, target.where.sheet) == (row.where.file, row.where.sheet):
            findings.append(finding("IMPORT-DUPLICATE", row.where, target=_label(row)))
        for name, value in row.values.items():
            if name == "build_source":
                continue  # travels with the build
            if name == "build" and row.entity == "server":
                _merge_build(target, row, more_precise, findings)
            elif name not in target.values:
                target.values[name] = value
                target.sources[name] = row.where
            elif not _same(name, target.values[name], value):
                findings.append(finding(
                    "IMPORT-CONFLICT", row.where, column=row.columns.get(name, ""),
                    target=_label(row), field=FieldName(row.entity, name),
                    kept=_show(target.values[name]),
                    kept_at=target.sources.get(name, target.where), other=_show(value)))
    return {k: list(b.values()) for k, b in merged.items()}, findings, False


def _show(value: Any) -> Any:
    """A value as a finding names it: a list as its items, a yes/no or a date as such."""
    if isinstance(value, tuple):
        return "; ".join(map(str, value))
    return value if isinstance(value, bool | date) else str(value)


def merge_rows(rows: Sequence[Row], more_precise: Precision | None = None,
               ) -> tuple[Estate, list[Finding], Locations]:
    """The estate all rows describe, the duplicate/conflict/inference findings, locations.

    Two sources that name different builds of one server keep the first, with a conflict
    finding, unless ``more_precise`` says the second shows the update level the first lacks.
    """
    groups, findings, plain = _combine(rows, more_precise)
    locations = Locations()
    for entity_key, items in groups.items():
        if entity_key == "server":
            locations.servers = items
        else:
            _locate(locations.by_key, entity_key, items)
    get = groups.get
    servers = _servers([m.values for m in get("server", [])], plain)
    servers, records = look_alikes(servers, get("server", []), findings)
    servers = named_right(servers, records, findings)
    findings.extend(one_fqdn_twice(servers))
    dags = [_dag(m.values) for m in get("dag", [])]
    servers, dags, dag_findings = _reconcile_dags(servers, dags, get("server", []))
    servers, dags = dags_named_right(servers, dags, findings)
    findings.extend(dag_findings)
    dag_names = {d.name.lower() for d in dags}
    databases = [_database(m.values, dag_names) for m in get("database", [])]
    connectors = [_connector(m.values) for m in get("connector", [])]
    sites, site_findings = _sites(get("site", []), servers)
    findings.extend(site_findings)
    org, org_findings = _organization(get("organization", []), connectors)
    findings.extend(org_findings)
    estate = Estate(
        organization=org, sites=tuple(sites), servers=tuple(servers), dags=tuple(dags),
        databases=tuple(databases), connectors=tuple(connectors),
        relay_clients=tuple(one_client_per_address(
            [_plain(RelayClient, m.values) for m in get("relay_client", [])],
            get("relay_client", []), findings)),
        namespaces=tuple(namespaces_named_right(
            [_plain(Namespace, m.values) for m in get("namespace", [])],
            get("namespace", []), findings)),
        exo_reports=tuple(_plain(ExoReport, m.values) for m in get("exo_report", [])),
    )
    return estate, findings, locations


def _locate(locations: dict[str, _Merged | Row], entity_key: str,
            items: list[_Merged | Row]) -> None:
    """Each record under "entity:name" (a server's short name), the first one of a name
    kept; a column at a time when every record has a name."""
    values = list(map(attrgetter("values"), items))
    names = list(map(methodcaller("get", "name"), values))
    if not all(names):
        for m, name in zip(items, names, strict=True):
            name = str(name or m.values.get("server_fqdn") or "")
            key = short_name(name) if entity_key == "server" else name.lower()
            locations.setdefault(f"{entity_key}:{key}", m)
        return
    keys: Iterable[str] = map(str, names)
    for step in (str.strip, methodcaller("split", ".", 1), itemgetter(0)) \
            if entity_key == "server" else ():
        keys = map(step, keys)
    prefixed = list(map(f"{entity_key}:".__add__, map(str.lower, keys)))
    # the first record of a name wins: the pairs go in last to first
    fresh = dict(zip(reversed(prefixed), reversed(items), strict=True))
    if locations.keys().isdisjoint(fresh):
        locations.update(fresh)
    else:
        for key, m in fresh.items():
            locations.setdefault(key, m)


_Makers = tuple[frozenset[str], frozenset[str], Callable[[dict[str, Any]], Any],
                Callable[[dict[str, Any]], Any]]
_MAKERS: dict[type, _Makers] = {}


def _plain(cls: Any, values: dict[str, Any]) -> Any:
    known = _MAKERS.get(cls)
    if known is None:
        fields = cls.__dataclass_fields__
        required = frozenset(n for n, f in fields.items() if f.default is MISSING
                             and f.default_factory is MISSING)
        known = _MAKERS[cls] = (frozenset(fields), required, maker(cls),
                                maker(cls, trusted=True))
    names, required, make, trusted = known
    if names.issuperset(values) and required <= values.keys():  # checked once, here
        return trusted(values)
    return make({k: v for k, v in values.items() if k in names})


def _servers(values: list[dict[str, Any]], plain: bool = False) -> list[Server]:
    """:func:`_server` of each, made a column at a time when every name is a plain short
    name (``plain``: known to be) and every field one of a server's."""
    if not plain and plain_names(values) is None:
        return list(map(_server, values))
    made = make_many(Server, values)
    return made if made is not None else list(map(_server, values))


def _server(values: dict[str, Any]) -> Server:
    name = str(values["name"]).strip()
    vals = values if name == values["name"] else {**values, "name": name}
    if "." in name and not name.replace(".", "").isdigit():  # an FQDN, not an address
        vals = {**vals, "name": name.split(".", 1)[0]}
        vals.setdefault("fqdn", name)
    return _plain(Server, vals)  # type: ignore[no-any-return]


def _dag(values: dict[str, Any]) -> Dag:
    return _plain(Dag, values)  # type: ignore[no-any-return]


def _database(values: dict[str, Any], dag_names: set[str]) -> Database:
    vals = dict(values)
    host = str(vals.pop("host", "")).strip()
    if host and host.lower() in dag_names:
        vals.setdefault("dag", host)
    elif host:
        vals.setdefault("server", host)
    return _plain(Database, vals)  # type: ignore[no-any-return]


def _connector(values: dict[str, Any]) -> Connector:
    return _plain(Connector, {**values, "type": ConnectorType(values["type"])})  # type: ignore[no-any-return]


def _reconcile_dags(servers: list[Server], dags: list[Dag], merged: list[_Merged | Row]
                    ) -> tuple[list[Server], list[Dag], list[Finding]]:
    """Members fill servers' DAG field and the other way round; unlisted DAGs are created."""
    findings: list[Finding] = []
    member_of = {short_name(m): d.name for d in dags for m in d.members}
    if member_of:
        servers = [replace(s, dag=member_of[s.name.lower()]) if not s.dag and s.name.lower()
                   in member_of else s for s in servers]
    # a listed DAG, or the name of one only servers name (made at the end, with members)
    by_name: dict[str, Dag | str] = {d.name.lower(): d for d in dags}
    # member lists grow as servers name their DAG; kept as lists + sets so that a large
    # inventory stays linear (a DAG rebuilt per server was quadratic)
    members = {d.name.lower(): list(d.members) for d in dags}
    known = {d.name.lower(): {short_name(m) for m in d.members} for d in dags}
    # the servers that name a DAG, a column at a time
    named = list(map(attrgetter("dag"), servers))
    at = list(compress(range(len(servers)), named))
    keys = list(map(str.lower, compress(named, named)))
    # a DAG nobody listed: made in the order servers first name it, with a finding there
    first = dict(zip(reversed(keys), reversed(at), strict=True))
    unlisted = [(key, servers[first[key]].dag) for key in dict.fromkeys(keys) if key not in known]
    for key, dag in unlisted:
        by_name[key] = dag
        members[key] = []
    findings.extend(named_findings("IMPORT-DAG-UNLISTED", "dag", [
        (*merged[first[key]].place, "", dag) for key, dag in unlisted]))
    names = list(map(attrgetter("name"), compress(servers, named)))
    if known.keys().isdisjoint(keys):
        # only DAGs nobody listed: each server joins its DAG once (merged servers' names
        # differ in more than case), appended in C
        deque(map(list.append, map(members.__getitem__, keys), names), maxlen=0)
    else:
        for key, name in zip(keys, names, strict=True):
            seen = known.setdefault(key, set())
            if name.lower() not in seen:
                seen.add(name.lower())
                members[key].append(name)
    # a created DAG has nothing but its name and members (replace() is slow on thousands)
    created = [{"name": d, "members": tuple(members[k])} for k, d in by_name.items()
               if isinstance(d, str)]
    made = iter(make_many(Dag, created) or list(map(_dag, created)))
    dags_out = [next(made) if isinstance(d, str) else replace(d, members=tuple(members[k]))
                for k, d in by_name.items()]
    # one DAG, one spelling: "dag-muc" beside "DAG-MUC" was a second group of upgrades
    spelled = {d.name.lower(): d.name for d in dags_out}
    if any(spelled[k] != n for k, n in zip(keys, compress(named, named), strict=True)):
        servers = [replace(s, dag=spelled[s.dag.lower()]) if s.dag else s for s in servers]
    dags_out, twice = one_dag_each(servers, dags_out, [m.place for m in merged])
    return servers, dags_out, findings + twice


def _sites(merged: list[_Merged | Row], servers: list[Server]) -> tuple[list[Site], list[Finding]]:
    sites = [_plain(Site, m.values) for m in merged]
    known = {s.name.lower() for s in sites}
    findings: list[Finding] = []
    # each site the servers name, once, in the order they first name it
    for site in dict.fromkeys(filter(None, map(attrgetter("site"), servers))):
        if site.lower() not in known:
            known.add(site.lower())
            sites.append(Site(site))
            findings.append(finding("IMPORT-SITE-UNLISTED", target=f"site:{site}", name=site))
    return sites, findings


def _organization(merged: list[_Merged | Row], connectors: list[Connector]
                  ) -> tuple[Organization, list[Finding]]:
    org: Organization = _plain(Organization, merged[0].values) if merged else Organization()
    if merged and "hybrid" in merged[0].values:
        return org, []
    reasons = [c.name for c in connectors
               if c.type is ConnectorType.EXO_INBOUND or c.cloud_mail_enabled
               or any(a.lower().endswith(".mail.onmicrosoft.com") for a in c.address_spaces)]
    if not reasons:
        return org, []
    return replace(org, hybrid=True), [finding("IMPORT-HYBRID-INFERRED", target="organization",
                                               connectors=sorted(set(reasons))[:3])]
