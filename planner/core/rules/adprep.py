"""Rule ad_prep: prepare Active Directory with the SE media, once per forest, before any install."""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.plan import MigrationPath, Phase, Step
from planner.core.rules.base import Context, Rule, RuleOutput, deps, make_step
from planner.core.rules.commands import SETUP_ACCEPT
from planner.core.rules.legacy2013 import GONE
from planner.core.rules.licensing import LICENSE

__all__ = ["ADPREP", "RULE"]

ADPREP = "adprep:org"
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
    where_en = f"forest {forest}" if forest else "the forest"
    where_de = f"Gesamtstruktur {forest}" if forest else "die Gesamtstruktur"
    first = ", ".join(s.name for s in installs[:3]) + (" …" if len(installs) > 3 else "")
    cu14 = _cu14_note(ctx)
    step = make_step(
        ctx, "ad_prep", ADPREP, "ad_prep", Phase.PREPARE, f"forest:{forest}" if forest else "org",
        (f"Prepare Active Directory ({where_en}) with the SE media",
         f"Active Directory ({where_de}) mit dem SE-Medium vorbereiten"),
        (f"Exchange SE will be installed on or for {first}{cu14[0]}",
         f"Exchange SE wird auf bzw. für {first} installiert{cu14[1]}"),
        predecessors=deps(LICENSE if LICENSE in prior else None, GONE if GONE in prior else None),
        command="\n".join(ctx.facts.ad_prepare_commands(_DEFAULT_COMMAND).split("; ")),
    )
    return RuleOutput((step,))


def _cu14_note(ctx: Context) -> tuple[str, str]:
    """Only where a 2019 CU14 server exists: from CU14 the organization's version rises."""
    names = [s.name for s in ctx.servers if s.product == "2019" and s.info is not None
             and not s.server.is_edge
             and s.info.cu.upper() == "CU14"]
    if not names or not ctx.facts.cu14_to_se_raises_org_version:
        return "", ""
    many = len(names) > 1
    return (f"; {', '.join(names)} {'run' if many else 'runs'} 2019 CU14, from which this "
            "raises the organization's object version",
            f"; {', '.join(names)} {'laufen' if many else 'läuft'} mit 2019 CU14; von dort "
            "aus erhöht das die Objektversion der Organisation")


RULE = Rule("ad_prep", _propose)
