"""CSS-Exchange HealthChecker XML (``HealthChecker-<server>-<date>.xml``, PowerShell CliXml).

The CliXml object tree changes between HealthChecker versions, so instead of a fixed schema
this reads every property with its path of names and picks the server name, the Exchange
build, the roles, the OS, the .NET version and the Extended Protection state by the names
along the path. The build is ExSetup's file version where the file has it: unlike
AdminDisplayVersion it shows the update level (SU/HU). The roles come from Get-ExchangeServer's
``ServerRole`` object (its ``ToString``, e.g. ``Mailbox, ClientAccess``) and ``IsEdgeServer``.
Parsing goes through defusedxml: no DTDs, no entity expansion. What cannot be found is a
finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from defusedxml import ElementTree

from planner.core.explanation import message
from planner.core.importing.findings import Where, finding
from planner.core.importing.table import Table
from planner.core.importing.values import canonical_build
from planner.core.model import Finding

__all__ = ["looks_like_xml", "read_healthchecker"]

_LEAF_TAGS = {"S", "Version", "I32", "I64", "U32", "Db", "B", "DT", "ToString"}


def looks_like_xml(text: str) -> bool:
    """True when the text is XML (starts with a tag after white space)."""
    return text.lstrip("\ufeff \t\r\n").startswith("<")


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _leaves(element: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """(names along the path, text) for every scalar property in the CliXml tree."""
    for child in element:
        tag = _local(child.tag)
        name = child.get("N") or ""
        here = (*path, name) if name else path
        if tag in _LEAF_TAGS and child.text:
            yield (here, child.text.strip())
        else:
            yield from _leaves(child, here)


def _pick(leaves: list[tuple[tuple[str, ...], str]], must: tuple[str, ...], last: tuple[str, ...],
          value: str = "") -> str:
    for path, text in leaves:
        lowered = [p.lower() for p in path]
        if not lowered or lowered[-1] not in last:
            continue
        if all(any(m in p for p in lowered) for m in must) and re.search(value, text, re.I):
            return text
    return ""


def _roles(leaves: list[tuple[tuple[str, ...], str]]) -> str:
    """``Edge`` for an Edge Transport server, else Get-ExchangeServer's ServerRole text."""
    edge = _pick(leaves, ("exchangeinformation",), ("isedgeserver",))
    if edge.lower() == "true":
        return "Edge"
    for path, text in leaves:  # the ToString of the role enum, not its number
        lowered = [p.lower() for p in path]
        if lowered[-2:] == ["getexchangeserver", "serverrole"] and not text.isdigit():
            return text
    return _pick(leaves, ("exchangeinformation",), ("serverrole",), r"[A-Za-z]")


def _extended_protection(leaves: list[tuple[tuple[str, ...], str]]) -> str:
    """The virtual directories' ExtendedProtectionTokenChecking: on, off or mixed."""
    values = {text.lower() for path, text in leaves
              if path and path[-1].lower() == "extendedprotectiontokenchecking"
              and not text.isdigit()}
    if not values:
        return ""
    if values == {"none"}:
        return "off"
    return "on" if "none" not in values else "mixed"


def read_healthchecker(name: str, text: str) -> tuple[list[Table], list[Finding]]:
    """A one-row server table from a HealthChecker XML file (or findings why not)."""
    root = ElementTree.fromstring(text.lstrip("\ufeff"))
    if _local(root.tag) != "Objs":
        return [], [finding("IMPORT-FILE-UNSUPPORTED", Where(name),
                            kind=message("findings.file_kind.xml"))]
    leaves = list(_leaves(root))
    server = _pick(leaves, (), ("servername",))
    exsetup = _pick(leaves, ("exchangeinformation", "exchangesetup"), ("fileversion",),
                    r"^\s*15\.")
    build = exsetup or _pick(leaves, ("exchangeinformation",),
                             ("buildversion", "buildnumber", "version", "fileversion",
                              "exsetupversion"), r"^\s*v?(ersion\s*)?15\.")
    build = canonical_build(build) or build
    os_name = _pick(leaves, ("osinformation",), ("friendlyname", "operatingsystemname",
                                                 "caption"), "windows")
    dotnet = _pick(leaves, ("netframework",), ("friendlyname",))
    roles = _roles(leaves)
    protection = _extended_protection(leaves)
    missing = "_".join(label for label, value in (("server", server), ("build", build))
                       if not value)
    findings = [finding("IMPORT-HEALTHCHECKER-PARTIAL", Where(name),
                        missing=message(f"findings.healthchecker_missing.{missing}"))
                ] if missing else []
    if not server:
        return [], findings
    header = ("Name", "Build", "Roles", "OS", "DotNet", "ExtendedProtection")
    row = (server.split(".")[0], build, roles, os_name, dotnet, protection)
    # ExSetup's file version shows the update level; a fallback build is as vague as an inventory
    table = Table(name, "", (header, row), first_row=0, entity_hint="server",
                  build_source="healthchecker" if exsetup else "")
    return [table], findings
