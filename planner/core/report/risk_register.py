"""The risk register: risks the plan itself shows, each with probability, impact, owner,
mitigation and the step or finding it comes from.

Sources: a plan that cannot keep mail flowing (throttled or blocked days, no valid
schedule), a cutover that ends with little or no float before a pause ends, a customer task
that the next step waits for (critical path), devices and applications to re-point, dates
resting on unconfirmed facts (the SE update that refuses older servers), servers without
security updates and open findings of the import (listed in the appendix).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from planner.core.enforcement import daily_stages
from planner.core.knowledge import Knowledge
from planner.core.knowledge_facts import SE_CU_BLOCKING_DATE, facts_of
from planner.core.model import Severity
from planner.core.plan import Plan
from planner.core.report.step_order import NumberedStep, numbered_steps
from planner.core.report.table import Row, Table
from planner.core.report.wording import Wording

__all__ = ["Risk", "plan_risks", "risk_table"]

TIGHT_FLOAT_DAYS = 2  # a cutover ending this close to a pause's end has no real reserve
_LEVELS = {"high": 0, "medium": 1, "low": 2}
SE_CU_MILESTONE = "milestone:se_cu_blocking"


@dataclass(frozen=True)
class Risk:
    """One risk of the register; texts already worded, levels as codes (high/medium/low)."""

    title: str
    probability: str
    impact: str
    owner: str
    mitigation: str
    source: str


def _objective_risks(plan: Plan, words: Wording) -> list[Risk]:
    obj = plan.schedule.objective
    consultant = words("owner_consultant")
    found = []
    if obj.status == "infeasible":
        reason = obj.reason(words.lang)
        found.append(Risk(words("risk_infeasible", reason=reason or "–"), "high", "high",
                          consultant, words("mit_infeasible"), words("src_schedule")))
    if obj.blocked_days:
        # proven optimal: no pause, date or consultant avoids these days (the state today
        # or a clock that runs out before the first working day); proposing so would be wrong
        proven = obj.status == "optimal"
        found.append(Risk(words.plural("risk_blocked_unavoidable" if proven else "risk_blocked",
                                       obj.blocked_days), "high", "high", consultant,
                          words("mit_blocked_unavoidable" if proven else "mit_more_consultants"),
                          words("src_schedule")))
    if obj.throttled_days:
        found.append(Risk(words.plural("risk_throttled", obj.throttled_days), "high", "medium",
                          consultant, words("mit_more_consultants"), words("src_schedule")))
    return found


def _by_exit(steps: tuple[NumberedStep, ...]) -> dict[str, NumberedStep]:
    """Per judged server, the first step that takes it out of Exchange Online's view."""
    exits: dict[str, NumberedStep] = {}
    for item in steps:
        for server in item.step.exits_exo_view:
            known = exits.get(server.lower())
            if item.dated is not None and (known is None or known.dated is None
                                           or item.dated.end < known.dated.end):
                exits[server.lower()] = item
    return exits


def _cutover_risks(plan: Plan, steps: tuple[NumberedStep, ...], words: Wording) -> list[Risk]:
    exits = _by_exit(steps)
    found = []
    for exposure in plan.schedule.exposure:
        item = exits.get(exposure.server.lower())
        if item is None or item.dated is None:
            continue
        end = item.dated.end
        for pause in plan.schedule.pauses:
            if pause.start <= end <= pause.end and (pause.end - end).days <= TIGHT_FLOAT_DAYS:
                float_days = (pause.end - end).days
                # no float is its own sentence: "ends only 0 days before" reads wrong
                text = words.plural("risk_tight_cutover", float_days, server=exposure.server,
                                    end=words.date(pause.end)) if float_days else \
                    words("risk_cutover_on_pause_end", server=exposure.server,
                          end=words.date(pause.end))
                found.append(Risk(
                    text,
                    "medium", "high", words("owner_consultant"),
                    words("mit_tight_cutover", date=words.date(item.dated.start)),
                    words("src_step", n=item.number)))
    return found


def _unpaused_margin_risks(plan: Plan, knowledge: Knowledge, steps: tuple[NumberedStep, ...],
                           words: Wording) -> list[Risk]:
    """A cutover outside every pause that ends a day or two before the server's mail would
    be throttled or blocked (a review: Saturday 6 February, day 29 of the clock, throttling
    from the 7th, and no word)."""
    exits = _by_exit(steps)
    found = []
    for exposure in plan.schedule.exposure:
        item = exits.get(exposure.server.lower())
        if item is None or item.dated is None or exposure.cutover is None:
            continue
        end = item.dated.end
        if any(p.start <= end <= p.end for p in plan.schedule.pauses):
            continue  # within a pause: the pause's own risk says it
        # the clock on past the cutover, as if the server stayed (the strip stops there)
        strip = daily_stages(replace(exposure, cutover=None), plan.schedule.pauses,
                             knowledge.policy, end + timedelta(days=TIGHT_FLOAT_DAYS + 1))
        on_day = next((d for d in strip if d.day == end), None)
        harm = next((d for d in strip if d.day > end and d.kind in ("throttle", "block")),
                    None)
        if on_day is None or on_day.kind != "report" or harm is None:
            continue
        spare = (harm.day - end).days - 1
        kind = words.catalogue(f"exo.today.kind_lower.{harm.kind}")
        facts = {"server": exposure.server, "end": words.date(end),
                 "start": words.date(harm.day), "kind": kind}
        found.append(Risk(
            words.plural("risk_tight_before_stage", spare, **facts) if spare
            else words("risk_no_margin_before_stage", **facts),
            "medium", "high", words("owner_consultant"),
            words("mit_tight_cutover", date=words.date(item.dated.start)),
            words("src_step", n=item.number)))
    return found


def _customer_path_risks(steps: tuple[NumberedStep, ...], words: Wording) -> list[Risk]:
    """Customer tasks that a consultant's step follows without a day to spare; tasks of one
    kind due on one day are one risk (a review read three rows alike, one per new server's
    Windows Server)."""
    by_id = {s.step.id: s for s in steps}
    successors: dict[str, list[NumberedStep]] = {}  # once, not a scan of every step per task
    for s in steps:
        for d in dict.fromkeys(d.step_id for d in s.step.predecessors):
            successors.setdefault(d, []).append(s)
    groups: dict[tuple[str, object], list[tuple[NumberedStep, NumberedStep]]] = {}
    for item in steps:
        step, dated = item.step, item.dated
        if step.needs_consultant or step.milestone or dated is None:
            continue
        waiting = [s for s in successors.get(step.id, ()) if s.dated is not None
                   and s.dated.start <= dated.end + timedelta(days=3)]
        if waiting:
            first = by_id[min(waiting, key=lambda s: s.number).step.id]
            groups.setdefault((step.kind, dated.end), []).append((item, first))
    return [_customer_path_risk(group, words) for group in groups.values()]


def _customer_path_risk(group: list[tuple[NumberedStep, NumberedStep]],
                        words: Wording) -> Risk:
    (item, first), lang = group[0], words.lang
    assert item.dated is not None
    if len(group) == 1:
        title = words("risk_customer_path", task=item.step.title(lang),
                      next=first.step.title(lang))
        source = words("src_step", n=item.number)
    else:
        title = words("risk_customer_path_many", count=len(group),
                      tasks=words.catalogue.names(
                          [words("quoted_task", task=i.step.title(lang))
                           for i, _ in group], limit=len(group)),
                      next=first.step.title(lang))
        source = words("src_steps", numbers=", ".join(str(i.number) for i, _ in group))
    return Risk(title, "medium", "high", words("customer_owner"),
                words("mit_customer_path", date=words.date(item.dated.end)), source)


def _relay_risks(plan: Plan, steps: tuple[NumberedStep, ...], words: Wording) -> list[Risk]:
    repoints = [s for s in steps if s.step.kind.endswith("repoint")]
    if not repoints and not plan.estate.relay_clients:
        return []
    numbers = ", ".join(str(s.number) for s in repoints) or "–"
    # the known clients the plan re-points, counted from its steps (a client on a server
    # upgraded in place keeps its SMTP server; one moving twice is one client): a review
    # read "10 known relay clients must be re-pointed" above nine re-point steps
    known = {rc.name.lower() for rc in plan.estate.relay_clients}
    count = len({s.step.target.lower() for s in repoints if s.step.kind == "relay_repoint"
                 and s.step.target.partition(":")[2].lower() in known})
    title = words.plural("risk_relay_known", count) if count else words("risk_relay")
    return [Risk(title, "medium", "medium", words("customer_owner"), words("mit_relay"),
                 words("src_steps", numbers=numbers))]


def _fact_risks(plan: Plan, knowledge: Knowledge, steps: tuple[NumberedStep, ...],
                words: Wording) -> list[Risk]:
    found = []
    fact = facts_of(knowledge).record(SE_CU_BLOCKING_DATE)
    milestone = next((s for s in steps if s.step.id == SE_CU_MILESTONE), None)
    if fact is not None and fact.confidence != "primary" and milestone is not None:
        found.append(Risk(words("risk_se_cu_date", date=words.date(fact.value)), "medium",
                          "high", words("owner_consultant"), words("mit_se_cu_date"),
                          words("src_step", n=milestone.number)))
    # a security update that ends a server's enforcement does so until Exchange Online's
    # baseline is raised above every public build, as Microsoft has said it will be
    updates = [s for s in steps if s.step.exits_exo_view
               and s.step.kind in ("exo_baseline_su", "cu_update")]
    if updates:
        servers = sorted({n for s in updates for n in s.step.exits_exo_view})
        found.append(Risk(words.plural("risk_baseline_raise", len(servers),
                                       servers=words.names(servers)),
                          "medium", "high", words("owner_consultant"),
                          words("mit_baseline_raise"),
                          words("src_steps", numbers=", ".join(str(s.number) for s in updates))))
    unsupported = sum(1 for a in plan.proposal.servers if not a.supported)
    if unsupported:
        found.append(Risk(words.plural("risk_unsupported", unsupported), "medium", "high",
                          words("customer_owner"), words("mit_unsupported"),
                          words("src_estate")))
    return found


def _finding_risks(plan: Plan, words: Wording) -> list[Risk]:
    serious = [f for f in plan.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    if not serious:
        return []
    return [Risk(words.plural("risk_findings", len(serious)), "low", "medium",
                 words("owner_consultant"), words("mit_findings"), words("src_appendix"))]


def plan_risks(plan: Plan, knowledge: Knowledge, words: Wording) -> tuple[Risk, ...]:
    """Every risk the plan shows, the most serious first."""
    steps = numbered_steps(plan, words.lang)
    found = [*_objective_risks(plan, words), *_cutover_risks(plan, steps, words),
             *_unpaused_margin_risks(plan, knowledge, steps, words),
             *_customer_path_risks(steps, words), *_relay_risks(plan, steps, words),
             *_fact_risks(plan, knowledge, steps, words), *_finding_risks(plan, words)]
    return tuple(sorted(found, key=lambda r: (_LEVELS[r.impact] + _LEVELS[r.probability])))


def risk_table(plan: Plan, knowledge: Knowledge, words: Wording) -> Table:
    """The register as a table (empty when the plan shows no particular risk)."""
    cls = {"high": "bad", "medium": "warn", "low": ""}
    rows = tuple(Row((str(i), r.title, words(f"level_{r.probability}"),
                      words(f"level_{r.impact}"), r.owner, r.mitigation, r.source),
                     cls[r.impact])
                 for i, r in enumerate(plan_risks(plan, knowledge, words), 1))
    head = tuple(words(k) for k in ("col_risk_no", "col_risk", "col_probability", "col_impact",
                                    "col_owner", "col_mitigation", "col_source"))
    # the levels as wide as their bold headers ("Verantwortlich", "Auswirkung", "Likelihood")
    # at 8 pt; the risk itself gets the room, so a row is not nine lines of three words
    return Table(head, rows, (5, 29, 11, 12, 15, 19, 9))
