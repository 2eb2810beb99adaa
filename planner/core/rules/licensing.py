"""Rule license_check: confirm SE licensing once, first, before anything is bought or built."""

from __future__ import annotations

from collections.abc import Mapping

from planner.core.explanation import message
from planner.core.plan import MigrationPath, Phase, Step
from planner.core.rules.base import Context, Rule, RuleOutput, make_step
from planner.core.rules.commands import line

__all__ = ["LICENSE", "RULE"]

LICENSE = "license:org"
_SE_PATHS = (MigrationPath.IN_PLACE, MigrationPath.CU_THEN_IN_PLACE, MigrationPath.SIDE_BY_SIDE)


def needs_se(ctx: Context) -> bool:
    """True when the plan installs Exchange SE anywhere."""
    return bool(ctx.planned(*_SE_PATHS))


def _propose(ctx: Context, prior: Mapping[str, Step]) -> RuleOutput:
    if not needs_se(ctx):
        return RuleOutput()
    count = len(ctx.planned(*_SE_PATHS))
    step = make_step(
        ctx, "license_check", LICENSE, "license_check", Phase.PREPARE, "org",
        message("steps.licensing.title"), [message("steps.licensing.servers", count=count)],
        command=line("check_contracts")
        + "\nGet-ExchangeServer | Format-Table Name,Edition,AdminDisplayVersion",
    )
    return RuleOutput((step,))


RULE = Rule("license_check", _propose)
