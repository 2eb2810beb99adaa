"""Rules cu_update_2019, inplace_2019 and latest_se_update: the in-place road to SE.

Exchange 2019 CU14/CU15 (Mailbox and Edge) is upgraded in place; CU13 or older is first
updated to CU15; afterwards each server gets the latest SE update. Members of one DAG go one
at a time (a dependency chain plus the shared ``dag:`` resource), servers Exchange Online
judges first, and Mailbox servers in Internet-facing sites before the others, because a
newer front end proxies to an older one but not the other way round.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from planner.core.build_lifecycle import baseline_build
from planner.core.explanation import Message, message
from planner.core.knowledge import BuildRow, Knowledge
from planner.core.plan import Dependency, MigrationPath, Phase, Step
from planner.core.rules.adprep import ADPREP
from planner.core.rules.assess import product_name
from planner.core.rules.base import Context, Link, Rule, RuleOutput, ServerFacts, deps, make_step
from planner.core.rules.commands import (
    line,
    maintenance_wrapped,
    redirect_target,
    remark,
    setup_upgrade,
)
from planner.core.rules.estate_facts import relay_clients_of
from planner.core.rules.legacy2013 import GONE, relay_taken_by
from planner.core.rules.licensing import LICENSE
from planner.core.rules.namespace_pool import smtp_name_at
from planner.core.rules.security_order import active as security_active
from planner.core.typed_values import ascii_whole

__all__ = ["RULE_CU", "RULE_INPLACE", "RULE_SU", "in_window", "latest_se_build", "upgrade_order"]

P = MigrationPath
_TEXT = "steps.inplace"  # the catalogue section of these rules' titles and details


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".") if ascii_whole(p))


def latest_se_build(knowledge: Knowledge) -> tuple[str, str] | None:
    """(build, release) of the newest Exchange SE build the knowledge base knows (found once
    per build list: asked per server and step, 9,740 times on 2,000 servers)."""
    if _LATEST and _LATEST[0][0] is knowledge.builds:  # the list itself, not a copy
        return _LATEST[0][1]
    rows = [b for b in knowledge.builds if b.product == "SE"]
    best = max(rows, key=lambda b: _version(b.build)) if rows else None
    latest = (best.build, best.release) if best is not None else None
    _LATEST[:] = [(knowledge.builds, latest)]  # holding the list keeps its identity unique
    return latest


_LATEST: list[tuple[tuple[BuildRow, ...], tuple[str, str] | None]] = []


def _needs_su(ctx: Context, s: ServerFacts) -> bool:
    latest = latest_se_build(ctx.knowledge)
    if latest is None or s.info is None:
        return False
    if s.path in (P.IN_PLACE, P.CU_THEN_IN_PLACE):
        return False  # the upgrade step installs the newest SU in the same window
    return (s.product == "SE" and not s.excluded
            and _version(str(s.info.number)) < _version(latest[0]))


def _members(ctx: Context) -> list[ServerFacts]:
    return [s for s in ctx.servers if not s.excluded
            and (s.path in (P.IN_PLACE, P.CU_THEN_IN_PLACE) or _needs_su(ctx, s))]


def upgrade_order(ctx: Context, servers: list[ServerFacts]) -> list[ServerFacts]:
    """Judged servers first, then Internet-facing sites, then inventory order."""
    index = {s.name: i for i, s in enumerate(ctx.servers)}
    return sorted(servers, key=lambda s: (not s.judged, not ctx.internet_facing(s.server),
                                          index[s.name]))


def _fields(s: ServerFacts) -> dict[str, str]:
    assert s.info is not None
    return {"server": s.name, "release": product_name(s.info), "build": str(s.info.number)}


def _resources(s: ServerFacts) -> tuple[str, ...]:
    return (f"server:{s.name}", f"dag:{s.server.dag}") if s.server.dag else (f"server:{s.name}",)


def _after_cu(ctx: Context, s: ServerFacts) -> Message | None:
    """The in-place reason once the CU step has run: the server then runs the target CU."""
    if s.path is not P.CU_THEN_IN_PLACE:
        return None
    return message(f"{_TEXT}.after_cu", server=s.name, target=ctx.facts.cu_target)


def _with_su(ctx: Context, name: str) -> tuple[Message, list[Message], str]:
    """Title, detail and command line for the newest SE update in the same window.

    The SE media is RTM level; its newest update goes on right after the upgrade, in the same
    maintenance window, so a DAG member is taken down once, not twice.
    """
    latest = latest_se_build(ctx.knowledge)
    if latest is None or "latest_se_update" in {r.lower() for r in ctx.decisions.disabled_rules}:
        return message(f"{_TEXT}.inplace_title", server=name), [], ""
    build, release = latest
    # the title names the release and its build: "RTM Aug26SU or later" was vague
    return (message(f"{_TEXT}.inplace_su_title", server=name, release=release, build=build),
            [message(f"{_TEXT}.su_follows", release=release, build=build)],
            "\n" + line("install_se_update", release=release, build=build)
            + remark("same_window"))


def _server_steps(ctx: Context, s: ServerFacts, prior: Mapping[str, Step]) -> list[Step]:
    """cu -> inplace -> su for one server (only the parts it needs)."""
    gate = (deps(LICENSE if LICENSE in prior else None, GONE if GONE in prior else None)
            if s.server.is_edge else deps(ADPREP if ADPREP in prior else None))
    out: list[Step] = []
    if s.path is P.CU_THEN_IN_PLACE:
        out.append(_cu_step(ctx, s, gate))
    if s.path in (P.IN_PLACE, P.CU_THEN_IN_PLACE):
        out.append(_inplace_step(ctx, s, deps(out[-1].id) if out else gate))
    if _needs_su(ctx, s):
        out.append(_su_step(ctx, s, deps(out[-1].id) if out else gate))
    return out


def in_window(s: ServerFacts) -> dict[str, Any]:
    """What every step on the server shares: a maintenance window, the server and its DAG."""
    return {"needs_window": True, "resources": _resources(s)}


def _dag_note(s: ServerFacts) -> list[Message]:
    return [message(f"{_TEXT}.dag_note", dag=s.server.dag)] if s.server.dag else []


def _relay_note(ctx: Context, s: ServerFacts) -> list[Message]:
    """The relay clients that send to the server itself while it is in maintenance mode,
    which takes no SMTP: its own (where no SMTP name is listed over it) and those a 2013
    server's re-point sends to it. A review: a meter-reading server and a printer were
    pointed at one 2019 server four weeks before its in-place upgrade and nothing said their
    mail stops in that window."""
    own = ([rc.name for rc in relay_clients_of(ctx.estate, s.server)]
           if smtp_name_at(ctx, s.name) is None else [])
    names = list(dict.fromkeys([*own, *relay_taken_by(ctx, s.name)]))
    if not names:
        return []
    # a DAG peer carries the same default connectors and serves the same databases
    dag = s.server.dag.strip().lower()
    peers = [p for p in ctx.servers if dag and p.server.dag.strip().lower() == dag
             and p.name != s.name and not p.excluded and not p.server.is_edge]
    other = (peers[0].server.fqdn or peers[0].name) if peers else ""
    key = "relay_offline_other" if other else "relay_offline"
    return [message(f"{_TEXT}.{key}", server=s.name, clients=names, count=len(names),
                    other=other)]


def _cu_step(ctx: Context, s: ServerFacts, after: tuple[Dependency, ...]) -> Step:
    """The CU update, with the security update Exchange Online accepts in the same window:
    a judged server then leaves its enforcement here, not weeks later with its upgrade."""
    name, target = s.name, ctx.facts.cu_target
    first = [message(f"{_TEXT}.cu_first")] if security_active(ctx) else []
    passing = baseline_build("2019", target, ctx.knowledge)
    su, passes = "", []
    if passing is not None:
        su = "\n" + line("install_baseline_su", product="2019", release=passing.release,
                         build=passing.build) + remark("same_window")
        passes = [message("steps.baseline_su.passes", release=passing.release,
                          build=passing.build)] if s.judged else []
    return make_step(
        ctx, "cu_update_2019", f"cu:{name}", "cu_update", Phase.UPDATE, f"server:{name}",
        message(f"{_TEXT}.cu_title", server=name, target=target),
        [s.fact, *_dag_note(s), *first, *passes, *_relay_note(ctx, s)], _fields(s),
        predecessors=after,
        exits_exo_view=(name,) if s.judged and passing is not None else (),
        command=maintenance_wrapped(name, s.server.dag,
                                    setup_upgrade() + remark("media_2019", target=target) + su,
                                    redirect_target(ctx, s)),
        **in_window(s))


def _inplace_step(ctx: Context, s: ServerFacts, after: tuple[Dependency, ...]) -> Step:
    name = s.name
    title, su_detail, su_command = _with_su(ctx, name)
    return make_step(
        ctx, "inplace_2019", f"inplace:{name}", "inplace_upgrade", Phase.IN_PLACE,
        f"server:{name}", title,
        [s.fact, *_dag_note(s), *su_detail, *_relay_note(ctx, s)], _fields(s),
        _after_cu(ctx, s), predecessors=after,
        exits_exo_view=(name,) if s.judged else (),
        command=maintenance_wrapped(name, s.server.dag,
                                    setup_upgrade() + remark("media_se") + su_command,
                                    redirect_target(ctx, s)),
        **in_window(s))


def _su_step(ctx: Context, s: ServerFacts, after: tuple[Dependency, ...]) -> Step:
    name = s.name
    latest = latest_se_build(ctx.knowledge)
    assert latest is not None  # _needs_su said there is one
    return make_step(
        ctx, "latest_se_update", f"su:{name}", "se_latest_update", Phase.IN_PLACE,
        f"server:{name}", message(f"{_TEXT}.su_title", server=name, release=latest[1],
                                  build=latest[0]),
        [s.fact, message(f"{_TEXT}.newest_known", build=latest[0], release=latest[1]),
         *_relay_note(ctx, s)],
        _fields(s), predecessors=after,
        command=maintenance_wrapped(name, s.server.dag,
                                    line("install_se_update", release=latest[1],
                                         build=latest[0]),
                                    redirect_target(ctx, s)),
        **in_window(s))


def _pilot_links(ctx: Context, ordered: list[ServerFacts],
                 by_server: dict[str, list[Step]]) -> list[Link]:
    """Mailbox servers outside Internet-facing sites wait for the first Internet-facing one."""
    mailbox = [s for s in ordered if not s.server.is_edge]
    facing = [s for s in mailbox if ctx.internet_facing(s.server)]
    if not facing:
        return []
    pilot = {st.kind: st.id for st in by_server[facing[0].name]}
    links: list[Link] = []
    for s in mailbox:
        if ctx.internet_facing(s.server):
            continue
        for st in by_server[s.name]:
            if st.kind in pilot and st.kind != "se_latest_update":
                links.append((st.id, Dependency(pilot[st.kind])))
    return links


def _dag_chain(ctx: Context, ordered: list[ServerFacts],
               by_server: dict[str, list[Step]]) -> list[Link]:
    """DAG members one at a time: each DAG's steps in one chain.

    When 2019 CU updates go before the first SE server (rule security_order), a DAG's CU
    updates come first in its chain, so no member's SE upgrade has to wait for a CU update
    that itself waits for that upgrade.
    """
    cu_first = security_active(ctx)
    chains: dict[str, list[Step]] = {}
    for s in ordered:
        if s.server.dag:
            chains.setdefault(s.server.dag.lower(), []).extend(by_server[s.name])
    links: list[Link] = []
    for steps in chains.values():
        if cu_first:
            steps = sorted(steps, key=lambda st: st.kind != "cu_update")  # stable
        links += [(b.id, Dependency(a.id)) for a, b in pairwise(steps)
                  if a.target != b.target]
    return links


def _all(ctx: Context, prior: Mapping[str, Step]) -> tuple[list[Step], list[Link]]:
    ordered = upgrade_order(ctx, _members(ctx))
    by_server = {s.name: _server_steps(ctx, s, prior) for s in ordered}
    links = _dag_chain(ctx, ordered, by_server) + _pilot_links(ctx, ordered, by_server)
    return [st for s in ordered for st in by_server[s.name]], links


def _subset(rule: str) -> Rule:
    def propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
        steps, links = _all(ctx, prior)
        mine = {st.id for st in steps if st.rule == rule}
        return RuleOutput(tuple(st for st in steps if st.id in mine),
                          tuple(lk for lk in links if lk[0] in mine))
    return Rule(rule, propose)


RULE_CU = _subset("cu_update_2019")
RULE_INPLACE = _subset("inplace_2019")
RULE_SU = _subset("latest_se_update")
