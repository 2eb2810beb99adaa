"""Which servers' transport logs were read is said: the lead names them and the servers
without logs, and a listed client is "not seen in the logs" only where its server's logs
were read (Werratal: logs of KS-EX13 and KS-EX16-01 only; Scanner Werk 2 sends through
KS-EX16-02, whose logs nobody read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.core.model import Estate
from planner.core.transport_listing import lead_text, logged_servers, relay_listing
from planner.pipeline import load_inputs

HERE = Path(__file__).resolve().parents[1] / "estates" / "mailflow-werratal"


@pytest.fixture(scope="module")
def estate() -> Estate:
    return load_inputs([HERE / "inventory.xlsx", HERE / "transport-logs"]).estate


def test_the_lead_names_the_servers_with_and_without_logs(estate: Estate) -> None:
    assert logged_servers(estate) == ["KS-EX13", "KS-EX16-01"]
    text = lead_text(estate, "en")
    assert "From the transport logs of KS-EX13 and KS-EX16-01" in text
    assert "No logs of KS-EX16-02" in text and "FD-EDGE" in text
    german = lead_text(estate, "de")
    assert "Aus den Transportprotokollen von KS-EX13 und KS-EX16-01" in german


def test_a_client_on_a_server_without_logs_is_not_called_unseen(estate: Estate) -> None:
    rows = {row[0]: row for row in relay_listing(estate, "en").rows}
    assert rows["Scanner Werk 2"][4] == "listed; no logs of KS-EX16-02"
    assert "not seen" not in " ".join(rows["Scanner Werk 2"])
