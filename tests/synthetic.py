"""Synthetic estates of any size (20, 200, 2,000 servers) with a matching proposal, for benchmarks.

Deterministic for a given size and seed: DAGs of 2-4 members per site, two thirds Exchange
2019 (in place, one member of a DAG at a time), one third Exchange 2016 (new SE servers,
mailbox moves, decommission), staggered first-detected dates and one consultant per 40
servers. The steps mimic the shape RULES produces, so the scheduler sees realistic load.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.model import (
    Connector,
    ConnectorType,
    Dag,
    Database,
    Estate,
    Organization,
    Server,
    Site,
)
from planner.core.plan import Dependency, Phase, Proposal, Step
from planner.core.settings import Consultant, Settings

__all__ = ["JUDGED_VARIANTS", "SyntheticCase", "synthetic_case", "synthetic_estate"]


@dataclass(frozen=True)
class SyntheticCase:
    """An estate, its proposal and the settings to schedule it with."""

    estate: Estate
    proposal: Proposal
    settings: Settings


def _step(step_id: str, title: str, days: int, phase: Phase, target: str,
          preds: tuple[str, ...] = (), **kw: object) -> Step:
    return Step(id=step_id, title_en=title, title_de=title, kind=step_id.split(":")[0],
                phase=phase, target=target, duration_days=days, rule="synthetic",
                why_en="synthetic", why_de="synthetisch",
                predecessors=tuple(Dependency(p) for p in preds), **kw)  # type: ignore[arg-type]


def _servers(size: int, rng: random.Random) -> tuple[list[Server], list[Dag], list[Site]]:
    sites = [Site(f"Site{i:02}", country="DE", subdivision=rng.choice(["BY", "BE", "NW", "HE"]))
             for i in range(max(1, size // 50))]
    servers: list[Server] = []
    dags: list[Dag] = []
    n = 0
    while n < size:
        site = sites[len(dags) % len(sites)].name
        product = "2019" if rng.random() < 0.67 else "2016"
        build = "15.2.1544.36" if product == "2019" else "15.1.2507.61"
        members = tuple(f"EX{n + i + 1:04}" for i in range(min(size - n, rng.randint(2, 4))))
        dag = f"DAG{len(dags) + 1:03}"
        dags.append(Dag(dag, members))
        servers += [Server(name=m, fqdn=f"{m.lower()}.contoso.com", site=site, build=build,
                           dag=dag, roles=("Mailbox",)) for m in members]
        n += len(members)
    return servers, dags, sites


def _steps_for(dag: Dag, servers: dict[str, Server]) -> list[Step]:
    members = [servers[m] for m in dag.members]
    res = (f"dag:{dag.name}",)
    if members[0].build.startswith("15.2"):
        return [_step(f"inplace:{m.name}", f"In place to SE: {m.name}", 1, Phase.IN_PLACE,
                      f"server:{m.name}", ("adprep:org",), resources=(*res, f"server:{m.name}"),
                      exits_exo_view=(m.name,), needs_window=False) for m in members]
    new = f"install:{dag.name}"
    steps = [_step(new, f"Install SE servers for {dag.name}", 3, Phase.SIDE_BY_SIDE,
                   f"dag:{dag.name}", ("adprep:org",))]
    for m in members:
        moves = f"moves:{m.name}"
        steps.append(_step(moves, f"Move mailboxes off {m.name}", 4, Phase.SIDE_BY_SIDE,
                           f"server:{m.name}", (new,), resources=(f"server:{m.name}",),
                           needs_consultant=False))
        steps.append(_step(f"decom:{m.name}", f"Decommission {m.name}", 1, Phase.DECOMMISSION,
                           f"server:{m.name}", (moves,), resources=res,
                           exits_exo_view=(m.name,)))
    return steps


def synthetic_case(size: int, seed: int = 7, start: date = date(2026, 12, 1)) -> SyntheticCase:
    """A deterministic estate of ``size`` servers with steps, detection dates and consultants."""
    rng = random.Random(seed * 100_003 + size)
    servers, dags, sites = _servers(size, rng)
    by_name = {s.name: s for s in servers}
    steps = [_step("adprep:org", "Prepare Active Directory", 1, Phase.PREPARE, "org")]
    for dag in dags:
        steps += _steps_for(dag, by_name)
    detected = {s.name: start - timedelta(days=rng.randint(0, 60)) for s in servers}
    consultants = tuple(Consultant(f"Consultant {i + 1}", days_per_week=5 if i % 3 else 4)
                        for i in range(max(1, size // 40)))
    settings = Settings(start=start, consultants=consultants, first_detected=detected,
                        solver_time_limit_s=10.0)
    estate = Estate(organization=Organization(customer=f"Synthetic {size}", hybrid=True),
                    sites=tuple(sites), servers=tuple(servers), dags=tuple(dags))
    return SyntheticCase(estate, Proposal(steps=tuple(steps)), settings)


# --- whole estates for the pipeline (rules + scheduler), as an inventory would give them ----

_BUILDS = {  # product/release -> a build the knowledge base knows
    "2013": "15.0.1497.48", "2016": "15.1.2507.61",
    "2019cu12": "15.2.1118.40", "2019cu14": "15.2.1544.36", "2019cu15": "15.2.1748.39",
}
_MIX = ("2019cu15", "2019cu14", "2019cu14", "2019cu12", "2016", "2016", "2013")
_STATES = ("BY", "BE", "NW", "HE", "HH", "SN")
# which two servers Exchange Online judges, and how many days before the start it saw them
JUDGED_VARIANTS: dict[str, tuple[str, int]] = {
    "hubs-2016": ("2016", 60),  # two 2016 hubs, first seen two months before the start
    "hubs-2019": ("2019cu14", 60),
    "hubs-2016-late": ("2016", 200),  # already throttled at the start
}


def synthetic_estate(size: int, consultants: int, variant: str = "hubs-2016", seed: int = 7,
                     start: date = date(2026, 12, 1)) -> tuple[Estate, Settings]:
    """An estate of ``size`` servers for the whole pipeline, with settings to plan it.

    DAGs of 2-4 members with 1-3 databases per member, a mix of Exchange 2013, 2016 and
    2019 CU12/CU14/CU15, one receive connector per server, and two hub servers (the send
    connector to Exchange Online) that Exchange Online judges (see JUDGED_VARIANTS).
    """
    rng = random.Random(seed * 100_003 + size)
    hub_product, seen_days = JUDGED_VARIANTS[variant]
    sites = [Site(f"Site{i:02}", country="DE", subdivision=_STATES[i % len(_STATES)])
             for i in range(max(1, size // 50))]
    servers: list[Server] = []
    dags: list[Dag] = []
    databases: list[Database] = []
    n = 0
    while n < size:
        # the first DAG holds the hubs; a DAG never mixes products
        product = hub_product if not dags else rng.choice(_MIX)
        count = min(size - n, rng.randint(2, 4)) if size - n > 1 else 1
        members = tuple(f"EX{n + i + 1:04}" for i in range(count))
        dag = f"DAG{len(dags) + 1:03}" if count > 1 else ""
        if dag:
            dags.append(Dag(dag, members))
        site = sites[len(dags) % len(sites)].name
        for m in members:
            servers.append(Server(name=m, fqdn=f"{m.lower()}.contoso.com", site=site,
                                  build=_BUILDS[product], dag=dag, roles=("Mailbox",),
                                  os="Windows Server 2019", mailbox_count=100))
            databases += [Database(f"DB-{m}-{d}", server=m, dag=dag, size_gb=50.0 + d)
                          for d in range(rng.randint(1, 3))]
        n += count
    hubs = tuple(s.name for s in servers[:2])
    connectors = [
        Connector("Outbound to Office 365", ConnectorType.SEND, servers=hubs,
                  address_spaces=("contoso.mail.onmicrosoft.com",), cloud_mail_enabled=True),
        Connector("Inbound from Office 365", ConnectorType.EXO_INBOUND,
                  remote_ip_ranges=("192.0.2.10",)),
        *(Connector(f"Default Frontend {s.name}", ConnectorType.RECEIVE, servers=(s.fqdn,))
          for s in servers),
    ]
    estate = Estate(organization=Organization(customer=f"Synthetic {size}", hybrid=True),
                    sites=tuple(sites), servers=tuple(servers), dags=tuple(dags),
                    databases=tuple(databases), connectors=tuple(connectors))
    staff = tuple(Consultant(f"Consultant {i + 1}", days_per_week=5 if i % 3 else 4)
                  for i in range(consultants))
    detected = {h: start - timedelta(days=seen_days) for h in hubs}
    settings = Settings(start=start, consultants=staff, first_detected=detected,
                        solver_time_limit_s=10.0, subdivision="HE")
    return estate, settings
