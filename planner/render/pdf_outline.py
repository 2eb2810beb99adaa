"""Bookmarks, document language and the full Info dictionary, appended to Qt's PDF.

QPdfWriter writes title, author and creator but no subject, no ``/Lang`` and no outline
(bookmarks). We add them as an incremental update: new objects, a new catalogue and Info
dictionary and an xref section that points back at Qt's. Readers apply the update; Qt's bytes
stay as they are, so nothing that Qt wrote can break.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Bookmark", "DocumentInfo", "add_outline"]


@dataclass(frozen=True)
class Bookmark:
    """One heading: its level (1 = chapter), title, page index (0-based) and height on it."""

    level: int
    title: str
    page: int
    top: float  # PDF user space: points from the page's bottom edge


@dataclass(frozen=True)
class DocumentInfo:
    """The Info dictionary a document management system reads."""

    title: str
    subject: str
    author: str
    creator: str
    lang: str


def _text(value: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte order mark, as a hex string."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def _trailer(data: bytes) -> tuple[int, dict[str, bytes]]:
    """The last ``startxref`` offset and the entries of the last trailer that we need."""
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    trailer = data[data.rindex(b"trailer"):]
    found = {key: m.group(1) for key in ("Root", "Info", "Size", "ID")
             if (m := re.search(rb"/" + key.encode() + rb"\s*(\d+ 0 R|\d+|\[[^\]]*\])",
                                trailer))}
    return start, found


def _object(data: bytes, number: int) -> bytes:
    """The dictionary body of object ``number`` (the last definition wins)."""
    matches = re.findall(rb"(?:^|\n)" + str(number).encode() + rb" 0 obj\s*(<<.*?>>)\s*endobj",
                         data, re.S)
    if not matches:
        raise ValueError(f"PDF object {number} not found")
    return bytes(matches[-1])


def _pages(data: bytes, catalog: bytes) -> list[int]:
    """Object numbers of the pages in order (Qt writes one flat page tree)."""
    root = int(re.search(rb"/Pages\s+(\d+) 0 R", catalog).group(1))  # type: ignore[union-attr]
    kids = re.search(rb"/Kids\s*\[(.*?)\]", _object(data, root), re.S)
    return [int(n) for n in re.findall(rb"(\d+) 0 R", kids.group(1))] if kids else []


def _outline_objects(marks: Sequence[Bookmark], pages: list[int],
                     first: int) -> dict[int, bytes]:
    """The outline root (number ``first``) and one item per bookmark, nested by level."""
    numbers = {i: first + 1 + i for i in range(len(marks))}
    parents: dict[int, int] = {}
    children: dict[int, list[int]] = {first: []}
    stack: list[tuple[int, int]] = []  # (level, object number)
    for i, mark in enumerate(marks):
        while stack and stack[-1][0] >= mark.level:
            stack.pop()
        parent = stack[-1][1] if stack else first
        parents[numbers[i]] = parent
        children.setdefault(parent, []).append(numbers[i])
        stack.append((mark.level, numbers[i]))
    objects: dict[int, bytes] = {}
    for i, mark in enumerate(marks):
        me = numbers[i]
        siblings = children[parents[me]]
        pos = siblings.index(me)
        entries = [b"/Title " + _text(mark.title), b"/Parent %d 0 R" % parents[me],
                   b"/Dest [%d 0 R /XYZ 0 %.1f null]" % (pages[min(mark.page, len(pages) - 1)],
                                                         mark.top)]
        if pos:
            entries.append(b"/Prev %d 0 R" % siblings[pos - 1])
        if pos + 1 < len(siblings):
            entries.append(b"/Next %d 0 R" % siblings[pos + 1])
        kids = children.get(me, [])
        if kids:
            entries += [b"/First %d 0 R" % kids[0], b"/Last %d 0 R" % kids[-1],
                        b"/Count %d" % -len(kids)]  # sections start closed
        objects[me] = b"<< " + b" ".join(entries) + b" >>"
    top = children[first]
    root = [b"/Type /Outlines", b"/Count %d" % len(top)]
    if top:
        root += [b"/First %d 0 R" % top[0], b"/Last %d 0 R" % top[-1]]
    objects[first] = b"<< " + b" ".join(root) + b" >>"
    return objects


def _catalog(old: bytes, outlines: int, lang: str) -> bytes:
    body = re.sub(rb"/(Outlines|PageMode|Lang)\s*(\d+ 0 R|/\w+|\([^)]*\))", b"", old[2:-2])
    return (b"<<" + body.rstrip() + b"\n/Outlines %d 0 R\n/PageMode /UseOutlines\n/Lang "
            % outlines + _text(lang) + b"\n>>")


def _info(info: DocumentInfo, producer: bytes) -> bytes:
    pairs = (("Title", info.title), ("Subject", info.subject), ("Author", info.author),
             ("Creator", info.creator))
    return (b"<< " + b" ".join(b"/" + k.encode() + b" " + _text(v) for k, v in pairs)
            + b" /Producer " + producer + b" >>")


def add_outline(path: Path | str, marks: Sequence[Bookmark], info: DocumentInfo) -> None:
    """Append bookmarks, ``/Lang`` and a complete Info dictionary to the PDF at ``path``."""
    target = Path(path)
    data = target.read_bytes()
    start, trailer = _trailer(data)
    root = int(trailer["Root"].split()[0])
    catalog = _object(data, root)
    size = int(trailer["Size"])
    objects = _outline_objects(marks, _pages(data, catalog), size)
    objects[root] = _catalog(catalog, size, info.lang)
    producer = b"()"
    if "Info" in trailer:
        old = re.search(rb"/Producer\s*(\([^)]*\)|<[^>]*>)",
                        _object(data, int(trailer["Info"].split()[0])), re.S)
        producer = old.group(1) if old else producer
    info_no = size + len(marks) + 1
    objects[info_no] = _info(info, producer)
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for number in sorted(offsets):  # one subsection per object keeps this simple
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d"
            % (info_no + 1, root, info_no, start))
    if "ID" in trailer:
        out += b" /ID " + trailer["ID"]
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    target.write_bytes(bytes(out))
