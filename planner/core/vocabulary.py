"""The one vocabulary: every phase, path, stage kind, step kind, entity and product.

Each word has a code (what the data carries), a label key into the text catalogues
(``resources/text/<lang>/vocabulary.toml``), an order and, where it is drawn, one colour
and one light tint. The GUI, the report, the workbook and MS Project all read these; no
palette or label table lives anywhere else. Render a label with
``catalogue(lang)(term(x).label_key)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "COLOURS",
    "ENFORCEMENT_STAGE_COLOURS",
    "ENTITIES",
    "PATHS",
    "PHASES",
    "PRODUCTS",
    "RATINGS",
    "SEVERITIES",
    "STAGE_KINDS",
    "STEP_KINDS",
    "Entity",
    "MigrationPath",
    "Phase",
    "StageKind",
    "Term",
    "term",
]


class MigrationPath(StrEnum):
    """How a server reaches Exchange Server SE."""

    IN_PLACE = "in_place"
    CU_THEN_IN_PLACE = "cu_then_in_place"
    SIDE_BY_SIDE = "side_by_side"
    DECOMMISSION = "decommission"
    NONE = "none"  # already SE, or excluded


class Phase(StrEnum):
    """Groups of steps as the plan, the Gantt and the report show them, in this order."""

    PREPARE = "prepare"  # licensing, AD preparation
    LEGACY = "legacy"  # Exchange 2013 removal
    UPDATE = "update"  # 2019 CU updates before in place
    IN_PLACE = "in_place"  # 2019 CU14/CU15 -> SE
    SIDE_BY_SIDE = "side_by_side"  # new SE servers, moves, namespaces, connectors
    HYBRID = "hybrid"  # HCW, hybrid app
    DECOMMISSION = "decommission"
    MILESTONE = "milestone"


class StageKind(StrEnum):
    """What Exchange Online does to a server's mail on a day (or that enforcement is paused)."""

    REPORT = "report"
    THROTTLE = "throttle"
    BLOCK = "block"
    PAUSED = "paused"


class Entity(StrEnum):
    """The kinds of things in an estate a step or a finding can be about."""

    ORG = "org"
    SITE = "site"
    SERVER = "server"
    DAG = "dag"
    CONNECTOR = "connector"
    RELAY = "relay"
    NAMESPACE = "namespace"
    TENANT = "tenant"


@dataclass(frozen=True)
class Term:
    """One word of the vocabulary: its code, label key, place in order and colours."""

    code: str
    label_key: str
    order: int
    colour: str = ""  # strong: bars, frames, legend swatches
    tint: str = ""  # light: backgrounds, table rows, boxes
    short_key: str = ""  # a shorter label where space is tight (figure boxes)


def _terms(group: str, rows: tuple[tuple[str, str, str], ...],
           short: bool = False) -> dict[str, Term]:
    return {
        code: Term(code, f"vocabulary.{group}.{code}", n, colour, tint,
                   f"vocabulary.{group}_short.{code}" if short else "")
        for n, (code, colour, tint) in enumerate(rows)
    }


# One palette. Paths and the phases they lead to share a hue, so a server's box in the
# estate figure and its steps in the Gantt read as one thing.
PHASES: Mapping[str, Term] = _terms("phase", (
    (Phase.PREPARE, "#5b7fa8", "#dde6f1"),
    (Phase.LEGACY, "#8a6d4b", "#efe6dc"),
    (Phase.UPDATE, "#5d9a3c", "#e6f2d9"),
    (Phase.IN_PLACE, "#2f7d4f", "#dcefe2"),
    (Phase.SIDE_BY_SIDE, "#d9822b", "#fbe6cf"),
    (Phase.HYBRID, "#7a5ea8", "#e6dff0"),
    (Phase.DECOMMISSION, "#a8554a", "#f3dcd8"),
    (Phase.MILESTONE, "#1f2933", "#e9ecef"),
))
PATHS: Mapping[str, Term] = _terms("path", (
    (MigrationPath.IN_PLACE, "#2f7d4f", "#dcefe2"),
    (MigrationPath.CU_THEN_IN_PLACE, "#5d9a3c", "#e6f2d9"),
    (MigrationPath.SIDE_BY_SIDE, "#d9822b", "#fbe6cf"),
    (MigrationPath.DECOMMISSION, "#a8554a", "#f3dcd8"),
    (MigrationPath.NONE, "#7b8794", "#e9ecef"),
), short=True)
STAGE_KINDS: Mapping[str, Term] = _terms("stage_kind", (
    (StageKind.REPORT, "#f2c94c", "#fff1b8"),
    (StageKind.THROTTLE, "#f2994a", "#ffd9b0"),
    (StageKind.BLOCK, "#c0392b", "#f5b7b1"),
    (StageKind.PAUSED, "#6f9fd8", "#d6e4f5"),
))
ENTITIES: Mapping[str, Term] = _terms("entity", (
    (Entity.ORG, "#1f2933", "#f7f9fb"),
    (Entity.SITE, "#8a9bb0", "#f7f9fc"),
    (Entity.SERVER, "#1f2933", "#ffffff"),
    (Entity.DAG, "#5b7fa8", "#eef2f6"),
    (Entity.CONNECTOR, "#b58900", "#fdf6e3"),
    (Entity.RELAY, "#7b8794", "#f2f2f2"),
    (Entity.NAMESPACE, "#5b7fa8", "#eef4fb"),
    (Entity.TENANT, "#7a5ea8", "#e8dff5"),
))
# Products by age: the older, the warmer (2013 must go first).
PRODUCTS: Mapping[str, Term] = _terms("product", (
    ("2013", "#a8554a", "#f4c7c3"),
    ("2016", "#d9822b", "#fce8b2"),
    ("2019", "#c9a227", "#fff5cc"),
    ("SE", "#2f7d4f", "#d4edda"),
))
# The kinds of steps the rules propose, in the order a consultant meets them.
STEP_KINDS: Mapping[str, Term] = _terms("step_kind", tuple((code, "", "") for code in (
    "license_check", "ad_backup", "extended_protection", "certificate_expiry",
    "certificate_renewal", "ad_prep",
    "ex2013_moves", "ex2013_repoint", "ex2013_decommission", "health_check", "exo_baseline_su",
    "hybrid_app_su", "cu_update",
    "inplace_upgrade", "se_latest_update", "db_rebalance", "provision_server", "install_se",
    "se_server_baseline", "certificates_vdirs", "mrsproxy", "new_dag", "databases",
    "arbitration_moves", "mailbox_moves", "public_folder_moves", "namespace_switch",
    "send_connectors", "receive_connectors", "relay_repoint", "exo_connector_repoint",
    "hcw_rerun", "hybrid_app_check", "edge_new", "edge_subscription", "edge_inbound_switch",
    "backup_monitoring", "dag_teardown", "decommission", "milestone", "pause",
)))
# Enforcement stages 1..8 as a heat scale: each stage is a step further towards blocking.
ENFORCEMENT_STAGE_COLOURS: Mapping[int, str] = {
    1: "#f3e7a8", 2: "#f7c873", 3: "#f2a94e", 4: "#eb8a33",
    5: "#e06a3a", 6: "#d2483a", 7: "#b8302f", 8: "#8e1b22",
}
# Colours by role rather than by word: ink, frames, bands, highlights.
COLOURS: Mapping[str, str] = {
    "ink": "#1f2933",
    "black": "#000000",
    "muted": "#5f6b7a",
    "example": "#7f7f7f",  # sample values in the inventory template
    "grid": "#d5dbe3",
    "grid_faint": "#e9edf2",  # week lines, fainter than month lines
    "rule": "#bfbfbf",  # lines between header cells and day columns
    "cell_border": "#d9d9d9",
    "frame": "#b8c2cc",
    "frame_dark": "#555555",
    "accent": "#1f4e79",
    "accent_light": "#8fb3d9",
    "accent_mid": "#5b7fa6",  # non-working days in a dark header
    "link": "#9aa5b1",  # dependency lines between bars
    "link_text": "#2a4f9e",
    "paper": "#ffffff",
    "panel": "#f7f9fb",
    "header_band": "#f3f3f3",
    "off_day": "#ededed",
    "freeze": "#fbe5d6",
    "today": "#c62828",  # the plan's as-of date on time axes (report, workbook)
    "used": "#9a9a9a",  # pause days used before the plan
    "history": "#7f7f7f",  # the hatch over stage days before the plan start
    "alarm": "#c00000",  # over budget, refused, a negative remainder
    "summary_1": "#404040",  # outline summary bars by level
    "summary_2": "#a6a6a6",
    "exchange_online": "#c62828",
    "exchange_online_tint": "#fdecea",
    "check": "#fff1b8",  # a soft "check this" behind a value the user should look at
    "row_rule": "#c9d1da",  # lines between the report's table rows
    "warn_cell": "#fff4e0",  # report cells: worth a look, bad, good
    "bad_cell": "#fbe3e1",
    "good_cell": "#e6f3ea",
}
# Findings by severity, and the red/amber/green of the state today.
SEVERITIES: Mapping[str, Term] = _terms("severity", (
    ("error", "#c0392b", "#f8cbad"),
    ("warning", "#d19a1f", "#ffe699"),
    ("info", "#5b7fa8", "#ddebf7"),
))
RATINGS: Mapping[str, Term] = _terms("rating", (
    ("red", "#c00000", "#f8cbad"),
    ("amber", "#e69138", "#ffe699"),
    ("green", "#38761d", "#e2efda"),
))

def term(code: str, table: Mapping[str, Term] | None = None) -> Term:
    """The term for a code (a Phase, MigrationPath, StageKind, Entity or product)."""
    tables = (table,) if table is not None else _BY_TYPE.get(type(code), _ALL)
    for candidate in tables:
        found = candidate.get(code)
        if found is not None:
            return found
    raise KeyError(f"{code!r} is not in the vocabulary")


_BY_TYPE: dict[type, tuple[Mapping[str, Term], ...]] = {
    Phase: (PHASES,), MigrationPath: (PATHS,), StageKind: (STAGE_KINDS,), Entity: (ENTITIES,),
}
_ALL = (PHASES, PATHS, STAGE_KINDS, ENTITIES, PRODUCTS, STEP_KINDS)
