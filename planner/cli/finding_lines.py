"""A finding as a terminal line in the reader's language: severity, place, message.

The code is a support reference (``--json`` carries it), never the headline of a line.
"""

from __future__ import annotations

from planner.core.catalogue import catalogue
from planner.core.model import Finding, Severity
from planner.core.outline import finding_location

__all__ = ["finding_line", "severity_width"]


def severity_width(lang: str) -> int:
    """The width of the longest severity word, so messages line up."""
    words = catalogue(lang)
    return max(len(words(f"vocabulary.severity.{s.value}")) for s in Severity)


def finding_line(finding: Finding, lang: str, width: int = 0) -> str:
    """``WARNUNG  Bestand.xlsx › Server › Zeile 4 › E: <message>``."""
    severity = catalogue(lang)(f"vocabulary.severity.{finding.severity.value}").upper()
    where = finding_location(finding, lang)
    return f"{severity:{width}}  {where + ': ' if where else ''}{finding.message(lang)}"
