"""English and German labels of the exports, read from resources/export/labels.toml."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from planner.core.resources import resource_path

__all__ = ["label"]


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    with resource_path("export", "labels.toml").open("rb") as fh:
        return tomllib.load(fh)


def label(key: str, lang: str, **values: object) -> str:
    """The label ``section.name`` in ``lang`` ("de" or "en"), with ``{placeholders}`` filled."""
    section, _, name = key.partition(".")
    entry = _table()[section][name]
    text = str(entry.get(lang) or entry["en"])
    return text.format(**values) if values else text
