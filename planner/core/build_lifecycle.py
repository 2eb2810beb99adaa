"""What a build means on a date: Microsoft's support, the in-place path to SE, and whether
Exchange Online judges it below the baseline. Each question takes the knowledge, so a
project's overrides apply.
"""

from __future__ import annotations

from datetime import date

from planner.core.builds import BuildInfo, parse_build_number
from planner.core.knowledge import Knowledge
from planner.core.knowledge_facts import facts_of
from planner.core.knowledge_records import BuildRow

__all__ = ["baseline_build", "below_baseline", "fell_below_baseline_on", "in_place_to_se",
           "is_supported", "support_status"]


def _cus_released(product: str, on: date, knowledge: Knowledge) -> list[str]:
    """The product's CUs (and RTM) released by ``on``, oldest first (a preview never counts:
    Microsoft does not support it in production)."""
    bases = [r for r in knowledge.builds if r.product == product and r.release == r.cu
             and r.cu != "Preview" and r.date <= on]
    return [r.cu for r in sorted(bases, key=lambda r: parse_build_number(r.build).sort_key)]


def support_status(info: BuildInfo, on: date, knowledge: Knowledge) -> str:
    """``supported``, ``supported_behind`` (SE without its latest update), ``old_cu``
    (Microsoft supports only the latest CU and the one before it), ``preview`` (never
    supported in production) or ``ended``."""
    if info.product == "SE":
        start = facts_of(knowledge).se_release
        end = facts_of(knowledge).se_end_of_support
        if not start <= on <= end:
            return "ended"
        released = [r for r in knowledge.builds if r.product == "SE" and r.date <= on]
        latest = max((parse_build_number(r.build).sort_key for r in released), default=None)
        return "supported_behind" if latest and info.number.sort_key < latest else "supported"
    if info.cu == "Preview":
        return "preview"
    end_of_support = facts_of(knowledge).end_of_support(info.product)
    if on > end_of_support:
        return "ended"
    current = _cus_released(info.product, on, knowledge)[-2:]
    return "supported" if not current or info.cu in current else "old_cu"


def is_supported(info: BuildInfo, on: date, knowledge: Knowledge) -> bool:
    """Whether Microsoft supports this build on ``on`` (ESU is not support; of a product in
    support only the latest CU and the one before it are; SE behind on updates still is)."""
    return support_status(info, on, knowledge) in ("supported", "supported_behind")


def in_place_to_se(info: BuildInfo, knowledge: Knowledge) -> bool:
    """Whether SE setup can upgrade this server in place (2019 CU14/CU15 per the knowledge)."""
    allowed = facts_of(knowledge).inplace_from
    return info.product == "2019" and info.cu in allowed


def below_baseline(info: BuildInfo, on: date, knowledge: Knowledge) -> bool:
    """Whether Exchange Online judges this build out of date on ``on``.

    Exchange 2013 is from the day it was blocked (``enforcement.2013_blocking_from``); before
    the policy starts nothing else is. For 2016/2019 the latest baseline row of the build's
    CU line in force that day decides; a line whose rows are not in force yet is not judged,
    and a line without any row has no passing build. SE passes unless the data holds an SE
    baseline row for its line.
    """
    policy = knowledge.policy
    if info.product == "2013":  # blocked on its own date, before the general policy start
        blocked_from: date = facts_of(knowledge).blocking_2013_from
        return on >= blocked_from
    if on < policy.policy_start:
        return False
    line = [b for b in policy.baselines if b.product == info.product and b.line == info.cu]
    if info.product == "SE" and not line:
        return False  # no SE baseline in the data: every SE build passes
    if not line:
        return True
    in_force = [b for b in line if b.effective_from <= on]
    if not in_force:
        return False
    chosen = max(in_force, key=lambda b: b.effective_from)
    if not chosen.min_build:
        return True
    return info.number.sort_key < parse_build_number(chosen.min_build).sort_key


def fell_below_baseline_on(info: BuildInfo, knowledge: Knowledge) -> date | None:
    """The first day (never before the policy start) this build is below the baseline in force."""
    policy = knowledge.policy
    days = {policy.policy_start} | {
        b.effective_from for b in policy.baselines if b.effective_from > policy.policy_start
    }
    for day in sorted(days):
        if below_baseline(info, day, knowledge):
            return day
    return None


def baseline_build(product: str, cu: str, knowledge: Knowledge) -> BuildRow | None:
    """The oldest known build of a release line that Exchange Online accepts under every
    baseline row in the data, in force or announced, or None when none does (then only SE
    ends the server's enforcement).

    Example: for 2016 CU23 the Oct 2025 SU (15.1.2507.61), while the data holds no raise
    above it.
    """
    policy = knowledge.policy
    days = sorted({policy.policy_start} | {b.effective_from for b in policy.baselines})
    rows = sorted((r for r in knowledge.builds if r.product == product and r.cu == cu),
                  key=lambda r: parse_build_number(r.build).sort_key)
    for row in rows:
        info = BuildInfo(row.build, parse_build_number(row.build), row.product, row.release,
                         row.cu, row.date, True)
        if not any(below_baseline(info, day, knowledge) for day in days):
            return row
    return None
