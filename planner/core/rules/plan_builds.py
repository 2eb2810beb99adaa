"""The build a server runs at each step of the plan, as the steps' reasons state it.

A server's facts ("LON-EX16-02 runs 15.1.2507.55 = Exchange 2016 CU23 Apr25HU") are read
from the inventory; a step that comes after an update of the same server in the plan (its
security update to Exchange Online's baseline before its removal) runs on the updated build.
The update rules record the build their step leaves the server on (:func:`record_install`);
once the steps are linked, :func:`with_builds_in_plan` restates every later step's facts
about that server with it, so one step never names two builds of one server, nor one the
plan has already replaced (a review: "Decommission LON-EX16-02" said it runs Nov24SUv2 and
Apr25HU, while the plan had installed Oct25SU on it weeks before).

"Later" means after by the step's prerequisites, which hold whatever the scheduler does:
a step the plan does not order after the update keeps the inventory's build.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from planner.core.builds import BuildInfo
from planner.core.explanation import Field, Message, Reason
from planner.core.plan import Step
from planner.core.rules.assess import fact_message, product_name
from planner.core.rules.base import RUNS, Context

__all__ = ["record_install", "with_builds_in_plan"]

_MEMO = "installs"  # ctx.memo: step id -> (server name, the build the step installs)


def record_install(ctx: Context, step_id: str, server: str, info: BuildInfo) -> None:
    """Note that step ``step_id`` leaves ``server`` on the build ``info``."""
    ctx.memo.setdefault(_MEMO, {})[step_id] = (server, info)


def with_builds_in_plan(ctx: Context, steps: Sequence[Step]) -> list[Step]:
    """The steps, those after an update of their server stating the updated build."""
    installs: dict[str, tuple[str, BuildInfo]] = ctx.memo.get(_MEMO, {})
    by_id = {st.id: st for st in steps}
    live = {k: v for k, v in installs.items() if k in by_id}
    if not live:
        return list(steps)
    out = []
    for st in steps:
        server = st.server()
        updates = [info for sid, (name, info) in live.items()
                   if name.lower() == server.lower() and sid != st.id] if server else []
        if updates:
            before = _ancestors(st, by_id)
            done = [info for sid, (name, info) in live.items()
                    if sid in before and name.lower() == server.lower()]
            if done and st.reason is not None:
                newest = max(done, key=lambda i: i.number.sort_key)
                st = replace(st, reason=_restated(ctx, st.reason, server, newest))
        out.append(st)
    return out


def _ancestors(step: Step, by_id: dict[str, Step]) -> set[str]:
    seen: set[str] = set()
    todo = [d.step_id for d in step.predecessors]
    while todo:
        sid = todo.pop()
        if sid in seen or sid not in by_id:
            continue
        seen.add(sid)
        todo += [d.step_id for d in by_id[sid].predecessors]
    return seen


def _restated(ctx: Context, reason: Reason, server: str, info: BuildInfo) -> Reason:
    facts = ctx.facts_for(server)
    old = str(facts.info.number) if facts is not None and facts.info is not None else None
    main = _message(reason.message, server, info, old) if reason.key else None
    details = tuple(dict.fromkeys(_message(d, server, info, old) for d in reason.details))
    if main is not None and main.value("build") == str(info.number):
        # the rule's own reason names the build now: the fact is not said twice
        details = tuple(d for d in details
                        if not (d.key == RUNS and d.value("build") == str(info.number)))
    return Reason.of(reason.rule, main, details)


def _message(msg: Message, server: str, info: BuildInfo, old: str | None) -> Message:
    """``msg`` with what it says of ``server``'s build (at any depth) made ``info``."""
    named = msg.value("server")
    about = (named.lower() == server.lower() if isinstance(named, str)
             else isinstance(named, tuple) and [n.lower() for n in named] == [server.lower()])
    if about and msg.key == RUNS:
        return fact_message(server, info)
    fields = []
    for f in msg.fields:
        if about and old is not None and f.name == "build" and f.text == old:
            f = Field("build", text=str(info.number))
        elif about and old is not None and f.name == "release" and msg.value("build") == old:
            f = Field("release", text=product_name(info))
        elif f.message is not None:
            f = replace(f, message=_message(f.message, server, info, old))
        elif f.clauses is not None:
            f = replace(f, clauses=tuple(_message(m, server, info, old) for m in f.clauses))
        elif f.items is not None:
            f = replace(f, items=tuple(_message(m, server, info, old) for m in f.items))
        fields.append(f)
    return Message(msg.key, tuple(fields))
