"""The GUI's enforcement view draws each judged server's history as Exchange Online's report
dates it, stage by stage (the same timeline as the report, the workbook and the exposure)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

from pytestqt.qtbot import QtBot

from planner.gui.views.enforcement_paint import StageStrips, StripRow
from planner.gui.views.gantt import plan_stages
from planner.pipeline import knowledge_for
from tests.e2e.test_exo_report_estates import _plan


def test_the_strip_shows_throttling_from_the_reports_date_not_report_only(
        qtbot: QtBot) -> None:
    """HH-EX16-02: throttled since 14.10.2026 by the report, blocked from 13.12.2026 (the
    table would block from 13.11.): the drawn history throttles from 14.10. until 12.12."""
    plan = _plan("exo-report-nordlicht")
    stages = plan_stages(plan, knowledge_for(plan.settings))["HH-EX16-02"]
    exposure = {e.server: e for e in plan.schedule.exposure}["HH-EX16-02"]
    strips = StageStrips()
    qtbot.addWidget(strips)
    row = StripRow("HH-EX16-02", exposure.first_detected, exposure.cutover, stages)
    strips.set_rows((row,), exposure.first_detected, plan.settings.start, plan.settings.start)
    runs = [(kind, first, last) for kind, first, last, past in strips.runs(row) if past]
    assert runs[0] == ("report", date(2026, 9, 14), date(2026, 10, 13))
    assert runs[1][:2] == ("throttle", date(2026, 10, 14))
    assert all(kind != "report" for kind, _, _ in runs[1:])
