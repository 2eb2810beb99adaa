"""Rule exo_baseline_su: a judged server's quickest way out of Exchange Online's enforcement.

Exchange Online judges a 2016 or 2019 server by its build. Where the server's release line
still has a build Exchange Online accepts (2016 CU23 and 2019 CU14/CU15: their Oct 2025
security update, ``baseline.*`` in enforcement.toml), installing it in the next maintenance
window ends the server's enforcement weeks or months before its migration or upgrade to SE
does: mail that is throttled or blocked today flows again. Proposed only for a server below
the baseline on the plan's "today" whose line has a build that passes every baseline row in
the data, in force or announced: after a raise above every public build only SE would end
it. Its migration or upgrade, and its decommissioning, come after it.
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.build_lifecycle import baseline_build, below_baseline
from planner.core.builds import identify
from planner.core.explanation import message
from planner.core.plan import Dependency, Phase, Step
from planner.core.rules.base import Context, Link, Rule, RuleOutput, ServerFacts, make_step
from planner.core.rules.commands import line, maintenance_wrapped, redirect_target
from planner.core.rules.inplace import in_window
from planner.core.rules.plan_builds import record_install

__all__ = ["RULE"]

_RULE = "exo_baseline_su"
_AFTER_KINDS = ("inplace_upgrade", "decommission")  # work on the server that follows it


def _wanted(ctx: Context, s: ServerFacts) -> bool:
    today = ctx.settings.as_of or ctx.settings.start
    return (s.judged and s.planned and s.info is not None and s.product in ("2016", "2019")
            and below_baseline(s.info, today, ctx.knowledge))


def _step(ctx: Context, s: ServerFacts, build: str, release: str) -> Step:
    assert s.info is not None
    name, dag = s.name, s.server.dag
    return make_step(
        ctx, _RULE, f"su-exo:{name}", "exo_baseline_su", Phase.UPDATE, f"server:{name}",
        message("steps.baseline_su.title", server=name, release=release, build=build),
        [s.fact, message("steps.baseline_su.passes", release=release, build=build),
         *([message("steps.inplace.dag_note", dag=dag)] if dag else [])],
        {"server": name, "release": release, "build": build},
        exits_exo_view=(name,), **in_window(s),
        command=maintenance_wrapped(
            name, dag, line("install_baseline_su", product=s.product, release=release,
                            build=build), redirect_target(ctx, s)))


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    steps: list[Step] = []
    links: list[Link] = []
    for s in ctx.servers:
        if not _wanted(ctx, s):
            continue
        assert s.info is not None
        row = baseline_build(s.product, s.info.cu, ctx.knowledge)
        if row is None:
            continue  # no build of its line passes: its CU update or SE ends it
        step = _step(ctx, s, row.build, row.release)
        steps.append(step)
        # the server's later steps (its removal, its upgrade) state the build it then runs
        record_install(ctx, step.id, s.name, identify(row.build, ctx.knowledge))
        target = f"server:{s.name}"
        links += [(st.id, Dependency(step.id)) for st in prior.values()
                  if st.target == target and st.kind in _AFTER_KINDS]
    return RuleOutput(tuple(steps), tuple(links))


RULE = Rule(_RULE, _propose)
