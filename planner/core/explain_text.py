"""Explanations in words: a step's date driver rendered from the catalogues of a language."""

from __future__ import annotations

from planner.core.catalogue import catalogue
from planner.core.explanation import Driver
from planner.core.plan import Plan, ScheduledStep

__all__ = ["driver_text", "render_driver"]


def driver_text(plan: Plan, dated: ScheduledStep | None, lang: str) -> str:
    """What drove the step's date, in ``lang`` ("" for an unscheduled step)."""
    if dated is None:
        return ""
    return render_driver(plan, dated.driver, lang)


def render_driver(plan: Plan, driver: Driver, lang: str) -> str:
    """One driver in words; the other step is named by its title."""
    title = plan.proposal.title_of(driver.step, lang) if driver.step else ""
    return catalogue(lang)(f"plan.driver.{driver.key}", day=driver.day, name=driver.name,
                           step=title)
