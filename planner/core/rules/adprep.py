"""Rule ad_prep: prepare Active Directory with the SE media, once per forest, before any install."""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.explanation import Message, message
from planner.core.plan import MigrationPath, Phase, Step
from planner.core.rules.base import Context, Rule, RuleOutput, ServerFacts, deps, make_step
from planner.core.rules.commands import SETUP_ACCEPT
from planner.core.rules.legacy2013 import GONE
from planner.core.rules.licensing import LICENSE

__all__ = ["ADPREP", "RULE"]

ADPREP = "adprep:org"
_TEXT = "steps.adprep"  # the catalogue section of this rule's title and details
_DEFAULT_COMMAND = "; ".join(
    f"Setup.exe /{verb} {SETUP_ACCEPT}"
    for verb in ("PrepareSchema", "PrepareAD", "PrepareAllDomains"))


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    # Edge servers sit outside the domain: only Mailbox installs need the forest prepared.
    installs = [s for s in ctx.planned(MigrationPath.IN_PLACE, MigrationPath.CU_THEN_IN_PLACE,
                                       MigrationPath.SIDE_BY_SIDE) if not s.server.is_edge]
    if not installs:
        return RuleOutput()
    forest = ctx.estate.organization.forest
    where = message(f"{_TEXT}.forest", name=forest) if forest else message(f"{_TEXT}.the_forest")
    step = make_step(
        ctx, "ad_prep", ADPREP, "ad_prep", Phase.PREPARE, f"forest:{forest}" if forest else "org",
        message(f"{_TEXT}.title", where=where), [*_installs(installs), *_cu14_note(ctx)],
        predecessors=deps(LICENSE if LICENSE in prior else None, GONE if GONE in prior else None),
        command="\n".join(ctx.facts.ad_prepare_commands(_DEFAULT_COMMAND).split("; ")),
    )
    return RuleOutput((step,))


def _installs(installs: list[ServerFacts]) -> list[Message]:
    """Where SE is installed: on the servers upgraded in place, and the new servers that
    replace the others ("auf bzw. für X" read as if SE went onto a server it replaces)."""
    found = []
    for key, servers in (("installs_on", [s for s in installs
                                          if s.path is not MigrationPath.SIDE_BY_SIDE]),
                         ("replaced", [s for s in installs
                                       if s.path is MigrationPath.SIDE_BY_SIDE])):
        if servers:
            names = [s.name for s in servers[:3]]
            found.append(message(f"{_TEXT}.{key}", names=names) if len(servers) <= 3 else
                         message(f"{_TEXT}.{key}_many", count=len(servers), names=names))
    return found


def _cu14_note(ctx: Context) -> list[Message]:
    """Only where a 2019 CU14 server exists: from CU14 the organization's version rises."""
    names = [s.name for s in ctx.servers if s.product == "2019" and s.info is not None
             and not s.server.is_edge
             and s.info.cu.upper() == "CU14"]
    if not names or not ctx.facts.cu14_to_se_raises_org_version:
        return []
    return [message(f"{_TEXT}.cu14", count=len(names), names=names)]


RULE = Rule("ad_prep", _propose)
