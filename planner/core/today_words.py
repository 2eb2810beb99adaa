"""The state today in words, one line per judged server, for the report, Excel and the GUI.

Each consumer shows the same sentence: the stage on the as-of date and since when, what it
means for the server's mail (the stage table's action and SMTP code), and the next stage with
its date. Words come from ``resources/text/<lang>/exo.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.exo_view import exo_text
from planner.core.knowledge import EnforcementPolicy, Stage
from planner.core.model import Estate
from planner.core.plan import ServerToday
from planner.core.today_flows import flow_text, flow_today

__all__ = ["TodayLine", "today_line", "today_lines"]


@dataclass(frozen=True)
class TodayLine:
    """One judged server's state today, worded."""

    server: str
    rating: str  # "red" | "amber" | "green"
    state: str  # "Stage 7 since 13 Nov 2026: Blocked 20 minutes per hour (550 5.7.230)"
    next: str  # "stage 8 (blocked) from 23.11.2026; the plan takes it out ... on ..."
    flow: str = ""  # "outbound to Exchange Online via send connector “…”, about 40 messages a day"


def _stage(policy: EnforcementPolicy, number: int) -> Stage | None:
    return next((s for s in policy.stages if s.number == number), None)


def _meaning(state: ServerToday, policy: EnforcementPolicy, lang: str) -> str:
    stage = _stage(policy, state.stage)
    if state.kind in ("none", "gone") or stage is None:
        return exo_text(lang, f"today.rating.{state.rating}")
    if state.kind == "paused":
        return exo_text(lang, "today.paused_meaning")
    action = stage.action(lang)
    return exo_text(lang, "today.meaning", action=action, smtp=stage.smtp) if stage.smtp \
        else action


def _next(state: ServerToday, policy: EnforcementPolicy, lang: str) -> str:
    if state.next_date is None or state.next_stage is None:
        text = exo_text(lang, "today.next_none") if state.kind != "gone" else ""
    elif state.kind == "none":
        text = exo_text(lang, "today.next_first", date=state.next_date)
    else:
        key = "today.next_resume" if state.kind == "paused" else "today.next"
        # the stage's own words: stage 5 throttles 30 and blocks 5 minutes an hour, which
        # "blocked" alone overstated
        stage = _stage(policy, state.next_stage)
        kind = stage.action(lang) if stage is not None else \
            exo_text(lang, f"today.kind_lower.{state.next_kind}")
        text = exo_text(lang, key, stage=state.next_stage, date=state.next_date, kind=kind)
    if state.cutover is not None and state.kind != "gone":
        text = "; ".join(t for t in (text, exo_text(lang, "today.cutover", date=state.cutover))
                         if t)
    return text


def today_line(state: ServerToday, policy: EnforcementPolicy, lang: str,
               estate: Estate | None = None) -> TodayLine:
    """The worded state of one server; with the estate, also the mail flow it carries."""
    kind = exo_text(lang, f"today.kind.{state.kind}")
    if state.since is None:
        text = exo_text(lang, "today.line_undetected", state=kind)
    elif state.kind in ("report", "throttle", "block") and _stage(policy, state.stage):
        # the stage's own words say reported, throttled or blocked: "Stage 7 since …:
        # Blocked 20 minutes per hour", not "Blocked since …: Blocked 20 minutes per hour"
        text = exo_text(lang, "today.line_stage", stage=state.stage, since=state.since,
                        meaning=_meaning(state, policy, lang))
    else:
        text = exo_text(lang, "today.line", state=kind, since=state.since,
                        meaning=_meaning(state, policy, lang))
    flow = flow_text(flow_today(estate, state.server), lang) if estate is not None else ""
    return TodayLine(state.server, state.rating, text, _next(state, policy, lang), flow)


def today_lines(states: tuple[ServerToday, ...], policy: EnforcementPolicy,
                lang: str, estate: Estate | None = None) -> tuple[TodayLine, ...]:
    """The worded state of every judged server, in the plan's order (worst first)."""
    return tuple(today_line(s, policy, lang, estate) for s in states)
