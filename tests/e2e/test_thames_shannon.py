"""Thames & Shannon (tests/estates/thames-shannon), a consultant's review on 7 Dec 2026: each
finding (A-H) as what the plan and its report must now say. One plan for the module."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest

from planner.core.knowledge import Knowledge
from planner.core.plan import Plan, Step
from planner.core.report.html import render_report_html
from planner.core.report.risk_register import plan_risks
from planner.core.report.wording import load_wording
from planner.core.settings import Decisions
from planner.core.transport_listing import relay_listing
from planner.pipeline import knowledge_for, load_inputs, make_plan

ESTATE = Path(__file__).resolve().parents[1] / "estates" / "thames-shannon"


@pytest.fixture(scope="module")
def made() -> tuple[Plan, Knowledge]:
    inputs = load_inputs([ESTATE / "inventory.xlsx", ESTATE / "exo-report.csv",
                          ESTATE / "transport-logs"], settings_path=ESTATE / "settings.toml")
    settings = replace(inputs.settings, solver_time_limit_s=3.0)
    knowledge = knowledge_for(settings)
    return make_plan(inputs.estate, inputs.findings, settings, Decisions(), knowledge), knowledge


@pytest.fixture(scope="module")
def report(made: tuple[Plan, Knowledge]) -> str:
    """The English report as plain text (tags dropped, one space between words)."""
    page = render_report_html(*made, "en")
    page = re.sub(r"<(style|svg)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def _step(plan: Plan, step_id: str) -> Step:
    return next(s for s in plan.proposal.steps if s.id == step_id)


def test_a_decommission_states_the_build_the_plan_left_the_server_on(
        made: tuple[Plan, Knowledge]) -> None:
    plan, _ = made
    why = _step(plan, "sbs:decom:LON-EX16-02").why("en")
    # the plan installs Oct25SU on it (su-exo) before: that build, once, and no other
    assert why.count("15.1.2507.61") == 1 and "Oct25SU" in why
    assert "15.1.2507.44" not in why and "15.1.2507.55" not in why
    # LON-EX16-03 gets its own update, for the hybrid app (su-app): its removal names that
    # build, not the inventory's Nov24SUv2 nor its partner's Apr25HU
    other = _step(plan, "sbs:decom:LON-EX16-03").why("en")
    assert other.count("15.1.2507.61") == 1
    assert "15.1.2507.44" not in other and "15.1.2507.55" not in other


def _relay_rows(plan: Plan, lang: str) -> dict[str, tuple[str, ...]]:
    return {r[0]: r for r in relay_listing(plan.estate, lang, plan.proposal.steps).rows}


def test_b_a_periodic_sender_is_told_by_its_runs_in_each_language(
        made: tuple[Plan, Knowledge], report: str) -> None:
    """The payroll job ran once (2,640 messages on 26 Nov) in 19 days of logs: "138.9 a day"
    was neither its volume nor its rhythm. The building management system's report runs
    on Mondays: weekly, and what a run sends."""
    plan, _ = made
    payroll = _step(plan, "legacy:relay:LON-EX13-01:payroll01")
    assert ("one run of 2,640 messages on 26 Nov 2026, none on the other 18 days of the logs"
            in payroll.why("en"))
    assert ("ein Lauf mit 2.640 Nachrichten am 26.11.2026, keiner an den anderen 18 Tagen"
            in payroll.why("de"))
    bms = _step(plan, "legacy:relay:LON-EX13-01:Building-management-system")
    assert "weekly, about 12 messages a run (3 runs in the logs" in bms.why("en")
    assert "wöchentlich, etwa 12 Nachrichten je Lauf" in bms.why("de")
    # its next run may follow the removal: the owner proves the re-point, the log shows it
    for step in (payroll, bms):
        assert "test message" in step.why("en") and "Select-String" in step.command_in("en")
    rows, zeilen = _relay_rows(plan, "en"), _relay_rows(plan, "de")
    assert rows["payroll01"][6] == "2,640 in one run on 26 Nov 2026"
    assert zeilen["payroll01"][6] == "2.640 in einem Lauf am 26.11.2026"
    assert rows["Building management system"][6] == "weekly, about 12 a run"
    assert rows["Dynamics AX AOS (ERP)"][6] == "54"  # a daily sender keeps its average
    assert "138.9" not in report and "138,9" not in report
    assert "2,640 in one run on 26 Nov 2026" in report


def test_c_clients_listed_by_a_range_are_the_addresses_the_logs_saw_in_it(
        made: tuple[Plan, Knowledge]) -> None:
    """The Zebra printers are listed as 10.20.40.0/24, the Cork scanners as "10.40.20.10 -
    20": the printers and scanners in the logs are those clients with their owners, not
    clients found in the logs, and no range is an unknown relay to find."""
    plan, _ = made
    clients = {rc.name: rc for rc in plan.estate.relay_clients}
    zebra = clients["Zebra label printers, Park Royal despatch"]
    assert zebra.addresses == ("10.20.40.11", "10.20.40.12", "10.20.40.27", "10.20.40.31")
    assert zebra.owner == "Warehouse Systems" and not zebra.discovered
    cork = clients["Cork office scanners"]
    assert cork.host == "10.40.20.10-10.40.20.20"
    assert cork.addresses == ("10.40.20.15", "10.40.20.16") and cork.owner == "IT Cork"
    found = {rc.name for rc in plan.estate.relay_clients if rc.discovered}
    assert found == {"payroll01", "KM-C450i-3F"}  # the ones nobody listed, and only them
    assert not [s for s in plan.proposal.steps if "unknown-" in s.id]
    step = _step(plan, "legacy:relay:LON-EX13-01:Zebra-label-printers-Park-Royal-despatch")
    assert "the logs saw it send from 4 addresses: 10.20.40.11" in step.why("en")
    assert "admits 10.20.40.0/24" in step.command_in("en")
    row = _relay_rows(plan, "en")["Cork office scanners"]
    assert row[1] == "10.40.20.10-10.40.20.20 (seen: 10.40.20.15 and 10.40.20.16)"
    assert row[4] == "listed"


def test_h_the_pause_holding_the_clock_is_said_as_an_assumption(report: str) -> None:
    """LON-EX16-02 leaves after its throttling date only because the pause is assumed to
    hold its stage clock: Microsoft has not documented that, so it is never a fact."""
    assert "the enforcement pause holds its stage clock back, so" not in report
    assert "the pause holds its clock back: leaves" not in report
    assert ("LON-EX16-02 ends on 9 Jan 2027, and no mail is throttled if, as this plan "
            "assumes, the enforcement pause holds its stage clock back: Microsoft has not "
            "documented that") in report
    assert "leaves before throttling if the pause holds its clock back (assumed" in report


def test_g_each_verb_agrees_with_its_own_subject(made: tuple[Plan, Knowledge]) -> None:
    """Two judged servers and one passing: "CRK-EX19-01 pass" took the judged servers'
    number."""
    plan, _ = made
    (said,) = [f for f in plan.findings if f.code == "RULES-EXO-REPOINT-POSSIBLE"]
    assert "LON-EX16-01 and LON-EX16-02 send to Exchange Online" in said.message("en")
    assert "while CRK-EX19-01 passes Exchange Online's minimum version" in said.message("en")
    assert "während CRK-EX19-01 Exchange Onlines Mindestversion erfüllt" in said.message("de")


def test_g_alike_customer_tasks_on_the_critical_path_are_one_risk(
        made: tuple[Plan, Knowledge]) -> None:
    """Rows alike, one per new server's Windows Server due on one day, are one risk naming
    each task; a task due on another day, or of another kind, keeps its own row."""
    plan, knowledge = made
    risks = plan_risks(plan, knowledge, load_wording("en"))
    windows = [r for r in risks if "Provide Windows Server for new SE server" in r.title]
    assert len({r.mitigation for r in windows}) == len(windows)  # one row a due day
    named = [n for r in windows for n in (1, 2, 3) if f"London-EXSE0{n}”" in r.title]
    assert len(named) == len(set(named)) >= 2
    grouped = [r for r in windows if "customer tasks of one kind, due on the same day" in r.title]
    assert grouped and all(r.source.startswith("ID ") and "," in r.source for r in grouped)
    assert sum("Back up Active Directory" in r.title for r in risks) == 1
    german = [r.title for r in plan_risks(plan, knowledge, load_wording("de"))]
    everywhere = [r for r in risks if "customer tasks of one kind, due on the same day" in r.title]
    assert sum("gleichartige Kundenaufgaben" in t for t in german) == len(everywhere)


def test_g_a_certificate_is_named_once(made: tuple[Plan, Knowledge]) -> None:
    """The connectors name "mail.tsfoods.co.uk", the namespaces the same certificate with
    its issuer and expiry: one certificate, named once and in full."""
    plan, _ = made
    why = _step(plan, "certs:org").why("en")
    assert ("Certificates in the inventory: mail.tsfoods.co.uk (Sectigo OV SAN, exp. "
            "2027-02-26) and mail.tsfoods.ie (DigiCert, exp. 2027-09-30)") in why


def test_f_a_connector_names_a_certificate_only_after_it_is_imported(
        made: tuple[Plan, Knowledge]) -> None:
    """On the new Edge, Set-ReceiveConnector -TlsCertificateName came the day before the
    step that imports the certificate; on new Mailbox servers each server's certificate
    step comes before the connector step that names it. By dependency, so any schedule
    keeps the order."""
    plan, _ = made
    steps = {s.id: s for s in plan.proposal.steps}
    dated = {d.step_id: d for d in plan.schedule.steps}
    importing = {s.target.partition(":")[2]: s.id for s in plan.proposal.steps
                 if "Import-ExchangeCertificate" in s.command_in("en")
                 and s.target.startswith("server:")}
    naming = [s for s in plan.proposal.steps if "-TlsCertificateName" in s.command_in("en")]
    assert {s.id for s in naming} >= {"edge:receive:LON-EDGE01", "sbs:receive:LON-DAG01"}
    for step in naming:
        for server in re.findall(r"Set-ReceiveConnector '([^\\']+)\\", step.command_in("en")):
            before = importing[server]
            assert _depends_on(steps, step.id, before), (step.id, before)
            assert dated[before].end <= dated[step.id].start


def _depends_on(steps: dict[str, Step], later: str, earlier: str) -> bool:
    todo, seen = [later], set()
    while todo:
        sid = todo.pop()
        if sid == earlier:
            return True
        if sid not in seen:
            seen.add(sid)
            todo += [d.step_id for d in steps[sid].predecessors if d.step_id in steps]
    return False


def test_the_hybrid_app_is_checked_before_the_2016_servers_mailboxes_move(
        made: tuple[Plan, Knowledge]) -> None:
    """The review found the app check last (12 April), behind LON-EX16-03's removal: its
    Nov24SUv2 cannot use the dedicated app, so its line's update comes first."""
    plan, _ = made
    dated = {d.step_id: d for d in plan.schedule.steps}
    update = _step(plan, "su-app:LON-EX16-03")
    assert update.kind == "hybrid_app_su" and update.needs_window
    assert dated["su-app:LON-EX16-03"].end < dated["hybrid:app"].start
    moves = [s.id for s in plan.proposal.steps if s.id.startswith("sbs:moves:LON-DAG01:")]
    assert len(moves) >= 2
    assert dated["hybrid:app"].start < dated["sbs:decom:LON-EX16-03"].start
    assert dated["hybrid:app"].start < max(dated[m].start for m in moves)


def test_the_certificate_expiring_mid_project_is_renewed_first(
        made: tuple[Plan, Knowledge]) -> None:
    """'mail.tsfoods.co.uk (Sectigo OV SAN, exp. 2027-02-26)': renewed before its expiry and
    before any new server, Edge or the HCW takes it on; no expiry warning is left."""
    plan, _ = made
    dated = {d.step_id: d for d in plan.schedule.steps}
    renew = dated["certrenew:mail.tsfoods.co.uk"]
    assert str(renew.end) < "2027-02-26"
    takers = [s.id for s in plan.proposal.steps
              if s.kind in ("certificates_vdirs", "edge_subscription", "hcw_rerun")]
    assert takers and all(renew.end < dated[t].start for t in takers)
    assert not [f for f in plan.findings if f.code == "RULES-CERTIFICATE-EXPIRES"]


def test_e_required_builds_are_named_by_release_and_build_number(
        made: tuple[Plan, Knowledge], report: str) -> None:
    """"Install CU23 Oct25SU (or later)" and "to Exchange SE RTM Aug26SU" named no build:
    each now names the build list's build, and the report says how current that list is."""
    plan, knowledge = made
    assert ("Install CU23 Oct25SU (15.1.2507.61) or a later update on LON-EX16-01"
            in _step(plan, "su-exo:LON-EX16-01").title("en"))
    assert ("CU23 Oct25SU (15.1.2507.61) oder ein späteres Update auf LON-EX16-03"
            in _step(plan, "su-app:LON-EX16-03").title("de"))
    upgrade = _step(plan, "inplace:CRK-EX19-01")
    assert upgrade.title("en").endswith(
        "to Exchange SE RTM Aug26SU (15.2.2562.46) or a later update")
    assert "Exchange SE RTM Aug26SU (15.2.2562.46) oder ein späteres Update" in \
        upgrade.title("de")
    assert "(or later)" not in report
    assert ("Exchange build list 231 builds; the newest: Exchange SE RTM Aug26SU (15.2.2562.46)"
            " of 11 Aug 2026") in report
    assert "ExchangeBuildNumbers.csv@a2c819b 19 Aug 2026" in report  # the list's as-of date
    german = render_report_html(plan, knowledge, "de")
    assert "Exchange-Buildliste" in german and "231 Builds; der neueste" in german


def test_g_public_folder_mailboxes_move_after_users_hierarchy_first(
        made: tuple[Plan, Knowledge]) -> None:
    """The step said "move last, once every user reaches them": the order is after the user
    mailboxes, the primary hierarchy mailbox first; so do its dates and its commands."""
    plan, _ = made
    step = _step(plan, "sbs:publicfolders:LON-DAG01")
    assert ("4 public folder mailboxes move after the user mailboxes, the primary hierarchy "
            "mailbox (the one writable copy of the folder hierarchy, which the others copy) "
            "first") in step.why("en")
    assert "ziehen nach den Benutzerpostfächern um, zuerst das primäre Hierarchiepostfach" \
        in step.why("de")
    command = step.command_in("en").splitlines()
    root = [n for n, c in enumerate(command) if "{ $_.IsRootPublicFolderMailbox }" in c]
    rest = [n for n, c in enumerate(command) if "{ -not $_.IsRootPublicFolderMailbox }" in c]
    assert root and rest and max(root) < min(rest)
    dated = {d.step_id: d for d in plan.schedule.steps}
    users = [d for sid, d in dated.items() if sid.startswith("sbs:moves:LON-DAG01:")]
    assert max(d.end for d in users) < dated[step.id].start


def test_the_relay_table_heading_fits_a_daily_rate_and_a_run(
        made: tuple[Plan, Knowledge]) -> None:
    plan, _ = made
    head = relay_listing(plan.estate, "en", plan.proposal.steps).head
    assert head[6] == "Messages a day or run" and "Messages/day" not in head
    assert relay_listing(plan.estate, "de", plan.proposal.steps).head[6] == \
        "Mails je Tag/Lauf"


def test_e_the_workbook_states_the_build_lists_as_of_date(
        made: tuple[Plan, Knowledge], tmp_path: Path) -> None:
    import openpyxl

    from planner.core.export.xlsx import write_workbook

    plan, knowledge = made
    for lang, sheet, name in (("en", "Assumptions", "Exchange build list"),
                              ("de", "Annahmen", "Exchange-Buildliste")):
        write_workbook(plan, knowledge, tmp_path / f"{lang}.xlsx", lang)
        rows = list(openpyxl.load_workbook(tmp_path / f"{lang}.xlsx")[sheet].values)
        (row,) = [r for r in rows if r and r[0] == name]
        assert "RTM Aug26SU (15.2.2562.46)" in row[1]
        assert "ExchangeBuildNumbers.csv@a2c819b" in row[2]
        assert str(row[3])[:10] == "2026-08-19"  # the list's as-of date, a date cell


def test_d_decisions_are_due_their_lead_time_before_the_step_that_needs_them(
        made: tuple[Plan, Knowledge], report: str, tmp_path: Path) -> None:
    """The licences read "needed by 9 Dec" (the day before Extended Protection's check, which
    does not need them) and the servers "11 Jan" (the day before the install, when their
    provisioning had begun): now the first SE install less 14 days and the first
    provisioning less 21 days, on a working day, the same in the report and the workbook.
    The dates are read from this plan's schedule (the solver's time limit may move them)."""
    from datetime import timedelta

    import openpyxl

    from planner.core.catalogue import catalogue
    from planner.core.decision_dates import customer_decisions
    from planner.core.export.xlsx import write_workbook

    plan, knowledge = made
    dated = {d.step_id: d for d in plan.schedule.steps}
    words = catalogue("en")
    decisions = {d.kind: d for d in customer_decisions(
        plan, knowledge, lambda kind: words.has(f"report.decision.{kind}"))}
    licence, servers = decisions["license_check"], decisions["provision_server"]
    assert (licence.lead_days, servers.lead_days) == (14, 21)
    first_se = min(d.start for sid, d in dated.items()
                   if plan.proposal.step(sid).kind in ("install_se", "inplace_upgrade")  # type: ignore[union-attr]
                   or sid.startswith("edge:new:"))
    first_provision = min(d.start for sid, d in dated.items() if sid.startswith("sbs:provision:"))
    for decision, first in ((licence, first_se), (servers, first_provision)):
        latest = first - timedelta(days=decision.lead_days)
        assert latest - timedelta(days=4) <= decision.due <= latest  # a working day on or before
        assert decision.due.weekday() < 5
    assert ("Secure Exchange Server SE licences: subscription licences, or Software Assurance, "
            f"or Microsoft 365 E3/E5 where every SE user has it {words.date(licence.due)} 3"
            ) in report
    assert ("Provide 3 new Windows servers for Exchange Server SE (London-EXSE01, London-EXSE02 "
            f"and London-EXSE03) {words.date(servers.due)} 46, 51, 56") in report
    german = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", render_report_html(
        plan, knowledge, "de"))))
    assert ("(London-EXSE01, London-EXSE02 und London-EXSE03) "
            f"{catalogue('de').date(servers.due)} 46, 51, 56") in german
    for lang, sheet in (("en", "Assumptions"), ("de", "Annahmen")):
        write_workbook(plan, knowledge, tmp_path / f"{lang}.xlsx", lang)
        rows = [r for r in openpyxl.load_workbook(tmp_path / f"{lang}.xlsx")[sheet].values if r]
        due = {str(r[0])[:20]: (str(r[1])[:10], r[2]) for r in rows if r[2] in ("3",
                                                                              "46, 51, 56")}
        assert sorted(due.values()) == sorted([(str(servers.due), "46, 51, 56"),
                                               (str(licence.due), "3")]), due


def test_every_date_reason_holds_against_the_calendar(made: tuple[Plan, Knowledge]) -> None:
    """G: steps read "R. Okafor is busy with …" a step that had ended weeks before (a freeze
    or a free consultant in between): each reason is checked as on the samples."""
    from planner.core.calendar import build_calendar
    from tests.core.scheduler.test_drivers_hold import _check

    plan, _ = made
    cal = build_calendar(plan.settings, plan.estate)
    for dated in plan.schedule.steps:
        _check(plan, dated, cal)


def test_the_pause_that_waits_for_the_second_dag_member_is_proven() -> None:
    """LON-EX16-01 and -02 are one DAG: their updates to the baseline go one at a time, the
    second after the Christmas freeze (9 January), so 25 pause days are the least. The floors
    had both on the first Saturday and 6 pause days; the whole model ended at 25 without a
    proof and the report read "at most 76 % from the best possible". The exit chains alone
    in CP-SAT prove it first (within the default 10-s limit; with 3 s they do not)."""
    inputs = load_inputs([ESTATE / "inventory.xlsx", ESTATE / "exo-report.csv",
                          ESTATE / "transport-logs"], settings_path=ESTATE / "settings.toml")
    assert inputs.settings.solver_time_limit_s == 10.0
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings, Decisions(),
                     knowledge_for(inputs.settings))
    objective = plan.schedule.objective
    assert (objective.blocked_days, objective.throttled_days, objective.pause_days) == (0, 0, 25)
    assert objective.status == "optimal" and objective.gap == 0.0
    assert objective.floor == (0, 0, 25)


def test_the_key_figures_start_says_why_it_lies_before_the_plan_start(
        made: tuple[Plan, Knowledge], report: str) -> None:
    """The pause needed now is requested on the as-of date, 7 December, the day before the
    plan start: the key figures' "Start 7 Dec 2026" stood beside "Earliest start 8 Dec
    2026" with no word why (a PMO's review)."""
    assert "Start 7 Dec 2026 (the enforcement pause, needed now); the work from 8 Dec 2026" \
        in report
