"""The executive summary in plain sentences: the estate, the deadlines, the recommendation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.enforcement import DetectionIndex, timeline
from planner.core.knowledge import Knowledge
from planner.core.knowledge_facts import facts_of
from planner.core.model import Severity
from planner.core.plan import Exposure, MigrationPath, Plan
from planner.core.report.timeline import stage_bands
from planner.core.report.wording import Wording
from planner.core.vocabulary import STAGE_KINDS

__all__ = [
    "Deadline",
    "deadlines",
    "estimate_note",
    "passing_sentences",
    "passing_servers",
    "recommendations",
    "risks",
    "summary_paragraphs",
]

PRODUCT_ORDER = ("SE", "2019", "2016", "2013", "")
FINDINGS_CHAPTER = 4
SOURCES_CHAPTER = 5


@dataclass(frozen=True)
class Deadline:
    """What Exchange Online does to one judged server's mail, without and with the plan."""

    server: str
    first_detected: date
    throttle_from: date  # if nothing is done
    block_from: date  # fully blocked, if nothing is done
    reject_from: date  # the first blocking stage (part of the mail rejected), if nothing is done
    cutover: date | None
    worst_stage: int  # highest stage reached under the plan (paused days not counted)
    worst_kind: str
    estimated: bool = False  # first detection assumed (baseline day), not reported by EXO


def _reported_throttle(exposure: Exposure, plan: Plan, index: DetectionIndex) -> date | None:
    """The day Exchange Online's report says throttling began: a fact, even where the
    report's later dates move the stage clock (say, after a pause the tenant took)."""
    if exposure.first_detected_source != "exo_report":
        return None
    server = plan.estate.server(exposure.server)
    row = index.row(exposure.server, server.fqdn if server else "")
    return row.throttle_date if row is not None else None


def _deadline(exposure: Exposure, plan: Plan, knowledge: Knowledge,
              index: DetectionIndex) -> Deadline:
    stages = timeline(knowledge.policy, exposure.anchors)  # the report's dates, piecewise
    # Only the plan's own days count: what happened before its first counted day (today
    # where the work starts later) is history.
    bands = [b for b in stage_bands(exposure, plan, knowledge) if b.end >= plan.counted_from]
    active = [b for b in bands if b.kind != "paused"]
    worst = max(active, key=lambda b: b.stage) if active else bands[-1] if bands else None
    return Deadline(
        server=exposure.server,
        first_detected=exposure.first_detected,
        # the report's throttling date, else the server's timeline (the stage table from
        # the latest stage the report dates)
        throttle_from=_reported_throttle(exposure, plan, index)
        or exposure.first_detected + timedelta(days=stages.thresholds()[0]),
        block_from=exposure.first_detected + timedelta(days=stages.last_stage_day()),
        reject_from=exposure.first_detected + timedelta(days=stages.first(("block",))),
        cutover=exposure.cutover,
        worst_stage=worst.stage if worst else 1,
        worst_kind=worst.kind if worst else "report",
        estimated=exposure.first_detected_source == "baseline",
    )


def deadlines(plan: Plan, knowledge: Knowledge) -> tuple[Deadline, ...]:
    """One entry per judged server, the most urgent (earliest full block) first."""
    index = DetectionIndex.build(plan.estate, plan.settings)
    rows = [_deadline(e, plan, knowledge, index) for e in plan.schedule.exposure]
    return tuple(sorted(rows, key=lambda d: (d.block_from, d.server.lower())))


def _customer(plan: Plan, words: Wording) -> str:
    return plan.settings.customer or plan.estate.organization.customer or words("the_customer")


def _estate_sentences(plan: Plan, words: Wording) -> list[str]:
    servers = plan.proposal.servers
    counts = Counter(a.product for a in servers)
    parts = [
        words("prod_count", count=counts[p], product=p) if p
        else words("prod_unknown", count=counts[p])
        for p in PRODUCT_ORDER if counts[p]
    ]
    only = next(iter(counts)) if len(counts) == 1 else ""
    if only:  # "one server (1 on Exchange 2019)", "5 servers: 5 on Exchange 2016" read oddly
        parts = [words("prod_single" if len(servers) == 1 else "prod_all", product=only)]
    sites = {s.site.lower() for s in plan.estate.servers if s.site} or {""}
    customer = _customer(plan, words)
    text = [words.plural("s_estate", len(servers), customer=customer, servers=len(servers),
                         sites=words.plural("n_sites", len(sites)), products=words.names(parts))]
    # A server of unknown version is not claimed to be out of support; it is named as unknown.
    unknown = [a.name for a in servers if not a.product]
    unsupported = [a.name for a in servers if not a.supported and a.product]
    if len(unsupported) == len(servers) > 1:
        text.append(words("s_unsupported_all"))
    elif len(unsupported) == len(servers) == 1:
        text.append(words("s_unsupported_single"))
    elif unsupported:
        text.append(words.plural("s_unsupported", len(unsupported), names=words.names(unsupported),
                                 count_word=words.count_word(len(unsupported))))
    elif servers and not unknown:
        text.append(words("s_all_supported"))
    if unknown:
        text.append(words("s_version_unknown", names=words.names(unknown),
                          chapter=FINDINGS_CHAPTER))
    return text


def _kind(words: Wording, kind: str) -> str:
    return words(STAGE_KINDS[kind].label_key)


def _deadline_sentences(plan: Plan, items: tuple[Deadline, ...], knowledge: Knowledge,
                        words: Wording) -> list[str]:
    judged = [a.name for a in plan.proposal.servers if a.judged_by_exo]
    if not judged and not items:
        return [words("s_judged_none")]
    text = [words.plural("s_judged", len(judged or items),
                         names=words.names(judged or [d.server for d in items]))]
    if items:
        first = items[0]
        now = next((t for t in plan.today if t.server == first.server), None)
        today = plan.as_of or plan.settings.start
        blocked = first.block_from <= today  # past dates are told in the past tense
        if now is not None and now.since and now.kind in ("throttle", "block") \
                and not first.estimated:
            # the state today, as the summary's table says it: no older stage named
            text.append(words("s_blocked_now" if blocked else "s_nothing_done_now",
                              server=first.server, stage=now.stage,
                              kind=_kind(words, now.kind), since=words.date(now.since),
                              block=words.date(first.block_from)))
        else:
            key = "s_blocked_already" if blocked else "s_nothing_done_already" \
                if first.throttle_from < today else "s_nothing_done"
            text.append(words(key + ("_est" if first.estimated else ""), server=first.server,
                              throttle=words.date(first.throttle_from),
                              block=words.date(first.block_from)))
        if not blocked and first.reject_from < first.block_from:
            # the first 550s come weeks before the complete block: the day that matters
            key = "s_rejects_since" if first.reject_from <= today else "s_rejects_from"
            text.append(words(key + ("_est" if first.estimated else ""),
                              reject=words.date(first.reject_from)))
    for d in items[:4]:
        if d.cutover is None:
            text.append(words("s_plan_never", server=d.server))
        elif d.worst_kind == "paused":
            text.append(words("s_plan_paused", server=d.server, cutover=words.date(d.cutover)))
        elif d.worst_kind == "report":
            key = "s_plan_before_paused" if d.cutover >= d.throttle_from else "s_plan_before"
            text.append(words(key, server=d.server, cutover=words.date(d.cutover)))
        else:
            text.append(words("s_plan_after", server=d.server, cutover=words.date(d.cutover),
                              stage=d.worst_stage, kind=_kind(words, d.worst_kind)))
    text += passing_sentences(plan, knowledge, words)
    estimated = [d.server for d in items if d.estimated]
    if estimated:
        text.append(estimate_note(estimated, knowledge, words))
    return text


def passing_servers(plan: Plan) -> list[str]:
    """Judged servers without exposure: they meet Exchange Online's minimum version today."""
    exposed = {e.server.lower() for e in plan.schedule.exposure}
    return [a.name for a in plan.proposal.servers
            if a.judged_by_exo and a.name.lower() not in exposed]


def _exit_day(plan: Plan, servers: list[str]) -> date | None:
    """The day the last of these servers leaves Exchange Online's view under the plan."""
    wanted = {s.lower() for s in servers}
    ends = {d.step_id: d.end for d in plan.schedule.steps}
    days: dict[str, date] = {}
    for step in plan.proposal.steps:
        for name in step.exits_exo_view:
            if name.lower() in wanted and step.id in ends:
                days[name.lower()] = max(days.get(name.lower(), date.min), ends[step.id])
    return max(days.values()) if wanted and set(days) == wanted else None


def passing_sentences(plan: Plan, knowledge: Knowledge, words: Wording) -> list[str]:
    """Why a judged server is not in the deadline table, and when that may change."""
    names = passing_servers(plan)
    if not names:
        return []
    text = [words.plural("s_passing", len(names), names=words.names(names))]
    text.append(words("s_raise" if facts_of(knowledge).later_raise_expected
                      else "s_raise_possible"))
    day = _exit_day(plan, names)
    if day is not None:
        text.append(words.plural("s_raise_plan", len(names), names=words.names(names),
                                 date=words.date(day)))
    return text


def estimate_note(servers: list[str], knowledge: Knowledge, words: Wording) -> str:
    """Says that a first-detection date is assumed and where the real one comes from."""
    return words.plural("s_estimated", len(servers), names=words.names(servers),
                        cmdlet=facts_of(knowledge).report_cmdlet)


def recommendations(plan: Plan, words: Wording) -> tuple[str, ...]:
    """One line per migration path in use, naming the servers."""
    lines: list[str] = []
    for path in (MigrationPath.DECOMMISSION, MigrationPath.CU_THEN_IN_PLACE,
                 MigrationPath.IN_PLACE, MigrationPath.SIDE_BY_SIDE):
        names = [a.name for a in plan.proposal.servers if a.path == path]
        if path is MigrationPath.SIDE_BY_SIDE:  # an Edge holds no mailboxes to move
            edges = [n for n in names if (s := plan.estate.server(n)) is not None and s.is_edge]
            names = [n for n in names if n not in edges]
            if edges:
                lines.append(words("r_side_by_side_edge", names=words.names(edges, limit=10)))
        if names:
            lines.append(words("r_" + path.value, names=words.names(names, limit=10)))
    return tuple(lines)


def _plan_sentences(plan: Plan, knowledge: Knowledge, words: Wording) -> list[str]:
    obj = plan.schedule.objective
    steps = len(plan.proposal.steps)
    starts = [s.start for s in plan.schedule.steps]
    if obj.finish and starts:
        text = [words("s_finish", steps=steps, start=words.date(min(starts)),
                      finish=words.date(obj.finish))]
    else:
        text = [words("s_unscheduled", steps=steps,
                      reason=obj.reason(words.lang) or obj.status)]
    if plan.schedule.exposure:
        # counted from the plan's first counted day (its as-of date where that comes first)
        start = words.date(plan.counted_from)
        if obj.blocked_days or obj.throttled_days:
            # "throttled on 0 days" is no sentence: a count of none leaves its clause out
            key = "s_exposure" if obj.blocked_days and obj.throttled_days else \
                "s_exposure_blocked" if obj.blocked_days else "s_exposure_throttled"
            text.append(words(key, throttled=words.plural("n_days_on", obj.throttled_days),
                              blocked=words.plural("n_days_on", obj.blocked_days),
                              start=start))
        else:
            text.append(words("s_exposure_clean", start=start))
        text.append(_pause_sentence(plan, knowledge, words))
    return text


def _pause_sentence(plan: Plan, knowledge: Knowledge, words: Wording) -> str:
    pauses = plan.schedule.pauses
    if not pauses:
        return words("s_no_pauses")
    detail = "; ".join(words("s_pause_item", start=words.date(p.start), end=words.date(p.end),
                             length=words.plural("n_days", p.days)) for p in pauses)
    return words("s_pauses", used=words.plural("n_days", sum(p.days for p in pauses)),
                 detail=detail, max=knowledge.policy.pause_max_days_per_year)


def summary_paragraphs(plan: Plan, knowledge: Knowledge, words: Wording,
                       printed: date | None = None) -> tuple[str, ...]:
    """The summary's paragraphs: estate, deadlines, plan (the recommendation is a list);
    ``printed``: the report's date on its cover."""
    paragraphs = [
        " ".join(_estate_sentences(plan, words)),
        " ".join(_deadline_sentences(plan, deadlines(plan, knowledge), knowledge, words)),
        " ".join(_plan_sentences(plan, knowledge, words)),
    ]
    errors, warnings = _finding_counts(plan)
    if errors or warnings:
        counts = [words.plural(key, n) for key, n in (("n_errors", errors),
                                                      ("n_warnings", warnings)) if n]
        paragraphs.append(words.plural("s_findings", errors + warnings,  # "lists it/them"
                                       counts=words.names(counts), chapter=FINDINGS_CHAPTER))
    # what makes the dates themselves wrong is said here, not only in the appendix
    paragraphs += [words("s_attention", text=f.message(words.lang)) for f in plan.findings
                   if f.code in HEADLINE_CODES]
    if printed is not None and plan.as_of is not None and plan.as_of > printed:
        # "today" in this report is the plan's as-of date, not the cover's
        paragraphs.append(words("s_attention", text=words(
            "s_as_of_after_print", as_of=words.date(plan.as_of), printed=words.date(printed))))
    elif printed is not None and plan.as_of is not None \
            and (printed - plan.as_of).days > STALE_AS_OF_DAYS:
        # a review: the cover said 7 Dec, "the state today" 20 Nov, "to do now" listed
        # tasks due before the 7th, and the hub had reached stage 8 in between
        paragraphs.append(words("s_attention", text=words.plural(
            "s_as_of_before_print", (printed - plan.as_of).days,
            as_of=words.date(plan.as_of), printed=words.date(printed))))
    return tuple(paragraphs)


STALE_AS_OF_DAYS = 7  # an as-of date this many days before the report's date is old news


# Findings about the plan's dates as a whole: steps or pauses in the past, the closing
# milestone after the update that refuses the old servers.
HEADLINE_CODES = frozenset({"PLAN-START-BEFORE-AS-OF", "PAUSE-IN-PAST",
                            "RULES-SE-CU-BLOCKING-LATE"})


def _finding_counts(plan: Plan) -> tuple[int, int]:
    counts = Counter(f.severity for f in plan.findings)
    return counts[Severity.ERROR], counts[Severity.WARNING]


def risks(plan: Plan, knowledge: Knowledge, words: Wording) -> tuple[str, ...]:
    """The risks a manager should know about, most serious first."""
    obj = plan.schedule.objective
    items: list[str] = []
    if obj.status == "infeasible":
        reason = obj.reason(words.lang)
        items.append(words("risk_infeasible", reason=reason or obj.status))
    if obj.blocked_days:
        items.append(words.plural("risk_blocked", obj.blocked_days))
    if obj.throttled_days:
        items.append(words.plural("risk_throttled", obj.throttled_days))
    unsupported = sum(1 for a in plan.proposal.servers if not a.supported)
    if unsupported:
        items.append(words.plural("risk_unsupported", unsupported))
    errors, warnings = _finding_counts(plan)
    if errors + warnings:
        items.append(words.plural("risk_findings", errors + warnings))
    if any(s.confidence != "primary" for s in knowledge.policy.stages):
        items.append(words("risk_facts", chapter=SOURCES_CHAPTER))
    return tuple(items) or (words("risk_none"),)
