"""The most precise build wins: Exchange Online's report over a CU-only inventory build.

The build's source travels with it (``Server.build_source``): a report that saw the same
CU build confirms it as the exact level, and a report that saw an update of it replaces it.

AdminDisplayVersion and a CU's own build number do not show the update level, so the plan
would assume the CU without updates. When Exchange Online's report saw the same server on a
known update of that same CU, that build is the more precise one: the plan uses it and says
so. Two precise builds that disagree are already a finding of the importer
(``IMPORT-EXO-BUILD-DIFFERS``); they are left as the inventory has them.
"""

from __future__ import annotations

from dataclasses import replace

from planner.core.builds import BuildInfo, BuildParseError, identify
from planner.core.enforcement import DetectionIndex
from planner.core.knowledge import Knowledge
from planner.core.model import Estate, Finding, Severity
from planner.core.settings import Settings

__all__ = ["precise_builds"]


def _identified(build: str, knowledge: Knowledge, source: str) -> BuildInfo | None:
    try:
        return identify(build, knowledge, source) if build else None
    except BuildParseError:  # identify raises nothing else for text; the rest is a bug
        return None


def precise_builds(estate: Estate, knowledge: Knowledge) -> tuple[Estate, tuple[Finding, ...]]:
    """The estate with each CU-only build replaced by the report's update of that CU."""
    index = DetectionIndex.build(estate, Settings())
    findings: list[Finding] = []
    known: dict[tuple[str, str], BuildInfo | None] = {}  # thousands of servers, few builds

    def identified(build: str, source: str) -> BuildInfo | None:
        if (build, source) not in known:
            known[(build, source)] = _identified(build, knowledge, source)
        return known[(build, source)]

    for server in estate.servers:
        row = index.row(server.name, server.fqdn)
        if row is None:
            continue  # the report did not see this server: nothing to compare
        mine = identified(server.build, server.build_source)
        theirs = identified(row.build, "exo_report")
        if mine is None or theirs is None or mine.exact or not theirs.exact:
            continue
        if theirs.number == mine.number:  # the report confirms the level the inventory hid
            estate = estate.with_server(replace(server, build_source="exo_report"))
            continue
        if (mine.product, mine.cu) != (theirs.product, theirs.cu) or \
                theirs.number.sort_key <= mine.number.sort_key:
            continue
        estate = estate.with_server(replace(server, build=str(theirs.number),
                                            build_source="exo_report"))
        findings.append(Finding.about(Severity.INFO, "BUILD-FROM-EXO-REPORT",
                                      f"server:{server.name}", "builds.from_exo_report",
                                      server=server.name, mine=server.build,
                                      theirs=str(theirs.number), release=theirs.release))
    return estate, tuple(findings)
