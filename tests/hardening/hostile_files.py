"""Small hostile input files, made by code: each once killed, stalled or fooled the importer.

``write_all(folder)`` writes every one of them; the tests, the GUI self-test check and the
fuzz suite use the same makers, so a new case added here is tried everywhere.
"""

from __future__ import annotations

import gzip
import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.paths import ROOT

XLS = ROOT / "tests" / "data" / "mixed-inventory.xls"

_NS = "http://schemas.openxmlformats.org"
_CT = (f'<?xml version="1.0"?><Types xmlns="{_NS}/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
       'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
_RELS = (f'<?xml version="1.0"?><Relationships xmlns="{_NS}/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{_NS}/officeDocument/2006/relationships/'
         'officeDocument" Target="xl/workbook.xml"/></Relationships>')


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def xlsx_raw(sheet_data: str, sheets: int = 1, shared_strings: str = "", tail: str = "",
             own_parts: bool = False) -> bytes:
    """An .xlsx written by hand: ``sheets`` sheets that all name the one sheet part, or each
    a copy of it (``own_parts``); ``tail`` what follows the sheet data (merged cells)."""
    parts = sheets if own_parts else 1
    book = "".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId{i % parts + 1}"/>'
                   for i in range(sheets))
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{_NS}/officeDocument/2006/'
                   f'relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                   for i in range(parts))
    if shared_strings:
        rels += (f'<Relationship Id="rIdS" Type="{_NS}/officeDocument/2006/relationships/'
                 'sharedStrings" Target="sharedStrings.xml"/>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml",
                   f'<workbook xmlns="{_NS}/spreadsheetml/2006/main" xmlns:r="{_NS}/'
                   f'officeDocument/2006/relationships"><sheets>{book}</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<Relationships xmlns="{_NS}/package/2006/relationships">{rels}'
                   '</Relationships>')
        for i in range(parts):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml",
                       f'<worksheet xmlns="{_NS}/spreadsheetml/2006/main"><sheetData>'
                       f"{sheet_data}</sheetData>{tail}</worksheet>")
        if shared_strings:
            z.writestr("xl/sharedStrings.xml", shared_strings)
    return buf.getvalue()


def corner_cells_xlsx() -> bytes:
    """One cell at A1 and one at XFD1048576 (the reader allocated 512 GB and aborted)."""
    return xlsx_raw(f'<row r="1">{_cell("A1", "Servername")}</row>'
                    f'<row r="1048576">{_cell("XFD1048576", "x")}</row>')


def sparse_tall_xlsx() -> bytes:
    """Cells in the first and the last row, 26 columns wide (1.45 GB)."""
    return xlsx_raw(f'<row r="1">{_cell("A1", "Servername")}{_cell("B1", "Version")}</row>'
                    f'<row r="1048576">{_cell("Z1048576", "x")}</row>')


def unnamed_cells_xlsx() -> bytes:
    """Cells without references: 20,000 columns in one row, repeated down 400 rows."""
    row = "<c/>" * 20_000
    return xlsx_raw(f'<row r="1">{_cell("A1", "a")}</row>' + f"<row>{row}</row>" * 400)


def shared_sheet_part_xlsx() -> bytes:
    """Thousands of sheets naming one sheet part (3 GB in 36 s)."""
    return xlsx_raw(f'<row r="1">{_cell("A1", "Servername")}{_cell("B1", "Version")}</row>',
                    sheets=3000)


def shared_strings_count_xlsx() -> bytes:
    """A shared-string table declaring four billion entries (the reader reserves them)."""
    sst = (f'<sst xmlns="{_NS}/spreadsheetml/2006/main" count="4000000000" '
           'uniqueCount="4000000000"><si><t>x</t></si></sst>')
    return xlsx_raw('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared_strings=sst)


_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:'
             'oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:'
             'full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
             'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:'
             'media-type="text/xml"/></manifest:manifest>')


def _ods(body: str) -> bytes:
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f"{body}</office:spreadsheet></office:body></office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", _MANIFEST)
        z.writestr("content.xml", content)
    return buf.getvalue()


_ODS_CELL = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'


def repeated_rows_ods() -> bytes:
    """50 tables, each a row of content repeated 100,000 times (5.8 GB from 1.4 KB)."""
    return _ods("".join(f'<table:table table:name="T{i}"><table:table-row '
                        f'table:number-rows-repeated="100000">{_ODS_CELL * 5}</table:table-row>'
                        "</table:table>" for i in range(50)))


def repeated_columns_ods() -> bytes:
    """One cell with content repeated across 16,000 columns and 1,000 rows."""
    return _ods('<table:table table:name="T"><table:table-row table:number-rows-repeated="1000">'
                '<table:table-cell office:value-type="string" '
                'table:number-columns-repeated="16000"><text:p>x</text:p></table:table-cell>'
                "</table:table-row></table:table>")


def trailing_empty_rows_ods() -> bytes:
    """LibreOffice's normal trailing million empty rows: must still import."""
    header = "".join(f'<table:table-cell office:value-type="string"><text:p>{t}</text:p>'
                     "</table:table-cell>" for t in ("Servername", "Version", "Rolle"))
    data = "".join(f'<table:table-cell office:value-type="string"><text:p>{t}</text:p>'
                   "</table:table-cell>" for t in ("EX01", "15.2.1544.4", "Mailbox"))
    return _ods(f'<table:table table:name="Server"><table:table-row>{header}</table:table-row>'
                f"<table:table-row>{data}</table:table-row>"
                '<table:table-row table:number-rows-repeated="1048570">'
                '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
                "</table:table>")


def _patched_xls(record: bytes, fmt: str, *values: int) -> bytes:
    """The sample .xls with every record of this type's first fields overwritten."""
    data = bytearray(XLS.read_bytes())
    at = data.find(record)
    while at >= 0:
        struct.pack_into(fmt, data, at + 4, *values)
        at = data.find(record, at + 1)
    return bytes(data)


def declared_rows_xls() -> bytes:
    """An .xls whose DIMENSIONS records claim four billion rows (the reader aborted)."""
    return _patched_xls(b"\x00\x02\x0e\x00", "<IIHH", 0, 0xFFFFFFF0, 0, 0xFF)


def inverted_dimensions_xls() -> bytes:
    """First row after the last row: the reader computed a huge size from it."""
    return _patched_xls(b"\x00\x02\x0e\x00", "<IIHH", 0x88000000, 0x3EB, 0, 5)


def truncated_xls() -> bytes:
    """The sample .xls cut in the middle (python-calamine panicked on such files)."""
    data = XLS.read_bytes()
    return data[: len(data) // 2]


def many_properties_xml() -> bytes:
    """A HealthChecker-shaped XML just under the 40 M character report limit, all tiny
    properties: parsed whole and walked it took 1.3 GB and 55 s (h22's own case)."""
    head = (b'<?xml version="1.0"?><Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.'
            b'com/powershell/2004/04"><Obj><MS><S N="ServerName">EX01</S>')
    leaf = b'<S N="a">x</S>'
    return head + leaf * ((39_000_000 - len(head)) // len(leaf)) + b"</MS></Obj></Objs>"


def bomb_sheet_xlsx() -> bytes:
    """A sheet part of 60 MB of blanks that packs into a few kilobytes (a zip bomb)."""
    return xlsx_raw(f'<row r="1">{_cell("A1", "Servername")}</row>' + " " * (60 * 1024**2))


def external_link_xlsx() -> bytes:
    """A cell whose formula points into another workbook on a file server (never opened)."""
    data = io.BytesIO(xlsx_raw(
        f'<row r="1">{_cell("A1", "Servername")}{_cell("B1", "Version")}</row>'
        f'<row r="2"><c r="A2" t="str"><f>[1]Sheet1!A1</f><v>EX01</v></c>'
        f'{_cell("B2", "15.1.2507.6")}</row>'))
    with zipfile.ZipFile(data, "a") as z:
        z.writestr("xl/externalLinks/externalLink1.xml",
                   f'<externalLink xmlns="{_NS}/spreadsheetml/2006/main" xmlns:r="{_NS}/'
                   'officeDocument/2006/relationships"><externalBook r:id="rId1"/></externalLink>')
        z.writestr("xl/externalLinks/_rels/externalLink1.xml.rels",
                   f'<Relationships xmlns="{_NS}/package/2006/relationships"><Relationship '
                   f'Id="rId1" Type="{_NS}/officeDocument/2006/relationships/externalLinkPath" '
                   'Target="\\\\fileserver\\share\\servers.xlsx" TargetMode="External"/>'
                   "</Relationships>")
    return data.getvalue()


def overlapping_merges_xlsx(merges: int = 200_000) -> bytes:
    """Ten servers whose site cells are merged down their rows (as people group them), and
    ``merges`` overlapping ranges over 2,000 rows of a note column: Excel never writes
    those, but 20,000 of them in 24 KB took 19 s (each range walked its rows)."""
    rows = [f'<row r="1">{_cell("A1", "Servername")}{_cell("B1", "Standort")}'
            f'{_cell("C1", "Xyz")}</row>']
    for r in range(2, 12):
        site = {2: "Berlin", 7: "München"}.get(r)
        rows.append(f'<row r="{r}">{_cell(f"A{r}", f"EX{r - 1:02d}")}'
                    + (_cell(f"B{r}", site) if site else "")
                    + (_cell(f"C{r}", "x") if r == 2 else "") + "</row>")
    rows.append(f'<row r="2000">{_cell("C2000", "Ende")}</row>')
    ranges = ['<mergeCell ref="B2:B6"/><mergeCell ref="B7:B11"/>']
    ranges += [f'<mergeCell ref="C{2 + i % 1000}:C{1000 + i % 1000}"/>' for i in range(merges)]
    return xlsx_raw("".join(rows), tail=f'<mergeCells count="{len(ranges)}">'
                    f'{"".join(ranges)}</mergeCells>')


def eight_sheets_xlsx() -> bytes:
    """Eight sheets, each within the per-sheet bound (as eight parts just under the 50 MB
    entry check were within theirs) but together past the book's (1.5 GB): each sheet's
    corner cell at J120000 makes it 1.2 million cells."""
    return xlsx_raw(f'<row r="1">{_cell("A1", "Servername")}</row>'
                    f'<row r="120000">{_cell("J120000", "x")}</row>', sheets=8, own_parts=True)


_OBJS = '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'


def entities_xml() -> bytes:
    """A HealthChecker-shaped XML whose entity reaches for /etc/passwd (read "damaged")."""
    return ('<?xml version="1.0"?>\n<!DOCTYPE Objs [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'\n{_OBJS}<Obj><MS><S N="ServerName">&x;</S></MS></Obj></Objs>').encode()


def deep_xml() -> bytes:
    """CliXml nested 100,000 levels deep (read "damaged")."""
    return (_OBJS + "<Obj>" * 100_000 + "</Obj>" * 100_000 + "</Objs>").encode()


def gzipped_log() -> bytes:
    """A receive protocol log gzip'd on the server (read "binary data")."""
    return gzip.compress(b"#Software: Microsoft Exchange Server\r\n"
                         b"#Log-type: SMTP Receive Protocol Log\r\n", mtime=0)


HOSTILE: dict[str, Callable[[], bytes]] = {
    "bomb-sheet.xlsx": bomb_sheet_xlsx,
    "corner-cells.xlsx": corner_cells_xlsx,
    "sparse-tall.xlsx": sparse_tall_xlsx,
    "unnamed-cells.xlsx": unnamed_cells_xlsx,
    "shared-sheet-part.xlsx": shared_sheet_part_xlsx,
    "eight-sheets.xlsx": eight_sheets_xlsx,
    "shared-strings-count.xlsx": shared_strings_count_xlsx,
    "repeated-rows.ods": repeated_rows_ods,
    "repeated-columns.ods": repeated_columns_ods,
    "declared-rows.xls": declared_rows_xls,
    "inverted-dimensions.xls": inverted_dimensions_xls,
    "truncated.xls": truncated_xls,
    "HealthChecker-entities.xml": entities_xml,
    "HealthChecker-deep.xml": deep_xml,
    "RECV2026110200-1.LOG.gz": gzipped_log,
}


# -- CSV as customers send it -------------------------------------------------------------

CSV_HEADER = "Servername;Standort;Rolle;Version;DAG;Anzahl Postfächer;Postfachdaten (GB)"
CSV_ROWS = [f"EX{i:02d};{site};Mailbox;15.1.2507.6;DAG1;{100 * i};{i * 10},5"
            for i, site in enumerate(["Berlin", "München", "Köln", "Düsseldorf", "Hamburg",
                                      "Nürnberg", "Bremen", "Lübeck", "Essen", "Jena"], 1)]


def _csv(lines: list[str], encoding: str = "utf-8") -> bytes:
    return ("\n".join(lines) + "\n").encode(encoding)


def title_rows_csv() -> bytes:
    """Windows-1252, two title lines and a blank line above the header (imported nothing)."""
    return _csv(["Exchange-Inventar Fabrikam AG", "Stand: 03.11.2026", "", CSV_HEADER,
                 *CSV_ROWS], "cp1252")


def total_rows_csv() -> bytes:
    """A total row with a name and one with numbers only (became a server "Summe")."""
    return _csv([CSV_HEADER, *CSV_ROWS, "Summe;;;;;5500;555", ";;;;;5500;555,0"])


def unbalanced_quote_csv() -> bytes:
    """One opening quote without its closing one (swallowed 7 of 10 servers into one cell)."""
    rows = list(CSV_ROWS)
    rows[2] = rows[2].replace(";Köln", ';"Köln')
    return _csv([CSV_HEADER, *rows])


def stray_byte_csv() -> bytes:
    """UTF-8 with one Windows-1252 byte on line 5 (turned every "München" into mojibake)."""
    good = _csv([CSV_HEADER, *CSV_ROWS[:3]])
    return good + CSV_ROWS[3].encode("cp1252") + b"\n" + _csv(CSV_ROWS[4:])


def shift_jis_csv() -> bytes:
    """Shift-JIS: neither UTF-8 nor Windows-1252 (read as mojibake without a word)."""
    return _csv(["Servername;Standort;Rolle;Version", "EX01;東京;Mailbox;15.1.2507.6",
                 "EX02;大阪本社;Mailbox;15.1.2507.6"], "shift_jis")


def repeated_header_csv() -> bytes:
    """The header again in the middle (a paged export)."""
    return _csv([CSV_HEADER, *CSV_ROWS[:5], CSV_HEADER, *CSV_ROWS[5:]])


def bytes_in_gb_csv() -> bytes:
    """A mailbox size in bytes in a GB column (planning ran out of memory)."""
    return _csv([CSV_HEADER, "EX01;Berlin;Mailbox;15.1.2507.6;;500;13421772800"])


def semicolon_lines_csv() -> bytes:
    """Three megabytes of ``a;`` lines (the 198 MB version took 5.3 GB)."""
    return b"a;\n" * 1_000_000


def long_line_csv() -> bytes:
    """Two megabytes without a delimiter on one line (became a server of that name)."""
    return _csv([CSV_HEADER, *CSV_ROWS[:5], "x" * (2 * 1024**2), *CSV_ROWS[5:]])


def unicode_text_export() -> bytes:
    """Excel's "Unicode text" export: UTF-16 with a byte order mark, tab separated."""
    return ("\r\n".join(line.replace(";", "\t") for line in [CSV_HEADER, *CSV_ROWS])
            + "\r\n").encode("utf-16")


def dos_codepage_csv() -> bytes:
    """A DOS export in code page 850 ("München" is neither UTF-8 nor Windows-1252 there)."""
    return _csv([CSV_HEADER, *CSV_ROWS], "cp850")


MESSY: dict[str, Callable[[], bytes]] = {
    "long-line.csv": long_line_csv,
    "unicode-text.txt": unicode_text_export,
    "dos-codepage.csv": dos_codepage_csv,
    "external-link.xlsx": external_link_xlsx,
    "title-rows.csv": title_rows_csv,
    "total-rows.csv": total_rows_csv,
    "unbalanced-quote.csv": unbalanced_quote_csv,
    "stray-byte.csv": stray_byte_csv,
    "shift-jis.csv": shift_jis_csv,
    "repeated-header.csv": repeated_header_csv,
    "bytes-in-gb.csv": bytes_in_gb_csv,
    "overlapping-merges.xlsx": overlapping_merges_xlsx,
    "semicolon-lines.csv": semicolon_lines_csv,
}


def write_all(folder: Path, makers: dict[str, Callable[[], bytes]] | None = None) -> list[Path]:
    """Every hostile and messy file (or those of ``makers``) written into ``folder``."""
    paths = []
    for name, make in (makers or {**HOSTILE, **MESSY}).items():
        path = folder / name
        path.write_bytes(make())
        paths.append(path)
    return paths
