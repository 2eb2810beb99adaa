"""Round 14: a relay client's host or name goes into a pasted PowerShell line only in single
quotes, where ``$(…)`` is text (2026-12-08)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from planner.pipeline import load_inputs, make_plan
from tests.paths import MIXED

# a line the admin pastes into PowerShell: it runs a cmdlet
_POWERSHELL = re.compile(r"\b(?:Get|Set|New|Remove|Select|Test|Add|Enable|Disable)-[A-Z]\w+")
_SINGLE_QUOTED = re.compile(r"'(?:[^']|'')*'")


def test_a_relay_host_that_runs_code_stays_text_in_the_pasted_command() -> None:
    """An occasional sender's proof reads the old server's protocol log for its address with
    ``Select-String -Pattern "sap01$(calc)"``: PowerShell's double quotes ran the host."""
    inputs = load_inputs([MIXED])
    sap = next(rc for rc in inputs.estate.relay_clients if rc.name == "SAP ERP")
    for host in ("sap01$(calc)", ""):
        hostile = dataclasses.replace(sap, name="SAP $(calc)", host=host,
                                      last_seen=date(2026, 11, 26), sessions=1, messages=2640,
                                      run_days=(date(2026, 11, 26),), authenticated=False)
        estate = dataclasses.replace(inputs.estate, relay_clients=tuple(
            hostile if rc is sap else rc for rc in inputs.estate.relay_clients))
        plan = make_plan(estate, inputs.findings, dataclasses.replace(
            inputs.settings, solver_time_limit_s=1.0))
        step = next(s for s in plan.proposal.steps if s.target == "relay:SAP $(calc)")
        for lang in ("en", "de"):
            lines = [ln for ln in step.command_in(lang).splitlines() if _POWERSHELL.search(ln)]
            assert any("Select-String" in ln for ln in lines)
            for ln in lines:
                assert "$(calc)" not in _SINGLE_QUOTED.sub("", ln), ln
            assert any("'sap01$(calc)'" in ln or "'SAP $(calc)'" in ln for ln in lines)
