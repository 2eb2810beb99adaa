"""Read a set of Exchange transport logs as one stream, with progress and Cancel.

Each log is opened when its turn comes and read line by line; what stays in memory is one
record per remote host and connector, the sessions still open in the current file and one
counter per server, flow and day. A malformed line is counted and skipped, never fatal.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO

from planner.core.importing.log_files import (
    CappedLines,
    FieldsPart,
    LogKind,
    LogSource,
    close_logs,
    read_header,
)
from planner.core.importing.log_senders import SenderRules, load_sender_rules
from planner.core.importing.mail_flow_counts import (
    TRACKING_COLUMNS,
    FlowCounts,
    read_tracking_log,
)
from planner.core.importing.receive_sessions import RECEIVE_COLUMNS, ReceiveLog, read_receive_log
from planner.core.log_file import LOG
from planner.core.model import ConnectorType, Estate

__all__ = ["ImportCancelled", "Progress", "TransportLogs", "read_transport_logs"]

Progress = Callable[[float, str], None]  # fraction done 0..1, the file being read


class ImportCancelled(Exception):
    """The user cancelled reading the logs."""


@dataclass
class TransportLogs:
    """What the logs held, summed over all files."""

    receive: ReceiveLog = field(default_factory=ReceiveLog)
    flows: FlowCounts = field(default_factory=FlowCounts)
    files: dict[LogKind, int] = field(default_factory=dict)  # files read per kind
    malformed_in: dict[str, int] = field(default_factory=dict)  # file name -> lines
    unreadable: list[str] = field(default_factory=list)
    refused: dict[str, int] = field(default_factory=dict)  # zip member -> unpacked/packed
    # a log given again (the same file twice, a folder and its zip): name -> the one read
    twice: dict[str, str] = field(default_factory=dict)
    # file name -> the #Fields it lacks (all of them: no #Fields line); none of its lines read
    no_fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rules: SenderRules | None = None

    @property
    def malformed(self) -> int:
        """Malformed lines in all files."""
        return sum(self.malformed_in.values())


def read_transport_logs(sources: Sequence[LogSource], estate: Estate,
                        progress: Progress | None = None,
                        cancelled: Callable[[], bool] | None = None) -> TransportLogs:
    """Read every log; raises :class:`ImportCancelled` when ``cancelled()`` turns true."""
    try:
        return _read_all(sources, estate, progress, cancelled)
    finally:
        close_logs(sources)


def _read_all(sources: Sequence[LogSource], estate: Estate, progress: Progress | None,
              cancelled: Callable[[], bool] | None) -> TransportLogs:
    out = TransportLogs()
    rules = load_sender_rules().for_estate(estate)
    exo_connectors = frozenset(
        c.name.lower() for c in estate.connectors if c.type is ConnectorType.SEND and (
            c.cloud_mail_enabled or any("onmicrosoft.com" in a.lower() for a in c.address_spaces)))
    total = sum(s.size for s in sources) or 1
    done = 0
    # Receive logs first: the addresses Exchange listens on help tell its own traffic apart.
    ordered = sorted(sources, key=lambda s: s.kind is not LogKind.RECEIVE)
    seen: dict[tuple[int, bytes], str] = {}
    for source in ordered:
        if cancelled is not None and cancelled():
            raise ImportCancelled
        if progress is not None:
            progress(done / total, source.name)
        if source.refused_ratio:
            out.refused[source.name] = source.refused_ratio
            continue
        key = _fingerprint(source)
        if key is not None and key in seen:  # its counts would be added twice
            out.twice[source.name] = seen[key]
            done += source.size
            continue
        if key is not None:
            seen[key] = source.name
        try:
            with source.opener() as binary:
                _read_one(source, binary, out, rules, exo_connectors,
                          _ticker(binary, done, total, source.name, progress, cancelled))
        # A damaged file or archive member; the cause is for the log, not people. Not a
        # ValueError: lines a parser cannot read are counted as malformed, so one here is a bug.
        except (OSError, EOFError, zlib.error, zipfile.BadZipFile) as exc:
            LOG.info("transport log %s could not be read: %s: %s", source.name,
                     type(exc).__name__, exc)
            out.unreadable.append(source.name)
        done += source.size
        if source.kind is LogKind.RECEIVE:
            rules = load_sender_rules().for_estate(estate, out.receive)
    out.rules = rules
    if progress is not None:
        progress(1.0, "")
    return out


_PRINT_BYTES = 1 << 20  # a log's first megabyte: sessions, times and ids tell logs apart


def _fingerprint(source: LogSource) -> tuple[int, bytes] | None:
    """The log's size and a digest of its first megabyte: the same for the same log given
    twice (a file twice, a folder beside its own zip), different for any two servers' or
    days' logs; None when it cannot be read (reading it says why)."""
    try:
        with source.opener() as binary:
            head = binary.read(_PRINT_BYTES)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile):
        return None
    return source.size, hashlib.blake2b(head, digest_size=16).digest()


def _ticker(binary: IO[bytes], done: int, total: int, name: str, progress: Progress | None,
            cancelled: Callable[[], bool] | None) -> Callable[[], None]:
    def tick() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled
        if progress is not None:
            try:
                here = binary.tell()
            except (OSError, ValueError):
                here = 0
            progress(min(1.0, (done + here) / total), name)
    return tick


def _read_one(source: LogSource, binary: IO[bytes], out: TransportLogs, rules: SenderRules,
              exo_connectors: frozenset[str], tick: Callable[[], None]) -> None:
    text = CappedLines(io.TextIOWrapper(binary, encoding=source.encoding,
                                        errors="replace")).as_text()
    header, first = read_header(text)
    if header is None or header.kind is LogKind.OTHER:
        out.files[LogKind.OTHER] = out.files.get(LogKind.OTHER, 0) + 1
        return
    needed = RECEIVE_COLUMNS if header.kind is LogKind.RECEIVE else TRACKING_COLUMNS
    lacking = tuple(c for c in needed if c not in header.fields)
    if lacking:
        out.no_fields[source.name] = lacking
        return
    out.files[header.kind] = out.files.get(header.kind, 0) + 1
    counts = out.receive.count if header.kind is LogKind.RECEIVE else out.flows.count
    before = counts.malformed
    fields: tuple[str, ...] | None = header.fields
    while fields is not None:  # logs pasted together: each part read by its own #Fields
        part = FieldsPart(text, fields)
        if header.kind is LogKind.RECEIVE:
            read_receive_log(part, first, fields, out.receive, tick)
        else:
            read_tracking_log(part, first, fields, out.flows, rules, exo_connectors, tick)
        first, fields = "", part.next_fields
        if fields is not None and any(c not in fields for c in needed):
            counts.malformed += 1  # a later part without the fields needed: not read
            break
    bad = counts.malformed - before
    if bad:
        out.malformed_in[source.name] = bad
