"""A hand-built mixed plan: ~30 steps in every phase, two judged servers, two pauses.

It exercises what the real pipeline may not produce for a given sample: customer text that
looks like a formula, lags and SS links, a freeze over the year end, a pause across the
year boundary, window Saturdays and a milestone.
"""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.explanation import Driver
from planner.core.knowledge import Baseline, Fact, Knowledge, RuleText
from planner.core.model import (
    Connector,
    ConnectorType,
    Dag,
    Database,
    Estate,
    Finding,
    Organization,
    RelayClient,
    Server,
    Severity,
    Site,
)
from planner.core.plan import (
    Dependency,
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
from tests import handmade

AS_OF = date(2026, 11, 1)
SRC = "https://techcommunity.microsoft.com/t5/exchange-team-blog/"


def make_knowledge() -> Knowledge:
    """A small knowledge base with the secondary-source stage table."""
    baselines = (Baseline("2019", "CU15", "15.2.1748.39", date(2026, 9, 8), SRC, AS_OF),)
    facts = {
        "lifecycle.2016.end_of_support": Fact("lifecycle.2016.end_of_support",
                                              date(2025, 10, 14), SRC + "lifecycle", AS_OF),
        "pause.max_days_per_year": Fact("pause.max_days_per_year", 90, SRC + "pause", AS_OF,
                                        overridden_from=60),
    }
    durations = {k: Fact(f"duration.{k}", v, "consultant experience", AS_OF)
                 for k, v in {"inplace_upgrade": 1.0, "mailbox_moves": 10.0}.items()}
    rules = {"R-INPLACE": RuleText("R-INPLACE", SRC, AS_OF)}
    return handmade.knowledge(AS_OF, date(2023, 6, 23), source=SRC, baselines=baselines,
                              facts=facts, durations=durations, rules=rules)


def make_estate() -> Estate:
    """Two sites, a 2013, two 2016 in a DAG, two 2019 in a DAG, an Edge, hostile text."""
    servers = (
        Server("EX13-01", "ex13-01.contoso.local", "Munich", ("Mailbox",), "15.0.1497.2",
               dag="", notes="=HYPERLINK(\"http://evil\",\"click\")"),
        Server("EX16-01", "ex16-01.contoso.local", "Munich", ("Mailbox",), "15.1.2507.39",
               dag="DAG16", mailbox_count=800, mailbox_data_gb=2400.5),
        Server("EX16-02", "ex16-02.contoso.local", "Hamburg", ("Mailbox",), "15.1.2507.39",
               dag="DAG16", mailbox_count=700, mailbox_data_gb=2100.0),
        Server("EX19-01", "ex19-01.contoso.local", "Munich", ("Mailbox",), "15.2.1544.4",
               dag="DAG19", notes="+49 89 1234"),
        Server("EX19-02", "ex19-02.contoso.local", "Hamburg", ("Mailbox",), "15.2.1544.4",
               dag="DAG19", notes="-remove later"),
        Server("EDGE01", "edge01.contoso.com", "Munich", ("Edge",), "15.2.1544.4"),
    )
    return Estate(
        organization=Organization("Contoso GmbH", hybrid=True, tenant="contoso.onmicrosoft.com"),
        sites=(Site("Munich", True, "DE", "BY"), Site("Hamburg", False, "DE", "HH")),
        servers=servers,
        dags=(Dag("DAG16", ("EX16-01", "EX16-02"), "fs01"),
              Dag("DAG19", ("EX19-01", "EX19-02"), "fs01")),
        databases=(Database("DB01", dag="DAG16", size_gb=900.0, mailbox_count=400),),
        connectors=(Connector("@Outbound to O365", ConnectorType.SEND, ("EX16-01",),
                              ("contoso.mail.onmicrosoft.com",)),),
        relay_clients=(RelayClient("\tScanner 3", "10.0.0.7", "Relay", "EX16-01", "=owner"),),
    )


def _step(sid: str, en: str, de: str, kind: str, phase: Phase, target: str, days: int,
          preds: tuple[Dependency, ...] = (), **extra: object) -> Step:
    return Step(sid, en, de, kind, phase, target, days, f"R-{kind.upper()}",
                f"Because {en.lower()}", f"Weil {de}", preds, **extra)  # type: ignore[arg-type]


def _fs(*ids: str) -> tuple[Dependency, ...]:
    return tuple(Dependency(i) for i in ids)


def make_steps() -> tuple[Step, ...]:
    """About thirty steps over all phases, with FS, SS+lag and FF links."""
    P = Phase
    s = [
        _step("prep:license", "Check SE licences", "SE-Lizenzen prüfen", "license_check",
              P.PREPARE, "org", 1, needs_consultant=False),
        _step("prep:backup", "Verify backups", "Sicherung prüfen", "backup", P.PREPARE, "org",
              1, _fs("prep:license")),
        _step("prep:ad", "Prepare AD schema", "AD-Schema vorbereiten", "ad_prep", P.PREPARE,
              "org", 1, _fs("prep:backup"), needs_window=True, command="Setup /PrepareSchema"),
        _step("prep:certs", "Renew certificate", "Zertifikat erneuern", "cert", P.PREPARE,
              "org", 2, (Dependency("prep:backup", "SS", 1),)),
        _step("legacy:EX13-01:moves", "Move arbitration mailboxes",
              "Arbitrationspostfächer verschieben", "arb_moves", P.LEGACY, "server:EX13-01", 2,
              _fs("prep:ad")),
        _step("legacy:EX13-01:conn", "Remove connectors", "Connectoren entfernen", "conn",
              P.LEGACY, "server:EX13-01", 1, _fs("legacy:EX13-01:moves")),
        _step("legacy:EX13-01:remove", "Uninstall Exchange 2013", "Exchange 2013 deinstallieren",
              "uninstall", P.LEGACY, "server:EX13-01", 1, _fs("legacy:EX13-01:conn"),
              needs_window=True),
    ]
    for name in ("EX19-01", "EX19-02"):
        s.append(_step(f"cu:{name}", f"Install CU15 on {name}", f"CU15 auf {name} installieren",
                       "cu_update", P.UPDATE, f"server:{name}", 1, _fs("prep:ad"),
                       needs_window=True, resources=("dag:DAG19",)))
        s.append(_step(f"inplace:{name}", f"Upgrade {name} to SE", f"{name} auf SE aktualisieren",
                       "inplace_upgrade", P.IN_PLACE, f"server:{name}", 1, _fs(f"cu:{name}"),
                       needs_window=True, exits_exo_view=(name,) if name == "EX19-01" else ()))
    s.append(_step("inplace:DAG19:verify", "Verify DAG19", "DAG19 prüfen", "dag_verify",
                   P.IN_PLACE, "dag:DAG19", 1, _fs("inplace:EX19-01", "inplace:EX19-02")))
    s += [
        _step("sbs:EXSE-01:install", "Install SE server EXSE-01", "SE-Server EXSE-01 installieren",
              "se_install", P.SIDE_BY_SIDE, "server:EXSE-01", 2, _fs("prep:ad")),
        _step("sbs:EXSE-01:config", "Configure EXSE-01", "EXSE-01 konfigurieren", "se_config",
              P.SIDE_BY_SIDE, "server:EXSE-01", 1, _fs("sbs:EXSE-01:install")),
        _step("sbs:EXSE-01:cert", "Import certificate on EXSE-01", "Zertifikat auf EXSE-01",
              "cert_import", P.SIDE_BY_SIDE, "server:EXSE-01", 1,
              _fs("sbs:EXSE-01:config", "prep:certs")),
        _step("sbs:EXSE-02:install", "Install SE server EXSE-02", "SE-Server EXSE-02 installieren",
              "se_install", P.SIDE_BY_SIDE, "server:EXSE-02", 2,
              (Dependency("sbs:EXSE-01:install", "SS", 2),)),
        _step("sbs:EXSE-02:config", "Configure EXSE-02", "EXSE-02 konfigurieren", "se_config",
              P.SIDE_BY_SIDE, "server:EXSE-02", 1, _fs("sbs:EXSE-02:install")),
        _step("sbs:DAG16:join", "Add SE servers to the DAG", "SE-Server in die DAG aufnehmen",
              "dag_join", P.SIDE_BY_SIDE, "dag:DAG16", 1,
              _fs("sbs:EXSE-01:cert", "sbs:EXSE-02:config")),
        _step("sbs:DAG16:moves", "Move mailboxes to SE", "Postfächer nach SE verschieben",
              "mailbox_moves", P.SIDE_BY_SIDE, "dag:DAG16", 10, _fs("sbs:DAG16:join")),
        _step("sbs:ns", "Switch namespace mail.contoso.com", "Namespace mail.contoso.com umstellen",
              "namespace", P.SIDE_BY_SIDE, "org", 1, (Dependency("sbs:DAG16:join", "FS", 2),),
              needs_window=True),
        _step("sbs:conn", "Move hybrid send connector to SE", "Hybrid-Sendeconnector auf SE",
              "connector", P.SIDE_BY_SIDE, "connector:Outbound to O365", 1, _fs("sbs:ns"),
              exits_exo_view=("EX16-01",)),
        _step("hyb:hcw", "Re-run the Hybrid Configuration Wizard", "Hybrid-Assistent erneut",
              "hcw", P.HYBRID, "org", 1, _fs("sbs:conn")),
        _step("hyb:app", "Configure the dedicated hybrid app", "Hybrid-App einrichten",
              "hybrid_app", P.HYBRID, "org", 1, _fs("hyb:hcw")),
        _step("dec:EX16-01", "Uninstall EX16-01", "EX16-01 deinstallieren", "uninstall",
              P.DECOMMISSION, "server:EX16-01", 1, _fs("sbs:DAG16:moves", "hyb:app"),
              needs_window=True),
        _step("dec:EX16-02", "Uninstall EX16-02", "EX16-02 deinstallieren", "uninstall",
              P.DECOMMISSION, "server:EX16-02", 1, (Dependency("dec:EX16-01", "FF", 0),),
              needs_window=True),
        _step("dec:dag16", "Remove DAG16", "DAG16 entfernen", "dag_remove", P.DECOMMISSION,
              "dag:DAG16", 1, _fs("dec:EX16-02")),
        _step("ms:done", "All servers on Exchange SE", "Alle Server auf Exchange SE",
              "milestone", P.MILESTONE, "org", 0, _fs("dec:dag16", "inplace:DAG19:verify"),
              milestone=True),
    ]
    return tuple(s)


def _schedule_steps(steps: tuple[Step, ...], settings: Settings,
                    holidays: set[date]) -> tuple[ScheduledStep, ...]:
    """A naive forward pass (the real scheduler is not the subject of these tests)."""
    def working(d: date) -> bool:
        return handmade.weekday(d) and d not in holidays and not any(
            f.start <= d <= f.end for f in settings.freezes)

    def window(d: date) -> bool:
        return d.weekday() == 5

    dated: dict[str, ScheduledStep] = {}
    names = [c.name for c in settings.consultants]
    for n, step in enumerate(steps):
        day = settings.start
        for dep in step.predecessors:
            ref = dated[dep.step_id]
            base = ref.start if dep.type in ("SS", "SF") else ref.end + timedelta(days=1)
            day = max(day, base + timedelta(days=dep.lag_days))
        day = handmade.next_working_day(
            day, window if step.needs_window and not step.milestone else working)
        end = handmade.finish_day(day, step.duration_days, working)
        who = names[n % len(names)] if step.needs_consultant else ""
        dated[step.id] = ScheduledStep(step.id, day, end, who,
                                       Driver("predecessor", "predecessor", step=steps[0].id))
    return tuple(dated.values())


def make_plan(start: date = date(2026, 10, 5)) -> Plan:
    """The mixed plan the export tests use."""
    import holidays as holidays_lib

    settings = Settings(
        customer="Contoso GmbH", start=start, language="de",
        consultants=(Consultant("Anna Berger", absent=((date(2026, 11, 9), date(2026, 11, 13)),)),
                     Consultant("Jonas Keller")),
        freezes=(Freeze(date(2026, 12, 21), date(2027, 1, 6), "Jahresendsperre"),),
        pause_days_used={2026: 30}, first_detected={"EX16-01": date(2026, 9, 15)},
        policy_overrides={"pause.max_days_per_year": 90}, company="Fabrikam Consulting",
    )
    holidays = set(holidays_lib.Germany(subdiv="BY", years=range(2026, 2029)))
    steps = make_steps()
    dated = _schedule_steps(steps, settings, holidays)
    by_id = {d.step_id: d for d in dated}
    exposure = (
        Exposure("EX16-01", date(2026, 9, 15), by_id["sbs:conn"].end, (30, 10, 10, 4),
                 paused_days=45, first_detected_source="exo_report"),
        Exposure("EX19-01", date(2026, 10, 20), by_id["inplace:EX19-01"].end, (12,),
                 first_detected_source="baseline"),
    )
    pauses = (Pause(date(2026, 12, 1), date(2026, 12, 31), 31),
              Pause(date(2027, 1, 1), date(2027, 1, 14), 14))
    assessments = (
        ServerAssessment("EX16-01", "2016", "CU23", "15.1.2507.39", MigrationPath.SIDE_BY_SIDE,
                         True, False, "2016 cannot go in place", "2016 nicht In-Place"),
        ServerAssessment("EX19-01", "2019", "CU14", "15.2.1544.4", MigrationPath.CU_THEN_IN_PLACE,
                         True, True),
    )
    finish = max(d.end for d in dated)
    objective = Objective(0, 24, 45, finish, "optimal", 0.0, "Best possible.", "Bestmöglich.")
    findings = (
        Finding(Severity.WARNING, "IMPORT-BUILD-OLD", "=1+1 build is old", "Build ist alt",
                "inventory.xlsx", "Servers", 4, "Build", "server:EX13-01"),
        Finding(Severity.ERROR, "ESTATE-NO-WITNESS", "No witness", "Kein Zeuge",
                target="dag:DAG16"),
    )
    return Plan(
        estate=make_estate(), settings=settings, decisions=Decisions(),
        findings=findings,
        proposal=Proposal(steps, assessments),
        schedule=Schedule(dated, pauses, exposure, objective),
    )
