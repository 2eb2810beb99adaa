"""The Microsoft commands and checklists that steps carry, so the consultant can act on them."""

from __future__ import annotations

__all__ = ["SETUP_ACCEPT", "maintenance_wrapped", "setup_upgrade"]

SETUP_ACCEPT = "/IAcceptExchangeServerLicenseTerms_DiagnosticDataOFF"


def setup_upgrade() -> str:
    """Setup line for a CU or an in-place SE upgrade (run from the mounted media)."""
    return f"Setup.exe /Mode:Upgrade {SETUP_ACCEPT}"


def maintenance_wrapped(server: str, dag: str, action: str) -> str:
    """``action`` wrapped in maintenance mode; DAG members also pause their cluster node."""
    start = [
        f"Set-ServerComponentState {server} -Component HubTransport -State Draining "
        "-Requester Maintenance; Restart-Service MSExchangeTransport",
        f"Redirect-Message -Server {server} -Target <other server FQDN>",
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
