"""Exchange Online's own view of the estate: where its report disagrees with the knowledge base.

Exchange Online's ``Get-OnPremServerReportInfo`` is the truth for the servers it judges. This
module turns disagreements between it and the planner's own knowledge into findings (data
plus words from ``resources/text/<lang>/exo.toml``).
"""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from planner.core.enforcement import DetectionIndex, first_detection, stage_thresholds
from planner.core.knowledge import Knowledge
from planner.core.model import Estate, ExoReport, Finding, Severity
from planner.core.resources import resource_path
from planner.core.settings import Settings

__all__ = ["exo_text", "report_findings"]

LANGUAGES = ("en", "de")


@lru_cache(maxsize=4)
def _messages(lang: str) -> dict[str, Any]:
    with resource_path("text", lang, "exo.toml").open("rb") as fh:
        return tomllib.load(fh)


def exo_text(lang: str, key: str, **fields: Any) -> str:
    """The message ``key`` (``section.name``) of ``lang`` with its fields; dates formatted."""
    messages = _messages(lang if lang in LANGUAGES else "en")
    node: Any = messages
    for part in key.split("."):
        node = node[part]
    pattern = str(messages["date_format"])
    shown = {k: v.strftime(pattern) if isinstance(v, date) else v for k, v in fields.items()}
    return str(node).format(**shown)


def _finding(severity: Severity, code: str, key: str, target: str, **fields: Any) -> Finding:
    en, de = (exo_text(lang, key, **{
        k: exo_text(lang, v[1:]) if isinstance(v, str) and v.startswith("@") else v
        for k, v in fields.items()}) for lang in LANGUAGES)
    return Finding(severity, code, en, de, target=target)


def _clock_finding(row: ExoReport, name: str, detected: date, knowledge: Knowledge,
                   clock: date) -> Finding:
    throttle, block = stage_thresholds(knowledge.policy)
    if row.block_date:
        what, reported, offset = "@finding.what_block", row.block_date, block
    else:
        what, reported, offset = "@finding.what_throttle", row.throttle_date or clock, throttle
    return _finding(Severity.WARNING, "EXO-REPORT-CLOCK", "finding.report_clock",
                    f"server:{name}", server=name, what=what, reported=reported,
                    detected=detected, expected=detected + timedelta(days=offset), clock=clock)


def report_findings(estate: Estate, settings: Settings,
                    knowledge: Knowledge) -> tuple[Finding, ...]:
    """Where Exchange Online's report and the planner's knowledge disagree, per server."""
    index = DetectionIndex.build(estate, settings)
    out: list[Finding] = []
    for server in estate.servers:
        row = index.row(server.name, server.fqdn)
        found = first_detection(server.name, estate, settings, knowledge, index, server)
        if row is not None and found is not None and found.clock_start is not None:
            out.append(_clock_finding(row, server.name, found.day, knowledge, found.clock))
    return tuple(out)
