"""A server upgraded in place whose Windows version the inventory does not give is a warning:
SE setup refuses an operating system it does not support, found on the upgrade's night."""

from __future__ import annotations

from dataclasses import replace

from planner.core.model import Estate, Organization, Server, Site
from tests.core.rules.estates import CU14, E2016
from tests.core.rules.proposing import plan


def _estate(os: str) -> Estate:
    return Estate(
        organization=Organization(customer="Prairie Freight", forest="pf.local"),
        sites=(Site("Dallas", internet_facing=True, country="US", subdivision="TX"),),
        servers=(Server("EX19", site="Dallas", roles=("Mailbox",), build=CU14, os=os),
                 Server("EX16", site="Dallas", roles=("Mailbox",), build=E2016)))


def test_an_in_place_server_without_its_windows_version_is_named() -> None:
    found = [f for f in plan(_estate("")).findings if f.code == "RULES-OS-UNKNOWN"]
    assert [f.target for f in found] == ["server:EX19"]  # not the 2016 server: new servers
    assert "2019, 2022 and 2025" in found[0].message("en")
    assert "2019, 2022 und 2025" in found[0].message("de")


def test_a_known_windows_version_says_nothing() -> None:
    estate = _estate("Windows Server 2019 Datacenter")
    assert not [f for f in plan(estate).findings if f.code == "RULES-OS-UNKNOWN"]
    # too old a Windows is no unknown: the server goes side by side (its own reason)
    old = replace(estate, servers=(replace(estate.servers[0], os="Windows Server 2016"),
                                   estate.servers[1]))
    assert not [f for f in plan(old).findings if f.code == "RULES-OS-UNKNOWN"]
