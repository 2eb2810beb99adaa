"""Turns a Plan into the plain, language-specific values the report template prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from planner.core.exo_view import exo_text
from planner.core.knowledge import Knowledge
from planner.core.plan import Objective, Plan
from planner.core.report import assumptions, management
from planner.core.report.estate_figure import estate_figures
from planner.core.report.figure import Figure, figure_to_svg
from planner.core.report.gantt import gantt_figures
from planner.core.report.logo import logo_data_uri
from planner.core.report.risk_register import risk_table
from planner.core.report.step_cards import PhaseSection, phase_sections
from planner.core.report.summary import (
    deadlines,
    passing_servers,
    recommendations,
    summary_paragraphs,
)
from planner.core.report.table import Row, Table
from planner.core.report.timeline import timeline_figures
from planner.core.report.transport import TransportSection, transport_section
from planner.core.report.wording import Wording, load_wording
from planner.core.settings_defaults import with_names_in
from planner.core.today_words import today_lines
from planner.core.vocabulary import PATHS, STAGE_KINDS, StageKind

__all__ = ["Cover", "FigureRef", "PhaseSection", "ReportContext", "build_context"]


@dataclass(frozen=True)
class Cover:
    """The title page."""

    customer: str
    prepared_by: str
    logo_uri: str
    date: str
    version: str
    knowledge_as_of: str


@dataclass(frozen=True)
class FigureRef:
    """A figure in the text: its drawing, caption and whether it starts a new page."""

    figure: Figure
    caption: str
    svg: str
    new_page: bool = False


@dataclass(frozen=True)
class ReportContext:
    """Everything the template needs, already worded in one language."""

    lang: str
    t: dict[str, str]
    cover: Cover
    today: Table
    summary: tuple[str, ...]
    recommendations: tuple[str, ...]
    key_figures: Table
    deadlines: Table
    deadlines_note: str
    products: Table
    servers: Table
    estate_figures: tuple[FigureRef, ...]
    timeline_figures: tuple[FigureRef, ...]
    gantt_figures: tuple[FigureRef, ...]
    phases: tuple[PhaseSection, ...]
    confidence: str
    actions: Table
    decisions: Table
    effort: Table
    pause_reserve: Table
    risks: Table
    findings: Table
    findings_note: str
    planning: Table
    stages: Table
    facts: Table
    transport: TransportSection | None = None


def _cover(plan: Plan, knowledge: Knowledge, words: Wording, today: date) -> Cover:
    s = plan.settings
    return Cover(
        customer=s.customer or plan.estate.organization.customer or words("common.no_customer"),
        prepared_by=", ".join(p for p in (s.consultant_name, s.company) if p),
        logo_uri=logo_data_uri(s.logo_path),
        date=words.date(today),
        version=s.plan_version,
        knowledge_as_of=words.date(knowledge.as_of),
    )


def _key_figures(plan: Plan, words: Wording) -> Table:
    obj = plan.schedule.objective
    starts = [s.start for s in plan.schedule.steps]
    rows = [
        (words("k_servers"), str(len(plan.proposal.servers))),
        (words("k_unsupported"), str(sum(1 for a in plan.proposal.servers if not a.supported))),
        (words("k_judged"), str(sum(1 for a in plan.proposal.servers if a.judged_by_exo))),
        (words("k_steps"), str(len(plan.proposal.steps))),
        (words("k_start"), _start(plan, min(starts), words) if starts else "–"),
        (words("k_finish"), words.date(obj.finish)),
        (words("k_pause_days"), str(sum(p.days for p in plan.schedule.pauses))),
        (words("k_throttled", day=words.date(plan.counted_from)), str(obj.throttled_days)),
        (words("k_blocked", day=words.date(plan.counted_from)), str(obj.blocked_days)),
        (words("k_status"), _quality(obj, words, plan.settings.start)),
    ]
    return Table((), tuple(Row(r, "bad" if r[0] == rows[-2][0] and r[1] != "0" else "")
                           for r in rows), (60, 40))


def _start(plan: Plan, first: date, words: Wording) -> str:
    """The first step's day; where a pause needed now comes before the plan start, both
    (a PMO read "Start 7 Dec" in the key figures and "Earliest start 8 Dec" beside it)."""
    if first < plan.settings.start:
        return words("k_start_pause_first", first=words.date(first),
                     start=words.date(plan.settings.start))
    return words.date(first)


def _quality(obj: Objective, words: Wording, start: date | None = None) -> str:
    """How good the schedule is, in a manager's words rather than the solver's status: for
    a plan not proven best, the figure still open and what no plan beats (a PMO read "at
    most 76 % from the best possible" and could not tell of what)."""
    if obj.status == "feasible" and obj.gap > 0:
        values = (obj.blocked_days, obj.throttled_days, obj.pause_days)
        for what, value, least in zip(("blocked", "throttled", "pause"), values, obj.floor,
                                      strict=False):
            if value > least:  # the first figure open: what any plan has at least
                return words.plural(f"status_feasible_{what}", value, least=least)
            if value < least:
                break  # a floor from another plan's objectives: say it as a share
        else:
            if len(obj.floor) >= 3 and start is not None and obj.finish is not None:
                sooner = round(obj.gap * (obj.finish - start).days)
                if sooner > 0:
                    return words.plural("status_feasible_finish", sooner)
        # at least 1 %: "0 %" would read as the best possible
        return words("status_feasible_gap", gap=words.catalogue.percent(max(0.01, obj.gap)))
    reason = obj.reason(words.lang)
    if obj.status == "infeasible" and reason:
        return words("status_infeasible_reason", reason=reason)
    key = "status_" + obj.status
    return words(key) if key in words.labels else obj.status


def _deadline_table(plan: Plan, knowledge: Knowledge, words: Wording) -> Table:
    rows = []
    for d in deadlines(plan, knowledge):
        if d.cutover is None:
            under = words("never")
        elif d.worst_kind == "report":
            # past the day throttling would begin: the pause held its clock back
            under = words("before_throttling_paused" if d.cutover >= d.throttle_from
                          else "before_throttling")
        elif d.worst_kind == "paused":
            under = words(STAGE_KINDS[StageKind.PAUSED].label_key)
        else:
            kind = words(STAGE_KINDS[d.worst_kind].label_key)
            under = words("worst_stage", stage=d.worst_stage, kind=kind)
        cls = "bad" if d.worst_kind == "block" or d.cutover is None else \
            "warn" if d.worst_kind in ("throttle", "paused") else "good"
        detected = words.date(d.first_detected)
        if d.estimated:
            detected = words("estimated_date", date=detected)
        rows.append(Row((d.server, detected, words.date(d.throttle_from),
                         words.date(d.block_from), words.date(d.cutover), under), cls))
    head = tuple(words(k) for k in ("col_server", "col_first_detected", "col_throttle",
                                    "col_block", "col_cutover", "col_under_plan"))
    return Table(head, tuple(rows), (16, 14, 14, 16, 16, 24))


def _today_table(plan: Plan, knowledge: Knowledge, lang: str) -> Table:
    """The summary's opening: each judged server's stage today, red/amber/green, and the
    mail flow to Exchange Online it carries."""
    cls = {"red": "bad", "amber": "warn", "green": "good"}
    # Per server and per mail flow: the stage, and which mail to Exchange Online it hits.
    rows = tuple(Row((line.server, line.state, line.flow, line.next), cls[line.rating])
                 for line in today_lines(plan.today, knowledge.policy, lang, plan.estate))
    head = tuple(exo_text(lang, f"today.{k}")
                 for k in ("col_server", "col_state", "col_flow", "col_next"))
    title = exo_text(lang, "today.heading", as_of=plan.as_of) if plan.as_of else ""
    return Table(head, rows, (13, 36, 27, 24), title=title)


def _deadline_note(plan: Plan, words: Wording) -> str:
    """Names the judged servers the deadline table leaves out, and why."""
    names = passing_servers(plan)
    if not names or not plan.schedule.exposure:
        return ""
    return words.plural("t_not_listed", len(names), names=words.names(names))


def _product_table(plan: Plan, words: Wording) -> Table:
    counts = Counter((a.product, a.release) for a in plan.proposal.servers)
    bad = Counter((a.product, a.release) for a in plan.proposal.servers if not a.supported)
    order = {"SE": 0, "2019": 1, "2016": 2, "2013": 3}
    keys = sorted(counts, key=lambda k: (order.get(k[0], 9), k[1]))
    unknown = words("common.unknown")
    rows = tuple(Row((f"Exchange {p}" if p else unknown, r or "–", str(counts[(p, r)]),
                      str(bad[(p, r)]) if bad[(p, r)] else "–"), "warn" if bad[(p, r)] else "")
                 for p, r in keys)
    head = tuple(words(k) for k in ("col_product", "col_release", "col_count", "col_unsupported"))
    return Table(head, rows, (30, 40, 15, 15))


def _server_table(plan: Plan, words: Wording) -> Table:
    assessed = {a.name.lower(): a for a in plan.proposal.servers}
    rows = []
    for server in plan.estate.servers:
        a = assessed.get(server.name.lower())
        product = f"{a.product} {a.release}".strip() if a else ""
        rows.append(Row((
            server.name, server.site or "–", product or words("common.unknown"),
            a.build if a and a.build else server.build or "–",
            words.yes_no(a.supported if a else None),
            words.yes_no(a.judged_by_exo if a else server.judged_by_exo),
            words(PATHS[a.path].label_key) if a else "–",
        ), "warn" if a and not a.supported else ""))
    head = tuple(words(k) for k in ("col_server", "col_site", "col_release", "col_build",
                                    "col_supported", "col_judged", "col_path"))
    return Table(head, tuple(rows), (13, 11, 16, 14, 12, 13, 21))


def _figure_refs(figures: tuple[Figure, ...], key: str, number: int, words: Wording,
                 split_key: str = "") -> tuple[FigureRef, ...]:
    refs = []
    for i, fig in enumerate(figures):
        if split_key and len(figures) > 1:
            caption = words(split_key, n=number + i, part=i + 1, parts=len(figures))
        else:
            caption = words(key, n=number + i)
        refs.append(FigureRef(fig, caption, figure_to_svg(fig), new_page=i > 0))
    return tuple(refs)


def build_context(plan: Plan, knowledge: Knowledge, lang: str,
                  today: date | None = None) -> ReportContext:
    """All values of the report in ``lang`` ("de" or "en")."""
    words = load_wording(lang)
    plan = with_names_in(plan, words.lang)
    # Numbered in reading order: the timeline sits in the summary, before the overview.
    timeline = _figure_refs(timeline_figures(plan, knowledge, words), "fig_timeline", 1, words)
    estate = _figure_refs(estate_figures(plan, words), "fig_graph", 1 + len(timeline), words)
    gantt = _figure_refs(gantt_figures(plan, words, plan.as_of or today), "fig_gantt_single",
                         1 + len(estate) + len(timeline), words, "fig_gantt")
    findings, note = assumptions.findings_table(plan, words)
    return ReportContext(
        lang=words.lang,
        t=dict(words.labels),
        cover=_cover(plan, knowledge, words, today or date.today()),
        today=_today_table(plan, knowledge, words.lang),
        summary=summary_paragraphs(plan, knowledge, words, today or date.today()),
        recommendations=recommendations(plan, words),
        key_figures=_key_figures(plan, words),
        deadlines=_deadline_table(plan, knowledge, words),
        deadlines_note=_deadline_note(plan, words),
        products=_product_table(plan, words),
        servers=_server_table(plan, words),
        estate_figures=estate,
        timeline_figures=timeline,
        gantt_figures=gantt,
        phases=phase_sections(plan, knowledge, words),
        confidence=words("s_confidence", finish=words.date(plan.schedule.objective.finish),
                         quality=_quality(plan.schedule.objective, words,
                                          plan.settings.start)),
        actions=management.action_table(plan, words),
        decisions=management.decision_table(plan, words, knowledge),
        effort=management.effort_table(plan, words),
        pause_reserve=management.pause_reserve_table(plan, knowledge, words),
        risks=risk_table(plan, knowledge, words),
        findings=findings,
        findings_note=note,
        planning=assumptions.planning_table(plan, knowledge, words),
        stages=assumptions.stage_table(knowledge, words),
        facts=assumptions.facts_table(knowledge, words),
        transport=transport_section(plan, words.lang),
    )
