"""Per server: which product and release it runs, whether EXO judges it, and its path to SE."""

from __future__ import annotations

import re

from planner.core.build_lifecycle import in_place_to_se, is_supported
from planner.core.builds import BuildInfo, BuildParseError, identify
from planner.core.explanation import Message, message
from planner.core.graph import EstateGraph
from planner.core.knowledge import Knowledge
from planner.core.knowledge_facts import facts_of
from planner.core.model import Estate, Finding, Server, Severity
from planner.core.plan import MigrationPath, ServerAssessment
from planner.core.rules.base import RUNS, ServerFacts
from planner.core.settings import Decisions, Settings
from planner.core.vocabulary import PATHS

__all__ = ["assess_servers", "fact_message", "os_too_old", "product_name", "to_assessment",
           "windows_version"]

# Windows Server as customers write it: "Windows Server 2016", "WS2012R2", "W2K16",
# "Win2k8 R2", or the kernel version a WMI export shows. Which versions can run SE is data
# (fact os.se_supported), so a changed support matrix needs no new release.
_OS_YEAR = re.compile(r"(?<!\d)20(03|08|12|16|19|22|25)(?!\d)"
                      r"|(?<![a-z0-9])(?:w|win)?2k(3|8|12|16|19|22|25)(?!\d)", re.IGNORECASE)
_KERNEL = re.compile(r"(?<![\d.])(10\.0\.\d{5}|6\.[0-3]\.\d{4})(?![\d])")
_KERNEL_YEARS = {"10.0.14393": "2016", "10.0.17763": "2019", "10.0.20348": "2022",
                 "10.0.26100": "2025"}


def windows_version(os: str) -> str:
    """The Windows Server version an operating system text names ("2016"), or ""."""
    found = _OS_YEAR.search(os or "")
    if found:
        short = found.group(1) or found.group(2)
        return "20" + short.zfill(2)
    kernel = _KERNEL.search(os or "")
    if kernel:
        text = kernel.group(1)
        return _KERNEL_YEARS.get(text, "2012" if text.startswith("6.") else "")
    return ""


def os_too_old(os: str, knowledge: Knowledge) -> bool:
    """True when this operating system text names a Windows version SE cannot run on."""
    version = windows_version(os)
    supported = facts_of(knowledge).os_se_supported
    return bool(version) and version not in supported


P = MigrationPath
_SERVER = "steps.server"  # the catalogue section of what the rules say about one server


def product_name(info: BuildInfo) -> str:
    """``Exchange 2016 CU23 Oct25SU`` or ``Exchange Server SE RTM``."""
    product = "Exchange Server SE" if info.product == "SE" else f"Exchange {info.product}"
    return f"{product} {info.release}".strip()


def fact_message(server: str, info: BuildInfo) -> Message:
    """"EX01 runs 15.2.1544.36 = Exchange 2019 CU14 Oct25SU" as data."""
    nearest = "" if info.exact else message(f"{_SERVER}.nearest")
    return message(RUNS, server=server, build=str(info.number),
                   product=product_name(info), nearest=nearest)


def _default_path(server: Server, info: BuildInfo,
                  knowledge: Knowledge) -> tuple[MigrationPath, Message]:
    """The path a consultant would take by default, and why."""
    if info.product == "2013":
        return P.DECOMMISSION, message(f"{_SERVER}.why_2013")
    if info.product == "2016":
        return P.SIDE_BY_SIDE, message(f"{_SERVER}.why_2016")
    if info.product == "2019":
        if os_too_old(server.os, knowledge):
            return P.SIDE_BY_SIDE, message(f"{_SERVER}.why_os", os=server.os)
        if in_place_to_se(info, knowledge):
            return P.IN_PLACE, message(f"{_SERVER}.why_in_place", cu=info.cu)
        target = facts_of(knowledge).cu_target
        return P.CU_THEN_IN_PLACE, message(f"{_SERVER}.why_cu_first", cu=info.cu,
                                           target=target)
    return P.NONE, message(f"{_SERVER}.why_se")


def _allowed(server: Server, info: BuildInfo, path: MigrationPath,
             knowledge: Knowledge) -> bool:
    """Whether the consultant's chosen path can work for this build and OS at all."""
    if path in (P.NONE, P.DECOMMISSION):
        return True
    if info.product == "2013":
        return False  # 2013 must be gone before any SE install: removal is the only path
    if path is P.SIDE_BY_SIDE:
        return True
    if os_too_old(server.os, knowledge):
        return False  # SE (and the CU15 on the way) setup refuses this operating system
    if path is P.IN_PLACE:
        return info.product == "2019" and in_place_to_se(info, knowledge)
    return info.product == "2019"  # CU then in place


def _chosen(server: Server, decisions: Decisions) -> str | None:
    key = server.name.lower()
    return next((v for k, v in decisions.paths.items() if k.lower() == key), None)


def _one(server: Server, graph: EstateGraph, settings: Settings, decisions: Decisions,
         knowledge: Knowledge, findings: list[Finding]) -> ServerFacts:
    judged = graph.is_judged(server.name)
    excluded = server.name.lower() in {s.lower() for s in decisions.excluded_servers}
    try:
        info: BuildInfo | None = (identify(server.build, knowledge, server.build_source)
                                  if server.build else None)
    except BuildParseError:
        info = None
    if info is None:
        findings.append(Finding.about(Severity.WARNING, "RULES-BUILD-UNKNOWN",
                                      f"server:{server.name}", server=server.name,
                                      build=server.build))
        return ServerFacts(server, None, P.NONE, judged, excluded, False,
                           message(f"{_SERVER}.build_unknown", server=server.name),
                           message(f"{_SERVER}.why_build_unknown"))
    path, why = _default_path(server, info, knowledge)
    chosen = _chosen(server, decisions)
    if chosen is not None:
        path, why = _apply_choice(server, info, chosen, (path, why), knowledge, findings)
    if excluded:
        path, why = P.NONE, message(f"{_SERVER}.why_excluded")
    supported = is_supported(info, settings.start, knowledge)
    return ServerFacts(server, info, path, judged, excluded, supported,
                       fact_message(server.name, info), why)


def _apply_choice(server: Server, info: BuildInfo, chosen: str,
                  default: tuple[MigrationPath, Message], knowledge: Knowledge,
                  findings: list[Finding]) -> tuple[MigrationPath, Message]:
    try:
        path = MigrationPath(chosen)
    except ValueError:
        path = None
    if path is None or not _allowed(server, info, path, knowledge):
        os = message(f"{_SERVER}.on_os", os=server.os) if os_too_old(server.os, knowledge) \
            else ""
        asked = message(PATHS[path].label_key) if path is not None else chosen
        findings.append(Finding.about(
            Severity.WARNING, "RULES-PATH-NOT-POSSIBLE", f"server:{server.name}",
            server=server.name, product=product_name(info), os=os, path=asked,
            default=message(PATHS[default[0]].label_key)))
        return default
    if path is default[0]:
        return default
    return path, message(f"{_SERVER}.why_chosen", path=message(PATHS[path].label_key))


def assess_servers(estate: Estate, graph: EstateGraph, settings: Settings,
                   decisions: Decisions, knowledge: Knowledge
                   ) -> tuple[tuple[ServerFacts, ...], tuple[Finding, ...]]:
    """The facts the rules need about every server, plus findings (unknown builds, bad paths)."""
    findings: list[Finding] = []
    facts = tuple(_one(s, graph, settings, decisions, knowledge, findings)
                  for s in estate.servers)
    return facts, tuple(findings)


def to_assessment(facts: ServerFacts) -> ServerAssessment:
    """The public record of what the planner concluded about one server."""
    info = facts.info
    return ServerAssessment(
        name=facts.name,
        product=info.product if info else "",
        release=info.release if info else "",
        build=str(info.number) if info else "",
        path=facts.path,
        judged_by_exo=facts.judged,
        supported=facts.supported,
        explanation=message(f"{_SERVER}.assessment", fact=facts.fact, why=facts.why),
    )
