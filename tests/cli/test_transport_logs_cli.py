"""``planner check/plan`` with transport logs: a folder or a zip beside the inventory."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planner.cli import main
from tests.paths import MIXED
from tests.transport_log_maker import write_logs


@pytest.fixture(scope="module")
def log_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("logs")
    write_logs(folder / "copied", days=2)
    return Path(shutil.make_archive(str(folder / "logs"), "zip", folder / "copied"))


def test_check_lists_flows_and_discovered_clients(log_zip: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MIXED), str(log_zip)]) == 0  # warnings only
    out = capsys.readouterr().out
    assert "8 relay clients" in out
    assert "BER-EX16-01: To Exchange Online 65" in out
    assert "WARNING  Relay client veeam01.contoso.local" in out  # people's words, no code


def test_plan_json_has_one_repoint_step_per_client_of_the_replaced_servers(
        log_zip: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    assert main(["plan", str(MIXED), str(log_zip), "--json", str(out)]) == 0
    steps = json.loads(out.read_text(encoding="utf-8"))["steps"]
    relay = [s for s in steps if s["id"].startswith("sbs:relay:")]
    assert len(relay) == 3
