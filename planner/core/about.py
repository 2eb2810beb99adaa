"""What the About dialog and `planner --version` say: version and the bundled libraries."""

from __future__ import annotations

from importlib import metadata

from planner import __version__

__all__ = ["BUNDLED", "app_version", "bundled_licences"]

# The libraries shipped in the desktop bundle with the licence each is distributed under;
# the package metadata is preferred when present, this table is the fallback (bundles strip
# metadata they were not told to keep).
BUNDLED: dict[str, str] = {
    "PySide6-Essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
    "networkx": "BSD-3-Clause",
    "openpyxl": "MIT",
    "XlsxWriter": "BSD-2-Clause",
    "Jinja2": "BSD-3-Clause",
    "MarkupSafe": "BSD-3-Clause",
    "python-calamine": "MIT",
    "ortools": "Apache-2.0",
    "numpy": "BSD-3-Clause",
    "pandas": "BSD-3-Clause",
    "protobuf": "BSD-3-Clause",
    "holidays": "MIT",
    "defusedxml": "PSF-2.0",
}


def app_version() -> str:
    """The installed package's version, else the source tree's."""
    try:
        return metadata.version("exchange-se-planner")
    except metadata.PackageNotFoundError:
        return __version__


def _licence_from_metadata(name: str) -> str:
    meta = metadata.metadata(name)
    expression = str(meta["License-Expression"] or "")
    if expression:
        return expression
    licence = str(meta["License"] or "").strip()
    if licence and len(licence) < 60 and "\n" not in licence:
        return licence
    return ""


def bundled_licences() -> list[tuple[str, str, str]]:
    """(name, version, licence) for each bundled library, sorted by name."""
    rows: list[tuple[str, str, str]] = []
    for name, fallback in sorted(BUNDLED.items(), key=lambda kv: kv[0].lower()):
        try:
            version = metadata.version(name)
            licence = _licence_from_metadata(name) or fallback
        except metadata.PackageNotFoundError:
            version, licence = "", fallback
        rows.append((name, version, licence))
    return rows
