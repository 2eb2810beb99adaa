"""Opening a project planned with older knowledge says so and re-plans with one click."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt

from planner.core.knowledge import load_knowledge
from planner.core.knowledge_overlay import import_build_list
from planner.core.model import Estate, Server
from planner.core.project import Project, save_project
from planner.gui.document import Document
from planner.gui.main_window import MainWindow
from planner.gui.worker import SyncRunner
from planner.pipeline import make_plan
from tests.core.scheduler.builders import settings


def _window(qtbot: Any, tmp_path: Path) -> MainWindow:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    win = MainWindow(Document(runner=SyncRunner()), recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(win)
    return win


def _saved(tmp_path: Path, older_by_days: int) -> Path:
    """A project file whose stored plan was made with knowledge this many days older."""
    knowledge = load_knowledge()
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),))
    project_settings = settings(language="en")
    plan = make_plan(estate, (), project_settings, knowledge=knowledge)
    assert plan.knowledge_as_of == knowledge.as_of
    if older_by_days:  # knowledge of an earlier release: another date, another fingerprint
        plan = replace(plan, knowledge_as_of=knowledge.as_of - timedelta(days=older_by_days),
                       knowledge_id="earlier")
    path = tmp_path / f"older-{older_by_days}.seplan"
    save_project(Project(estate=estate, settings=project_settings, plan=plan), path)
    return path


def test_opening_an_older_plan_shows_the_bar_and_replans_with_one_click(
        qtbot: Any, tmp_path: Path) -> None:
    win = _window(qtbot, tmp_path)
    bar = win.knowledge_bar
    assert bar.isHidden()  # an empty project has no plan to question
    assert win.files.open_path(_saved(tmp_path, 200))
    assert win.document.plan is not None and win.document.plan_is_current  # kept, not replanned
    assert not bar.isHidden()
    assert "made with knowledge as of" in bar.message.text()
    qtbot.mouseClick(bar.replan, Qt.MouseButton.LeftButton)
    assert win.document.plan.knowledge_as_of == win.document.knowledge.as_of
    assert bar.isHidden()
    assert "PLAN-KNOWLEDGE-OLDER" not in {f.code for f in win.document.findings}


def test_a_plan_made_with_the_current_knowledge_shows_no_bar(qtbot: Any,
                                                            tmp_path: Path) -> None:
    win = _window(qtbot, tmp_path)
    assert win.files.open_path(_saved(tmp_path, 0))
    assert win.knowledge_bar.isHidden()


BUILD_LIST = Path(__file__).resolve().parents[1] / "data" / "ExchangeBuildNumbers.csv"
LATER = ("Exchange SE RTM Oct26SU,15.2.2562.57,10/13/2026,KB9999001,\n"
         "Exchange 2019 CU15 Oct26SU,15.2.1748.56,10/13/2026,KB9999003,\n")


def test_a_build_list_imported_after_planning_shows_the_bar_even_the_same_day(
        qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    # The real flow: plan and save, import a newer list (the same day: the knowledge's
    # as-of date may not move), open the project: the bar says so, one click re-plans with
    # the new builds.
    for name in ("XDG_DATA_HOME", "LOCALAPPDATA"):
        monkeypatch.setenv(name, str(tmp_path / "data"))  # an overlay of this test only
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.2.1748.56"),))
    project_settings = settings(language="en")
    plan = make_plan(estate, (), project_settings, knowledge=load_knowledge())
    path = tmp_path / "planned.seplan"
    save_project(Project(estate=estate, settings=project_settings, plan=plan), path)
    newer = tmp_path / "ExchangeBuildNumbers.csv"
    newer.write_text(BUILD_LIST.read_text(encoding="utf-8-sig") + LATER, encoding="utf-8")
    result = import_build_list(newer, today=plan.knowledge_as_of)  # same day as the plan
    assert result.knowledge.as_of == plan.knowledge_as_of and len(result.new) == 2

    win = _window(qtbot, tmp_path)
    assert win.files.open_path(path)
    bar = win.knowledge_bar
    assert not bar.isHidden() and "other knowledge" in bar.message.text()
    assert "PLAN-KNOWLEDGE-OLDER" in {f.code for f in win.document.findings}
    qtbot.mouseClick(bar.replan, Qt.MouseButton.LeftButton)
    assert bar.isHidden()
    (server,) = win.document.plan.proposal.servers
    assert server.release == "CU15 Oct26SU"  # the re-plan uses the imported row
