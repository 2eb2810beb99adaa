"""Rules ad_backup, extended_protection and certificate_expiry: checks a change board expects.

Each runs once per organization, early, and the steps it protects wait for it:

- ``ad_backup``: a tested backup of Active Directory before /PrepareSchema (Microsoft's CU
  best practice asks for a working backup of AD and Exchange); the customer's work.
- ``extended_protection``: Extended Protection is on by default from 2019 CU14 and in SE,
  and SSL offloading on the load balancer breaks it, so the load balancer and TLS settings
  are checked before the first server gets CU14+ or SE.
- ``certificate_expiry``: the Exchange certificates the new servers reuse and the OAuth Auth
  certificate must not expire during the project (hybrid free/busy and the HCW need it).
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.explanation import Message, message
from planner.core.plan import Dependency, Phase, Step
from planner.core.rules.adprep import ADPREP
from planner.core.rules.base import Context, Link, Rule, RuleOutput, deps, make_step
from planner.core.rules.commands import line, placeholder, remark
from planner.core.rules.licensing import LICENSE

__all__ = ["RULE_AD_BACKUP", "RULE_CERTIFICATES", "RULE_EXTENDED_PROTECTION"]

_AD_BACKUP = "adbackup:org"
_EP = "ep:org"
_CERTS = "certs:org"
# Steps that put Exchange 2019 CU14 or newer (Extended Protection on by default) on a server.
_EP_KINDS = ("cu_update", "inplace_upgrade", "install_se")
# Steps that use the certificates: new servers get them, the HCW assigns them.
_CERT_KINDS = ("certificates_vdirs", "hcw_rerun", "edge_subscription")


def _text(key: str, **values: object) -> Message:
    return message(f"steps.org_checks.{key}", **values)


def _gate(prior: Mapping[str, Step]) -> tuple[Dependency, ...]:
    return deps(LICENSE if LICENSE in prior else None)


def _ad_backup(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    if ADPREP not in prior:
        return RuleOutput()
    forest = ctx.estate.organization.forest
    step = make_step(
        ctx, "ad_backup", _AD_BACKUP, "ad_backup", Phase.PREPARE, "org",
        _text("ad_backup_title"), [message("steps.adprep.forest", name=forest)] if forest else [],
        needs_consultant=False, predecessors=_gate(prior),
        command=line("ad_backup") + "\nrepadmin /replsummary" + remark("replication_healthy"))
    return RuleOutput((step,), ((ADPREP, Dependency(step.id)),))


def _extended_protection(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    # Exchange 2016 CU23 does not turn Extended Protection on by itself: its update is left out.
    targets = [st for st in prior.values() if st.kind in _EP_KINDS
               and st.rule != "cu_update_2016" and not _on_edge(ctx, st)]
    if not targets:
        return RuleOutput()
    lbs = sorted({n.load_balancer for n in ctx.estate.namespaces if n.load_balancer})
    where = _text("to_check_lb", names=lbs) if lbs else _text("to_check_any")
    step = make_step(
        ctx, "extended_protection", _EP, "extended_protection", Phase.PREPARE, "org",
        _text("ep_title"), [where],
        predecessors=_gate(prior),
        command=f".\\HealthChecker.ps1 -Server {placeholder('each_exchange_server')}"
                + remark("ep_sections") + "\n" + line("lb_no_offloading")
                + "\n.\\ExchangeExtendedProtectionManagement.ps1 -ShowExtendedProtection")
    links: list[Link] = [(st.id, Dependency(step.id)) for st in targets]
    return RuleOutput((step,), tuple(links))


def _on_edge(ctx: Context, st: Step) -> bool:
    kind, _, name = st.target.partition(":")
    server = ctx.estate.server(name) if kind == "server" else None
    return bool(server and server.is_edge)


def _certificates(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    users = [st for st in prior.values() if st.kind in _CERT_KINDS]
    certs = _distinct([*(n.certificate for n in ctx.estate.namespaces),
                       *(c.tls_certificate for c in ctx.estate.connectors)])
    if not users and not ctx.hybrid:
        return RuleOutput()
    listed = _text("certs_listed", names=certs) if certs else _text("certs_unlisted")
    step = make_step(
        ctx, "certificate_expiry", _CERTS, "certificate_expiry", Phase.PREPARE, "org",
        _text("certs_title"), [listed], predecessors=_gate(prior),
        command="Get-ExchangeCertificate | ft Subject,Services,NotAfter,Thumbprint\n"
                "Get-AuthConfig | fl CurrentCertificateThumbprint,NextCertificateThumbprint; "
                f"Get-ExchangeCertificate {placeholder('thumbprint')} | fl NotAfter"
                + remark("oauth_certificate") + "\n" + line("renew"))
    return RuleOutput((step,), tuple((st.id, Dependency(step.id)) for st in users))


def _distinct(certificates: list[str]) -> list[str]:
    """Each certificate once, as fully as the inventory describes it: a connector's
    "mail.contoso.com" is the namespace's "mail.contoso.com (Sectigo, exp. 2027-02-26)" (a
    review read the certificate twice in one sentence)."""
    best: dict[str, str] = {}
    for text in filter(None, (c.strip() for c in certificates)):
        subject = text.split(" (", 1)[0].strip().casefold()
        if len(text) > len(best.get(subject, "")):
            best[subject] = text
    return sorted(best.values())


RULE_AD_BACKUP = Rule("ad_backup", _ad_backup)
RULE_EXTENDED_PROTECTION = Rule("extended_protection", _extended_protection)
RULE_CERTIFICATES = Rule("certificate_expiry", _certificates)
