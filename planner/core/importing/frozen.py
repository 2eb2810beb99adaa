"""Make many frozen records fast: an import builds tens of thousands of them.

A frozen dataclass's generated ``__init__`` sets every field through ``object.__setattr__``
(18 calls for a :class:`~planner.core.model.Server`); for 20,000 servers and 10,000
findings that was a tenth of the import. :func:`maker` fills a new instance's ``__dict__``
in two dictionary updates instead. The record is the same (equal, hashable, immutable,
the same ``repr``); a class with ``__post_init__``, slots or default factories, and values
that name an unknown field or lack a required one, go through the class's own constructor.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import MISSING, fields
from itertools import repeat
from typing import Any, TypeVar

__all__ = ["make_many", "maker"]

T = TypeVar("T")


def maker(cls: type[T], trusted: bool = False) -> Callable[[dict[str, Any]], T]:
    """A function that makes a ``cls`` from a dict of field values.

    ``trusted``: the caller only ever passes field names of ``cls`` with every required one
    (the importer's own findings and fields), so the names are not checked per record.
    """
    params = fields(cls)  # type: ignore[arg-type]
    if (hasattr(cls, "__post_init__") or hasattr(cls, "__slots__")
            or any(f.default_factory is not MISSING for f in params)):
        return lambda values: cls(**values)
    defaults = {f.name: f.default for f in params if f.default is not MISSING}
    required = frozenset(f.name for f in params if f.default is MISSING)
    names = frozenset(f.name for f in params)
    new = object.__new__

    def make_trusted(values: dict[str, Any]) -> T:
        record = new(cls)
        state = record.__dict__
        state.update(defaults)
        state.update(values)
        return record

    if trusted:
        return make_trusted

    def make(values: dict[str, Any]) -> T:
        if not (required <= values.keys() and names.issuperset(values)):
            return cls(**values)  # the constructor says what is wrong
        record = new(cls)
        state = record.__dict__
        state.update(defaults)
        state.update(values)
        return record

    return make


def make_many(cls: type[T], values: Sequence[dict[str, Any]]) -> list[T] | None:
    """``[cls(**v) for v in values]`` made in C a column at a time (no Python call per
    record), or None when a record must go through the constructor (see :func:`maker`):
    a ``__post_init__``, slots, default factories, an unknown field or a missing one.

    Each dict becomes its record's own fields (the caller gives them up: they must not change
    afterwards); a field a dict leaves out reads the default, which a dataclass keeps as the
    class's attribute. The record is the same as the constructor's (equal, hashable, the
    same ``repr`` and fields), without a copy of every default per record.
    """
    params = fields(cls)  # type: ignore[arg-type]
    if (hasattr(cls, "__post_init__") or hasattr(cls, "__slots__")
            or any(f.default_factory is not MISSING for f in params)
            or any(getattr(cls, f.name, MISSING) is not f.default for f in params
                   if f.default is not MISSING)):
        return None
    names = frozenset(f.name for f in params)
    required = [f.name for f in params if f.default is MISSING]
    if not names.issuperset(set().union(*values)) or not all(
            all(map(dict.__contains__, values, repeat(name))) for name in required):
        return None
    records = list(map(object.__new__, repeat(cls, len(values))))
    # a frozen class refuses setattr: its instance dict is set as object's own
    deque(map(object.__setattr__, records, repeat("__dict__"), values), maxlen=0)
    return records
