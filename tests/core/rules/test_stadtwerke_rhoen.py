"""``tests/estates/stadtwerke-rhoen`` (review 2026-12-08): a 2013 server whose relay clients
go to a 2019 server that is upgraded in place later, a 2016 hub that carries the hybrid send
connector and a relay, a 2016 Edge in a perimeter site; two sites in two federal states."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from planner.core.plan import Proposal, Step
from planner.core.rules import propose
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs
from tests.core.rules.proposing import before

FOLDER = Path(__file__).resolve().parents[2] / "estates" / "stadtwerke-rhoen"


@cache
def _proposal() -> Proposal:
    inputs = load_inputs([FOLDER / "inventory.xlsx", FOLDER / "transport-logs"])
    return propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))


def _steps() -> dict[str, Step]:
    return {s.id: s for s in _proposal().steps}


def _waits(then: str, *first: str) -> bool:
    """Whether ``then`` (transitively) waits for every one of ``first``."""
    return all(before(_proposal(), f, then) for f in first)


def test_the_2013_relay_clients_go_to_the_2019_server_that_stays_before_2013_goes() -> None:
    steps = _steps()
    relays = [sid for sid, s in steps.items() if s.id.startswith("legacy:relay:SWR-EX13:")]
    assert len(relays) == 2
    assert all("SWR-EX19-01" in steps[r].title("en") for r in relays)
    assert _waits("legacy:decom:SWR-EX13", *relays, "legacy:publicfolders:SWR-EX13")
    assert _waits("sbs:install:SWR-EX16-HUB-SE", "legacy:gone")
    assert _waits("inplace:SWR-EX19-01", "legacy:gone")


def test_the_upgrade_of_the_server_they_send_to_says_their_mail_stops_in_its_window() -> None:
    """Devices take one SMTP host: maintenance mode on it stops their mail, and the step that
    puts it there names them and the DAG peer that can take them for the window."""
    steps = _steps()
    for lang, words in (("en", "in maintenance mode SWR-EX19-01 takes no SMTP"),
                        ("de", "im Wartungsmodus nimmt SWR-EX19-01 kein SMTP an")):
        why = steps["inplace:SWR-EX19-01"].why(lang)
        assert words in why
        assert "Zählerfernauslesung" in why and "KM-C3350-MEI" in why
        assert "swr-ex19-02.swr.intern" in why
        assert "SMTP" not in steps["inplace:SWR-EX19-02"].why(lang)


def test_the_hub_and_the_edge_leave_only_after_their_mail_flow_moved() -> None:
    assert _waits("sbs:decom:SWR-EX16-HUB", "sbs:send:SWR-EX16-HUB", "sbs:receive:SWR-EX16-HUB",
                  "hybrid:hcw", "sbs:relay:SWR-EX16-HUB:SCADA-Alarmgateway",
                  "sbs:relay:SWR-EX16-HUB:Abrechnung-SAP-IS-U")
    assert _waits("edge:remove:SWR-EDGE", "edge:subscribe:SWR-EDGE", "edge:inbound:SWR-EDGE")


def test_one_old_server_stays_monitored_in_the_singular() -> None:
    command = _steps()["backup:SWR-EX16-HUB"]
    assert "SWR-EX16-HUB stays monitored until it is removed" in command.command_in("en")
    assert "SWR-EX16-HUB bleibt überwacht, bis er entfernt wird" in command.command_in("de")


def test_a_2013_client_moved_to_a_default_connector_is_promised_no_new_connector() -> None:
    """Zählerfernauslesung sent through SWR-EX13's Default Frontend and goes to the one on
    SWR-EX19-01, which exists already: no new receive connector is made for it."""
    step = _steps()["legacy:relay:SWR-EX13:Z-hlerfernauslesung"]
    assert "the receive connector there admits 10.71.5.20" in step.command_in("en")
    assert "der Empfangsconnector dort lässt 10.71.5.20 zu" in step.command_in("de")
    assert "new receive connector" not in step.command_in("en")
