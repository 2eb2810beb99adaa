"""Rules health_checks, db_rebalance, se_server_baseline and mrsproxy: work around the servers.

- ``health_checks``: HealthChecker and SetupAssist before the updates and upgrades of a DAG
  (or a standalone server) start, HealthChecker after the last one; the upgrade steps' own
  checklists run HealthChecker after each server as well.
- ``db_rebalance``: after DAG maintenance the active copies are spread by activation
  preference again, unless the project says its DAGs do that themselves (``dag.auto_rebalance``).
- ``se_server_baseline``: antivirus exclusions and the product key on every new SE server
  (without a key it is a 180-day trial).
- ``mrsproxy``: in a hybrid organization, moves to and from Exchange Online go through
  MRSProxy on the Mailbox servers' EWS; new SE servers get it switched on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from planner.core.explanation import Message, message
from planner.core.plan import Dependency, Phase, Step
from planner.core.rules.base import Context, Link, Rule, RuleOutput, deps, make_step
from planner.core.rules.commands import line, placeholder, remark
from planner.core.rules.groups import side_by_side_groups
from planner.core.rules.licensing import LICENSE
from planner.core.rules.side_by_side import at_site

__all__ = ["RULE_BASELINE", "RULE_HEALTH", "RULE_MRSPROXY", "RULE_REBALANCE"]

_UPGRADE_KINDS = ("cu_update", "inplace_upgrade", "se_latest_update")


def _text(key: str, **values: object) -> Message:
    return message(f"steps.server_checks.{key}", **values)


def _by_group(ctx: Context, prior: Mapping[str, Step]) -> dict[str, list[Step]]:
    """Update and upgrade steps per DAG, or per server outside a DAG, in plan order."""
    out: dict[str, list[Step]] = {}
    for st in prior.values():
        kind, _, name = st.target.partition(":")
        server = ctx.estate.server(name) if kind == "server" else None
        if st.kind in _UPGRADE_KINDS and server is not None:
            out.setdefault(server.dag or server.name, []).append(st)
    return out


def _servers_of(steps: list[Step]) -> list[str]:
    return list(dict.fromkeys(st.target.partition(":")[2] for st in steps))


def _health(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    steps: list[Step] = []
    links: list[Link] = []
    for key, group in _by_group(ctx, prior).items():
        names = _servers_of(group)
        # a DAG or a server outside one is the target (no "server group" beside it), and the check
        # before sits in the phase of the first work it checks for (no "cumulative updates"
        # phase holding only checks where the servers go straight to SE)
        target = f"dag:{key}" if ctx.estate.dag(key) is not None else \
            f"server:{names[0]}" if len(names) == 1 else f"group:{key}"
        first = min((st.phase for st in group), key=list(Phase).index)
        pre = make_step(
            ctx, "health_checks", f"precheck:{key}", "health_check", first,
            target,
            _text("precheck_title", names=names),
            # Read-only checks: they run while the preparation goes on, off the critical path.
            predecessors=deps(LICENSE if LICENSE in prior else None),
            command="\n".join(f".\\HealthChecker.ps1 -Server {n}; .\\SetupAssist.ps1"
                              + remark("on_server", server=n) for n in _servers_of(group)))
        rebalance = f"rebalance:{key}"
        post = make_step(
            ctx, "health_checks", f"postcheck:{key}", "health_check", Phase.IN_PLACE,
            target,
            _text("postcheck_title", names=names),
            # its own reason: the rule's speaks of the checks before the upgrade
            reason=_text("postcheck_reason", names=names),
            predecessors=deps([st.id for st in group]),
            command="\n".join(f".\\HealthChecker.ps1 -Server {n}" for n in _servers_of(group)))
        steps += [pre, post]
        links += [(st.id, Dependency(pre.id)) for st in group]
        links.append((post.id, Dependency(rebalance)))  # dropped when there is no rebalancing
    return RuleOutput(tuple(steps), tuple(links))


def _rebalance(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    if ctx.facts.dag_auto_rebalance:
        return RuleOutput()
    steps = []
    for key, group in _by_group(ctx, prior).items():
        dag = ctx.estate.dag(key)
        if dag is None and not any(s.server.dag == key for s in ctx.servers):
            continue  # a standalone server has nothing to rebalance
        steps.append(make_step(
            ctx, "db_rebalance", f"rebalance:{key}", "db_rebalance", Phase.IN_PLACE,
            f"dag:{key}",
            _text("rebalance_title", dag=key),
            predecessors=deps([st.id for st in group]), resources=(f"dag:{key}",),
            command=f".\\RedistributeActiveDatabases.ps1 -DagName {key} "
                    "-BalanceDbsByActivationPreference -Confirm:$false\n"
                    f"Get-DatabaseAvailabilityGroup {key} | fl PreferenceMoveFrequency"))
    return RuleOutput(tuple(steps))


def _baseline(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    steps: list[Step] = []
    links: list[Link] = []
    for g in side_by_side_groups(ctx):
        for new in g.new:
            install = f"sbs:install:{new}"
            if install not in prior:
                continue
            [step] = at_site(g, [_baseline_step(ctx, new, install)])
            steps.append(step)
            links.append((f"sbs:databases:{g.key}", Dependency(step.id)))
    for st in prior.values():
        if st.id.startswith("edge:new:"):
            new = st.target.partition(":")[2]
            step = replace(_edge_baseline_step(ctx, new, st.id), site=st.site)
            steps.append(step)
            links.append((st.id.replace("edge:new:", "edge:subscribe:"), Dependency(step.id)))
            # the old Edge's receive connectors name the certificate this step imports
            # (Set-ReceiveConnector -TlsCertificateName had come the day before the import)
            receive = st.id.replace("edge:new:", "edge:receive:")
            if receive in prior:
                links.append((receive, Dependency(step.id)))
    return RuleOutput(tuple(steps), tuple(links))


def _baseline_step(ctx: Context, new: str, after: str) -> Step:
    return make_step(
        ctx, "se_server_baseline", f"baseline:{new}", "se_server_baseline", Phase.SIDE_BY_SIDE,
        f"server:{new}",
        _text("baseline_title", server=new),
        predecessors=deps(after), resources=(f"server:{new}",),
        command=f"Set-ExchangeServer {new} -ProductKey {placeholder('product_key')}; "
                "Restart-Service MSExchangeIS\n" + line("antivirus")
                + f"\n.\\HealthChecker.ps1 -Server {new}")


def _edge_baseline_step(ctx: Context, new: str, after: str) -> Step:
    """A new Edge: the product key in its own shell (no Information Store to restart), the
    antivirus exclusions, and the public SMTP certificate before it is subscribed (the
    subscription carries the Edge's certificate; a review found no step for it, and
    "Restart-Service MSExchangeIS" on an Edge, which has no such service)."""
    old = after.partition("edge:new:")[2]
    certs = sorted({c.tls_certificate for c in ctx.estate.connectors if c.tls_certificate
                    and old.lower() in (n.lower() for n in c.servers)})
    cert = certs[0] if len(certs) == 1 else ""
    return make_step(
        ctx, "se_server_baseline", f"baseline:{new}", "se_server_baseline", Phase.SIDE_BY_SIDE,
        f"server:{new}", _text("edge_baseline_title", server=new),
        reason=_text("edge_baseline_reason", server=new,
                     cert=cert or placeholder("public_smtp_name")),
        predecessors=deps(after), resources=(f"server:{new}",),
        command=f"Set-ExchangeServer {new} -ProductKey {placeholder('product_key')}"
                + remark("edge_own_shell", server=new) + "\n" + line("antivirus")
                + f"\nImport-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes("
                  f"'{placeholder('pfx_file')}')) -Password (Read-Host -AsSecureString); "
                  f"Enable-ExchangeCertificate -Thumbprint {placeholder('thumbprint')} "
                  "-Services SMTP" + (remark("edge_certificate", cert=cert) if cert
                                      else remark("edge_certificate_mx"))
                + f"\n.\\HealthChecker.ps1 -Server {new}")


_INTERNAL = (".local", ".lan", ".intern", ".internal", ".corp", ".localdomain")


def _ews_namespace(ctx: Context) -> str:
    """The external EWS name Exchange Online reaches the MRS proxy by: the inventory's one
    EWS namespace with a public-looking name, else a placeholder."""
    names = list(dict.fromkeys(
        n.name for n in ctx.estate.namespaces
        if any(v.strip().upper() == "EWS" for v in n.services)
        and not n.name.lower().endswith(_INTERNAL)))
    return names[0] if len(names) == 1 else placeholder("hybrid_namespace")


def _mrsproxy(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    if not ctx.hybrid:
        return RuleOutput()
    steps: list[Step] = []
    links: list[Link] = []
    for g in side_by_side_groups(ctx):
        configs = [f"sbs:config:{n}" for n in g.new if f"sbs:config:{n}" in prior]
        if not configs:
            continue
        step = make_step(
            ctx, "mrsproxy", f"mrsproxy:{g.key}", "mrsproxy", Phase.SIDE_BY_SIDE,
            f"group:{g.key}",
            _text("mrsproxy_title", names=list(g.new)),
            predecessors=deps(configs),
            command="\n".join(f"Set-WebServicesVirtualDirectory '{n}\\EWS (Default Web Site)' "
                              "-MRSProxyEnabled $true" for n in g.new)
            + "\nTest-MigrationServerAvailability -ExchangeRemoteMove -RemoteServer "
              f"{_ews_namespace(ctx)} -Credentials (Get-Credential)"
            + remark("from_exo"))
        steps += at_site(g, [step])
        links += [(f"sbs:decom:{s.name}", Dependency(step.id)) for s in g.old]
    return RuleOutput(tuple(steps), tuple(links))


RULE_HEALTH = Rule("health_checks", _health)
RULE_REBALANCE = Rule("db_rebalance", _rebalance)
RULE_BASELINE = Rule("se_server_baseline", _baseline)
RULE_MRSPROXY = Rule("mrsproxy", _mrsproxy)
