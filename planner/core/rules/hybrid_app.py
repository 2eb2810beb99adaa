"""When the dedicated Exchange hybrid app can be checked, and the updates that bring it there.

Free/busy, MailTips and photos with Exchange Online go through the dedicated hybrid app from
the April 2025 hotfix update on; EWS through the shared service principal has been refused
since 31 October 2025 (fact ``hybrid.dedicated_app_builds_from``). A server that holds
mailboxes on an older build keeps its users without that coexistence until it is updated,
upgraded or emptied. Where it is replaced side by side, months may pass: its release line's
security update (the one Exchange Online accepts, released after the hotfix update) is
installed in the next maintenance window, so the app is checked weeks sooner (a review
found the check last, 12 April, behind one 2016 server's removal).
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.build_lifecycle import baseline_build
from planner.core.builds import identify
from planner.core.explanation import message
from planner.core.plan import Dependency, MigrationPath, Phase, Step
from planner.core.rules.base import Context, Link, ServerFacts, make_step
from planner.core.rules.commands import line, maintenance_wrapped, redirect_target
from planner.core.rules.inplace import in_window
from planner.core.rules.plan_builds import record_install

__all__ = ["BRINGS_UP", "app_after", "app_updates"]

# The steps after which a server runs a build new enough for the app, or is gone.
BRINGS_UP = ("exo_baseline_su", "hybrid_app_su", "cu_update", "inplace_upgrade",
             "decommission", "ex2013_decommission")
_LEAVES = (MigrationPath.SIDE_BY_SIDE, MigrationPath.DECOMMISSION)
_AFTER_KINDS = ("decommission",)  # the server's removal follows its update


def _servers(ctx: Context) -> list[ServerFacts]:
    """Exchange servers the app concerns: Mailbox servers (not Edge, not 2013)."""
    return [s for s in ctx.servers if not s.excluded and not s.server.is_edge
            and s.product != "2013"]


def _lags(ctx: Context, s: ServerFacts) -> bool:
    since = ctx.facts.dedicated_app_builds_from
    return since is not None and not (s.info is not None and s.info.release_date is not None
                                      and s.info.release_date >= since)


def app_updates(ctx: Context, prior: Mapping[str, Step]) -> tuple[list[Step], list[Link]]:
    """The security update for each server replaced side by side that holds mailboxes on a
    build older than the app's, where its line has one released since and no earlier
    rule updates it; its removal comes after it."""
    since = ctx.facts.dedicated_app_builds_from
    if since is None:
        return [], []
    updated = {st.target for st in prior.values()
               if st.kind in ("exo_baseline_su", "cu_update", "inplace_upgrade")}
    steps: list[Step] = []
    links: list[Link] = []
    for s in _servers(ctx):
        if (not s.planned or s.path not in _LEAVES or s.info is None or not _lags(ctx, s)
                or f"server:{s.name}" in updated or s.product not in ("2016", "2019")
                or s.server.mailbox_count == 0):
            continue
        row = baseline_build(s.product, s.info.cu, ctx.knowledge)
        if row is None or row.date < since:
            continue
        step = _step(ctx, s, row.build, row.release)
        # its later steps (its removal) state the build it then runs
        record_install(ctx, step.id, s.name, identify(row.build, ctx.knowledge))
        steps.append(step)
        links += [(st.id, Dependency(step.id)) for st in prior.values()
                  if st.target == step.target and st.kind in _AFTER_KINDS]
    return steps, links


def _step(ctx: Context, s: ServerFacts, build: str, release: str) -> Step:
    name, dag = s.name, s.server.dag
    return make_step(
        ctx, "hybrid_hcw", f"su-app:{name}", "hybrid_app_su", Phase.UPDATE, f"server:{name}",
        message("steps.hybrid.app_su_title", server=name, release=release,
                build=build),
        [message("steps.hybrid.app_su_why", release=release, build=build)],
        {"server": name, "release": release, "build": build}, reason=s.fact, **in_window(s),
        command=maintenance_wrapped(
            name, dag, line("install_baseline_su", product=s.product, release=release,
                            build=build), redirect_target(ctx, s)))


def app_after(ctx: Context, steps: Mapping[str, Step]) -> list[str] | None:
    """The steps after which every Exchange server (Mailbox, not 2013) runs a build that
    can use the dedicated hybrid app or is gone: none where each does today (the app is
    checked first, not after the migration: a review found it last, while EWS through the
    shared service principal has been refused since 31 October 2025 and free/busy was
    most likely broken); None where that cannot be told (the HCW's or carriers' order)."""
    servers = _servers(ctx)
    if ctx.facts.dedicated_app_builds_from is None or not servers:
        return None
    ups: dict[str, list[Step]] = {}  # per server the steps that bring it up, found once
    for st in steps.values():
        if st.kind in BRINGS_UP and st.target.startswith("server:"):
            ups.setdefault(st.target[len("server:"):], []).append(st)
    after: list[str] = []
    for s in servers:
        if not _lags(ctx, s):
            continue
        mine = ups.get(s.name, [])
        first = next((st for kind in BRINGS_UP for st in mine if st.kind == kind), None)
        if first is None:
            return None
        after.append(first.id)
    return after
