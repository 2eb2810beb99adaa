"""Recovery files: a live window's file is never offered, every crashed window's file is."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

from planner.core.catalogue import catalogue
from planner.core.project import Project
from planner.core.recovery import (
    UNREADABLE_FOLDER,
    RecoverySlot,
    discard,
    find_recoveries,
    set_aside,
)
from planner.core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]

_CHILD = textwrap.dedent("""
    import sys, time
    from planner.core.project import Project
    from planner.core.recovery import RecoverySlot
    from planner.core.settings import Settings
    slot = RecoverySlot(sys.argv[1])
    print(slot.write(Project(settings=Settings(customer=sys.argv[2])), sys.argv[3]), flush=True)
    time.sleep(600)
""")


def _start_window(folder: Path, customer: str,
                  original: str = "") -> tuple[subprocess.Popen[str], Path]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(folder), customer, original],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline().strip()  # type: ignore[union-attr]
    return child, Path(line)


def _project(customer: str) -> Project:
    return Project(settings=Settings(customer=customer))


def test_a_slot_of_this_process_is_not_offered_while_open(tmp_path: Path) -> None:
    slot = RecoverySlot(tmp_path)
    slot.write(_project("Contoso"))
    assert find_recoveries(tmp_path).recoveries == ()
    slot.close()
    assert not list(tmp_path.iterdir())  # a clean close leaves nothing behind


def test_every_killed_window_is_offered_and_a_live_one_is_not(tmp_path: Path) -> None:
    children = [_start_window(tmp_path, name, f"C:\\Kunden\\{name}.seplan")
                for name in ("Contoso", "Fabrikam", "Alive")]
    try:
        for child, _ in children[:2]:
            child.kill()  # TerminateProcess on Windows, SIGKILL on POSIX: no clean-up runs
            child.wait(timeout=30)
        scan = find_recoveries(tmp_path)
        assert sorted(r.customer for r in scan.recoveries) == ["Contoso", "Fabrikam"]
        assert {r.original for r in scan.recoveries} == {"C:\\Kunden\\Contoso.seplan",
                                                        "C:\\Kunden\\Fabrikam.seplan"}
        assert all(r.saved_at is not None and r.saved_at.tzinfo for r in scan.recoveries)
        # While this program holds them (the user is deciding), a second start sees none.
        assert find_recoveries(tmp_path).recoveries == ()
        for item in scan.recoveries:
            item.release()  # "decide later": nothing deleted, offered again
        again = find_recoveries(tmp_path)
        assert len(again.recoveries) == 2
        discard(again.recoveries[0])
        again.recoveries[1].release()
        assert len(find_recoveries(tmp_path).recoveries) == 1
    finally:
        for child, _ in children:
            child.kill()
            child.wait(timeout=30)
            child.stdout.close()  # type: ignore[union-attr]


def test_a_reused_process_id_does_not_hide_a_file(tmp_path: Path) -> None:
    # Written by a window whose process id is ours now (as after a reboot): still offered,
    # because ownership is the lock, not the number.
    slot = RecoverySlot(tmp_path)
    slot.write(_project("Contoso"))
    slot._lock.release()  # what the operating system does when the process dies
    found = find_recoveries(tmp_path).recoveries
    assert [r.customer for r in found] == ["Contoso"]
    found[0].release()


def test_an_unreadable_file_is_reported_and_kept_aside(tmp_path: Path) -> None:
    bad = tmp_path / "recovery-0badc0de.seplan"
    bad.write_text("{ not json", encoding="utf-8")
    empty = tmp_path / "recovery-1234.seplan"
    empty.write_bytes(b"")
    good = RecoverySlot(tmp_path)
    good.write(replace(_project("Contoso")))
    good._lock.release()
    scan = find_recoveries(tmp_path)
    assert [r.customer for r in scan.recoveries] == ["Contoso"]
    assert {p.name for p, _ in scan.unreadable} == {bad.name, empty.name}
    assert all(why for _, why in scan.unreadable)
    bad_why = dict(scan.unreadable)[bad]  # a message the dialog words in the reader's language
    assert catalogue("de").render(bad_why).startswith(f"{bad.name}: keine Projektdatei")
    moved = [set_aside(p) for p, _ in scan.unreadable]
    assert all(p.exists() and p.parent.name == UNREADABLE_FOLDER for p in moved)
    scan.recoveries[0].release()
    assert find_recoveries(tmp_path).unreadable == ()  # reported once, kept, not again


def test_a_lock_without_a_file_is_cleaned_up(tmp_path: Path) -> None:
    (tmp_path / "recovery-abc.lock").write_bytes(b"")
    assert find_recoveries(tmp_path) .recoveries == ()
    assert not (tmp_path / "recovery-abc.lock").exists()
