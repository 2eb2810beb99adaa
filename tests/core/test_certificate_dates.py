"""A certificate whose written expiry falls inside the project is renewed first (rule
certificate_renewal); where it is not (a project that sets ``certificates.renew_within_days``
to 0) or the renewal comes too late, a warning names the first step after it that needs it
(a review: listed twice, the Hybrid wizard re-run after it)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from planner.core.certificate_dates import certificate_findings
from planner.pipeline import load_inputs, make_plan

ESTATE = Path(__file__).resolve().parents[1] / "estates" / "vandijk-logistiek"


@pytest.fixture(scope="module")
def inputs():  # type: ignore[no-untyped-def]
    return load_inputs([ESTATE / "inventory.xlsx"])


NO_RENEWAL = {"certificates.renew_within_days": 0}


def _with(inputs, text: str, overrides: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    spaces = tuple(replace(n, certificate=text) if n.certificate else n
                   for n in inputs.estate.namespaces)
    estate = replace(inputs.estate, namespaces=spaces)
    settings = replace(inputs.settings, solver_time_limit_s=0.0,
                       policy_overrides={**inputs.settings.policy_overrides,
                                         **(overrides or NO_RENEWAL)})
    return make_plan(estate, inputs.findings, settings)


def test_a_certificate_expiring_inside_the_project_is_a_warning(inputs) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(inputs.estate, inputs.findings, replace(
        inputs.settings, policy_overrides={**inputs.settings.policy_overrides, **NO_RENEWAL}))
    assert not [s for s in plan.proposal.steps if s.kind == "certificate_renewal"]
    found = [f for f in plan.findings if f.code == "RULES-CERTIFICATE-EXPIRES"]
    assert len(found) == 1
    assert "19 Feb 2027" in found[0].message("en") and "19.02.2027" in found[0].message("de")
    # the first step after that day that needs it, where the plan has one (the Edge's
    # inbound switch: on which side of 19 February it falls depends on the solver's time),
    # else the servers present it every day; never "–" for a step
    dated = {d.step_id: d.start for d in plan.schedule.steps}
    after = dated["edge:inbound:VNL-EDGE01"] >= date(2027, 2, 19)
    text = found[0].message("en")
    assert ("VNL-EDGE01-SE" in text) if after else ("the servers present it every day" in text)
    assert "–" not in text


def test_no_step_after_the_expiry_says_the_servers_present_it_daily() -> None:
    """A plan whose last step needing the certificate comes before its expiry read ": –"."""
    from planner.core.certificate_dates import certificate_findings
    from planner.core.model import Estate, Namespace
    from planner.core.plan import Objective, Proposal, Schedule

    estate = Estate(namespaces=(Namespace("mail.contoso.de",
                                          certificate="mail.contoso.de (exp. 2027-02-19)"),))
    schedule = Schedule(objective=Objective(0, 0, 0, date(2027, 3, 1), "optimal", 0.0))
    (found,) = certificate_findings(estate, Proposal(), schedule)
    assert "the servers present it every day" in found.message("en")
    assert "jeden Tag" in found.message("de") and "–" not in found.message("en")


@pytest.mark.parametrize(("text", "warned"), [
    ("mail.contoso.de (gültig bis 28.02.2027)", True),  # German date, inside the project
    ("mail.contoso.de (exp. 2030-01-01)", False),  # after the plan's finish
    ("mail.contoso.de (Sectigo)", False),  # no date: nothing to say
])
def test_the_expiry_is_read_from_the_certificates_text(inputs, text: str, warned: bool) -> None:  # type: ignore[no-untyped-def]
    plan = _with(inputs, text)
    assert plan.schedule.objective.finish is not None
    assert plan.schedule.objective.finish > date(2027, 2, 28)
    found = certificate_findings(plan.estate, plan.proposal, plan.schedule)
    assert bool(found) is warned
