"""The enforcement view: where each judged server stands on Exchange Online's clock.

Per judged server its stage strip up to the cutover; the pause budget per calendar year
(used / planned / left); the objective the schedule reached and whether it is proven optimal;
and the PowerShell lines that request each planned pause, ready to copy.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.core.errors import PlannerError, error_words
from planner.core.exo_view import exo_text, implied_overrides
from planner.core.knowledge import load_knowledge
from planner.core.pause_policy import budget_years, pause_script
from planner.core.plan import Objective, Plan
from planner.core.today_words import today_lines
from planner.core.vocabulary import RATINGS
from planner.gui.formats import format_date
from planner.gui.i18n import texts, ui_language
from planner.gui.rich_text import literal
from planner.gui.views.enforcement_paint import PauseBudgetGauge, StageStrips, StripRow
from planner.gui.views.gantt import plan_stages
from planner.gui.views.planning_edits import submit_settings

__all__ = ["EnforcementView"]

_RATING_COLOURS = {code: t.colour for code, t in RATINGS.items()}


class EnforcementView(QWidget):
    """Stage strips, pause budget, objective and pause commands for the document's plan."""

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.objective = QLabel()
        self.objective.setWordWrap(True)
        self.objective.setTextFormat(Qt.TextFormat.RichText)  # our markup, data escaped
        self.today = QLabel()
        self.today.setWordWrap(True)
        self.today.setTextFormat(Qt.TextFormat.RichText)
        self.today.setObjectName("enforcement-today")
        self.apply_baseline = QPushButton()
        self.apply_baseline.clicked.connect(self.apply_reported_baseline)
        self.strips = StageStrips()
        self.strips_note = QLabel()
        self.strips_note.setWordWrap(True)
        self.strips_note.setTextFormat(Qt.TextFormat.RichText)
        self.strips_note.setObjectName("enforcement-note")
        self.gauge = PauseBudgetGauge()
        self.commands = QPlainTextEdit()
        self.commands.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.commands.setFont(mono)
        self.commands.setMaximumHeight(200)
        self.copy = QPushButton(self.tr("Copy commands"))
        self.copy.clicked.connect(self.copy_commands)
        box = QVBoxLayout(self)
        self.today_group = self._group("", self.today)
        today_layout = self.today_group.layout()
        assert today_layout is not None
        today_layout.addWidget(self.apply_baseline)
        box.addWidget(self.today_group)
        box.addWidget(self._group(self.tr("Objective"), self.objective))
        # a short title (a group box title never wraps); the key to the drawing below it
        strips_group = self._group(self.tr("Enforcement stage per judged server"), self.strips)
        group_layout = strips_group.layout()
        assert group_layout is not None
        key = QLabel(self.tr("Since first detection. Hatched: before the first day the plan "
                             "counts (today, or the plan start where that is earlier); black "
                             "line: the server leaves Exchange Online's view."))
        key.setWordWrap(True)
        assert isinstance(group_layout, QVBoxLayout)  # _group's layout
        group_layout.insertWidget(0, key)
        group_layout.addWidget(self.strips_note)
        box.addWidget(strips_group)
        box.addWidget(self._group(self.tr("Pause budget per calendar year"), self.gauge))
        ps = QVBoxLayout()
        ps.addWidget(self.commands)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy)
        ps.addLayout(row)
        group = QGroupBox(self.tr("PowerShell to request the pauses (Exchange Online)"))
        group.setLayout(ps)
        box.addWidget(group)
        box.addStretch(1)
        document.planChanged.connect(self.refresh)
        document.busyChanged.connect(self._busy)
        self.refresh()

    def _busy(self, busy: bool) -> None:
        if busy:
            self.objective.setText(self.objective.text() + "<br><i>"
                                   + self.tr("Re-planning…") + "</i>")

    @staticmethod
    def _group(title: str, widget: QWidget) -> QGroupBox:
        group = QGroupBox(title)
        inner = QVBoxLayout(group)
        if isinstance(widget, StageStrips):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(widget)
            scroll.setMaximumHeight(260)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            inner.addWidget(scroll)
        else:
            inner.addWidget(widget)
        return group

    def _lang(self) -> str:
        return ui_language()

    def refresh(self) -> None:
        """Redraw from the document's plan."""
        plan: Plan | None = self.document.plan
        if plan is None:
            self.objective.setText(self.tr("No plan yet."))
            self.strips.set_rows((), date.today(), date.today())
            self.gauge.set_years(())
            self.commands.setPlainText("")
            self.strips_note.setText("")
            self.today_group.setVisible(False)
            return
        policy = self.document.knowledge.policy
        self._show_today(plan)
        self.objective.setText(self.objective_text(plan.schedule.objective))
        self._show_strips(plan)
        self.strips_note.setText(self.note_text(plan))
        self.strips_note.setVisible(bool(self.strips_note.text()))
        self.gauge.set_years(budget_years(plan, policy.pause_max_days_per_year))
        self.commands.setPlainText(pause_script(plan, policy, self._lang()))

    def _show_today(self, plan: Plan) -> None:
        """Each judged server's stage on the plan's as-of date, worst first, coloured."""
        lang = self._lang()
        self.today_group.setVisible(bool(plan.today) and plan.as_of is not None)
        overrides = implied_overrides(plan.baseline_evidence)
        self.apply_baseline.setVisible(bool(overrides))
        self.apply_baseline.setText(self.tr("Apply Exchange Online's baseline: {keys}").format(
            keys=", ".join(f"{k} = \"{v}\"" for k, v in sorted(overrides.items()))))
        if not plan.today or plan.as_of is None:
            return
        self.today_group.setTitle(exo_text(lang, "today.heading", as_of=plan.as_of))
        rows = "".join(
            f'<tr><td><span style="color:{_RATING_COLOURS[line.rating]}">●</span> '
            f"<b>{escape(line.server)}</b></td><td>{escape(line.state)}</td>"
            f"<td>{escape(line.flow)}</td><td>{escape(line.next)}</td></tr>"
            for line in today_lines(plan.today, self.document.knowledge.policy, lang,
                                    plan.estate))
        self.today.setText(f'<table cellspacing="4">{rows}</table>')

    def apply_reported_baseline(self) -> None:
        """One click: the overrides Exchange Online's report implies, as one undoable edit."""
        plan: Plan | None = self.document.plan
        overrides = implied_overrides(plan.baseline_evidence) if plan else {}
        if not overrides:
            return
        merged = {**self.document.settings.policy_overrides, **overrides}
        try:  # the same check as the settings dialog and a project file: a bad value names its key
            load_knowledge(merged)
        except PlannerError as exc:
            QMessageBox.warning(self, self.tr("Apply Exchange Online's baseline"),
                                literal(error_words(exc, ui_language())))
            return
        submit_settings(self.document, self.tr("Apply Exchange Online's baseline"),
                        lambda s: replace(s, policy_overrides=merged))

    def _show_strips(self, plan: Plan) -> None:
        stages = plan_stages(plan, self.document.knowledge)
        rows = tuple(
            StripRow(e.server, e.first_detected, e.cutover, stages.get(e.server, ()),
                     e.first_detected_source)
            for e in sorted(plan.schedule.exposure, key=lambda e: (e.cutover or date.max,
                                                                    e.server))
        )
        ends = [plan.schedule.objective.finish or plan.settings.start]
        ends += [e.cutover for e in plan.schedule.exposure if e.cutover]
        first = min([plan.settings.start] + [e.first_detected for e in plan.schedule.exposure])
        # The strips start at the earliest first detection; the days before the plan counts
        # (today where the work starts later: a pause requested now is the plan's) are the
        # server's history (hatched), so a server detected in 2024 shows its stages.
        self.strips.set_rows(rows, first, max(ends) + timedelta(days=7), plan.counted_from)

    def note_text(self, plan: Plan) -> str:
        """Which first-detected dates are estimates, and which judged servers pass today."""
        exposed = {e.server.lower() for e in plan.schedule.exposure}
        passing = [a.name for a in plan.proposal.servers
                   if a.judged_by_exo and a.name.lower() not in exposed]
        estimated = [e.server for e in plan.schedule.exposure
                     if e.first_detected_source == "baseline"]
        lines = []
        if estimated:
            lines.append(self.tr(
                "First detection of {names} is an estimate (the day the minimum version took "
                "effect). Exchange Online reports the real date: run Get-OnPremServerReportInfo "
                "in Exchange Online PowerShell and enter it under Settings › Enforcement."
            ).format(names=", ".join(estimated)))
        if passing:
            lines.append(self.tr(
                "Not shown: {names}, at or above Exchange Online's minimum version today. That "
                "changes if Microsoft raises the minimum (expected, no date announced yet)."
            ).format(names=", ".join(passing)))
        return "<br>".join(escape(line) for line in lines)

    def objective_text(self, obj: Objective) -> str:
        """The objective in one paragraph: the four figures, then whether it is proven."""
        status = {
            "optimal": self.tr("proven optimal"),
            "feasible": self.tr("best found within the time limit, not proven optimal "
                                "(gap {gap})").format(gap=texts().percent(obj.gap)),
            "infeasible": self.tr("no schedule satisfies every constraint"),
            "unscheduled": self.tr("not scheduled"),
        }.get(obj.status, obj.status)
        finish = format_date(obj.finish) if obj.finish else "–"
        text = self.tr(
            "<b>Blocked days</b> {blocked} · <b>throttled days</b> {throttled} · "
            "<b>pause days</b> {pause} · <b>finish</b> {finish}<br>Status: {status}"
        ).format(blocked=obj.blocked_days, throttled=obj.throttled_days,
                 pause=obj.pause_days, finish=finish, status=status)
        reason = obj.reason(self._lang())
        # the reason names servers, DAGs, steps: customer data inside our markup
        return text + (f"<br><i>{escape(reason)}</i>" if reason else "")

    def copy_commands(self) -> None:
        """Put the PowerShell lines on the clipboard."""
        QGuiApplication.clipboard().setText(self.commands.toPlainText())
