"""Names of servers and DAGs as a computer can have them: a name goes into every command the
admin pastes, so one that is no computer name is refused where it is read, not run.

Invisible characters pasted into a name are dropped first; two names of one FQDN are named.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from planner.core.importing.findings import Where, finding
from planner.core.model import Dag, Finding, Namespace, Server

__all__ = ["dags_named_right", "named_right", "namespaces_named_right", "one_fqdn_twice"]


class Located(Protocol):
    """A merged record's place: where it was read and the column of each field."""

    @property
    def where(self) -> Where: ...

    @property
    def columns(self) -> dict[str, str]: ...


# A computer's name as Windows and DNS allow it: letters (any script), digits, hyphens and
# underscores. Anything else (";", "$(", quotes, spaces) is no server's name, and every step
# puts the name into a PowerShell command the admin pastes: "EX01; Stop-Computer -Force".
_SERVER_NAME = re.compile(r"[^\W_][\w-]{0,62}")


def _right(name: str) -> bool:
    """A name a computer can have, written in its plain form: full-width "ＥＸ０１" (a
    Japanese keyboard's) looks like EX01 and is a second server's name in no command."""
    return bool(_SERVER_NAME.fullmatch(name)) and unicodedata.is_normalized("NFKC", name)


def _plain(name: str) -> str:
    """``name`` without invisible characters (a vertical tab, right-to-left marks, a soft
    hyphen: "\u202eEX02\u202c" is EX02) and in its plain form ("ＥＸ０２" is EX02)."""
    visible = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cn"))
    return unicodedata.normalize("NFKC", visible)


def named_right(servers: list[Server], records: Sequence[Located],
                 findings: list[Finding]) -> list[Server]:
    """The servers whose names a server can have; each other one is an error naming its row
    and left out (a name no server has, and a command that would run what it holds)."""
    if all(map(_right, (s.name for s in servers))):  # the usual case
        return servers
    kept = []
    taken = {s.name.lower() for s in servers if _right(s.name)}
    for server, record in zip(servers, records, strict=True):
        if _right(server.name):
            kept.append(server)
            continue
        # what was pasted in or typed wide is no part of the name (unless another row has
        # the name so made: two servers of one name, one with a soft hyphen or typed
        # full-width, stay an error, not two servers called alike)
        visible = _plain(server.name)
        if visible != server.name and _right(visible) and visible.lower() not in taken:
            taken.add(visible.lower())
            kept.append(replace(server, name=visible))
            continue
        findings.append(finding("IMPORT-SERVER-NAME-INVALID", record.where,
                                column=record.columns.get("name", ""),
                                value=server.name[:60]))
    return kept


def one_fqdn_twice(servers: list[Server]) -> list[Finding]:
    """A warning per FQDN that servers of different names share: one machine listed under
    an old and a new name, or a copied row, and each would be planned."""
    by_fqdn: dict[str, list[str]] = {}
    for server in servers:
        if server.fqdn:
            by_fqdn.setdefault(server.fqdn.strip().lower(), []).append(server.name)
    return [finding("IMPORT-FQDN-TWICE", target=f"server:{names[0]}", fqdn=fqdn,
                    names=names)
            for fqdn, names in by_fqdn.items() if len(names) > 1]


def dags_named_right(servers: list[Server], dags: list[Dag], findings: list[Finding],
                      ) -> tuple[list[Server], list[Dag]]:
    """DAGs whose names a DAG can have (it is a computer name too, and goes into commands
    as the servers' do); each other one is an error, and its members stand alone."""
    dags = [_witness_right(d, findings) for d in dags]
    bad = {d.name for d in dags if not _right(d.name)}
    if not bad:
        return servers, dags
    findings.extend(finding("IMPORT-DAG-NAME-INVALID", target=f"dag:{name[:60]}",
                            value=name[:60]) for name in sorted(bad))
    return ([replace(s, dag="") if s.dag in bad else s for s in servers],
            [d for d in dags if d.name not in bad])


# A host name or FQDN (a witness server, a namespace): labels as a computer's name, dots
# between; a namespace may be a wildcard's ("*.contoso.com"). "$(…)", quotes and spaces
# are none, and both go into pasted commands (-WitnessServer, Autodiscover URLs).
_HOST = re.compile(r"(?:\*\.)?[^\W_][\w-]{0,62}(?:\.[^\W_][\w-]{0,62})*\.?")


def _witness_right(dag: Dag, findings: list[Finding]) -> Dag:
    """The DAG, without a witness that is no host's name (an error says so)."""
    if not dag.witness or _HOST.fullmatch(dag.witness):
        return dag
    findings.append(finding("IMPORT-WITNESS-INVALID", target=f"dag:{dag.name[:60]}",
                            value=dag.witness[:60]))
    return replace(dag, witness="")


def namespaces_named_right(spaces: list[Namespace], records: Sequence[Located],
                           findings: list[Finding]) -> list[Namespace]:
    """The namespaces whose names a DNS name can be; each other one is an error naming its
    row, and left out."""
    kept = []
    for space, record in zip(spaces, records, strict=True):
        if _HOST.fullmatch(space.name):
            kept.append(space)
        else:
            findings.append(finding("IMPORT-NAMESPACE-INVALID", record.where,
                                    column=record.columns.get("name", ""),
                                    value=space.name[:60]))
    return kept
