"""The text beside the graph for a selected node: attributes, assessment and its steps."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from planner.gui.document import Document
from planner.gui.formats import format_date
from planner.gui.i18n import ui_language
from planner.gui.models.estate_model import column_title, path_label
from planner.gui.views.graph_layout import node_name

__all__ = ["node_details_html"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("GraphView", text)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return _tr("yes") if value else _tr("no")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _attributes(kind: str, data: dict[str, Any]) -> str:
    # The same titles as the estate tables, so a field reads the same everywhere.
    rows = "".join(
        f"<tr><td><i>{escape(column_title(k, kind))}</i></td><td>{escape(_value(v))}</td></tr>"
        for k, v in data.items() if k not in ("kind", "label") and v not in ("", None))
    return f"<table cellspacing='2'>{rows}</table>"


def _assessment(document: Document, name: str, lang: str) -> str:
    plan = document.plan
    if plan is None:
        return ""
    a = next((s for s in plan.proposal.servers if s.name.lower() == name.lower()), None)
    if a is None:
        return ""
    reason = a.reason(lang)
    supported = _tr("supported") if a.supported else _tr("not supported")
    judged = _tr("judged by Exchange Online") if a.judged_by_exo else ""
    return (f"<p><b>{escape(a.product)} {escape(a.release)}</b> ({escape(supported)}) — "
            f"{escape(_tr('path'))}: <b>{escape(path_label(a.path))}</b><br>{escape(judged)}</p>"
            f"<p>{escape(reason)}</p>")


def _steps(document: Document, node: str, lang: str) -> str:
    plan = document.plan
    if plan is None:
        return ""
    rows = []
    for step in plan.proposal.steps:
        if step.target.lower() != node.lower() and node not in step.resources:
            continue
        dated = plan.schedule.for_step(step.id)
        when = f"{format_date(dated.start)} – {format_date(dated.end)}" if dated else ""
        rows.append(f"<li><b>{escape(step.title(lang))}</b> {escape(when)}<br>"
                    f"<small>{escape(step.why(lang))}</small></li>")
    if not rows:
        return ""
    return f"<h4>{escape(_tr('Steps'))}</h4><ul>{''.join(rows)}</ul>"


def node_details_html(graph: Any, node: str, document: Document) -> str:
    """HTML for the details panel."""
    if node not in graph:
        return ""
    lang = ui_language()
    data = dict(graph.nodes[node])
    kind = str(data.get("kind", ""))
    name = node_name(graph, node)
    kinds = {"server": _tr("Exchange server"), "site": _tr("Site"), "dag": _tr("DAG"),
             "database": _tr("Mailbox database"), "connector": _tr("Connector"),
             "relay": _tr("Relay client"), "namespace": _tr("Namespace"),
             "org": _tr("Organization"), "tenant": _tr("Exchange Online tenant")}
    parts = [f"<h3>{escape(name)}</h3><p><i>{escape(kinds.get(kind, kind))}</i></p>"]
    if kind == "server":
        parts.append(_assessment(document, name, lang))
    parts.append(_attributes(kind, data))
    parts.append(_steps(document, node, lang))
    return "".join(parts)
