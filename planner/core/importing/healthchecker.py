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

import io
import re
from typing import Any

from defusedxml import DefusedXmlException, ElementTree

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


# The last names along a property's path that the pickers below look at: only those
# properties are kept (a report of millions of other properties must not be held).
_WANTED = frozenset({"servername", "fileversion", "buildversion", "buildnumber", "version",
                     "exsetupversion", "friendlyname", "operatingsystemname", "caption",
                     "isedgeserver", "serverrole", "extendedprotectiontokenchecking"})
# A real report nests a few dozen levels and has hundreds of such properties.
_MAX_DEPTH = 500
_MAX_LEAVES = 50_000
_FLUSH = 1000  # finished children dropped from an open element this many at a time

Leaves = list[tuple[tuple[str, ...], str]]


class _NotCliXml(Exception):
    """The document's root is not PowerShell's ``Objs``."""


class _TooDeep(Exception):
    """The document nests deeper than any report (:data:`_MAX_DEPTH`)."""


def _leaves(text: str) -> Leaves:
    """(names along the path, text) for the wanted scalar properties in the CliXml tree.

    The tree is read as a stream and each element dropped once read: a 39 MB report of
    2.8 million properties took 1.3 GB and 55 s when parsed whole and walked.
    """
    names: list[str] = []  # the path: the N of each open element that has one
    named: list[bool] = []  # whether each open element added to it
    open_: list[list[Any]] = []  # each open element and how many of its children ended
    leaves: Leaves = []
    for event, element in ElementTree.iterparse(io.StringIO(text), events=("start", "end")):
        if event == "start":
            if not open_ and _local(element.tag) != "Objs":
                raise _NotCliXml
            if len(open_) >= _MAX_DEPTH:
                raise _TooDeep
            name = element.get("N") or ""
            if name:
                names.append(name)
            named.append(bool(name))
            open_.append([element, 0])
            continue
        if (_local(element.tag) in _LEAF_TAGS and element.text and names
                and names[-1].lower() in _WANTED and len(leaves) < _MAX_LEAVES):
            leaves.append((tuple(names), element.text.strip()))
        if named.pop():
            names.pop()
        open_.pop()
        element.clear()
        if open_:
            parent = open_[-1]
            parent[1] += 1
            if parent[1] == _FLUSH:  # its first children are the ones that ended
                del parent[0][:_FLUSH]
                parent[1] = 0
    return leaves


def _pick(leaves: Leaves, must: tuple[str, ...], last: tuple[str, ...],
          value: str = "") -> str:
    for path, text in leaves:
        lowered = [p.lower() for p in path]
        if not lowered or lowered[-1] not in last:
            continue
        if all(any(m in p for p in lowered) for m in must) and re.search(value, text, re.I):
            return text
    return ""


def _roles(leaves: Leaves) -> str:
    """``Edge`` for an Edge Transport server, else Get-ExchangeServer's ServerRole text."""
    edge = _pick(leaves, ("exchangeinformation",), ("isedgeserver",))
    if edge.lower() == "true":
        return "Edge"
    for path, text in leaves:  # the ToString of the role enum, not its number
        lowered = [p.lower() for p in path]
        if lowered[-2:] == ["getexchangeserver", "serverrole"] and not text.isdigit():
            return text
    return _pick(leaves, ("exchangeinformation",), ("serverrole",), r"[A-Za-z]")


def _extended_protection(leaves: Leaves) -> str:
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
    try:
        leaves = _leaves(text.lstrip("\ufeff"))
    except _NotCliXml:
        return [], [finding("IMPORT-FILE-UNSUPPORTED", Where(name),
                            kind=message("findings.file_kind.xml"))]
    except (DefusedXmlException, _TooDeep) as exc:
        # said as what it is: entities (XXE, "billion laughs") or nesting no report has had
        # read "damaged", as a truncated file does
        why = "deep" if isinstance(exc, _TooDeep) else "entities"
        return [], [finding("IMPORT-XML-REFUSED", Where(name),
                            problem=message(f"findings.xml_refused.{why}", depth=_MAX_DEPTH))]
    server = _pick(leaves, (), ("servername",))
    # HealthChecker writes one file per server; a file holding several (merged by hand) is
    # read for its first, and the others are named, not dropped without a word
    others = sorted({text.split(".")[0] for path, text in leaves
                     if path and path[-1].lower() == "servername" and text}
                    - {server.split(".")[0]}, key=str.lower)
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
    if server and others:
        findings.append(finding("IMPORT-HEALTHCHECKER-SEVERAL", Where(name),
                                server=server.split(".")[0], others=others))
    if not server:
        return [], findings
    header = ("Name", "Build", "Roles", "OS", "DotNet", "ExtendedProtection")
    # an FQDN's first label is the server; an address stays whole (and is refused by name
    # later): "10.1.2.3" became a server named "10"
    short = server if re.fullmatch(r"[\d.]+|[\da-fA-F:]*:[\da-fA-F:.]*", server) \
        else server.split(".")[0]
    row = (short, build, roles, os_name, dotnet, protection)
    # ExSetup's file version shows the update level; a fallback build is as vague as an inventory
    table = Table(name, "", (header, row), first_row=0, entity_hint="server",
                  build_source="healthchecker" if exsetup else "", named_fields=True)
    return [table], findings
