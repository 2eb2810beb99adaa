"""Round 14: a file the planner refuses is named for what it is, not "damaged"
(2026-12-08, a tester's third evening).

XML declaring entities (external ones reaching for /etc/passwd or a URL, "billion laughs")
and XML nested 100,000 levels deep read "its content is damaged", as a truncated file does;
transport logs gzip'd on the server (and 7-Zip or RAR archives) read "binary data".
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from planner.core.importing import import_files
from planner.core.model import Finding

_OBJS = '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'
_SERVER = ('<Obj RefId="0"><MS><S N="ServerName">{name}</S><Obj N="ExchangeInformation">'
           '<MS><Obj N="ExchangeSetup"><MS><S N="FileVersion">15.2.1748.24</S></MS></Obj>'
           '</MS></Obj></MS></Obj>')
_ENTITIES = {
    "file": '<!DOCTYPE Objs [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    "url": '<!DOCTYPE Objs [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]>',
    "laughs": '<!DOCTYPE Objs [<!ENTITY a "EX01"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
}


def _messages(path: Path, code: str) -> list[str]:
    found = [f for f in import_files([path]).findings if f.code == code]
    return [f.message(lang) for f in found for lang in ("en", "de")]


@pytest.mark.parametrize("kind", sorted(_ENTITIES))
def test_xml_declaring_entities_is_refused_as_such(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"HealthChecker-{kind}.xml"
    name = "&x;" if kind == "file" else "&b;" if kind == "laughs" else "EX01"
    path.write_text('<?xml version="1.0"?>\n' + _ENTITIES[kind] + "\n" + _OBJS
                    + _SERVER.format(name=name) + "</Objs>", "utf-8")
    en, de = _messages(path, "IMPORT-XML-REFUSED")
    assert "entities" in en and "Entitäten" in de
    assert "root:" not in en + de  # nothing of the file it reached for


def test_xml_nested_too_deep_says_so(tmp_path: Path) -> None:
    path = tmp_path / "HealthChecker-deep.xml"
    path.write_text(_OBJS + "<Obj>" * 100_000 + "</Obj>" * 100_000 + "</Objs>", "utf-8")
    en, de = _messages(path, "IMPORT-XML-REFUSED")
    assert "500 levels" in en and "500 Ebenen" in de


def test_a_plain_healthchecker_file_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "HealthChecker-EX01.xml"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE Objs>\n' + _OBJS
                    + _SERVER.format(name="EX01.contoso.com") + "</Objs>", "utf-8")
    assert [s.name for s in import_files([path]).estate.servers] == ["EX01"]


@pytest.mark.parametrize(("magic", "packer"), [
    (b"7z\xbc\xaf\x27\x1c\x00\x04", "7-Zip"), (b"Rar!\x1a\x07\x01\x00", "RAR")])
def test_an_archive_other_than_zip_is_named(tmp_path: Path, magic: bytes, packer: str) -> None:
    path = tmp_path / "logs.bin"
    path.write_bytes(magic + bytes(200))
    en, de = _messages(path, "IMPORT-FILE-PACKED")
    assert packer in en and packer in de


def test_a_gzipped_log_in_a_folder_is_named_as_gzip(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / "RECV2026110200-1.LOG.gz").write_bytes(gzip.compress(
        b"#Software: Microsoft Exchange Server\r\n#Log-type: SMTP Receive Protocol Log\r\n"))
    found = [f for f in import_files([folder]).findings if f.code == "IMPORT-FILE-PACKED"]
    assert len(found) == 1 and found[0].file == "RECV2026110200-1.LOG.gz"
    assert "gzip" in found[0].message("en") and "entpacken" in found[0].message("de")


def test_an_output_inside_a_file_says_the_file_is_no_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--xlsx plan.json/out.xlsx`` (a file where the folder belongs) read "the folder does
    not exist" while the consultant could see it there."""
    from planner.cli import main
    from planner.core.errors import error_words
    from planner.core.replace_file import OutputFileError, replace_file
    from tests.paths import SMALL

    blocker = tmp_path / "plan.json"
    blocker.write_text("{}", "utf-8")
    code = main(["plan", str(SMALL), "--xlsx", str(blocker / "out.xlsx")])
    err = capsys.readouterr().err
    assert code in (1, 2) and "is a file, not a folder" in err and "does not exist" not in err
    with pytest.raises(OutputFileError) as caught:
        replace_file(blocker / "out.xlsx", lambda p: p.write_text("x", "utf-8"))
    assert error_words(caught.value, "de") == (
        "out.xlsx: kann nicht geschrieben werden: plan.json ist eine Datei, kein Ordner")
    assert blocker.read_text("utf-8") == "{}"


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes: POSIX")
def test_a_logo_that_is_a_named_pipe_is_unusable_not_waited_for(tmp_path: Path) -> None:
    """A project's logo "logo.png" that was a named pipe stopped the report (and the plan
    with it) for ever, waiting for a writer; a device (Windows' CON.png) would too."""
    import os
    import threading

    from planner.core.report.logo import logo_findings

    pipe = tmp_path / "logo.png"
    os.mkfifo(pipe)
    found: list[tuple[Finding, ...]] = []
    worker = threading.Thread(target=lambda: found.append(logo_findings(str(pipe))),
                              daemon=True)
    worker.start()
    worker.join(20)
    waited = worker.is_alive()
    if waited:  # let the old code's open() return before failing
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(5)
    assert not waited, "waited for a writer to the pipe"
    assert [f.code for f in found[0]] == ["SETTINGS-LOGO-UNUSABLE"]
