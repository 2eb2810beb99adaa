"""Bring an import into a project, and say what a newer export changed in the estate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from planner.core.catalogue import catalogue
from planner.core.model import Estate, Finding
from planner.core.project import Project
from planner.core.settings import Settings

__all__ = ["EstateChange", "describe_changes", "estate_changes", "merge_import"]

_ENTITIES = ("sites", "servers", "dags", "databases", "connectors", "relay_clients",
             "namespaces", "exo_reports")


@dataclass(frozen=True)
class EstateChange:
    """One record that a re-import added, removed or changed."""

    kind: str  # "added" | "removed" | "changed"
    entity: str  # the Estate field, e.g. "servers"
    name: str
    fields: tuple[str, ...] = ()  # for "changed": which fields differ


def _label(record: Any) -> str:
    return str(getattr(record, "name", None) or getattr(record, "server_fqdn", ""))


def _key(record: Any) -> str:
    return _label(record).strip().lower()


def _changed_fields(old: Any, new: Any) -> tuple[str, ...]:
    return tuple(f.name for f in fields(old) if getattr(old, f.name) != getattr(new, f.name))


def estate_changes(old: Estate, new: Estate) -> tuple[EstateChange, ...]:
    """Records added, removed or changed from ``old`` to ``new``, matched by name."""
    changes: list[EstateChange] = []
    if old.organization != new.organization:
        changes.append(EstateChange("changed", "organization", new.organization.customer,
                                    _changed_fields(old.organization, new.organization)))
    for entity in _ENTITIES:
        before = {_key(r): r for r in getattr(old, entity)}
        after = {_key(r): r for r in getattr(new, entity)}
        for key, record in after.items():
            if key not in before:
                changes.append(EstateChange("added", entity, _label(record)))
            elif before[key] != record:
                changes.append(EstateChange("changed", entity, _label(record),
                                            _changed_fields(before[key], record)))
        for key, record in before.items():
            if key not in after:
                changes.append(EstateChange("removed", entity, _label(record)))
    return tuple(changes)


def describe_changes(changes: Sequence[EstateChange], lang: str = "en") -> list[str]:
    """One readable line per change, e.g. ``servers: EX01 changed (build, site)``."""
    t = catalogue(lang)
    lines = []
    for c in changes:
        detail = f" ({', '.join(c.fields)})" if c.fields else ""
        lines.append(t("common.change.line", entity=c.entity, name=c.name,
                       change=t(f"common.change.{c.kind}"), detail=detail))
    return lines


def merge_import(
    project: Project,
    estate: Estate,
    findings: Sequence[Finding],
    sources: Sequence[str],
    mapping: Mapping[str, Any],
    settings: Settings | None = None,
) -> Project:
    """The project with a (re-)imported estate; settings are taken only on the first import.

    A consultant's settings and decisions survive a newer export: they were made for the
    customer, not for one file. The old plan stays until the re-plan replaces it.
    """
    first_import = not project.estate.servers
    new_settings = settings if (first_import and settings is not None) else project.settings
    return replace(
        project,
        estate=estate,
        findings=tuple(findings),
        sources=tuple(sources),
        mapping=dict(mapping),
        settings=new_settings,
    )
