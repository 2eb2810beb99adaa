"""The main window's pages: which views exist, in which order, and how each is built.

Views written in parallel (steps, Gantt, enforcement, scenarios) are imported when the
page is built; until a module exists the page shows a short placeholder instead of failing.
A window builds each page when it is first shown or asked for (:class:`LazyPages`): the
graph, report and scenario views import networkx, jinja2 and the pipeline, and building
them all before the first paint made the empty window start seconds late.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from planner.gui.document import Document

__all__ = ["PAGES", "LazyPages", "Page", "build_page"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


@dataclass(frozen=True)
class Page:
    """One navigation entry: key, title, icon file and the view class that shows it."""

    key: str
    title: Callable[[], str]
    icon: str  # file name in resources/icons
    module: str
    cls: str
    menu_title: Callable[[], str] = lambda: ""  # the View menu's entry, with its mnemonic


PAGES: tuple[Page, ...] = (
    Page("estate", lambda: _tr("Estate"), "estate.svg", "planner.gui.views.estate",
         "EstateView", lambda: _tr("&Estate")),
    Page("findings", lambda: _tr("Findings"), "findings.svg", "planner.gui.views.findings",
         "FindingsView", lambda: _tr("&Findings")),
    Page("graph", lambda: _tr("Graph"), "graph.svg", "planner.gui.views.graph", "GraphView",
         lambda: _tr("&Graph")),
    Page("steps", lambda: _tr("Steps"), "steps.svg", "planner.gui.views.steps", "StepsView",
         lambda: _tr("&Steps")),
    Page("schedule", lambda: _tr("Schedule"), "schedule.svg", "planner.gui.views.gantt",
         "GanttView", lambda: _tr("Sc&hedule")),
    Page("enforcement", lambda: _tr("Enforcement"), "enforcement.svg",
         "planner.gui.views.enforcement", "EnforcementView", lambda: _tr("E&nforcement")),
    Page("scenarios", lambda: _tr("Scenarios"), "scenarios.svg",
         "planner.gui.views.scenarios", "ScenariosView", lambda: _tr("S&cenarios")),
    Page("report", lambda: _tr("Report"), "report.svg", "planner.gui.views.report_page",
         "ReportView", lambda: _tr("&Report")),
)


def _placeholder(page: Page, reason: str) -> QWidget:
    label = QLabel(_tr("The {0} view is not available in this build.").format(page.title())
                   + f"\n\n{reason}")
    label.setProperty("alignment", "AlignCenter")  # Qt.AlignmentFlag: see views/estate.py
    label.setWordWrap(True)
    label.setObjectName(f"placeholder-{page.key}")
    return label


def build_page(page: Page, document: Document) -> QWidget:
    """The page's view for this document, or a placeholder when the view cannot be built."""
    try:
        module = importlib.import_module(page.module)
        view_cls = getattr(module, page.cls)
    except (ImportError, AttributeError) as exc:
        return _placeholder(page, str(exc))
    widget: QWidget = view_cls(document)
    return widget


class LazyPages(Mapping[str, QWidget]):
    """A window's pages by key; each view is built into ``stack`` when first asked for.

    Until then the stack holds an empty stand-in at the page's index, so indexes match
    :data:`PAGES` throughout. ``on_built(key, view)`` lets the window wire a new view.
    """

    def __init__(self, stack: QStackedWidget, document: Document,
                 on_built: Callable[[str, QWidget], None] | None = None) -> None:
        self._stack = stack
        self._document = document
        self._on_built = on_built
        self._built: dict[str, QWidget] = {}
        self._keys = [page.key for page in PAGES]
        for page in PAGES:
            stand_in = QWidget()
            stand_in.setObjectName(f"unbuilt-{page.key}")
            stack.addWidget(stand_in)

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._built:
            index = self._keys.index(key) if key in self._keys else -1
            if index < 0:
                raise KeyError(key)
            self._built[key] = self._build(index)
        return self._built[key]

    def _build(self, index: int) -> QWidget:
        page = PAGES[index]
        view = build_page(page, self._document)
        stand_in = self._stack.widget(index)
        current = self._stack.currentIndex()
        self._stack.insertWidget(index, view)
        if stand_in is not None:
            self._stack.removeWidget(stand_in)
            stand_in.deleteLater()
        self._stack.setCurrentIndex(current)
        if self._on_built is not None:
            self._on_built(page.key, view)
        return view

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def is_built(self, key: str) -> bool:
        """True once the page's view exists."""
        return key in self._built
