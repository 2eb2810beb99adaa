"""Which rows name the same record: a row's merge key, and the usual inventory (one row
per record) recognised a column at a time, so that merging need not look at each row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import eq, itemgetter, methodcaller
from typing import Any

from planner.core.importing.records import Row

__all__ = ["distinct_rows", "plain_names", "record_key", "short_name"]


def short_name(name: str) -> str:
    """A server name without its domain, in lower case ("EX01.contoso.com" -> "ex01")."""
    return name.strip().split(".", 1)[0].lower()


def record_key(row: Row) -> tuple[Any, ...]:
    """What two rows that describe the same record share."""
    vals = row.values
    if row.entity == "server":  # most rows: the short name, in one pass
        return (str(vals.get("name", "")).strip().split(".", 1)[0].lower(),)
    name = str(vals.get("name", "")).strip().lower()
    if row.entity == "connector":
        servers = tuple(sorted(short_name(s) for s in vals.get("servers", ())))
        return (vals.get("type"), name, servers if vals.get("type") == "receive" else ())
    if row.entity == "relay_client":
        return (name, str(vals.get("host", "")).lower())
    if row.entity == "exo_report":
        return (str(vals.get("server_fqdn", "")).lower(),)
    if row.entity == "organization":
        return ()
    return (name,)


# a server row's merge key (as record_key gives it), a column at a time
_SERVER_KEYS = (methodcaller("get", "name", ""), str, str.strip, methodcaller("split", ".", 1),
                itemgetter(0), str.lower)


def plain_names(values: Sequence[dict[str, Any]]) -> list[str] | None:
    """Every record's name when each is a text with no spaces around it and no dot (a short
    server name as most inventories write it), else None; decided a column at a time."""
    names = list(map(methodcaller("get", "name"), values))
    if set(map(type, names)) != {str} or "." in "".join(names) \
            or list(map(str.strip, names)) != names:
        return None
    return names


def _server_keys(rows: Sequence[Row]) -> tuple[list[str], bool]:
    """Each server row's merge key (:func:`record_key`'s one part), and whether every name was
    already a plain short name (its own key in lower case)."""
    names = plain_names(list(map(itemgetter(1), rows)))
    if names is not None:
        return list(map(str.lower, names)), True
    keys: Iterable[Any] = map(itemgetter(1), rows)
    for step in _SERVER_KEYS:
        keys = map(step, keys)
    return list(keys), False


def distinct_rows(rows: Sequence[Row]) -> tuple[dict[str, list[Row]], bool] | None:
    """Each entity's rows when no two of them name the same record (the usual inventory:
    one row per server), decided a column at a time, and whether every server's name is a
    plain short name; None when two rows name one record."""
    entities = list(map(itemgetter(0), rows))
    kinds = dict.fromkeys(entities)
    groups: dict[str, list[Row]] = {}
    plain = False
    for kind in kinds:
        group = rows if len(kinds) == 1 else list(compress(rows, map(eq, entities,
                                                                      repeat(kind))))
        keys: list[Any]
        if kind == "server":
            keys, plain = _server_keys(group)
        else:
            keys = list(map(record_key, group))
        if len(set(keys)) < len(group):
            return None
        groups[kind] = list(group)
    return groups, plain
