"""Make many frozen records fast: an import builds tens of thousands of them.

A frozen dataclass's generated ``__init__`` sets every field through ``object.__setattr__``
(18 calls for a :class:`~planner.core.model.Server`); for 20,000 servers and 10,000
findings that was a tenth of the import. :func:`maker` fills a new instance's ``__dict__``
in two dictionary updates instead. The record is the same (equal, hashable, immutable,
the same ``repr``); a class with ``__post_init__``, slots or default factories, and values
that name an unknown field or lack a required one, go through the class's own constructor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, fields
from typing import Any, TypeVar

__all__ = ["maker"]

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
