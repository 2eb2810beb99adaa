"""Find Exchange transport logs among the inputs: single files, folders and zip archives.

A log is recognised by its header (``#Software: Microsoft Exchange Server``, ``#Log-type``,
``#Fields``), never by its name, so a customer's renamed copy is read and a stray README is
not. Files are opened lazily and read as streams: a zip member is decompressed while it is
read, so hundreds of files and gigabytes of logs never sit in memory at once.
"""

from __future__ import annotations

import csv
import io
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import IO, cast

__all__ = [
    "CappedLines",
    "FieldsPart",
    "LineCount",
    "LogHeader",
    "LogKind",
    "LogSource",
    "ZipShelf",
    "close_logs",
    "data_rows",
    "find_logs",
    "log_encoding",
    "read_header",
    "sniff",
    "split_line",
]

_SNIFF_BYTES = 4096
_LOG_TYPES = {
    "smtp receive protocol log": "receive",
    "message tracking log": "tracking",
}


class LogKind(StrEnum):
    """The kinds of log the planner reads; every other Exchange log is recognised and skipped."""

    RECEIVE = "receive"
    TRACKING = "tracking"
    OTHER = "other"


@dataclass(frozen=True)
class LogSource:
    """One log file, possibly inside a zip: a name for findings and a way to open it."""

    name: str  # "RECV2026110200-1.LOG" or "logs.zip › BER-EX19-01/RECV…"
    size: int
    opener: Callable[[], IO[bytes]]
    kind: LogKind = LogKind.OTHER
    # a zip member that would unpack to this many times its packed size: not read (a zip
    # bomb: 1 MB holding 1 GB of empty lines ran for minutes); 0 for one that is read
    refused_ratio: int = 0
    encoding: str = "utf-8-sig"  # :func:`log_encoding` of its first bytes
    shelf: ZipShelf | None = None  # the archive a zip member is read from (see close_logs)


# Transport logs pack 5-20 times (measured on Exchange's CSV logs); a member declaring more
# than this over the size below is refused, not unpacked
_MOST_RATIO = 200
_SMALL = 16 << 20  # bytes unpacked up to which any ratio is read (a log of empty lines)


@dataclass(frozen=True)
class LogHeader:
    """What the ``#`` lines at the top of a log say."""

    kind: LogKind
    fields: tuple[str, ...]


def log_encoding(head: bytes) -> str:
    """How a log's bytes are text: Exchange writes UTF-8; a log an admin re-saved with
    Windows PowerShell 5.1 (Out-File, ">") is UTF-16, with its byte-order mark or without
    (then "#" and "S" each followed by a zero byte)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head[:4] == b"#\x00S\x00":
        return "utf-16-le"
    if head[:4] == b"\x00#\x00S":
        return "utf-16-be"
    return "utf-8-sig"


def sniff(head: bytes) -> LogKind | None:
    """The log kind if these first bytes are an Exchange log header, else None."""
    text = head.decode(log_encoding(head), "replace").lstrip("\ufeff")
    if not text.startswith("#Software: Microsoft Exchange") and not text.startswith("#Log-type:"):
        return None
    for line in text.splitlines():
        if line.startswith("#Log-type:"):
            kind = _LOG_TYPES.get(line.split(":", 1)[1].strip().lower())
            return LogKind(kind) if kind else LogKind.OTHER
    return LogKind.OTHER


def read_header(text: IO[str]) -> tuple[LogHeader | None, str]:
    """Read the ``#`` lines; returns the header and the first data line (or '')."""
    kind: LogKind | None = None
    fields: tuple[str, ...] = ()
    while True:
        line = text.readline()
        if not line.startswith("#"):
            break
        line = line.lstrip("\ufeff").rstrip("\r\n")
        key, _, value = line.partition(":")
        if key == "#Log-type":
            found = _LOG_TYPES.get(value.strip().lower())
            kind = LogKind(found) if found else LogKind.OTHER
        elif key == "#Fields":
            fields = tuple(f.strip() for f in value.split(","))
    if kind is None or (not fields and kind is LogKind.OTHER):
        return None, line
    # a log we read without its #Fields line (cut off, edited) is named, not passed over
    return LogHeader(kind, fields), line


class FieldsPart:
    """The lines of a log up to a ``#Fields`` line that names other fields (logs pasted
    together, one written with another field order: its lines had been read by the first
    order, every client taken for Exchange's own address); :attr:`next_fields` then holds
    the new fields, and the lines after it are the next part's."""

    def __init__(self, text: Iterable[str], fields: tuple[str, ...]) -> None:
        """Iterate ``text`` while its ``#Fields`` are ``fields``."""
        self._lines = iter(text)
        self._fields = fields
        self.next_fields: tuple[str, ...] | None = None

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            if line.startswith("#Fields:"):
                fields = tuple(f.strip() for f in line.rstrip("\r\n").split(":", 1)[1].split(","))
                if fields != self._fields:
                    self.next_fields = fields
                    return
            yield line


def find_logs(paths: Sequence[Path]) -> tuple[list[LogSource], list[Path], int]:
    """Logs among the inputs, the inputs that are not logs, and how many files were skipped.

    A folder is searched recursively and only its logs are taken (a folder without any is
    read as inventory files); a zip archive counts as logs when any member is one (an xlsx
    is a zip too, but none of its members is a log).
    """
    logs: list[LogSource] = []
    others: list[Path] = []
    skipped = 0
    for path in paths:
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.is_file())
            # named from the folder given ("logs/BER-EX19-01/RECV….LOG"): every server's
            # folder has a RECV2026110200-1.LOG, and a finding must say whose
            per_child = [list(_file_logs(child, child.relative_to(path.parent).as_posix()))
                         for child in children]
            if any(per_child):
                logs += [log for found in per_child for log in found]
                skipped += sum(1 for found in per_child if not found)
            else:  # a folder of inventory files (PowerShell exports): read them all
                others += children
            continue
        found = list(_file_logs(path))
        if found:
            logs += found
        else:
            others.append(path)
    return logs, others, skipped


def _file_logs(path: Path, name: str = "") -> Iterator[LogSource]:
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
        size = path.stat().st_size
    except OSError:
        return
    kind = sniff(head)
    if kind is not None:
        yield LogSource(name or path.name, size, lambda: path.open("rb"), kind,
                        encoding=log_encoding(head))
    elif head.startswith(b"PK") and zipfile.is_zipfile(path):
        yield from _zip_logs(path)


# Parts that make a zip an Office or OpenDocument file rather than an archive of logs.
_OFFICE_PARTS = frozenset({"[Content_Types].xml", "mimetype"})

def _zip_logs(path: Path) -> Iterator[LogSource]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if any(m.filename in _OFFICE_PARTS for m in members):
                return  # a workbook (xlsx, ods): the inventory reader takes it
            heads = {m.filename: archive.open(m).read(_SNIFF_BYTES) for m in members}
    except (OSError, EOFError, ValueError, zlib.error, zipfile.BadZipFile, RuntimeError,
            NotImplementedError):
        return  # encrypted or damaged: the inventory reader reports the file
    shelf = ZipShelf(path)
    for member in members:
        kind = sniff(heads[member.filename])
        if kind is not None:
            ratio = member.file_size // max(1, member.compress_size)
            refused = ratio if member.file_size > _SMALL and ratio > _MOST_RATIO else 0
            yield LogSource(f"{path.name} › {member.filename}", member.file_size,
                            shelf.opener(member.filename), kind, refused,
                            log_encoding(heads[member.filename]), shelf)


class ZipShelf:
    """One zip archive, opened once for all of its members and kept open until
    :func:`close_logs`: opening an archive reads its whole directory, and opening it again
    for each member made a zip of many small logs quadratic (8,000 members: over a minute).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._archive: zipfile.ZipFile | None = None
        self._lock = threading.Lock()  # a GUI worker and a cancel may both reach it

    def opener(self, member: str) -> Callable[[], IO[bytes]]:
        """A function opening ``member`` as a buffered stream (closing it leaves the
        archive open for the next member)."""
        def open_member() -> IO[bytes]:
            raw = self._open().open(member)
            # ZipExtFile reads like a raw stream; the buffer makes line reading cheap
            return io.BufferedReader(cast(io.RawIOBase, raw), buffer_size=1 << 16)
        return open_member

    def _open(self) -> zipfile.ZipFile:
        with self._lock:
            if self._archive is None:
                self._archive = zipfile.ZipFile(self.path)
            return self._archive

    def close(self) -> None:
        """Close the archive (a later member opens it again)."""
        with self._lock:
            if self._archive is not None:
                self._archive.close()
                self._archive = None


def close_logs(sources: Iterable[LogSource]) -> None:
    """Close the archives the logs' zip members were read from."""
    for shelf in {id(s.shelf): s.shelf for s in sources if s.shelf is not None}.values():
        shelf.close()


LINE_CAP = 1 << 16  # characters: Exchange's log lines stay far below (a 1-GB line took 3 GB)
OVERLONG = "\ufffd\n"  # what an overlong line reads as: one field, so a malformed line


class CappedLines:
    """A log's text a line at a time, no line longer than :data:`LINE_CAP`: a longer one is
    read past in pieces and returned as :data:`OVERLONG`, which the readers count as
    malformed; empty lines are passed over. Reads like a text stream (``readline`` and
    iteration, all the readers use)."""

    def __init__(self, text: IO[str]) -> None:
        self._text = text

    def readline(self) -> str:
        line = self._text.readline(LINE_CAP)
        while line == "\n":  # an empty line (CRLF converted twice, "\r\r\n", is one between
            line = self._text.readline(LINE_CAP)  # every two): no part of the log
        if len(line) < LINE_CAP or line.endswith("\n"):
            return line
        while True:  # the rest of the line, in pieces, never held whole
            rest = self._text.readline(LINE_CAP)
            if not rest or rest.endswith("\n"):
                return OVERLONG

    def __iter__(self) -> Iterator[str]:
        return iter(self.readline, "")

    def as_text(self) -> IO[str]:
        """This reader where a text stream is asked for (it has what the readers use)."""
        return cast(IO[str], self)


def split_line(line: str, width: int, at: int = 0) -> list[str] | None:
    """The fields of one log line, or None when it is malformed (``at``: the date-time
    field's place, first as Exchange writes it; a reordered export names it elsewhere).

    Exchange quotes a field only when it holds a comma or a quote, so most lines split on
    commas; a quoted line goes through ``csv`` on its own, so a broken quote spoils one
    line and never swallows the lines after it.
    """
    if '"' in line:
        try:
            row = next(csv.reader([line.rstrip("\r\n")], strict=True))
        except (csv.Error, StopIteration):
            return None
    else:
        row = line.rstrip("\r\n").split(",")
    if len(row) != width:
        return None
    dt = row[at]
    if len(dt) < 20 or dt[10] != "T" or dt[4] != "-" or not _calendar_day(dt[:10]):
        return None
    return row


@lru_cache(maxsize=4096)
def _calendar_day(text: str) -> bool:
    """True for a day that exists (a log's 2026-02-30 or month 13 is damage, not a date);
    once per day seen: a log's lines share a few days."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return False
    return 1900 < day.year < 9999  # the last year has no day after it to count with


@dataclass
class LineCount:
    """Data lines read and malformed lines skipped, summed over files."""

    lines: int = 0
    malformed: int = 0


def data_rows(first: str, text: Iterable[str], width: int, tick: Callable[[], None],
              count: LineCount, at: int = 0) -> Iterator[list[str]]:
    """The well-formed rows of one log after its header; ``tick`` runs every 65,536 lines;
    ``at`` is the date-time field's place (:func:`split_line`)."""
    lines = malformed = 0
    try:
        for line in chain((first,) if first else (), text):
            lines += 1
            if not lines & 0xFFFF:
                tick()
            row = split_line(line, width, at)
            if row is None:
                # A repeated header (logs pasted together) or a blank line is not damage.
                if not line.startswith("#") and line.strip():
                    malformed += 1
                continue
            yield row
    finally:
        count.lines += lines
        count.malformed += malformed
