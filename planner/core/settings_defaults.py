"""Defaults a consultant did not set, in the plan's language, and the findings they raise.

A project without consultants gets one placeholder consultant named in the language of the
deliverables ("Berater 1", "Consultant 1"), never an English default in a German report. A
project without a customer name is planned, but the report can only say "customer": that is
a finding, so the consultant fills it in before handing the report over.
"""

from __future__ import annotations

from dataclasses import replace

from planner.core.catalogue import catalogue, languages
from planner.core.model import Finding, Severity
from planner.core.plan import Plan
from planner.core.settings import Settings

__all__ = ["NO_CUSTOMER", "localized_defaults", "placeholder_number", "with_names_in"]

NO_CUSTOMER = "PROJECT-NO-CUSTOMER"


def localized_defaults(settings: Settings) -> tuple[Settings, tuple[Finding, ...]]:
    """``settings`` with the placeholder consultant named in its language; findings for gaps."""
    if settings.consultants == Settings().consultants:
        name = catalogue(settings.language)("common.default_consultant", n=1)
        settings = replace(settings, consultants=(replace(settings.consultants[0], name=name),))
    if settings.customer.strip():
        return settings, ()
    return settings, (Finding.about(Severity.WARNING, NO_CUSTOMER, "project",
                                    "common.no_customer_finding"),)


def placeholder_number(name: str) -> int | None:
    """k when ``name`` is the placeholder consultant "Consultant k" of some language."""
    for lang in languages():
        for k in range(1, 10):
            if name == catalogue(lang)("common.default_consultant", n=k):
                return k
    return None


def with_names_in(plan: Plan, lang: str) -> Plan:
    """``plan`` with placeholder consultants named in ``lang`` (a German project's "Berater 1"
    is "Consultant 1" in its English report); real names stay as they are."""
    names = {c.name: k for c in plan.settings.consultants
             if (k := placeholder_number(c.name)) is not None}
    if not names:
        return plan
    cat = catalogue(lang)
    rename = {old: cat("common.default_consultant", n=k) for old, k in names.items()}
    consultants = tuple(replace(c, name=rename.get(c.name, c.name))
                        for c in plan.settings.consultants)
    # the consultant too whom a step waited for ("Berater 1 is busy with …" in English)
    steps = tuple(replace(s, consultant=rename.get(s.consultant, s.consultant),
                          driver=replace(s.driver, name=rename[s.driver.name])
                          if s.driver.kind in ("resource", "absence") and s.driver.name in rename
                          else s.driver)
                  for s in plan.schedule.steps)
    return replace(plan, settings=replace(plan.settings, consultants=consultants),
                   schedule=replace(plan.schedule, steps=steps))
