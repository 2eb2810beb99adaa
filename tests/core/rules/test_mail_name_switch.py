"""A name mail is sent to (the hybrid name Exchange Online delivers to) switches to the new
servers only once their receive connectors present its certificate (a review: Mercy Valley's
hybrid.mercyvalley.org switched on 6 February, its certificate set on the new Default
Frontend connectors from 3 to 11 February: Exchange Online's TLS check would have failed)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from planner.core.knowledge import load_knowledge
from planner.core.rules import propose
from planner.core.settings import Decisions, Settings
from planner.pipeline import load_inputs
from tests.core.rules.estates import mixed
from tests.core.rules.proposing import START, before

MERCY = Path(__file__).resolve().parents[2] / "estates" / "mercy-valley-health"


def _switch_after_receive(services: tuple[str, ...]) -> bool:
    est = mixed()
    est = replace(est, namespaces=tuple(replace(n, services=services) for n in est.namespaces))
    p = propose(est, Settings(start=START), Decisions(), load_knowledge())
    assert p.step("sbs:receive:DAG2016") is not None and p.step("sbs:namespace:DAG2016")
    return before(p, "sbs:receive:DAG2016", "sbs:namespace:DAG2016")


def test_a_name_mail_is_sent_to_waits_for_the_new_receive_connectors() -> None:
    assert _switch_after_receive(("OWA", "EWS", "SMTP"))
    assert _switch_after_receive(("Autodiscover", "SMTP relay"))


def test_a_client_only_name_does_not_wait_for_them() -> None:
    assert not _switch_after_receive(("OWA", "EWS"))


def test_mercy_valleys_hybrid_name_switches_after_its_certificate_is_on_the_connectors() -> None:
    inputs = load_inputs([MERCY / "inventory.xlsx"])
    p = propose(inputs.estate, inputs.settings, Decisions(), load_knowledge())
    receive = p.step("sbs:receive:DAG-MVH16")
    assert receive is not None and "TlsCertificateName" in receive.command_in("en")
    assert before(p, "sbs:receive:DAG-MVH16", "sbs:namespace:DAG-MVH16")
    assert before(p, "sbs:receive:DAG-MVH16", "hybrid:hcw")


def test_a_new_dag_over_two_sites_is_ip_less_with_datacenter_activation() -> None:
    """Mercy Valley, a review: New-DatabaseAvailabilityGroup without an address (it tries
    DHCP) for a DAG over Columbus and Indianapolis, and no Datacenter Activation mode."""
    inputs = load_inputs([MERCY / "inventory.xlsx"])
    p = propose(inputs.estate, inputs.settings, Decisions(), load_knowledge())
    dag = p.step("sbs:dag:DAG-MVH16")
    assert dag is not None
    command = dag.command_in("en")
    assert "-DatabaseAvailabilityGroupIPAddresses ([System.Net.IPAddress]::None)" in command
    assert "-DatacenterActivationMode DagOnly" in command
    one_site = propose(mixed(), Settings(start=START), Decisions(), load_knowledge())
    single = one_site.step("sbs:dag:DAG2016")
    assert single is not None and "DatacenterActivationMode" not in single.command_in("en")
