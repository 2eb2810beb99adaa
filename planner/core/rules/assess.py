"""Per server: which product and release it runs, whether EXO judges it, and its path to SE."""

from __future__ import annotations

import re

from planner.core.build_lifecycle import in_place_to_se, is_supported
from planner.core.builds import BuildInfo, BuildParseError, identify
from planner.core.graph import EstateGraph
from planner.core.knowledge import Knowledge
from planner.core.model import Estate, Finding, Server, Severity
from planner.core.plan import MigrationPath, ServerAssessment
from planner.core.rules.base import ServerFacts
from planner.core.settings import Decisions, Settings

__all__ = ["assess_servers", "os_too_old", "product_name", "to_assessment", "windows_version"]

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
    supported = {str(v) for v in knowledge.fact("os.se_supported").value}
    return bool(version) and version not in supported


P = MigrationPath


def product_name(info: BuildInfo) -> str:
    """``Exchange 2016 CU23 Oct25SU`` or ``Exchange Server SE RTM``."""
    product = "Exchange Server SE" if info.product == "SE" else f"Exchange {info.product}"
    return f"{product} {info.release}".strip()


def _facts_text(server: Server, info: BuildInfo) -> tuple[str, str]:
    name = product_name(info)
    approx_en = "" if info.exact else " (nearest known release)"
    approx_de = "" if info.exact else " (nächstniedrigere bekannte Version)"
    return (f"{server.name} runs {info.number} = {name}{approx_en}",
            f"{server.name} läuft mit {info.number} = {name}{approx_de}")


def _default_path(
    server: Server, info: BuildInfo, knowledge: Knowledge
) -> tuple[MigrationPath, str, str]:
    """The path a consultant would take by default, and why."""
    if info.product == "2013":
        return (P.DECOMMISSION, "Exchange 2013 cannot coexist with Exchange SE; it is removed",
                "Exchange 2013 kann nicht neben Exchange SE bestehen; er wird entfernt")
    if info.product == "2016":
        return (P.SIDE_BY_SIDE, "2016 cannot be upgraded in place; new SE servers replace it",
                "2016 lässt sich nicht direkt aktualisieren; neue SE-Server ersetzen ihn")
    if info.product == "2019":
        if os_too_old(server.os, knowledge):
            return (P.SIDE_BY_SIDE,
                    f"its operating system ({server.os}) cannot run Exchange SE; new servers "
                    "replace it",
                    f"sein Betriebssystem ({server.os}) trägt kein Exchange SE; neue Server "
                    "ersetzen ihn")
        if in_place_to_se(info, knowledge):
            return (P.IN_PLACE, f"2019 {info.cu} can be upgraded in place to SE",
                    f"2019 {info.cu} lässt sich direkt (In-Place) auf SE aktualisieren")
        target = str(knowledge.facts["upgrade.cu_target"].value
                     if "upgrade.cu_target" in knowledge.facts else "CU15")
        return (P.CU_THEN_IN_PLACE,
                f"2019 {info.cu} is updated to {target} first, then upgraded in place",
                f"2019 {info.cu} wird zuerst auf {target} aktualisiert, dann direkt auf SE")
    return (P.NONE, "already on Exchange SE", "läuft bereits mit Exchange SE")


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
        findings.append(Finding(
            Severity.WARNING, "RULES-BUILD-UNKNOWN",
            f"The build of {server.name} ('{server.build}') is unknown, so no steps are "
            "proposed for it; enter its build.",
            f"Die Build-Nummer von {server.name} ('{server.build}') ist unbekannt, daher werden "
            "keine Schritte vorgeschlagen; bitte Build eintragen.",
            target=f"server:{server.name}"))
        return ServerFacts(server, None, P.NONE, judged, excluded, False,
                           f"{server.name}: build unknown", f"{server.name}: Build unbekannt",
                           "build unknown", "Build unbekannt")
    fact_en, fact_de = _facts_text(server, info)
    path, why_en, why_de = _default_path(server, info, knowledge)
    chosen = _chosen(server, decisions)
    if chosen is not None:
        path, why_en, why_de = _apply_choice(server, info, chosen, (path, why_en, why_de),
                                             knowledge, findings)
    if excluded:
        path, why_en, why_de = (P.NONE, "excluded from the plan by the consultant",
                                "vom Berater aus dem Plan genommen")
    supported = is_supported(info, settings.start, knowledge)
    return ServerFacts(server, info, path, judged, excluded, supported, fact_en, fact_de,
                       why_en, why_de)


def _apply_choice(server: Server, info: BuildInfo, chosen: str,
                  default: tuple[MigrationPath, str, str], knowledge: Knowledge,
                  findings: list[Finding]) -> tuple[MigrationPath, str, str]:
    try:
        path = MigrationPath(chosen)
    except ValueError:
        path = None
    if path is None or not _allowed(server, info, path, knowledge):
        on = f" on {server.os}" if os_too_old(server.os, knowledge) else ""
        auf = f" auf {server.os}" if on else ""
        findings.append(Finding(
            Severity.WARNING, "RULES-PATH-NOT-POSSIBLE",
            f"{server.name} runs {product_name(info)}{on}; the path '{chosen}' is not possible "
            f"for it, so the default '{default[0].value}' is kept.",
            f"{server.name} läuft mit {product_name(info)}{auf}; der Weg '{chosen}' ist dafür "
            f"nicht möglich, es bleibt beim Standard '{default[0].value}'.",
            target=f"server:{server.name}"))
        return default
    if path is default[0]:
        return default
    return (path, f"path set to '{path.value}' by the consultant",
            f"Weg vom Berater auf '{path.value}' gesetzt")


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
        reason_en=f"{facts.fact_en}; {facts.reason_en}",
        reason_de=f"{facts.fact_de}; {facts.reason_de}",
    )
