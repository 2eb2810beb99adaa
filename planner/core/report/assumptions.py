"""The report's closing chapters: findings, planning assumptions, stages and sourced facts."""

from __future__ import annotations

from datetime import date
from typing import Any

from planner.core.build_lists import build_list_status
from planner.core.calendar import holiday_regions_text
from planner.core.fact_words import build_list_words, value_words
from planner.core.knowledge import Fact, Knowledge
from planner.core.model import Severity
from planner.core.outline import finding_place
from planner.core.plan import Plan
from planner.core.report.table import Row, Table
from planner.core.report.wording import Wording
from planner.core.settings import holiday_entry
from planner.core.step_source import source_words

__all__ = ["facts_table", "findings_table", "planning_table", "stage_table"]

MAX_FINDINGS = 80  # the rest is in the Excel plan; a report is not a log file
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def findings_table(plan: Plan, words: Wording) -> tuple[Table, str]:
    """Findings, errors first, and a note when some were left out (or there are none)."""
    ordered = sorted(plan.findings, key=lambda f: _SEVERITY_ORDER.get(f.severity, 3))
    shown = ordered[:MAX_FINDINGS]
    rows = tuple(
        Row((words("severity_" + f.severity.value), f.message(words.lang),
             finding_place(f, words.lang)),
            {"error": "bad", "warning": "warn"}.get(f.severity.value, ""))
        for f in shown
    )
    head = tuple(words(k) for k in ("col_severity", "col_message", "col_where"))
    if not ordered:
        note = words("findings_none")
    elif len(ordered) > len(shown):
        note = words("findings_more", count=len(ordered) - len(shown))
    else:
        note = ""
    return Table(head, rows, (12, 58, 30)), note


def _days(words: Wording, start: date, end: date) -> str:
    return words("days_range", start=words.date(start), end=words.date(end))


def planning_table(plan: Plan, knowledge: Knowledge, words: Wording) -> Table:
    """The settings the dates rest on, in words."""
    s = plan.settings
    weekdays = dict(zip(("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                        words("weekday_names").split(","), strict=True))
    rows = [
        (words("a_start"), words.date(s.start)),
        (words("a_calendar"), holiday_regions_text(plan.settings, plan.estate, words.lang)),
        (words("a_maintenance"),
         ", ".join(weekdays.get(d[:3].lower(), d) for d in s.maintenance_days)
         or words("none_word")),
        (words("a_consultants"), words.names([c.name for c in s.consultants], limit=12)
         or words("none_word")),
        (words("a_freezes"), "; ".join(
            f"{f.name}: {_days(words, f.start, f.end)}" if f.name else _days(words, f.start, f.end)
            for f in s.freezes) or words("none_word")),
        (words("a_throughput"), words("gb_per_day", value=words.number(s.throughput_gb_per_day))
         if s.throughput_gb_per_day else words("default_word")),
        (words("a_pause_used"), ", ".join(f"{y}: {d}" for y, d in sorted(s.pause_days_used.items()))
         or words("none_word")),
        (words("a_pause_rule"),
         words("a_pause_rule_value", days=knowledge.policy.pause_max_days_per_year)),
        # what the pause does to the stage clock is not Microsoft's word: said with its source
        (words("a_pause_clock"), _clock_words(knowledge, words)),
        (words("a_policy_start"), words.date(knowledge.policy.policy_start)),
    ]
    if s.working_holidays:  # the holidays the customer works, only where there are any
        rows.insert(2, (words("a_working_holidays"), "; ".join(
            words.date(e) if isinstance(e := holiday_entry(h), date) else e
            for h in s.working_holidays)))
    if any(step.unattended for step in plan.proposal.steps):  # only where batches move
        rows.insert(3, (words("a_complete_moves"), words("a_complete_moves_window")
                        if s.complete_moves_in_window else words("a_complete_moves_any")))
    return Table((words("col_item"), words("col_value")), tuple(Row(r) for r in rows), (40, 60))


def _clock_words(knowledge: Knowledge, words: Wording) -> str:
    frozen = knowledge.policy.pause_clock_frozen
    text = words("a_pause_clock_frozen" if frozen else "a_pause_clock_runs")
    fact = knowledge.facts.get("policy.pause_clock_frozen")
    return f"{text} — {_source(words, fact.source, fact.confidence)}" if fact else text


def stage_table(knowledge: Knowledge, words: Wording) -> Table:
    """Exchange Online's stage table with the action in the report's language."""
    rows = []
    for st in sorted(knowledge.policy.stages, key=lambda s: s.number):
        days = f"{st.start_day}–{st.end_day - 1}" if st.end_day is not None else f"{st.start_day}+"
        action = st.action(words.lang)
        rows.append(Row((str(st.number), days, action, st.smtp or "–",
                         _source(words, st.source, st.confidence), words.date(st.as_of))))
    head = tuple(words(k) for k in ("col_stage", "col_days", "col_action", "col_smtp",
                                    "col_source", "col_as_of"))
    return Table(head, tuple(rows), (7, 13, 26, 15, 27, 12))


def _source(words: Wording, source: str, confidence: str) -> str:
    shown = source_words(words.catalogue, source)
    label = words("confidence_" + confidence) if confidence in ("secondary", "unconfirmed") else ""
    # A source that already says it is unconfirmed is not told so twice.
    if label and label.lower() not in shown.lower():
        return f"{shown} ({label})"
    return shown


def _value(words: Wording, value: Any) -> str:
    if isinstance(value, bool):
        return words.yes_no(value)
    if isinstance(value, date):
        return words.date(value)
    if isinstance(value, list | tuple):
        return value_words(words.catalogue, value)
    if isinstance(value, int | float):
        return words.number(value)
    if value == "":
        return words("baseline_none")
    return value_words(words.catalogue, str(value))


def _fact_row(words: Wording, name: str, fact: Fact) -> Row:
    value = _value(words, fact.value)
    if fact.overridden_from is not None:
        value += " — " + words("overridden", value=_value(words, fact.overridden_from))
    return Row((name, value, _source(words, fact.source, fact.confidence), words.date(fact.as_of)),
               "warn" if fact.overridden_from is not None else "")


def facts_table(knowledge: Knowledge, words: Wording) -> Table:
    """The knowledge-base facts a customer should know, with source and as-of date; first the
    build list every build number of the plan comes from, so a reader sees how current it is."""
    rows = tuple(_fact_row(words, name, knowledge.facts[key])
                 for key, name in words.fact_names.items() if key in knowledge.facts)
    status = build_list_status(knowledge.builds)
    if status is not None:
        rows = (Row((words("build_list"), build_list_words(words.catalogue, status),
                     _source(words, status.source, "primary"), words.date(status.as_of))),
                *rows)
    head = tuple(words(k) for k in ("col_fact", "col_value", "col_source", "col_as_of"))
    return Table(head, rows, (32, 18, 38, 12))
