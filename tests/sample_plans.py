"""Imports and plans of the bundled samples (and any other estate files), made once per run.

Planning runs the CP-SAT scheduler, which takes seconds; a test that only needs *a* plan of an
estate takes it from here, so the suite imports and plans each estate once. What comes back is
shared between tests: the records are frozen, derive variations with ``dataclasses.replace``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from planner.core.plan import Plan
from planner.pipeline import Inputs, knowledge_for, load_inputs, make_plan
from tests.paths import SAMPLES

__all__ = ["QUICK", "estate_inputs", "estate_plan", "sample_files", "sample_inputs",
           "sample_plan"]

# Enough for the solver to find a good plan of a sample estate; tests that compare with the
# CLI's plan ask for the settings' own limit (time_limit=None) instead.
QUICK = 3.0


def sample_files(name: str) -> tuple[Path, ...]:
    """The input files of a bundled sample (a folder name: ``mixed``, ``mixed-powershell``...)."""
    folder = SAMPLES / name
    files = tuple(sorted(p for p in folder.iterdir() if p.is_file())) if folder.is_dir() else ()
    if not files:
        raise ValueError(f"no sample called {name!r} under {SAMPLES}")
    return files


def sample_inputs(name: str) -> Inputs:
    """A bundled sample imported as the CLI does (cached)."""
    return estate_inputs(sample_files(name))


def sample_plan(name: str, time_limit: float | None = QUICK) -> Plan:
    """A bundled sample planned as the CLI does; ``time_limit=None`` keeps the settings' limit."""
    return estate_plan(sample_files(name), time_limit)


def estate_inputs(files: Sequence[Path | str]) -> Inputs:
    """Estate files imported as the CLI does (cached per file list)."""
    return _inputs(tuple(str(f) for f in files))


def estate_plan(files: Sequence[Path | str], time_limit: float | None = QUICK) -> Plan:
    """Estate files planned as the CLI does (cached per file list and time limit)."""
    return _plan(tuple(str(f) for f in files), time_limit)


@cache
def _inputs(files: tuple[str, ...]) -> Inputs:
    return load_inputs(files)


@cache
def _plan(files: tuple[str, ...], time_limit: float | None) -> Plan:
    inputs = _inputs(files)
    settings = inputs.settings
    if time_limit is not None:
        settings = replace(settings, solver_time_limit_s=time_limit)
    return make_plan(inputs.estate, inputs.findings, settings, knowledge=knowledge_for(settings))
