"""Labels of the exports: the ``export`` catalogue (resources/text/<lang>/export.toml)."""

from __future__ import annotations

from planner.core.catalogue import catalogue

__all__ = ["label"]

_SHARED = ("common.", "vocabulary.")


def label(key: str, lang: str, **values: object) -> str:
    """The label ``section.name`` of the exports in ``lang``, with ``{placeholders}`` filled.

    Keys of the shared namespaces are full catalogue keys (``vocabulary.phase.prepare``,
    ``common.yes``); the others are read below ``export.``.
    """
    full = key if key.startswith(_SHARED) else "export." + key
    return catalogue(lang)(full, **values)
