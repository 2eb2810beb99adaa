"""A certificate that expires soon after the plan's start is renewed before anything takes it on
(Thames & Shannon's review: a certificate expiring on 26 February 2027, mid-project, and no
renewal step; Van Dijk's expires on 19 February, between its new servers and its HCW)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from planner.core.plan import Plan
from planner.pipeline import load_inputs, make_plan
from tests.core.rules.proposing import before

ESTATE = Path(__file__).resolve().parents[2] / "estates" / "vandijk-logistiek"
RENEW = "certrenew:mail.vandijk-logistiek.nl"
# the steps that hand the certificate on: new servers, namespaces, send sources, Edge, HCW
HANDS_ON = ("certificates_vdirs", "namespace_switch", "send_connectors", "edge_subscription",
            "hcw_rerun")


@pytest.fixture(scope="module")
def inputs():  # type: ignore[no-untyped-def]
    return load_inputs([ESTATE / "inventory.xlsx"])


def _plan(inputs, text: str | None = None, **overrides: object) -> Plan:  # type: ignore[no-untyped-def]
    estate = inputs.estate
    if text is not None:
        estate = replace(estate, namespaces=tuple(
            replace(n, certificate=text) if n.certificate else n for n in estate.namespaces))
    settings = replace(inputs.settings, solver_time_limit_s=0.0,
                       policy_overrides={**inputs.settings.policy_overrides, **overrides})
    return make_plan(estate, inputs.findings, settings)


def test_the_certificate_is_renewed_before_its_expiry_and_anything_that_takes_it_on(inputs) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(inputs)
    step = plan.proposal.step(RENEW)
    assert step is not None and step.kind == "certificate_renewal"
    assert "mail.vandijk-logistiek.nl" in step.title("en") and "erneuern" in step.title("de")
    assert "19 Feb 2027" in step.why("en") and "19.02.2027" in step.why("de")
    users = [s.id for s in plan.proposal.steps if s.kind in HANDS_ON]
    assert len(users) >= 5
    assert all(before(plan.proposal, RENEW, u) for u in users)
    dated = {d.step_id: d for d in plan.schedule.steps}
    assert str(dated[RENEW].end) < "2027-02-19"
    assert not [f for f in plan.findings if f.code == "RULES-CERTIFICATE-EXPIRES"]
    # the command: import and enable on the servers that present it; the Edge in its own shell
    command = step.command_in("en")
    assert "New-ExchangeCertificate -GenerateRequest" in command
    assert "Import-ExchangeCertificate -Server <each of VNL-EX19-01" in command
    assert "VNL-EDGE01 itself" in command and "-Server <each of VNL-EDGE01" not in command
    assert "⟦" not in command and "⟦" not in step.command_in("de")


@pytest.mark.parametrize("text", [
    "mail.vandijk-logistiek.nl (Sectigo)",  # no date
    "mail.vandijk-logistiek.nl (Sectigo, exp. 2029-06-30)",  # well after the project
])
def test_no_expiry_inside_the_horizon_no_renewal(inputs, text: str) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(inputs, text)
    assert not [s for s in plan.proposal.steps if s.kind == "certificate_renewal"]


def test_the_horizon_is_a_fact_a_project_can_set(inputs) -> None:  # type: ignore[no-untyped-def]
    assert _plan(inputs, **{"certificates.renew_within_days": 0}).proposal.step(RENEW) is None
    later = "mail.vandijk-logistiek.nl (Sectigo, exp. 2029-06-30)"
    assert _plan(inputs, later, **{"certificates.renew_within_days": 1200}).proposal.step(
        RENEW) is not None


def test_a_renewal_dated_after_the_expiry_is_still_a_warning(inputs) -> None:  # type: ignore[no-untyped-def]
    """A certificate that has already expired: renewed at once, and the warning says so."""
    plan = _plan(inputs, "mail.vandijk-logistiek.nl (Sectigo, exp. 2026-12-01)")
    assert plan.proposal.step(RENEW) is not None
    (found,) = [f for f in plan.findings if f.code == "RULES-CERTIFICATE-EXPIRES"]
    assert "Renew the certificate" in found.message("en")
