"""Help › About: version, knowledge-base as-of date and the licences of bundled libraries."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.core.about import app_version, bundled_licences


def _tr(text: str) -> str:
    return QCoreApplication.translate("About", text)


def about_html(knowledge_as_of: str) -> str:
    """The dialog's rich text (also used by the self-test)."""
    rows = "".join(
        f"<tr><td>{escape(n)}</td><td>{escape(v)}</td><td>{escape(lic)}</td></tr>"
        for n, v, lic in bundled_licences()
    )
    return (
        f"<h3>Exchange SE Planner {escape(app_version())}</h3>"
        f"<p>{escape(_tr('Knowledge base as of'))} {escape(knowledge_as_of)}</p>"
        f"<p>{escape(_tr('Customer data never leaves this computer.'))}</p>"
        f"<table cellspacing='4'>{rows}</table>"
    )


def show_about(parent: QWidget, knowledge_as_of: str) -> None:
    """Show the About dialog."""
    QMessageBox.about(parent, _tr("About Exchange SE Planner"), about_html(knowledge_as_of))
