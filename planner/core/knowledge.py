"""The Exchange knowledge base: facts with sources and as-of dates, loaded from resources/.

Everything Microsoft may change (builds, lifecycle dates, the enforcement stage table and
baselines, the pause rule, default durations, rule texts) is data in
``resources/knowledge/`` and reaches the code only through :func:`load_knowledge`. A project
can override any fact by key (``Settings.policy_overrides``); the override keeps the
original value and source visible.

The record types (:mod:`planner.core.knowledge_records`, re-exported here) are a contract;
do not change their fields without telling everyone who uses them. Files are read by
:mod:`planner.core.knowledge_files`; the keys are documented in
``resources/knowledge/README.md``.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from planner.core import knowledge_files as kf
from planner.core.build_lists import merge_builds
from planner.core.errors import KnowledgeError
from planner.core.knowledge_overrides import override_baseline, override_fact, override_stage
from planner.core.knowledge_records import (
    Baseline,
    BuildRow,
    EnforcementPolicy,
    Fact,
    Knowledge,
    RuleText,
    Stage,
)
from planner.core.log_file import data_folder
from planner.core.resources import resource_path

__all__ = [
    "REQUIRED_FACTS",
    "Baseline",
    "BuildRow",
    "EnforcementPolicy",
    "Fact",
    "Knowledge",
    "KnowledgeError",
    "RuleText",
    "Stage",
    "load_knowledge",
    "load_knowledge_from",
    "overlay_path",
]


# --- Loading -----------------------------------------------------------------------------------

# Facts the code relies on; a data file without them is broken, not merely incomplete.
REQUIRED_FACTS: dict[str, type] = {
    "policy.start": date,
    "policy.pause_max_days_per_year": int,
    "policy.pause_max_days_per_pause": int,
    "policy.pause_can_split": bool,
    "policy.pause_can_end_early": bool,
    "policy.pause_clock_frozen": bool,
    "policy.pause_cmdlet": str,
    "policy.pause_connect_cmdlet": str,
    "policy.pause_check_cmdlet": str,
    "lifecycle.2013.end_of_support": date,
    "lifecycle.2016.end_of_support": date,
    "lifecycle.2019.end_of_support": date,
    "lifecycle.se.release": date,
    "lifecycle.se.end_of_support": date,
    "build.se_min_build": int,
    "upgrade.inplace_from": list,
    "upgrade.se_cu_blocking_old": str,
    "upgrade.se_cu_blocking_old.date": date,
}
_CACHE_SIZE = 64


@dataclass(frozen=True)
class _Base:
    """The knowledge files as read, before any project override."""

    builds: tuple[BuildRow, ...]
    facts: Mapping[str, Fact]
    stages: tuple[Stage, ...]
    baselines: tuple[tuple[str, Baseline], ...]
    durations: Mapping[str, Fact]
    rules: Mapping[str, RuleText]
    overlay: str = ""  # the user's imported builds laid over these (see knowledge_overlay)


def _unique(items: list[tuple[str, Any]], what: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, item in items:
        if key in out:
            raise KnowledgeError(f"{what}: key {key!r} is defined twice")
        out[key] = item
    return out


def _read_base(folder: Path) -> _Base:
    """Read and validate every file in the knowledge folder."""
    facts_doc = kf.read_toml(folder / "facts.toml")
    enforcement_doc = kf.read_toml(folder / "enforcement.toml")
    baselines = kf.read_baselines(enforcement_doc, "enforcement.toml")
    fact_rows = kf.read_facts(facts_doc, "facts.toml") + kf.read_facts(
        enforcement_doc, "enforcement.toml"
    )
    baseline_facts = [
        Fact(key, b.min_build, b.source, b.as_of, b.confidence) for key, b in baselines
    ]
    facts = _unique([(f.key, f) for f in (*fact_rows, *baseline_facts)], "facts/enforcement")
    for key, kind in REQUIRED_FACTS.items():
        if key not in facts:
            raise KnowledgeError(f"facts.toml/enforcement.toml: required fact {key!r} is missing")
        _check_type(facts[key], kind)
    durations_doc = kf.read_toml(folder / "durations.toml")
    rules_doc = kf.read_toml(folder / "rules.toml")
    durations = _unique(
        [(f.key, f) for f in kf.read_durations(durations_doc, "durations.toml")],
        "durations.toml",
    )
    rules = _unique([(r.id, r) for r in kf.read_rules(rules_doc, "rules.toml")], "rules.toml")
    return _Base(
        builds=kf.read_builds(folder / "builds.csv"),
        facts=facts,
        stages=kf.read_stages(enforcement_doc, "enforcement.toml"),
        baselines=baselines,
        durations=durations,
        rules=rules,
    )


def _check_type(fact: Fact, kind: type) -> None:
    value = fact.value
    wrong = isinstance(value, bool) != (kind is bool) or not isinstance(value, kind)
    if wrong or (kind is date and isinstance(value, datetime)):
        raise KnowledgeError(
            f"fact {fact.key!r}: expected {kind.__name__}, got {value!r}"
            + (" (project override)" if fact.overridden_from is not None else "")
        )


# A baseline key the data has no row for yet: an SE line (Microsoft has set none so far) or
# a 2016/2019 line that has none (no build of it passes).
_NEW_BASELINE = re.compile(r"^baseline\.(2016|2019|SE)\.(RTM|CU\d+)$")


def _with_new_baselines(base: _Base, overrides: Mapping[str, Any]) -> _Base:
    """Baseline rows for override keys the data lacks, so a project can set a baseline
    Microsoft announced after the release (``baseline.SE.RTM``) without waiting for one.
    The row passes nothing until the override's value says which build; it takes effect
    with the policy unless the override gives ``effective_from``."""
    new = [(k, m) for k in sorted(overrides) if k not in base.facts
           and (m := _NEW_BASELINE.match(k)) is not None]
    if not new:
        return base
    start = base.facts["policy.start"]
    source = "project override: a baseline the knowledge base does not hold yet"
    rows = tuple((key, Baseline(product=m[1], line=m[2], min_build="",
                                effective_from=start.value, source=source, as_of=start.as_of,
                                confidence="unconfirmed")) for key, m in new)
    facts = dict(base.facts)
    for key, row in rows:
        facts[key] = Fact(key, "", source, row.as_of, row.confidence)
    return replace(base, facts=facts, baselines=base.baselines + rows)


def _assemble(base: _Base, overrides: Mapping[str, Any]) -> Knowledge:
    """The knowledge with a project's overrides applied, checked again after overriding."""
    base = _with_new_baselines(base, overrides)
    facts, durations, stages, effective = _overridden(base, overrides)
    for key, kind in REQUIRED_FACTS.items():
        _check_type(facts[key], kind)
    dated: list[date] = [row.as_of for row in base.builds]
    dated += [f.as_of for f in (*facts.values(), *durations.values())]
    dated += [s.as_of for s in stages] + [r.as_of for r in base.rules.values()]
    return Knowledge(
        builds=base.builds,
        policy=_policy(base, facts, tuple(stages), effective),
        facts=MappingProxyType(facts),
        durations=MappingProxyType(durations),
        rules=base.rules,
        as_of=max(dated),
        overrides_applied=tuple(sorted(overrides)),
        fingerprint=_fingerprint(base, facts, durations, stages),
    )


def _fingerprint(base: _Base, facts: Mapping[str, Fact], durations: Mapping[str, Fact],
                 stages: list[Stage]) -> str:
    """What the knowledge says, digested: equal only for the same builds and facts."""
    digest = hashlib.sha256()
    for row in base.builds:
        digest.update(f"{row.product}|{row.release}|{row.build}|{row.date}\n".encode())
    for name, table in (("fact", facts), ("duration", durations)):
        for key in sorted(table):
            digest.update(f"{name}:{key}={table[key].value!r}\n".encode())
    for stage in stages:
        digest.update(f"{stage!r}\n".encode())
    return digest.hexdigest()[:16]


def _overridden(
    base: _Base, overrides: Mapping[str, Any]
) -> tuple[dict[str, Fact], dict[str, Fact], list[Stage], dict[str, date]]:
    """Facts, durations and stages with the overrides applied; new baseline effective dates."""
    facts = dict(base.facts)
    durations = dict(base.durations)
    stages = list(base.stages)
    effective: dict[str, date] = {}
    for key in sorted(overrides):
        value = overrides[key]
        if key.startswith("baseline.") and key in facts:
            facts[key], when = override_baseline(facts[key], value, key)
            if when is not None:
                effective[key] = when
        elif key in facts:
            facts[key] = override_fact(facts[key], value, key)
        elif key.startswith("duration.") and key[len("duration.") :] in durations:
            step_kind = key[len("duration.") :]
            durations[step_kind] = override_fact(durations[step_kind], value, key)
        elif key.startswith("stage."):
            override_stage(stages, key, value)
        else:
            raise KnowledgeError(f"project override: unknown knowledge key {key!r}")
    return facts, durations, stages, effective


def _policy(
    base: _Base, facts: Mapping[str, Fact], stages: tuple[Stage, ...], effective: Mapping[str, date]
) -> EnforcementPolicy:
    """The enforcement policy from the (overridden) policy and baseline facts."""
    baselines = tuple(
        replace(
            b,
            min_build=facts[key].value,
            effective_from=effective.get(key, b.effective_from),
            confidence=facts[key].confidence,
        )
        for key, b in base.baselines
    )
    return EnforcementPolicy(
        stages=stages,
        baselines=baselines,
        policy_start=facts["policy.start"].value,
        pause_max_days_per_year=facts["policy.pause_max_days_per_year"].value,
        pause_can_split=facts["policy.pause_can_split"].value,
        pause_can_end_early=facts["policy.pause_can_end_early"].value,
        pause_cmdlet=facts["policy.pause_cmdlet"].value,
        pause_connect_cmdlet=facts["policy.pause_connect_cmdlet"].value,
        pause_check_cmdlet=facts["policy.pause_check_cmdlet"].value,
        facts=tuple(f for k, f in facts.items() if k.startswith("policy.")),
        pause_clock_frozen=facts["policy.pause_clock_frozen"].value,
        pause_max_count=facts["policy.pause_max_count"].value,
        pause_max_days_per_pause=facts["policy.pause_max_days_per_pause"].value,
    )


_LOCK = threading.Lock()
_BASES: dict[Path, _Base] = {}
_CACHE: dict[tuple[Path, str], Knowledge] = {}


def _cache_token(overrides: Mapping[str, Any]) -> str:
    return json.dumps({str(k): v for k, v in overrides.items()}, sort_keys=True, default=str)


def overlay_path() -> Path:
    """Where the user's imported builds live: ``knowledge/builds.csv`` in the user's data
    folder (written by :mod:`planner.core.knowledge_overlay`, laid over the shipped rows)."""
    return data_folder() / "knowledge" / "builds.csv"


def _overlay_token() -> str:
    """Changes whenever the user's overlay is written, so the cache never serves stale rows."""
    path = overlay_path()
    return f"|{path}:{path.stat().st_mtime_ns}" if path.is_file() else ""


def _with_overlay(base: _Base, token: str) -> _Base:
    """The shipped builds with the user's imported rows laid over them."""
    if not token:
        return base
    path = overlay_path()
    try:
        rows, _, _ = merge_builds(base.builds, kf.read_builds(path))
    except KnowledgeError as exc:  # every command would stop on it: say which file it is
        raise KnowledgeError(
            f"the imported builds in {path} cannot be read ({exc}); delete that file to "
            "plan with the builds the planner ships, or import Microsoft's list again "
            "(planner knowledge import), which replaces it") from exc
    return replace(base, builds=rows, overlay=token)


def load_knowledge_from(folder: Path, overrides: Mapping[str, Any] | None = None) -> Knowledge:
    """Read a knowledge folder afresh (no cache) and apply overrides; for checks and tests."""
    return _assemble(_read_base(folder), overrides or {})


def load_knowledge(overrides: Mapping[str, Any] | None = None) -> Knowledge:
    """Load and validate resources/knowledge, then apply a project's overrides by key.

    Override keys are fact keys (``lifecycle.2016.end_of_support``, ``policy.start``,
    ``baseline.2019.CU14`` ...), ``duration.<kind>`` and ``stage.<n>.<field>``. The result is
    cached per folder and overrides, so callers may call this freely.
    """
    folder = resource_path("knowledge")
    overlay = _overlay_token()
    token = _cache_token(overrides or {}) + overlay
    with _LOCK:
        cached = _CACHE.get((folder, token))
        if cached is not None:
            return cached
        base = _BASES.get(folder)
        if base is None or base.overlay != overlay:
            base = _BASES[folder] = _with_overlay(_read_base(folder), overlay)
        knowledge = _assemble(base, overrides or {})
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[(folder, token)] = knowledge
    return knowledge
