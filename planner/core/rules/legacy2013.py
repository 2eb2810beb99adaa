"""Rule exchange2013_removal: move everything off Exchange 2013 and remove it before any SE install.

Exchange SE setup and Exchange 2019 CU15 setup refuse to run while Exchange 2013 exists, so
each 2013 server's mailboxes go to a remaining 2016/2019 server, its connectors and relay
clients are re-pointed, and it is uninstalled; the milestone ``legacy:gone`` marks the end.
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.model import Finding, Severity
from planner.core.plan import MigrationPath, Phase, Step
from planner.core.rules.base import Context, Rule, RuleOutput, ServerFacts, deps, make_step
from planner.core.rules.estate_facts import (
    data_volume_gb,
    namespaces_of,
    receive_connectors_of,
    relay_clients_of,
    send_connectors_of,
    site_key,
)
from planner.core.rules.moves import move_days

__all__ = ["GONE", "RULE", "legacy_servers", "move_target"]

GONE = "legacy:gone"
_RULE = "exchange2013_removal"


def legacy_servers(ctx: Context) -> list[ServerFacts]:
    """Exchange 2013 servers the plan removes."""
    return [s for s in ctx.planned(MigrationPath.DECOMMISSION) if s.product == "2013"]


def move_target(ctx: Context, old: ServerFacts) -> ServerFacts | None:
    """A 2016/2019 Mailbox server to take the mailboxes.

    One that stays (upgraded in place) first, so mailboxes and relay clients move only once;
    a server that is itself replaced later only when there is no other; the same site first.
    """
    candidates = [s for s in ctx.servers if s.product in ("2016", "2019")
                  and not s.server.is_edge]
    index = {s.name: i for i, s in enumerate(candidates)}
    stays = (MigrationPath.IN_PLACE, MigrationPath.CU_THEN_IN_PLACE)

    def rank(s: ServerFacts) -> tuple[bool, bool, bool, int]:
        return (s.excluded, s.path not in stays,
                site_key(s.server) != site_key(old.server), index[s.name])

    return min(candidates, key=rank) if candidates else None


def _repoint_checklist(ctx: Context, old: ServerFacts, target: str) -> tuple[str, str, str]:
    """Command checklist and the en/de summary of what points at the old server."""
    est, srv = ctx.estate, old.server
    sends = [c.name for c in send_connectors_of(est, srv)]
    receives = [c.name for c in receive_connectors_of(est, srv)]
    relays = [r.name for r in relay_clients_of(est, srv)]
    spaces = [n.name for n in namespaces_of(est, [srv])]
    lines = [f"Set-SendConnector '{c}' -SourceTransportServers <add {target}, remove {srv.name}>"
             for c in sends]
    lines += [f"New-ReceiveConnector on {target} like '{c}' (bindings, RemoteIPRanges)"
              for c in receives]
    lines += [f"Re-point relay client '{r}' to {target}" for r in relays]
    lines += [f"Point namespace {n} away from {srv.name}" for n in spaces]
    en = (f"send connectors: {', '.join(sends) or 'none listed'}; receive connectors: "
          f"{', '.join(receives) or 'none listed'}; relay clients: "
          f"{', '.join(relays) or 'none listed'}")
    de = (f"Sendeconnectoren: {', '.join(sends) or 'keine erfasst'}; Empfangsconnectoren: "
          f"{', '.join(receives) or 'keine erfasst'}; Relay-Clients: "
          f"{', '.join(relays) or 'keine erfasst'}")
    return "\n".join(lines), en, de


def _no_target(name: str) -> Finding:
    return Finding(
        Severity.WARNING, "RULES-2013-NO-TARGET",
        f"{name} runs Exchange 2013 and no Exchange 2016/2019 server exists to take its "
        "mailboxes; SE cannot be installed beside 2013, so plan an interim 2019 CU14 server "
        "or move the mailboxes to Exchange Online first.",
        f"{name} läuft mit Exchange 2013 und es gibt keinen Exchange-2016/2019-Server für "
        "seine Postfächer; SE lässt sich neben 2013 nicht installieren, daher zuerst einen "
        "Übergangsserver 2019 CU14 planen oder die Postfächer nach Exchange Online "
        "verschieben.",
        target=f"server:{name}")


def _steps_for(ctx: Context, old: ServerFacts) -> tuple[list[Step], list[Finding]]:
    name, fields = old.name, {"server": old.name}
    target = move_target(ctx, old)
    findings = [] if target is not None else [_no_target(name)]
    to = target.name if target else "<2016/2019 server>"
    gb = data_volume_gb(ctx.estate, old.server)
    volume = f"{gb:g} GB" if gb is not None else "unknown volume"
    volume_de = f"{gb:g} GB" if gb is not None else "unbekannte Datenmenge"
    moves = make_step(
        ctx, _RULE, f"legacy:moves:{name}", "ex2013_moves", Phase.LEGACY, f"server:{name}",
        (f"Move mailboxes, public folders and arbitration mailboxes from {name} to {to}",
         f"Postfächer, Öffentliche Ordner und Schiedspostfächer von {name} nach {to} verschieben"),
        (f"{old.fact_en}; {volume} of mailbox data", f"{old.fact_de}; {volume_de} Postfachdaten"),
        fields, duration_days=move_days(ctx, gb, "ex2013_moves"),
        command=(f"Get-Mailbox -Server {name} -ResultSize Unlimited | New-MoveRequest "
                 f"-TargetDatabase <database on {to}>\n"
                 f"Get-Mailbox -Server {name} -Arbitration | New-MoveRequest -TargetDatabase "
                 f"<database on {to}>\nGet-Mailbox -Server {name} -PublicFolder | "
                 f"New-MoveRequest -TargetDatabase <database on {to}>"))
    checklist, what_en, what_de = _repoint_checklist(ctx, old, to)
    repoint = make_step(
        ctx, _RULE, f"legacy:repoint:{name}", "ex2013_repoint", Phase.LEGACY, f"server:{name}",
        (f"Re-point connectors, relay clients and namespaces away from {name}",
         f"Connectoren, Relay-Clients und Namespaces von {name} wegnehmen"),
        (f"{old.fact_en}; {what_en}", f"{old.fact_de}; {what_de}"), fields,
        command=checklist)
    decom = make_step(
        ctx, _RULE, f"legacy:decom:{name}", "ex2013_decommission", Phase.LEGACY,
        f"server:{name}",
        (f"Uninstall Exchange 2013 from {name}", f"Exchange 2013 von {name} deinstallieren"),
        (f"{old.fact_en}; waits until its mailboxes, connectors and relay clients have moved",
         f"{old.fact_de}; erst wenn Postfächer, Connectoren und Relay-Clients umgezogen sind"),
        fields, predecessors=deps(moves.id, repoint.id), needs_window=True,
        resources=(f"server:{name}",), exits_exo_view=(name,) if old.judged else (),
        command="Remove-MailboxDatabase (after the moves); Setup.exe /Mode:Uninstall "
                "(Exchange 2013 setup) or Control Panel > Programs")
    return [moves, repoint, decom], findings


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    servers = legacy_servers(ctx)
    steps: list[Step] = []
    findings: list[Finding] = []
    for old in servers:
        made, found = _steps_for(ctx, old)
        steps += made
        findings += found
    if servers:
        names = ", ".join(s.name for s in servers)
        steps.append(make_step(
            ctx, _RULE, GONE, "milestone", Phase.LEGACY, "org",
            ("Exchange 2013 removed from the organization",
             "Exchange 2013 aus der Organisation entfernt"),
            (f"Exchange 2013 servers: {names}", f"Exchange-2013-Server: {names}"),
            {"server": names}, milestone=True, needs_consultant=False,
            predecessors=deps(f"legacy:decom:{s.name}" for s in servers)))
    _warn_kept_2013(ctx, findings)
    return RuleOutput(tuple(steps), findings=tuple(findings))


def _warn_kept_2013(ctx: Context, findings: list[Finding]) -> None:
    for s in ctx.servers:
        if s.product == "2013" and not s.planned:
            findings.append(Finding(
                Severity.ERROR, "RULES-2013-KEPT",
                f"{s.name} runs Exchange 2013 but is not removed by the plan; Exchange SE and "
                "2019 CU15 setup will refuse to install while it exists.",
                f"{s.name} läuft mit Exchange 2013, wird im Plan aber nicht entfernt; das Setup "
                "von Exchange SE und 2019 CU15 verweigert die Installation, solange er existiert.",
                target=f"server:{s.name}"))


RULE = Rule(_RULE, _propose)
