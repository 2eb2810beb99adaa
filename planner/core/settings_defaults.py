"""Defaults a consultant did not set, in the plan's language, and the findings they raise.

A project without consultants gets one placeholder consultant named in the language of the
deliverables ("Berater 1", "Consultant 1"), never an English default in a German report. A
project without a customer name is planned, but the report can only say "customer": that is
a finding, so the consultant fills it in before handing the report over.
"""

from __future__ import annotations

from dataclasses import replace

from planner.core.catalogue import catalogue
from planner.core.model import Finding, Severity
from planner.core.settings import Settings

__all__ = ["NO_CUSTOMER", "localized_defaults"]

NO_CUSTOMER = "PROJECT-NO-CUSTOMER"


def localized_defaults(settings: Settings) -> tuple[Settings, tuple[Finding, ...]]:
    """``settings`` with the placeholder consultant named in its language; findings for gaps."""
    if settings.consultants == Settings().consultants:
        name = catalogue(settings.language)("common.default_consultant", n=1)
        settings = replace(settings, consultants=(replace(settings.consultants[0], name=name),))
    if settings.customer.strip():
        return settings, ()
    en, de = catalogue("en"), catalogue("de")
    return settings, (Finding(Severity.WARNING, NO_CUSTOMER, en("common.no_customer_finding"),
                              de("common.no_customer_finding"), target="project"),)
