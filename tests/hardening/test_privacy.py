"""Customer data never leaves the laptop: the whole chain runs with the network refused."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.network_guard import NetworkUsed
from tests.paths import MIXED


def test_the_guard_itself_refuses_a_connection(no_network: list[str]) -> None:
    """Without this, a passing privacy test would prove nothing."""
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    assert no_network


def test_import_plan_exports_and_report_open_no_connection(
    no_network: list[str], tmp_path: Path
) -> None:
    from planner.core.export.mspdi import write_mspdi
    from planner.core.export.xlsx import write_workbook
    from planner.core.plan_json import plan_to_plain
    from planner.core.report.html import render_report_html
    from planner.pipeline import knowledge_for, load_inputs, make_plan
    from planner.render.report_pdf import write_report_pdf

    inputs = load_inputs([MIXED])
    knowledge = knowledge_for(inputs.settings)
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings, knowledge=knowledge)
    plan_to_plain(plan, knowledge)
    write_workbook(plan, knowledge, tmp_path / "plan.xlsx", "de")
    write_mspdi(plan, knowledge, tmp_path / "plan.xml", "en")
    render_report_html(plan, knowledge, "de")
    write_report_pdf(plan, knowledge, tmp_path / "report.pdf", "de")
    assert (tmp_path / "report.pdf").stat().st_size > 1000
    assert no_network == []
