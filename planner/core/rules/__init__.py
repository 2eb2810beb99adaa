"""Rules that turn the estate into the ordered, explained steps that take it to Exchange SE.

``propose(estate, settings, decisions, knowledge)`` builds the estate graph, judges every
server (product, release, path, whether Exchange Online judges it), runs the rules in a
fixed order, applies the consultant's decisions (excluded servers and changed paths are
read by the rules; switched-off rules are removed afterwards with their successors
inheriting their prerequisites), checks that the step graph is acyclic and returns the
steps in order together with their waves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from planner.core.graph import build_graph
from planner.core.knowledge import Knowledge
from planner.core.model import Estate, Finding, Severity
from planner.core.plan import Dependency, MigrationPath, Proposal, Step, step_about
from planner.core.rules import (
    adprep,
    baseline_su,
    certificate_renewal,
    cu2016,
    cutover_care,
    edge,
    hybrid,
    inplace,
    legacy2013,
    licensing,
    milestones,
    mitigation,
    namespace,
    org_checks,
    security_order,
    server_checks,
    side_by_side,
)
from planner.core.rules.assess import assess_servers, to_assessment, windows_version
from planner.core.rules.base import Context, Link, Rule
from planner.core.rules.groups import name_problems
from planner.core.rules.order import (
    StepCycleError,
    drop_steps,
    sort_steps,
    step_graph,
    waves,
)
from planner.core.rules.plan_builds import with_builds_in_plan
from planner.core.rules.send_sources import one_source_up
from planner.core.settings import Decisions, Settings

__all__ = ["RULES", "RULE_IDS", "StepCycleError", "propose"]

# The order matters: a rule may link onto steps of the rules before it.
RULES: tuple[Rule, ...] = (
    licensing.RULE,
    legacy2013.RULE,
    adprep.RULE,
    inplace.RULE_CU,
    inplace.RULE_INPLACE,
    inplace.RULE_SU,
    side_by_side.RULE,
    cu2016.RULE,  # links onto AD prep and the SE installs of the rules before it
    namespace.RULE,  # orders the namespace switches of every group before its moves
    edge.RULE,
    edge.RULE_INBOUND,
    edge.RULE_RESUBSCRIBE,
    security_order.RULE,  # every SE install/upgrade after the 2019 CU updates
    mitigation.RULE,
    baseline_su.RULE,  # links the in-place upgrades and decommissions of the rules before it
    hybrid.RULE,  # after the baseline updates: the hybrid app waits for them, not a removal
    org_checks.RULE_AD_BACKUP,
    org_checks.RULE_EXTENDED_PROTECTION,
    org_checks.RULE_CERTIFICATES,
    certificate_renewal.RULE,  # before every step that hands a certificate on
    server_checks.RULE_HEALTH,
    server_checks.RULE_REBALANCE,
    server_checks.RULE_BASELINE,
    server_checks.RULE_MRSPROXY,
    cutover_care.RULE_BACKUP,
    cutover_care.RULE_DAG_TEARDOWN,
    milestones.RULE,
)
RULE_IDS: tuple[str, ...] = tuple(dict.fromkeys(r.id for r in RULES))


def _run(ctx: Context) -> tuple[list[Step], list[Link], list[Finding]]:
    prior: dict[str, Step] = {}
    links: list[Link] = []
    findings: list[Finding] = []
    disabled = {r.lower() for r in ctx.decisions.disabled_rules}
    for rule in RULES:
        if rule.links_only and rule.id.lower() in disabled:
            continue
        out = rule.propose(ctx, prior)
        for st in out.steps:
            prior.setdefault(st.id, st)  # ids are unique by construction; first one wins
        links += out.links
        findings += out.findings
    return list(prior.values()), links, findings


def _linked(steps: list[Step], links: Sequence[Link]) -> list[Step]:
    """Steps with the links later rules added, and without prerequisites that do not exist."""
    known = {st.id for st in steps}
    extra: dict[str, list[Dependency]] = {}
    for succ, dep in links:
        if succ in known and dep.step_id in known and succ != dep.step_id:
            extra.setdefault(succ, []).append(dep)
    out = []
    for st in steps:
        preds = [d for d in (*st.predecessors, *extra.get(st.id, ())) if d.step_id in known]
        unique = tuple({d.step_id: d for d in preds}.values())
        out.append(replace(st, predecessors=unique) if unique != st.predecessors else st)
    return out


def _judged_but_kept(ctx: Context, steps: Sequence[Step]) -> list[Finding]:
    """Judged servers no step takes out of Exchange Online's view: their mail will be blocked."""
    leaving = {name.lower() for st in steps for name in st.exits_exo_view}
    return [Finding.about(Severity.WARNING, "RULES-JUDGED-SERVER-KEPT", f"server:{s.name}",
                          server=s.name, product=s.fact.value("product", ""))
        for s in ctx.servers
        if s.judged and s.product in ("2013", "2016", "2019") and s.name.lower() not in leaving]


def _windows_unknown(ctx: Context) -> list[Finding]:
    """Servers upgraded in place whose Windows version the inventory does not give: SE setup
    refuses an operating system it does not support, found only on the night of the
    upgrade (a PowerShell export carries no OS; a review's three 2019 servers, no word)."""
    in_place = (MigrationPath.IN_PLACE, MigrationPath.CU_THEN_IN_PLACE)
    return [Finding.about(Severity.WARNING, "RULES-OS-UNKNOWN", f"server:{s.name}",
                          server=s.name, versions=sorted(ctx.facts.os_se_supported))
            for s in ctx.servers
            if s.planned and s.path in in_place and not windows_version(s.server.os)]


def _lost_edits(ctx: Context, steps: Sequence[Step]) -> list[Finding]:
    """The consultant's renames and dates that no longer reach the plan, named, not dropped
    silently: a rename whose proposed name the pattern no longer gives, a pin or earliest
    start on a step the plan no longer has (a new server named otherwise, a rule off); and
    new servers' names Windows would refuse."""
    unused, unusable = name_problems(ctx)
    existing = {s.name.lower() for s in ctx.estate.servers}
    # a name an existing server has is no change of the pattern: said so, not "gone"
    out = [Finding.about(Severity.WARNING,
                         "RULES-RENAME-TAKEN" if wanted.lower() in existing
                         else "RULES-RENAME-UNUSED", f"server:{proposed}",
                         proposed=proposed, name=wanted) for proposed, wanted in unused]
    out += [Finding.about(Severity.WARNING, "RULES-NEW-NAME-INVALID", f"server:{name}",
                          name=name, server=old, count=len(name)) for old, name in unusable]
    known = {st.id for st in steps}
    for code, dates in (("RULES-PIN-LOST", ctx.decisions.pins),
                        ("RULES-NOT-BEFORE-LOST", ctx.decisions.not_before)):
        for step_id, day in sorted(dates.items()):
            if step_id not in known:
                # no target: a step id is no name for people, the message names it
                out.append(Finding.about(Severity.WARNING, code, day=day,
                                         about=step_about(step_id)))
    return out


def propose(estate: Estate, settings: Settings, decisions: Decisions,
            knowledge: Knowledge) -> Proposal:
    """The ordered, explained steps for this estate under the consultant's decisions."""
    graph = build_graph(estate, knowledge)
    facts, assess_findings = assess_servers(estate, graph, settings, decisions, knowledge)
    ctx = Context(estate, settings, decisions, knowledge, graph, facts)
    steps, links, findings = _run(ctx)
    steps = one_source_up(estate, _linked(steps, links))
    disabled = {r.lower() for r in decisions.disabled_rules}
    unknown = sorted(r for r in decisions.disabled_rules if r not in RULE_IDS)
    steps = list(drop_steps(steps, {st.id for st in steps if st.rule.lower() in disabled}))
    steps = with_builds_in_plan(ctx, steps)
    links_graph = step_graph(steps)  # one build for the order and the waves
    ordered = sort_steps(steps, links_graph)
    notes = [Finding.about(Severity.INFO, "RULES-UNKNOWN-RULE", r, rule=r) for r in unknown]
    notes += _judged_but_kept(ctx, ordered)
    notes += _lost_edits(ctx, ordered)
    notes += _windows_unknown(ctx)
    return Proposal(
        steps=ordered,
        servers=tuple(to_assessment(f) for f in facts),
        waves=waves(ordered, links_graph),
        findings=tuple(dict.fromkeys(
            [*graph.findings, *assess_findings, *findings, *ctx.notes, *notes])),
    )
