"""Hand-built plans for the report tests: a mixed estate with a hostile server name."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from planner.core.explanation import Driver
from planner.core.model import Estate, Finding, Organization, Server, Severity, Site
from planner.core.plan import (
    Exposure,
    MigrationPath,
    Objective,
    Pause,
    Phase,
    Plan,
    Proposal,
    Schedule,
    ScheduledStep,
    ServerAssessment,
    Step,
)
from planner.core.settings import Consultant, Decisions, Freeze, Settings

HOSTILE = "<script>alert(1)</script>"
START = date(2026, 10, 5)

_SERVERS = (
    # name, site, build, product, release, path, judged, supported, dag, roles
    ("EX19-01", "Berlin", "15.2.1544.36", "2019", "CU14 Oct25SU", MigrationPath.IN_PLACE,
     True, False, "DAG-BER", ("Mailbox",)),
    ("EX19-02", "Berlin", "15.2.1544.36", "2019", "CU14 Oct25SU", MigrationPath.IN_PLACE,
     False, False, "DAG-BER", ("Mailbox",)),
    ("EX19-03", "München", "15.2.1258.12", "2019", "CU13", MigrationPath.CU_THEN_IN_PLACE,
     False, False, "", ("Mailbox",)),
    ("EX16-01", "Hamburg", "15.1.2507.61", "2016", "CU23 Oct25SU", MigrationPath.SIDE_BY_SIDE,
     True, False, "", ("Mailbox",)),
    ("EX13-01", "Hamburg", "15.0.1497.48", "2013", "CU23", MigrationPath.DECOMMISSION,
     False, False, "", ("Mailbox",)),
    ("EDGE01", "Berlin", "15.2.1748.39", "2019", "CU15 Oct25SU", MigrationPath.IN_PLACE,
     True, False, "", ("Edge",)),
    (HOSTILE, "München", "15.2.2562.17", "SE", "RTM", MigrationPath.NONE,
     False, True, "", ("Mailbox",)),
)


def _estate() -> Estate:
    sites = (Site("Berlin", True, "DE", "BE"), Site("München", False, "DE", "BY"),
             Site("Hamburg", False, "DE", "HH"))
    servers = tuple(Server(n, f"{n.lower()}.contoso.local", site, roles, build, dag=dag)
                    for n, site, build, _, _, _, _, _, dag, roles in _SERVERS)
    return Estate(Organization("Contoso GmbH", True, "contoso.onmicrosoft.com"), sites, servers)


def _steps() -> tuple[Step, ...]:
    rows = [
        ("prep:license", "Check SE licences", "SE-Lizenzen prüfen", Phase.PREPARE, 2, False),
        ("prep:ad", "Prepare Active Directory", "Active Directory vorbereiten", Phase.PREPARE, 1,
         True),
        ("legacy:EX13-01", "Remove Exchange 2013 server EX13-01",
         "Exchange-2013-Server EX13-01 zurückbauen", Phase.LEGACY, 3, True),
        ("cu:EX19-03", "Install CU15 on EX19-03", "CU15 auf EX19-03 installieren", Phase.UPDATE, 1,
         True),
    ]
    for name in ("EX19-01", "EX19-02", "EX19-03", "EDGE01"):
        rows.append((f"inplace:{name}", f"Upgrade {name} in place to SE",
                     f"{name} direkt auf SE aktualisieren", Phase.IN_PLACE, 1, True))
    for i in range(1, 9):
        rows.append((f"sbs:{i}", f"Side-by-side task {i} for EX16-01 {HOSTILE}",
                     f"Parallelbetrieb Aufgabe {i} für EX16-01 {HOSTILE}", Phase.SIDE_BY_SIDE,
                     2 + i % 3, True))
    rows.append(("hybrid:hcw", "Re-run the Hybrid Configuration Wizard",
                 "Hybrid-Konfigurationsassistenten erneut ausführen", Phase.HYBRID, 1, True))
    for i in range(1, 26):
        rows.append((f"decom:{i}", f"Decommission item {i}", f"Rückbau Punkt {i}",
                     Phase.DECOMMISSION, 1, i % 2 == 0))
    rows.append(("ms:done", "All servers on Exchange SE", "Alle Server auf Exchange SE",
                 Phase.MILESTONE, 0, False))
    return tuple(
        Step(sid, en, de, "task", phase, "org", days, "rule.x",
             f"Because {sid} is needed.", f"Weil {sid} nötig ist.",
             needs_consultant=consultant, milestone=phase == Phase.MILESTONE)
        for sid, en, de, phase, days, consultant in rows
    )


def _schedule(steps: tuple[Step, ...]) -> Schedule:
    dated: list[ScheduledStep] = []
    day = START
    for i, step in enumerate(steps):
        end = day + timedelta(days=max(step.duration_days - 1, 0))
        who = "Anna Berater" if step.needs_consultant else ""
        dated.append(ScheduledStep(step.id, day, end, who, Driver("predecessor", "predecessor",
                                                                 step=steps[0].id)))
        day = end + timedelta(days=1 if i % 3 else 2)
    pause = Pause(date(2026, 11, 10), date(2026, 11, 29), 20)
    exposure = (
        Exposure("EX19-01", date(2026, 9, 7), date(2026, 11, 2), (30, 10, 5, 0, 0, 0, 0, 0)),
        Exposure("EX16-01", date(2026, 9, 7), date(2026, 12, 20), (30, 10, 10, 10, 4, 0, 0, 0),
                 20),
        Exposure("EDGE01", date(2026, 9, 14), date(2026, 10, 20), (30, 7, 0, 0, 0, 0, 0, 0)),
    )
    finish = max(s.end for s in dated)
    return Schedule(tuple(dated), (pause,), exposure,
                    Objective(4, 25, 20, finish, "feasible", 0.1))


def sample_plan(lang: str = "de") -> Plan:
    """A mixed estate (2013, 2016, 2019, Edge, SE) with a schedule, pauses and exposure."""
    settings = Settings(
        customer="Contoso GmbH", start=START, language=lang,
        consultants=(Consultant("Anna Berater"),),
        freezes=(Freeze(date(2026, 12, 21), date(2027, 1, 3), "Jahresende"),),
        company="Beispiel Consulting AG", consultant_name="Anna Berater", plan_version="1.2",
    )
    steps = _steps()
    assessments = tuple(
        ServerAssessment(n, product, release, build, path, judged, supported)
        for n, _, build, product, release, path, judged, supported, _, _ in _SERVERS
    )
    findings = (
        Finding(Severity.WARNING, "IMPORT-BUILD-GUESSED", "Build guessed for EX19-03.",
                "Build für EX19-03 geschätzt.", "inventory.xlsx", "Servers", 5, "Build"),
        Finding(Severity.ERROR, "IMPORT-SITE-MISSING", f"No site for {HOSTILE}.",
                f"Kein Standort für {HOSTILE}.", "inventory.xlsx", "Servers", 9, "Site"),
        Finding(Severity.INFO, "IMPORT-COLUMN-IGNORED", "Column 'Notes2' ignored.",
                "Spalte 'Notes2' ignoriert.", "inventory.xlsx", "Servers"),
    )
    proposal = Proposal(steps, assessments)
    return Plan(_estate(), settings, Decisions(), findings, proposal, _schedule(steps))


def empty_plan() -> Plan:
    """No servers, no steps: the report must still render."""
    return Plan(Estate(), Settings(customer="Leer AG", start=START), Decisions(), (),
                Proposal(), Schedule())


def large_plan(servers: int = 60) -> Plan:
    """Many servers at one site, to check that figures split instead of overflowing."""
    base = sample_plan("en")
    extra = tuple(Server(f"MBX{i:03d}", site="Frankfurt", build="15.2.1544.36")
                  for i in range(servers))
    assessed = tuple(ServerAssessment(s.name, "2019", "CU14", s.build, MigrationPath.IN_PLACE,
                                      i % 7 == 0, False) for i, s in enumerate(extra))
    estate = replace(base.estate, servers=base.estate.servers + extra)
    proposal = replace(base.proposal, servers=base.proposal.servers + assessed)
    return replace(base, estate=estate, proposal=proposal)
