"""Rule certificate_renewal: a certificate that expires while the project runs is renewed first.

The inventory writes a namespace's or send connector's certificate as text, often with its
expiry ("mail.contoso.com (Sectigo, exp. 2027-02-19)"). The new SE servers import it, a new
Edge presents it, the HCW assigns it and new send sources present it: renewed after those,
each would be done twice, and a renewal forgotten mid-project stops client access and
hybrid mail on its expiry day (a review found a certificate expiring on 26 February 2027,
mid-project, and no renewal step). So a certificate that expires within the fact
``certificates.renew_within_days`` of the plan's start is renewed after the expiry check and
before the first step that hands it on; the schedule's findings still warn where the
renewal itself is dated after the expiry (``planner.core.certificate_dates``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from planner.core.certificate_dates import expiry_of
from planner.core.explanation import message
from planner.core.plan import Dependency, Phase, Step
from planner.core.rules.base import Context, Link, Rule, RuleOutput, deps, make_step
from planner.core.rules.commands import line, placeholder, quoted, remark

__all__ = ["RENEW_PREFIX", "RULE"]

RENEW_PREFIX = "certrenew:"
_CHECK = "certs:org"  # the expiry check (org_checks) lists the certificates first
# Steps that hand the certificate on: new servers import it, namespaces and the HCW present
# or assign it, a new Edge is subscribed with it, new send sources present it.
_HANDS_ON = frozenset({"certificates_vdirs", "namespace_switch", "hcw_rerun",
                       "edge_subscription", "send_connectors", "ex2013_repoint"})


def _name(certificate: str) -> str:
    """The first word of a certificate's text: its name as other rows write it
    ("mail.contoso.com (Sectigo, exp. 2027-02-19)" -> "mail.contoso.com")."""
    return (certificate.split() or [""])[0].strip("(),;")


def _holders(ctx: Context, certificate: str) -> tuple[list[str], list[str]]:
    """The Mailbox and the Edge servers that present ``certificate`` today: its namespaces'
    and the send connectors' whose certificate has the same name."""
    est, subject = ctx.estate, _name(certificate).lower()
    names = [s for n in est.namespaces if n.certificate == certificate for s in n.servers]
    names += [s for c in est.connectors
              if c.tls_certificate and _name(c.tls_certificate).lower() == subject
              for s in c.servers]
    known = {s.name: s for s in est.servers}
    held = [known[n] for n in dict.fromkeys(names) if n in known]
    return [s.name for s in held if not s.is_edge], [s.name for s in held if s.is_edge]


def _command(certificate: str, mailbox: list[str], edges: list[str]) -> str:
    where = ", ".join(mailbox) if mailbox else None
    servers = placeholder("each_of", names=where) if where else placeholder(
        "each_exchange_server")
    thumb = placeholder("thumbprint")
    lines = [
        f"Get-ExchangeCertificate{_domain(certificate)} | ft Thumbprint,Subject,NotAfter,Services",
        f"Get-ExchangeCertificate -Thumbprint {thumb}"
        " | New-ExchangeCertificate -GenerateRequest -PrivateKeyExportable $true"
        + remark("renew_request"),
        f"Import-ExchangeCertificate -Server {servers} -FileData"
        f" ([System.IO.File]::ReadAllBytes({quoted(placeholder('cer_file'))}))"
        + remark("renew_import"),
        f"Enable-ExchangeCertificate -Server {servers} -Thumbprint {thumb} -Services IIS,SMTP"]
    for edge in edges:  # an Edge is not in AD: its own shell, SMTP only
        lines += [f"Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes("
                  f"{quoted(placeholder('cer_file'))})); Enable-ExchangeCertificate"
                  f" -Thumbprint {thumb} -Services SMTP" + remark("renew_edge", server=edge)]
    return "\n".join((*lines, line("renew_after")))


def _domain(certificate: str) -> str:
    """`` -DomainName '<name>'`` where the certificate's text starts with a DNS name."""
    first = _name(certificate)
    return f" -DomainName {quoted(first)}" if "." in first else ""


def _step_id(certificate: str, taken: set[str]) -> str:
    """``certrenew:<subject>``: the first word of the certificate's text, made unique."""
    subject = _name(certificate) or "certificate"
    sid, n = f"{RENEW_PREFIX}{subject}", 2
    while sid in taken:
        sid, n = f"{RENEW_PREFIX}{subject}:{n}", n + 1
    taken.add(sid)
    return sid


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    est = ctx.estate
    horizon = ctx.settings.start + timedelta(days=ctx.facts.renew_certificates_within_days)
    certificates = sorted({c for c in (*(n.certificate for n in est.namespaces),
                                       *(c.tls_certificate for c in est.connectors)) if c})
    users = [st.id for st in prior.values() if st.kind in _HANDS_ON]
    steps: list[Step] = []
    links: list[Link] = []
    taken: set[str] = set()
    for certificate in certificates:
        expires = expiry_of(certificate)
        if expires is None or expires > horizon:
            continue
        mailbox, edges = _holders(ctx, certificate)
        step = make_step(
            ctx, "certificate_renewal", _step_id(certificate, taken), "certificate_renewal",
            Phase.PREPARE, "org",
            message("steps.certificates.renew_title", certificate=certificate),
            [message("steps.certificates.renew_why", day=expires,
                     days=ctx.facts.renew_certificates_within_days)],
            predecessors=deps(_CHECK if _CHECK in prior else None),
            command=_command(certificate, mailbox, edges))
        steps.append(step)
        links += [(user, Dependency(step.id)) for user in users]
    return RuleOutput(tuple(steps), tuple(links))


RULE = Rule("certificate_renewal", _propose)
