"""Mail flow on ``tests/estates/mailflow-fichtelwerk``: what a consultant relies on when he
signs the plan: nothing that carries mail or clients is removed before it is re-pointed,
Exchange's own connectors are not copied, the move order holds, new names follow the pattern."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from planner.core.plan import Proposal, Step
from planner.core.rules import propose
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs

ESTATE = Path(__file__).resolve().parents[2] / "estates" / "mailflow-fichtelwerk" / "inventory.xlsx"
_OLD_2016 = ("FW-EX16A", "FW-EX16B")
_CARRIES = {"relay_repoint", "receive_connectors", "send_connectors", "namespace_switch",
            "edge_inbound_switch", "mailbox_moves", "public_folder_moves", "arbitration_moves"}


@cache
def _proposal() -> Proposal:
    inputs = load_inputs([ESTATE])
    return propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))


def _steps() -> dict[str, Step]:
    return {s.id: s for s in _proposal().steps}


def _before(step_id: str) -> set[str]:
    """Every step that must finish before ``step_id`` (the predecessor graph walked)."""
    steps, seen, todo = _steps(), set(), [step_id]
    while todo:
        for dep in steps[todo.pop()].predecessors:
            if dep.step_id not in seen:
                seen.add(dep.step_id)
                todo.append(dep.step_id)
    return seen


def test_every_relay_client_and_connector_moves_before_its_server_is_removed() -> None:
    steps = _steps()
    relays = [s for s in steps.values() if s.kind == "relay_repoint"]
    # two listed scanners, the application, the unlisted scanner and the unlisted /24
    assert len(relays) == 5, [s.id for s in relays]
    removals = [s.id for s in steps.values() if s.kind in ("decommission", "dag_teardown")
                and any(old in s.title("en") for old in (*_OLD_2016, "FW-DAG"))]
    assert len(removals) == 3, removals
    for removal in removals:
        before = _before(removal)
        for step in steps.values():
            text = step.why("en") + step.command_in("en") + step.title("en")
            if step.kind in _CARRIES and any(old in text for old in _OLD_2016):
                assert step.id in before, f"{step.id} is not finished before {removal}"


def test_the_application_relay_is_its_owners_and_unlisted_addresses_the_customers() -> None:
    steps = _steps()
    app = next(s for s in steps.values() if s.kind == "relay_repoint" and "Warenwirtschaft" in s.id)
    assert app.owner == "ERP-Team" and not app.needs_consultant
    assert "10.8.5.40" in app.command_in("en")
    unknown = [s for s in steps.values() if s.kind == "relay_repoint" and "unknown" in s.id]
    found = {ip for s in unknown for ip in re.findall(r"10\.8\.[\d./]+\d", s.title("en"))}
    assert {"10.8.1.23", "10.8.20.0/24"} <= found
    assert all(not s.needs_consultant for s in unknown)


def test_exchange_own_receive_connectors_are_not_copied_but_their_changes_are() -> None:
    command = _steps()["sbs:receive:FW-DAG"].command_in("en")
    created = re.findall(r"New-ReceiveConnector -Server (\S+) -Name '([^']+)'", command)
    assert sorted(created) == sorted((new, name) for new in ("FW-SE01", "FW-SE02")
                                     for name in ("Relay Scanner", "App Relay Warenwirtschaft"))
    assert "'10.8.1.23','10.8.20.0/24'" in command  # the connector keeps every scanner address
    for new in ("FW-SE01", "FW-SE02"):
        reapplied = f"Set-ReceiveConnector '{new}\\Default Frontend {new}' -TlsCertificateName"
        assert reapplied in command


def test_the_edge_goes_only_after_inbound_internet_mail_reaches_its_successor() -> None:
    steps = _steps()
    assert "edge:inbound:FW-EDGE" in _before("edge:remove:FW-EDGE")
    assert "MX" in steps["edge:inbound:FW-EDGE"].command_in("en")
    assert "FW-SE03" in steps["edge:inbound:FW-EDGE"].title("en")  # named by the project's pattern


def test_arbitration_first_then_users_then_public_folders_never_health() -> None:
    steps = _steps()
    assert "legacy:namespace:FW-EX13" in _before("legacy:arbitration:FW-EX13")
    assert "legacy:arbitration:FW-EX13" in _before("legacy:moves:FW-EX13")
    batches = [s.id for s in steps.values() if s.kind == "mailbox_moves"]
    assert batches and set(batches) <= _before("sbs:publicfolders:FW-DAG")
    for step in steps.values():
        # health mailboxes are never moved
        assert "-Monitoring |" not in step.command_in("en"), step.id


def test_the_2019_cu13_server_is_on_cu15_before_any_se_server_is_installed() -> None:
    steps = _steps()
    installs = [s.id for s in steps.values() if s.kind in ("install_se", "inplace_upgrade")]
    assert len(installs) == 3
    for install in installs:
        assert "cu:FW-EX19" in _before(install), install


_POWERSHELL = re.compile(r"^\s*(?:\.\\|[A-Z][a-z]+-[A-Za-z]+\b|Setup\.exe|\$)")
_ENGLISH = re.compile(r"\b(?:Install|the|and|before|after|only|if|when|from|every|each|then)\b")


def test_german_commands_have_no_english_prose_or_comments() -> None:
    """What a German customer's administrator reads beside the PowerShell is German."""
    english = []
    for step in _proposal().steps:
        for text in step.command_in("de").splitlines():
            code, _, comment = text.partition("  # ")
            prose = comment if _POWERSHELL.match(code) else text
            prose = re.sub(r"'[^']*'|<[^>]*>|„[^“]*“", " ", prose)  # names and placeholders
            english += [f"{step.id}: {text}" for _ in _ENGLISH.finditer(prose)][:1]
    assert english == [], "\n".join(english)


def test_the_namespace_switch_names_the_servers_and_the_autodiscover_name_it_knows() -> None:
    command = _steps()["legacy:namespace:FW-EX13"].command_in("en")
    assert "Get-OwaVirtualDirectory -Server FW-EX13 |" in command
    assert ("Set-ClientAccessService <each of FW-EX16A, FW-EX16B> -AutoDiscoverServiceInternalUri "
            "https://autodiscover.fichtelwerk.de/Autodiscover/Autodiscover.xml") in command
    assert "Set-ClientAccessService FW-EX13 -AutoDiscoverServiceInternalUri $null" in command


def test_commands_fill_in_what_the_inventory_knows_instead_of_a_placeholder() -> None:
    """The Edge's AD site (Hof) and the old DAG's witness (FW-FS01) are in the inventory, so
    the commands name them; the witness is marked as a proposal the consultant may change."""
    steps = _steps()
    for lang in ("en", "de"):
        subscribe = steps["edge:subscribe:FW-EDGE"].command_in(lang)
        assert "-Site Hof" in subscribe and "<" not in subscribe
        dag = steps["sbs:dag:FW-DAG"].command_in(lang).splitlines()[0]
        assert dag.startswith(
            "New-DatabaseAvailabilityGroup -Name FW-DAG-SE -DatabaseAvailabilityGroupIPAddresses"
            " ([System.Net.IPAddress]::None) -WitnessServer FW-FS01  # ")
    assert "alten DAG" in steps["sbs:dag:FW-DAG"].command_in("de")
    assert "-Server FW-SE01 " in steps["sbs:databases:FW-DAG"].command_in("en")
    # the MRS proxy is reached by the one external EWS namespace of the inventory
    assert "-RemoteServer mail.fichtelwerk.de " in steps["mrsproxy:FW-DAG"].command_in("de")


def test_a_2013_server_without_a_target_gets_a_placeholder_in_the_plans_language() -> None:
    inputs = load_inputs([ESTATE])
    only_2013 = replace(inputs.estate, servers=tuple(
        s for s in inputs.estate.servers if s.name == "FW-EX13"))
    proposal = propose(only_2013, inputs.settings, Decisions(), knowledge_for(inputs.settings))
    commands = {lang: "\n".join(s.command_in(lang) for s in proposal.steps
                                if s.id.startswith("legacy:")) for lang in ("en", "de")}
    assert "<2016/2019 server>" in commands["en"]
    assert "<2016/2019-Server>" in commands["de"] and "<2016/2019 server>" not in commands["de"]
