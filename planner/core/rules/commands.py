"""The Microsoft commands and checklists that steps carry, so the consultant can act on them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planner.core.explanation import note
from planner.core.model import Connector
from planner.core.plan import MigrationPath
from planner.core.rules.base import Context, ServerFacts

__all__ = ["SETUP_ACCEPT", "line", "maintenance_wrapped", "placeholder", "quoted",
           "redirect_target", "remark", "send_certificates", "setup_upgrade"]

SETUP_ACCEPT = "/IAcceptExchangeServerLicenseTerms_DiagnosticDataOFF"


# PowerShell ends a single-quoted string at any of these; doubled, each is itself
_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"


def quoted(text: str) -> str:
    """``text`` as a PowerShell single-quoted string, its quotes doubled: a connector named
    "Bob's relay" (or "x'; Stop-Computer; '") stays one argument of the pasted command.

    >>> quoted("Bob's relay")
    "'Bob''s relay'"
    """
    inner = "".join(c + c if c in _SINGLE_QUOTES else c for c in text)
    return f"'{inner}'"


def remark(key: str, **values: str | int) -> str:
    """A comment after a command (``  # ...``), in the plan's language (commands.<key>)."""
    return "  # " + note(f"commands.{key}", **values)


def line(key: str, **values: str | int) -> str:
    """A checklist line of a command, in the plan's language (commands.<key>)."""
    return note(f"commands.{key}", **values)


def placeholder(key: str, **values: str | int) -> str:
    """A ``<...>`` the consultant fills in, in the plan's language (commands.placeholder.<key>)."""
    return "<" + note(f"commands.placeholder.{key}", **values) + ">"


def setup_upgrade() -> str:
    """Setup line for a CU or an in-place SE upgrade (run from the mounted media)."""
    return f"Setup.exe /Mode:Upgrade {SETUP_ACCEPT}"


def maintenance_wrapped(server: str, dag: str, action: str, redirect_to: str | None) -> str:
    """``action`` wrapped in maintenance mode; DAG members also pause their cluster node.

    Queued mail is redirected to ``redirect_to``, another Mailbox server; an Edge, or the
    last transport server of the organization, has none to hand it to, so its queues drain.
    """
    start = [
        f"Set-ServerComponentState {server} -Component HubTransport -State Draining "
        "-Requester Maintenance; Restart-Service MSExchangeTransport",
        f"Redirect-Message -Server {server} -Target {redirect_to}" if redirect_to else
        f"Get-Queue -Server {server}" + remark("queues_drain"),
    ]
    stop = [f"Set-ServerComponentState {server} -Component ServerWideOffline -State Active "
            "-Requester Maintenance"]
    if dag:
        start.append(f".\\StartDagServerMaintenance.ps1 -ServerName {server} "
                     "-MoveComment Maintenance -PauseClusterNode")
        stop.append(f".\\StopDagServerMaintenance.ps1 -ServerName {server}")
    start.append(f"Set-ServerComponentState {server} -Component ServerWideOffline "
                 "-State Inactive -Requester Maintenance")
    stop.append(f"Set-ServerComponentState {server} -Component HubTransport -State Active "
                "-Requester Maintenance; Restart-Service MSExchangeTransport")
    return "\n".join([*start, action, *stop])


def redirect_target(ctx: Context, s: ServerFacts) -> str | None:
    """Another Mailbox server to take the queued mail: same DAG first, then the same site.

    None for an Edge (its queues go to the internet and to the Mailbox servers, not to a
    peer) and for the only transport server the organization has.
    """
    if s.server.is_edge:
        return None
    by_dag, by_site, anyone = _receivers(ctx)
    dag, site = s.server.dag.lower(), s.server.site.lower()
    for pool in (by_dag.get(dag, []) if dag else [], by_site.get(site, []), anyone):
        other = next((o for o in pool if o.name != s.name), None)
        if other is not None:
            return other.server.fqdn or other.name
    return None


_Pools = tuple[dict[str, list[ServerFacts]], dict[str, list[ServerFacts]], list[ServerFacts]]


def _receivers(ctx: Context) -> _Pools:
    """Mailbox servers that can take queued mail, by DAG and by site (built once)."""
    pools: _Pools | None = ctx.memo.get("redirect_pools")
    if pools is None:
        others = [o for o in ctx.servers if not o.server.is_edge and not o.excluded
                  and o.product in ("2016", "2019", "SE")
                  and o.path is not MigrationPath.DECOMMISSION]
        by_dag: dict[str, list[ServerFacts]] = {}
        by_site: dict[str, list[ServerFacts]] = {}
        for o in others:
            if o.server.dag:
                by_dag.setdefault(o.server.dag.lower(), []).append(o)
            by_site.setdefault(o.server.site.lower(), []).append(o)
        pools = (by_dag, by_site, others)
        ctx.memo["redirect_pools"] = pools
    return pools


def send_certificates(sources: Mapping[Connector, Sequence[str]]) -> list[str]:
    """The certificate a send connector presents (its TlsCertificateName) on each of its new
    source servers, before they send through it: a review found the connector to Exchange
    Online (mail.alpenglas.at) moved to Zürich's new servers, which had only their own
    namespace's certificate, for a month before the Hybrid Configuration Wizard ran; another
    the payroll bureau's TLS connector moved off Exchange 2013 without its certificate."""
    lines = []
    for c, new in sources.items():
        if c.tls_certificate and new:
            lines += [f"Import-ExchangeCertificate -Server {t} ...; Enable-ExchangeCertificate "
                      f"-Server {t} -Thumbprint {placeholder('thumbprint')} -Services SMTP"
                      + remark("send_certificate", cert=c.tls_certificate, connector=c.name)
                      for t in new]
    return list(dict.fromkeys(lines))
