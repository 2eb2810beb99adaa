"""Hand-built steps, estates and settings for the scheduler tests."""

from __future__ import annotations

from datetime import date

from planner.core.calendar import build_calendar
from planner.core.model import Estate, Server
from planner.core.plan import Dependency, Phase, Proposal, Step
from planner.core.rules import propose
from planner.core.scheduler.problem import Problem, build_problem
from planner.core.settings import Decisions, Settings
from planner.pipeline import knowledge_for
from tests.synthetic import synthetic_estate


def make_step(
    step_id: str,
    days: int = 1,
    *,
    preds: tuple[str, ...] = (),
    exits: tuple[str, ...] = (),
    resources: tuple[str, ...] = (),
    window: bool = False,
    target: str = "org",
    consultant: bool = True,
    deadline: date | None = None,
) -> Step:
    """A step with the fields the scheduler reads."""
    return Step(
        id=step_id, title_en=step_id, title_de=step_id, kind="test", phase=Phase.IN_PLACE,
        target=target, duration_days=days, rule="test", why_en="", why_de="",
        predecessors=tuple(Dependency(p) for p in preds), needs_window=window,
        resources=resources, needs_consultant=consultant, exits_exo_view=exits,
        deadline=deadline,
    )


def one_server(name: str = "EX01") -> Estate:
    """An estate with one server."""
    return Estate(servers=(Server(name=name, fqdn=f"{name.lower()}.contoso.com"),))


def proposal(*steps: Step) -> Proposal:
    """A proposal of these steps."""
    return Proposal(steps=steps)


def settings(**kw: object) -> Settings:
    """Settings with a Tuesday start, no windows needed unless asked, short solver limit."""
    base: dict[str, object] = {"start": date(2026, 12, 1), "solver_time_limit_s": 5.0}
    base.update(kw)
    return Settings(**base)  # type: ignore[arg-type]


def synthetic_problem(size: int, staff: int, variant: str = "hubs-2016",
                      seed: int = 7, decisions: Decisions | None = None) -> Problem:
    """The scheduling problem of a synthetic estate (:func:`tests.synthetic.synthetic_estate`)."""
    estate, config = synthetic_estate(size, staff, variant=variant, seed=seed)
    knowledge = knowledge_for(config)
    decisions = decisions or Decisions()
    proposal = propose(estate, config, decisions, knowledge)
    return build_problem(proposal, estate, config, decisions, knowledge,
                         build_calendar(config, estate))
