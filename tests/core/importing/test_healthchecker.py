"""HealthChecker CliXml gives build, OS and .NET; hostile XML is refused, not parsed."""

from __future__ import annotations

from pathlib import Path

from planner.core.importing import import_files

CLIXML = """<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
<Obj RefId="0"><TN RefId="0"><T>HealthChecker.HealthCheckerExchangeServer</T></TN><Props>
<S N="ServerName">EX01.contoso.local</S>
<Obj N="OSInformation" RefId="1"><Props>
  <Obj N="BuildInformation" RefId="2"><Props>
    <S N="FriendlyName">Windows Server 2019</S></Props></Obj>
  <Obj N="NETFramework" RefId="3"><Props><S N="FriendlyName">4.8</S></Props></Obj>
</Props></Obj>
<Obj N="ExchangeInformation" RefId="4"><Props>
  <Obj N="BuildInformation" RefId="5"><Props>
    <Obj N="VersionInformation" RefId="6"><Props>
      <Version N="BuildVersion">15.2.1544.4</Version></Props></Obj>
  </Props></Obj>
</Props></Obj>
</Props></Obj></Objs>"""

XXE = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Objs>&x;</Objs>"""


def test_healthchecker_xml_gives_server_facts(tmp_path: Path) -> None:
    path = tmp_path / "HealthChecker-EX01-20261101.xml"
    path.write_text(CLIXML, encoding="utf-8")
    result = import_files([path])
    [server] = result.estate.servers
    assert (server.name, server.build, server.os, server.dotnet) == (
        "EX01", "15.2.1544.4", "Windows Server 2019", "4.8")


def test_hostile_or_foreign_xml_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "x.xml").write_text(XXE, encoding="utf-8")
    (tmp_path / "y.xml").write_text("<html><body>hi</body></html>", encoding="utf-8")
    result = import_files([tmp_path / "x.xml", tmp_path / "y.xml"])
    assert {(f.file, f.code) for f in result.findings} == {
        ("x.xml", "IMPORT-XML-REFUSED"), ("y.xml", "IMPORT-FILE-UNSUPPORTED")}


def test_a_file_of_several_servers_names_the_ones_not_read(tmp_path: Path) -> None:
    """HealthChecker writes a file per server; two merged into one were read as the first
    alone, the second dropped without a word."""
    first = CLIXML.split("</Objs>")[0]
    second = CLIXML.split(">", 1)[1].replace("EX01.contoso.local", "EX02.contoso.local")
    second = second.replace('RefId="', 'RefId="1')
    path = tmp_path / "HealthChecker-merged.xml"
    path.write_text(first + second, encoding="utf-8")
    result = import_files([path])
    assert [s.name for s in result.estate.servers] == ["EX01"]
    [several] = [f for f in result.findings if f.code == "IMPORT-HEALTHCHECKER-SEVERAL"]
    assert "EX02" in several.message("en") and "EX02" in several.message("de")
    # one server's own file says nothing of the kind
    path.write_text(CLIXML, encoding="utf-8")
    assert not [f for f in import_files([path]).findings
                if f.code == "IMPORT-HEALTHCHECKER-SEVERAL"]
