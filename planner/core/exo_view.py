"""Exchange Online's own view of the estate: where its report disagrees with the knowledge base.

Exchange Online's ``Get-OnPremServerReportInfo`` is the truth for the servers it judges. This
module turns disagreements between it and the planner's own knowledge into findings (data
plus words from ``resources/text/<lang>/exo.toml``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from planner.core.build_lifecycle import below_baseline
from planner.core.builds import BuildInfo, BuildParseError, identify, parse_build_number
from planner.core.catalogue import catalogue
from planner.core.enforcement import DetectionIndex, first_detection
from planner.core.explanation import message
from planner.core.knowledge import Knowledge
from planner.core.model import Estate, ExoReport, Finding, Severity
from planner.core.plan import BaselineEvidence, Pause, Plan
from planner.core.settings import Settings
from planner.core.stage_timeline import reported_stages

__all__ = [
    "as_of_findings",
    "baseline_evidence",
    "evidence_findings",
    "exo_text",
    "future_report_findings",
    "implied_overrides",
    "knowledge_findings",
    "other_knowledge",
    "owner_text",
    "report_findings",
    "unknown_detection_findings",
]


def exo_text(lang: str, key: str, **fields: Any) -> str:
    """The catalogue message ``exo.<key>`` in ``lang`` with its fields (dates formatted)."""
    return catalogue(lang)(f"exo.{key}", **fields)


def owner_text(lang: str, owner: str) -> str:
    """Who does a step: a role from the catalogue (``exo_admin``), else the team or person
    the inventory names (a relay client's owner, "SAP Basis"), as given."""
    cat = catalogue(lang)
    return cat(f"exo.owner.{owner}") if cat.has(f"exo.owner.{owner}") else owner


def _finding(severity: Severity, code: str, key: str, target: str, **fields: Any) -> Finding:
    """A finding worded by ``exo.<key>``; a field ``"@key"`` is the message ``exo.key``."""
    return Finding.about(severity, code, target, text_key=f"exo.{key}", **{
        k: message(f"exo.{v[1:]}") if isinstance(v, str) and v.startswith("@") else v
        for k, v in fields.items()})


def other_knowledge(plan: Plan, knowledge: Knowledge) -> bool:
    """Whether the plan was made with other knowledge than ``knowledge`` (an imported build
    list, a new release). The fingerprint decides; a plan from an older version that has
    none is compared by as-of date."""
    if plan.knowledge_id and knowledge.fingerprint:
        return plan.knowledge_id != knowledge.fingerprint
    return plan.knowledge_as_of not in (None, knowledge.as_of)


def knowledge_findings(plan: Plan | None, knowledge: Knowledge) -> tuple[Finding, ...]:
    """A note when a plan was made with other (older) knowledge than the planner has now."""
    if plan is None or plan.knowledge_as_of is None or not other_knowledge(plan, knowledge):
        return ()
    if plan.knowledge_as_of < knowledge.as_of:
        return (_finding(Severity.WARNING, "PLAN-KNOWLEDGE-OLDER", "plan.knowledge_older",
                         "project", planned=plan.knowledge_as_of, now=knowledge.as_of),)
    # the same day's knowledge, changed since (say, a second list imported that day)
    return (_finding(Severity.WARNING, "PLAN-KNOWLEDGE-OLDER", "plan.knowledge_changed",
                     "project", now=knowledge.as_of),)


def as_of_findings(settings: Settings, as_of: date,
                   pauses: tuple[Pause, ...] = ()) -> tuple[Finding, ...]:
    """A warning when the plan starts before its own "today", and one per pause the plan
    proposes that is over before it: nobody can request it any more (a pause the consultant
    recorded as fixed is history)."""
    if settings.start >= as_of:
        return ()
    recorded = set(settings.fixed_pauses or ())
    return (_finding(Severity.WARNING, "PLAN-START-BEFORE-AS-OF", "plan.start_before_as_of",
                     "project", start=settings.start, as_of=as_of),
            *(_finding(Severity.WARNING, "PAUSE-IN-PAST", "plan.pause_in_past", "project",
                       n=n, start=p.start, end=p.end, as_of=as_of,
                       days=message("exo.pause_error.days", count=p.days))
              for n, p in enumerate(pauses, start=1)
              if p.end < as_of and (p.start, p.days) not in recorded))


def future_report_findings(estate: Estate, as_of: date) -> tuple[Finding, ...]:
    """A warning per report row dated after the plan's as-of date: a report cannot know
    the future (a day-first date read month-first, or the as-of date set too early)."""
    out = []
    for row in estate.exo_reports:
        days = [d for d in (row.first_detected, row.throttle_date, row.block_date) if d]
        if days and min(days) > as_of:
            out.append(_finding(Severity.WARNING, "EXO-REPORT-AFTER-AS-OF",
                                "finding.report_after_as_of", f"server:{row.server_fqdn}",
                                server=row.server_fqdn, reported=min(days), as_of=as_of))
    return tuple(out)


def unknown_detection_findings(estate: Estate, settings: Settings) -> tuple[Finding, ...]:
    """A warning per first-detected date in the settings whose server the inventory does
    not hold (by name, FQDN or the FQDN's first label): a typo's date was never used."""
    known = {k for s in estate.servers for full in (s.name, s.fqdn)
             for k in (full.strip().lower(), full.strip().lower().split(".", 1)[0])} - {""}
    return tuple(
        _finding(Severity.WARNING, "EXO-DETECTED-UNKNOWN-SERVER", "finding.detected_unknown",
                 f"server:{name}", server=name, detected=day)
        for name, day in sorted(settings.first_detected.items())
        if name.strip().lower() not in known
        and name.strip().lower().split(".", 1)[0] not in known)


def _clock_findings(row: ExoReport, name: str, knowledge: Knowledge) -> list[Finding]:
    """One warning per reported stage date that the stage table, counted from the report's
    earlier stage dates, does not give: the report wins for that stage, and the stages it
    does not date follow the table from the latest stage it dates; a date that contradicts
    the report's earlier stage dates is named as ignored."""
    detected, dates = reported_stages(row, knowledge.policy)
    out = []
    for reported in dates:
        if not reported.disagrees:
            continue
        key = "finding.report_stage_ignored" if reported.ignored else "finding.report_stage"
        out.append(_finding(Severity.WARNING, "EXO-REPORT-CLOCK", key, f"server:{name}",
                            server=name, what=f"@finding.what_{reported.what}",
                            stage=reported.stage, reported=reported.day, detected=detected,
                            expected=reported.expected))
    return out


def report_findings(estate: Estate, settings: Settings,
                    knowledge: Knowledge) -> tuple[Finding, ...]:
    """Where Exchange Online's report and the planner's knowledge disagree, per server."""
    index = DetectionIndex.build(estate, settings)
    out: list[Finding] = []
    for server in estate.servers:
        row = index.row(server.name, server.fqdn)
        found = first_detection(server.name, estate, settings, knowledge, index, server)
        if row is not None and found is not None and found.source == "exo_report":
            out.extend(_clock_findings(row, server.name, knowledge))
    return tuple(out)


def _identified(build: str, knowledge: Knowledge) -> BuildInfo | None:
    try:
        return identify(build, knowledge)
    except BuildParseError:  # identify raises nothing else for text; the rest is a bug
        return None


def _line_baseline(info: BuildInfo, on: date, knowledge: Knowledge) -> str | None:
    """The baseline build of this build's line in force on ``on`` (None: no row in force)."""
    rows = [b for b in knowledge.policy.baselines if b.product == info.product
            and b.line == info.cu and b.effective_from <= on]
    return max(rows, key=lambda b: b.effective_from).min_build if rows else None


def _recommended(estate: Estate, knowledge: Knowledge) -> tuple[BuildInfo, ...]:
    """Every build any row of the report recommends, identified (SE is its own product)."""
    found = (_identified(b, knowledge) for r in estate.exo_reports for b in r.recommended_builds)
    return tuple(sorted((b for b in found if b is not None), key=lambda b: b.number.sort_key))


def _accepted(estate: Estate, pool: tuple[BuildInfo, ...],
              knowledge: Knowledge) -> tuple[BuildInfo, ...]:
    """The recommended builds a baseline can be: none at or below a build of the same line
    that a row of the same report judges (a stale row's recommendation: Exchange Online has
    judged that build or a newer one, and proposing it would undo the override the judged
    row implies)."""
    judged = [b for b in (_identified(r.build, knowledge) for r in estate.exo_reports
                          if r.build) if b is not None]
    return tuple(b for b in pool if not any(
        (j.product, j.cu) == (b.product, b.cu) and j.number.sort_key >= b.number.sort_key
        for j in judged))


def _reported_minimum(info: BuildInfo, pool: tuple[BuildInfo, ...]) -> BuildInfo | None:
    """The oldest build of this build's product the report accepts for its line, across
    all rows: the oldest of the same line, else the oldest of a later line (no build of
    this line passes, said as a real build). None: no row recommends this product."""
    ours = [b for b in pool if b.product == info.product]
    same = [b for b in ours if b.cu == info.cu]
    later = [b for b in ours if b.cu != info.cu and b.number.sort_key > info.number.sort_key]
    chosen = same or later
    return chosen[0] if chosen else None


def _agrees(known: str, reported: BuildInfo, info: BuildInfo) -> bool:
    """Whether the known baseline of a line ("" = none passes) says what the report says."""
    if not known:
        return reported.cu != info.cu  # the report accepts only later lines: none passes
    return parse_build_number(known).sort_key == reported.number.sort_key


def _evidence(row: ExoReport, name: str, build: str, on: date, knowledge: Knowledge,
              pool: tuple[BuildInfo, ...],
              accepted: tuple[BuildInfo, ...]) -> BaselineEvidence | None:
    info = _identified(build, knowledge)
    if info is None or info.product not in ("2016", "2019") or not info.cu:
        return None  # 2013 is always judged; SE has no baseline row to correct
    key = f"baseline.{info.product}.{info.cu}"
    lowest = _reported_minimum(info, accepted)
    if not below_baseline(info, on, knowledge):
        # Judged although compliant by our table: the report's oldest accepted build of the
        # product must lie above this one, else it gives no baseline to set (say why).
        if _reported_minimum(info, pool) is None:
            return BaselineEvidence(name, build, key, "", "judged_compliant",
                                    row.recommended_builds, "no_build_of_product")
        if lowest is None or lowest.number.sort_key <= info.number.sort_key:
            return BaselineEvidence(name, build, key, "", "judged_compliant",
                                    row.recommended_builds, "none_above_build")
        return BaselineEvidence(name, build, key, str(lowest.number), "judged_compliant",
                                row.recommended_builds)
    own = [b for b in (_identified(x, knowledge) for x in row.recommended_builds)
           if b is not None and b.product == info.product]
    known = _line_baseline(info, on, knowledge)
    if own and lowest is not None and known is not None and not _agrees(known, lowest, info):
        return BaselineEvidence(name, build, key, str(lowest.number), "recommends_other",
                                row.recommended_builds)
    return None


def baseline_evidence(estate: Estate, settings: Settings, knowledge: Knowledge,
                      on: date) -> tuple[BaselineEvidence, ...]:
    """Per reported server: what the report says about the baseline that we do not know.
    The value a line's override takes comes from all rows together, so one server whose
    row lists only SE builds cannot drop the build another row recommends."""
    index = DetectionIndex.build(estate, settings)
    day = max(on, knowledge.policy.policy_start)
    pool = _recommended(estate, knowledge)
    accepted = _accepted(estate, pool, knowledge)
    out: list[BaselineEvidence] = []
    for server in estate.servers:
        row = index.row(server.name, server.fqdn)
        build = (row.build or server.build) if row else ""
        found = _evidence(row, server.name, build, day, knowledge, pool, accepted) \
            if row and build else None
        if found is not None:
            out.append(found)
    return tuple(out)


def implied_overrides(evidence: tuple[BaselineEvidence, ...]) -> dict[str, str]:
    """One override per key; evidence that proposes none (``value`` "") sets nothing, and
    where values differ the strictest (highest) build wins."""
    out: dict[str, str] = {}
    for e in evidence:
        kept = out.get(e.key)
        if e.value and (kept is None or parse_build_number(e.value).sort_key
                        > parse_build_number(kept).sort_key):
            out[e.key] = e.value
    return out


def _distinct(builds: tuple[str, ...]) -> tuple[str, ...]:
    """Each recommended build once, in the usual notation: the report often lists a build
    twice (``{15.2.2562.46, 15.02.2562.046}``), which the finding would name as two."""
    out: list[str] = []
    for text in builds:
        try:
            shown = str(parse_build_number(text))
        except BuildParseError:
            shown = text.strip()
        if shown not in out:
            out.append(shown)
    return tuple(out)


def evidence_findings(evidence: tuple[BaselineEvidence, ...]) -> tuple[Finding, ...]:
    """A warning per server whose report shows the baseline moved, naming the override
    (or why there is none to propose)."""
    out = []
    for e in evidence:
        extra: dict[str, Any]
        if e.why:
            text, extra = "exo.finding.baseline_judged_no_override", {
                "why": message(f"exo.finding.why_{e.why}", product=e.key.split(".")[1],
                               build=e.build)}
        else:
            text = "exo.finding.baseline_judged" if e.cause == "judged_compliant" else \
                "exo.finding.baseline_recommends"
            _, product, line = [*e.key.split("."), "", ""][:3]  # "baseline.2019.CU15"
            extra = {"product": product, "line": line, "value": e.value}
        recommended = _distinct(e.recommended) or message("exo.finding.nothing_recommended")
        out.append(Finding.about(Severity.WARNING, "EXO-BASELINE-MOVED", f"server:{e.server}",
                                 text_key=text, server=e.server, build=e.build,
                                 recommended=recommended, **extra))
    return tuple(out)
