"""Exports are valid or fail loudly, never clobber an input, and hold nothing local (#18)."""

from __future__ import annotations

import getpass
import os
import re
import socket
import stat
import threading
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from planner.cli import main
from planner.core.errors import OutputFileError
from planner.core.importing import import_files
from planner.core.project import Project, load_project, save_project
from planner.core.replace_file import replace_file, replace_text, xml_legal

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _inventory(folder: Path, names: tuple[str, str] = ("EX\x0b01", "EX02")) -> Path:
    """Two servers; cells with characters XML forbids, stored as Excel does (_x000B_)."""
    path = folder / "inventory.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Server")
    sheet.write_row(0, 0, ["Servername", "Version", "Rolle", "Standort", "Bemerkung"])
    sheet.write_row(1, 0, [names[0], "15.1.2507.6", "Mailbox", "Ber\x00lin", "a\ufffeb\x1fc"])
    sheet.write_row(2, 0, [names[1], "15.1.2507.6", "Mailbox", "Berlin", ""])
    book.close()
    return path


def _settings(folder: Path, extra: str = "") -> Path:
    path = folder / "settings.toml"
    path.write_text(f"[project]\nsolver_time_limit_s = 2\n{extra}", encoding="utf-8")
    return path


def test_xml_outputs_are_well_formed_with_control_characters(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code = main(["plan", str(_inventory(tmp_path)), "--settings", str(_settings(tmp_path)),
                 "--mspdi", str(out / "plan.xml"), "--graphml", str(out / "graph.graphml"),
                 "--html", str(out / "report.html")])
    assert code == 0
    ET.parse(out / "plan.xml")
    ET.parse(out / "graph.graphml")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert not _ILLEGAL.search(html)
    assert "EX01" in (out / "plan.xml").read_text(encoding="utf-8")


def test_xml_legal_keeps_tabs_newlines_and_letters() -> None:
    assert xml_legal("a\tb\nc\x0bd\x00e\ufffef\U0001F600") == "a\tb\ncdef\U0001F600"


@pytest.mark.parametrize("option", ["--json", "--html", "--graphml", "--mspdi", "--xlsx"])
def test_a_missing_folder_fails_loudly_and_leaves_nothing(tmp_path: Path, option: str,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    target = tmp_path / "missing" / "out.file"
    code = main(["plan", str(_inventory(tmp_path)), "--settings", str(_settings(tmp_path)),
                 option, str(target)])
    assert code == 1
    err = capsys.readouterr().err
    assert "does not exist" in err
    assert f"wrote {target}" not in err and f"geschrieben: {target}" not in err
    assert not target.parent.exists()


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_text("old", encoding="utf-8")

    def disk_full(path: Path) -> None:
        path.write_text("half a plan", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputFileError, match="No space left"):
        replace_file(target, disk_full)
    with pytest.raises(OutputFileError, match="nothing was written"):
        replace_file(target, lambda path: None)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_writing_over_an_input_is_refused(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    inventory = _inventory(tmp_path)
    before = inventory.read_bytes()
    link = tmp_path / "link.xlsx"
    link.symlink_to(inventory)
    for target in (inventory, link):
        code = main(["plan", str(inventory), "--xlsx", str(target)])
        assert code == 2
        assert "refusing to overwrite" in capsys.readouterr().err
    assert inventory.read_bytes() == before


def test_the_saved_mapping_never_replaces_the_workbook_it_was_read_from(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inventory = _inventory(tmp_path)
    before = inventory.read_bytes()
    for target in (str(inventory), f"{tmp_path}/./{inventory.name}"):
        assert main(["check", str(inventory), "--save-mapping", target]) == 2
        assert "refusing to overwrite" in capsys.readouterr().err
    assert inventory.read_bytes() == before


def test_a_file_inside_an_input_folder_is_not_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder of transport logs is an input: a log in it is one of the files read."""
    logs = tmp_path / "logs" / "MessageTracking"
    logs.mkdir(parents=True)
    log = logs / "MSGTRK2026110200-1.LOG"
    log.write_text("#Software: Microsoft Exchange Server\n", encoding="utf-8")
    code = main(["plan", str(_inventory(tmp_path)), str(tmp_path / "logs"), "--json", str(log)])
    assert code == 2 and "refusing to overwrite" in capsys.readouterr().err
    assert log.read_text(encoding="utf-8") == "#Software: Microsoft Exchange Server\n"


def test_one_file_for_two_outputs_is_refused_before_anything_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.out"
    code = main(["plan", str(_inventory(tmp_path)), "--json", str(out), "--xlsx", str(out)])
    assert code == 2 and "two outputs" in capsys.readouterr().err
    assert not out.exists()


def test_saving_through_a_link_writes_its_target(tmp_path: Path) -> None:
    real = tmp_path / "projects" / "p.seplan"
    real.parent.mkdir()
    save_project(Project(), real)
    link = tmp_path / "p.seplan"
    link.symlink_to(real)
    estate = import_files([_inventory(tmp_path, ("EX01", "EX02"))]).estate
    save_project(Project(estate=estate), link)
    assert link.is_symlink()
    assert [s.name for s in load_project(real).estate.servers] == ["EX01", "EX02"]


def test_leftover_temporary_files_are_removed_on_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "p.seplan"
    leftovers = [tmp_path / ".p.seplan.k1ll3d.tmp", tmp_path / ".p.seplan.x9.partial",
                 tmp_path / "p.seplan.partial"]
    for leftover in leftovers:
        leftover.write_text("the whole project", encoding="utf-8")
    other = tmp_path / ".other.seplan.a.tmp"
    other.write_text("another project's", encoding="utf-8")
    replace_text(target, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.seplan.a.tmp", "p.seplan"]


def test_no_deliverable_holds_a_local_path_user_or_machine_name(tmp_path: Path) -> None:
    home = tmp_path / "home" / "jdoe-consultant" / "Kunden"
    home.mkdir(parents=True)
    logo = home / "logo.png"
    logo.write_bytes(_png())
    settings = _settings(tmp_path, f"logo = {str(logo)!r}\n")
    out = tmp_path / "out"
    out.mkdir()
    outputs = {"--json": "plan.json", "--xlsx": "plan.xlsx", "--mspdi": "plan.xml",
               "--html": "report.html", "--graphml": "graph.graphml", "--pdf": "report.pdf"}
    args = ["plan", str(_inventory(tmp_path, ("EX01", "EX02"))), "--settings", str(settings)]
    for option, name in outputs.items():
        args += [option, str(out / name)]
    assert main(args) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'src="data:image/png;base64,' in html
    secrets = [str(tmp_path), "jdoe-consultant", str(Path.home())]
    names = [n for n in (getpass.getuser(), socket.gethostname()) if len(n) >= 4]
    for name in outputs.values():
        for text in _texts(out / name):
            for secret in secrets:
                assert secret not in text, f"{name} holds {secret!r}"
            # user and machine name as whole words (a short one like "vm" is in ordinary text)
            for word in names:
                assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text), (name, word)


def _png() -> bytes:
    """A 1×1 PNG."""
    import base64

    return base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8Dw"
                            "HwAFAAH/iZk9HQAAAABJRU5ErkJggg==")


def _texts(path: Path) -> list[str]:
    """The file's text; every member's text for a zip (xlsx)."""
    data = path.read_bytes()
    if data.startswith(b"PK"):
        with zipfile.ZipFile(path) as archive:
            return [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
    return [data.decode("latin-1")]


def test_a_logo_named_in_the_customers_project_sheet_is_not_read(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from planner.pipeline import load_inputs

    logo = tmp_path / "secret.png"
    logo.write_bytes(_png())
    path = _inventory(tmp_path, ("EX01", "EX02"))
    book = load_workbook(path)
    sheet = book.create_sheet("Project")
    sheet.append(["Key", "Value"])
    sheet.append(["project.logo", str(logo)])
    book.save(path)
    inputs = load_inputs([path])
    assert inputs.settings.logo_path == ""
    assert "IMPORT-PROJECT-LOGO" in [f.code for f in inputs.findings]


def test_control_characters_are_escaped_in_the_terminal(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    path = tmp_path / "evil\x1b[2J.csv"
    path.write_text("Servername;Version\nEX\x1b]0;owned\x07;garbage\n", encoding="utf-8")
    main(["check", str(path)])
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err
    assert "evil\\u001b[2J.csv" in out.out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_an_output_to_a_pipe_or_device_is_written_into_it_not_renamed_over_it(
        tmp_path: Path) -> None:
    """``--json /dev/null`` or a pipe: the output goes into it and the node stays what it was
    (renaming a file over /dev/null as root left the whole machine without /dev/null)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    replace_text(pipe, "plan")
    reader.join(timeout=10)
    assert received == [b"plan"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert list(tmp_path.iterdir()) == [pipe]  # no temporary file beside it


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_an_output_has_the_usual_permissions_or_keeps_the_old_ones(tmp_path: Path) -> None:
    """A deliverable is readable like any new file (the umask), not only by its writer; a file
    written over keeps the permissions it had."""
    mask = os.umask(0o022)
    try:
        fresh = replace_text(tmp_path / "plan.json", "{}")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "report.html"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o640)
        replace_text(kept, "new")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(mask)
