"""Certificates the inventory says expire while the project runs.

A namespace's or connector's certificate is text in the inventory ("mail.contoso.com
(Sectigo, exp. 2027-02-19)"); a date in it is its expiry as the customer wrote it. One that
falls before the plan's finish is a warning naming the certificate, the day and the first
step after it that needs it: a review's plan listed such a certificate twice and re-ran the
Hybrid Configuration Wizard two days after it expired, without a word.
"""

from __future__ import annotations

import re
from datetime import date

from planner.core.model import Estate, Finding, Severity
from planner.core.plan import Proposal, Schedule

__all__ = ["certificate_findings", "expiry_of"]

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_GERMAN = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
# steps that present, renew or depend on the Exchange certificate: the new servers' set-up,
# the namespace switches, the Edge subscription and inbound mail, the Hybrid wizard
_USES = frozenset({"certificates_vdirs", "namespace_switch", "edge_subscription",
                   "edge_inbound_switch", "hybrid_hcw", "receive_connectors",
                   "certificate_renewal"})


def expiry_of(text: str) -> date | None:
    """The (last) date written in a certificate's text, or None.

    >>> expiry_of("mail.contoso.com (Sectigo, exp. 19.02.2027)")
    datetime.date(2027, 2, 19)
    """
    found: list[date] = []
    for match in _ISO.finditer(text):
        found += _day(int(match[1]), int(match[2]), int(match[3]))
    for match in _GERMAN.finditer(text):
        found += _day(int(match[3]), int(match[2]), int(match[1]))
    return max(found, default=None)


def _day(year: int, month: int, day: int) -> list[date]:
    try:
        return [date(year, month, day)]
    except ValueError:
        return []


def certificate_findings(estate: Estate, proposal: Proposal,
                         schedule: Schedule) -> tuple[Finding, ...]:
    """A warning per certificate whose written expiry falls before the plan's finish."""
    finish = schedule.objective.finish
    if finish is None:
        return ()
    names = {c for c in (*(n.certificate for n in estate.namespaces),
                         *(c.tls_certificate for c in estate.connectors)) if c}
    steps = {s.id: s for s in proposal.steps}
    dated = sorted((d.start, d.step_id) for d in schedule.steps
                   if d.step_id in steps and steps[d.step_id].kind in _USES)
    renewed = _renewals(proposal, schedule)
    out = []
    for name in sorted(names):
        expires = expiry_of(name)
        if expires is None or expires > finish or renewed.get(name, expires) < expires:
            continue
        after = next((steps[sid] for day, sid in dated if day >= expires), None)
        if after is None:  # no step after it: the servers still present it every day
            out.append(Finding.about(
                Severity.WARNING, "RULES-CERTIFICATE-EXPIRES", "",
                "findings.certificate.running", certificate=name, day=expires))
            continue
        # the step's title as data, worded in each reader's language
        out.append(Finding.about(
            Severity.WARNING, "RULES-CERTIFICATE-EXPIRES", "", "",
            certificate=name, day=expires, step=after.title_message or after.title("en")))
    return tuple(out)


def _renewals(proposal: Proposal, schedule: Schedule) -> dict[str, date]:
    """Per certificate the last day of its renewal step (rule certificate_renewal)."""
    kinds = {s.id: s for s in proposal.steps if s.kind == "certificate_renewal"}
    out: dict[str, date] = {}
    for d in schedule.steps:
        step = kinds.get(d.step_id)
        name = step.title_message.value("certificate") if step and step.title_message else None
        if isinstance(name, str):
            out[name] = d.end
    return out
