"""An update that could end enforcement before the project starts.

A server Exchange Online throttles or blocks today (or holds only by a pause) whose security
update to the baseline the plan dates after the project's start waits for the project, while
a maintenance window before the start could take it: the enforcement, or the pause that
holds it, would end that much sooner (a review: Mercy Valley's server was blocked since
November, the project started on 4 January, and the update fell on the pause's last day,
while the 12 December window was free). The plan keeps its start; this is advice.
"""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.calendar import WorkCalendar
from planner.core.model import Estate, Finding, Severity
from planner.core.plan import Proposal, Schedule, ServerToday

__all__ = ["early_update_findings"]

_UPDATES = frozenset({"exo_baseline_su"})  # work on the server itself, no new servers needed
_HARMED = frozenset({"throttle", "block", "paused"})


def _first_window(calendar: WorkCalendar, start: date, end: date, site: str | None,
                  ) -> date | None:
    day = start
    while day < end:
        if calendar.is_window_day(day, site):
            return day
        day += timedelta(days=1)
    return None


def early_update_findings(estate: Estate, proposal: Proposal, schedule: Schedule,
                          today: tuple[ServerToday, ...], as_of: date, start: date,
                          calendar: WorkCalendar) -> tuple[Finding, ...]:
    """Advice per server harmed today whose baseline update the plan dates in the first
    window after its start, where a window between today and the start could take it."""
    if as_of >= start:
        return ()
    dated = {d.step_id: d for d in schedule.steps}
    out = []
    for state in today:
        if state.kind not in _HARMED:
            continue
        update = next((s for s in proposal.steps if s.kind in _UPDATES
                       and state.server in s.exits_exo_view and s.id in dated), None)
        if update is None or dated[update.id].start < start:
            continue
        server = estate.server(state.server)
        site = server.site if server else None
        window = _first_window(calendar, as_of, start, site)
        planned = dated[update.id].end
        # only where the project's start is what holds it: the update takes the first
        # window from the start (one the plan puts later waits for something else)
        first = _first_window(calendar, start, planned + timedelta(days=1), site)
        if window is None or first != dated[update.id].start:
            continue
        out.append(Finding.about(
            Severity.WARNING, "EXO-UPDATE-BEFORE-START", f"server:{state.server}",
            "findings.early_update.advice", server=state.server, window=window,
            planned=planned, start=start, count=(planned - window).days,
            step=update.title_message or update.title("en")))
    return tuple(out)
