"""Estate, findings and graph views on a small estate: models, edits, jumps, highlighting."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.core.model import ConnectorType, Finding, LogPlace, Severity
from planner.gui.edit import update_decisions
from planner.gui.models.estate_model import ENTITY_TYPES, EstateModel
from planner.gui.models.findings_model import FINDING_ROLE, FindingsModel
from planner.gui.views.estate import EstateView
from planner.gui.views.findings import FindingsView, target_of
from planner.gui.views.graph import GraphView
from planner.gui.views.graph_layout import layout_graph
from planner.gui.worker import Job
from tests.gui.planning_fixtures import fake_document


def _with_findings(doc: Any) -> None:
    findings = (
        Finding(Severity.ERROR, "IMPORT-BUILD-UNPARSEABLE", "Build unreadable", "Build unlesbar",
                "inventory.xlsx", "Servers", 7, "Build", "server:EX02"),
        Finding(Severity.INFO, "X-INFO", "Note", "Hinweis"),
    )
    doc.set_project(replace(doc.project, findings=findings))


@pytest.mark.parametrize("entity", sorted(ENTITY_TYPES))
def test_estate_models_pass_the_model_tester(qapp: Any, qtmodeltester: Any, monkeypatch: Any,
                                             entity: str) -> None:
    doc = fake_document(monkeypatch)
    qtmodeltester.check(EstateModel(doc, entity))


def test_findings_model_passes_the_model_tester(qapp: Any, qtmodeltester: Any,
                                                 monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    _with_findings(doc)
    qtmodeltester.check(FindingsModel(doc))


def test_server_table_shows_the_assessment_and_edits_are_undoable(monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    model = EstateModel(doc, "servers")
    site_col = model.columns.index("site")
    path_col = model.columns.index("path")
    assert model.index(0, path_col).data() == "In place to SE"
    assert model.index(0, path_col).data(Qt.ItemDataRole.EditRole) == "in_place"
    assert model.index(0, path_col).data(Qt.ItemDataRole.BackgroundRole) is not None

    assert model.setData(model.index(0, site_col), "Berlin")
    assert doc.estate.servers[0].site == "Berlin" and doc.plan_is_current
    doc.undo_stack.undo()
    assert doc.estate.servers[0].site == "Munich"

    data_col = model.columns.index("mailbox_data_gb")
    assert model.setData(model.index(1, data_col), "1,5")  # German decimal comma
    assert doc.estate.servers[1].mailbox_data_gb == 1.5
    assert not model.setData(model.index(1, data_col), "lots")  # refused, no undo step
    assert doc.undo_stack.count() == 1  # the undone edit was replaced by the new one


def test_cells_write_numbers_and_dates_as_the_interface_language_does(
        qapp: Any, monkeypatch: Any) -> None:
    from datetime import date

    from planner.gui.i18n import install_translators
    from planner.gui.models.estate_model import cell_text

    doc = fake_document(monkeypatch)
    model = EstateModel(doc, "servers")
    data_col = model.columns.index("mailbox_data_gb")
    assert model.setData(model.index(1, data_col), "1.5")
    install_translators(qapp, "de")
    try:
        assert model.index(1, data_col).data() == "1,5"
        assert model.setData(model.index(1, data_col), "2,25")  # typed as it is shown
        assert doc.estate.servers[1].mailbox_data_gb == 2.25
        # as the importer reads a cell (tests/core/test_typed_values.py): one number parser
        assert model.setData(model.index(1, data_col), "1.234,5")
        assert doc.estate.servers[1].mailbox_data_gb == 1234.5
        assert cell_text("first_seen", date(2026, 12, 7)) == "07.12.2026"
        assert cell_text("type", ConnectorType.EXO_INBOUND).startswith("Exchange Online")
    finally:
        install_translators(qapp, "en")


def test_changing_the_path_in_the_table_is_a_decision(monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    model = EstateModel(doc, "servers")
    path_col = model.columns.index("path")
    assert model.setData(model.index(0, path_col), "side_by_side")
    assert doc.decisions.paths == {"EX01": "side_by_side"}
    assert model.index(0, path_col).data() == "Replace by new SE servers"
    doc.undo_stack.undo()
    assert doc.decisions.paths == {}


def test_estate_view_filters_and_selects(qtbot: Any, monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    view = EstateView(doc)
    qtbot.addWidget(view)
    table = view.tables["servers"]
    table.filter.setText("ex13")
    assert table.proxy.rowCount() == 1
    assert view.show_record("servers", "EX02")
    assert table.proxy.rowCount() == 3  # the filter was cleared to show the record
    selected = table.table.selectionModel().selectedRows()
    assert selected and selected[0].data() == "EX02"
    assert "(3)" in view.tabText(0)


def test_a_replan_keeps_the_selected_server_and_the_findings_rows(
        qtbot: Any, monkeypatch: Any) -> None:
    """A re-plan changes the verdict columns only: the consultant's selected row stays
    selected, the findings table keeps its rows (a reset cleared both, and on a large
    estate re-read and re-sorted every row on the GUI thread)."""
    doc = fake_document(monkeypatch)
    view = EstateView(doc)
    qtbot.addWidget(view)
    table = view.tables["servers"]
    assert view.show_record("servers", "EX02")
    findings = FindingsModel(doc)
    findings.rowCount()
    resets: list[str] = []
    table.model.modelReset.connect(lambda: resets.append("servers"))
    findings.modelReset.connect(lambda: resets.append("findings"))
    doc.replan()
    selected = table.table.selectionModel().selectedRows()
    assert selected and selected[0].data() == "EX02"
    assert resets == []
    path_col = table.model.columns.index("path")
    assert table.model.index(0, path_col).data() == "In place to SE"  # read from the new plan


def test_estate_table_sorts_numbers_as_numbers_and_edits_the_sorted_row(
        qtbot: Any, monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    servers = doc.estate.servers
    sizes = (250.0, 9.5, 1200.0)  # as text "1200" < "250" < "9.5"
    doc.set_project(replace(doc.project, estate=replace(doc.estate, servers=tuple(
        replace(s, mailbox_data_gb=gb) for s, gb in zip(servers, sizes, strict=True)))))
    view = EstateView(doc)
    qtbot.addWidget(view)
    table = view.tables["servers"]
    column = table.model.columns.index("mailbox_data_gb")
    table.table.selectRow(0)
    table.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    shown = [table.proxy.index(r, column).data() for r in range(3)]
    assert shown == ["1200", "250", "9.5"]
    name_of_largest = table.proxy.index(0, 0).data()
    selected = table.table.selectionModel().selectedRows()
    assert selected and selected[0].data() == "EX01"  # the selection follows its server
    site = table.model.columns.index("site")
    assert table.proxy.setData(table.proxy.index(0, site), "Hamburg")
    assert doc.estate.server(name_of_largest).site == "Hamburg"
    table.filter.setText("hamburg")
    assert table.proxy.rowCount() == 1 and table.proxy.index(0, 0).data() == name_of_largest


def test_findings_double_click_asks_to_show_the_record(qtbot: Any, monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    _with_findings(doc)
    view = FindingsView(doc)
    qtbot.addWidget(view)
    assert view.proxy.rowCount() == 2
    view.severity.setCurrentIndex(0)  # errors only
    assert view.proxy.rowCount() == 1
    index = view.proxy.index(0, 0)
    with qtbot.waitSignal(view.jumpRequested) as blocker:
        view.table.doubleClicked.emit(index)
    assert blocker.args == ["servers", "EX02"]
    assert target_of(Finding(Severity.INFO, "C", "", "", target="relay:Scanner")) == (
        "relay_clients", "Scanner")


def test_graph_draws_sites_servers_and_highlights_dependencies(qtbot: Any,
                                                               monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    monkeypatch.setattr("planner.core.graph.exo.derive_judged",
                        lambda estate, knowledge: (frozenset({"EX01"}), {}, []))
    view = GraphView(doc)
    qtbot.addWidget(view)
    assert {"server:EX01", "server:EX02", "server:EX13"} <= set(view.items)
    assert view.select_node("server:EX01")
    assert view.selected_node() == "server:EX01"
    related = view.related("server:EX01")
    assert "site:Munich" in related
    assert view.items["server:EX02"].opacity() < 1.0  # unrelated servers fade
    html = view.details.toHtml()
    assert "EX01" in html


def test_graph_catches_up_when_shown_and_a_replan_only_recolours(qtbot: Any,
                                                                   monkeypatch: Any) -> None:
    from planner.core.model import Server
    from planner.gui.views.graph import PATH_COLOURS

    doc = fake_document(monkeypatch)
    view = GraphView(doc)
    qtbot.addWidget(view)
    view.show()
    ex01 = view.items["server:EX01"]
    doc.apply(update_decisions(lambda d: replace(d, paths={"EX01": "side_by_side"}),
                               lambda: "path"))
    assert view.items["server:EX01"] is ex01  # not redrawn: the estate is the same
    assert ex01.brush().color().name() == QColor(PATH_COLOURS["side_by_side"]).name()
    view.hide()
    servers = (*doc.estate.servers, Server("EX99", site="Munich", build="15.2.1748.39"))
    doc.set_project(replace(doc.project, estate=replace(doc.estate, servers=servers)))
    assert "server:EX99" not in view.items  # hidden: nothing drawn for nobody
    view.show()
    assert "server:EX99" in view.items


def test_graph_layout_keeps_sites_apart(monkeypatch: Any) -> None:
    import networkx as nx

    g = nx.MultiDiGraph()
    for site in ("site:A", "site:B"):
        g.add_node(site, kind="site", label=site[5:])
    for name, site in (("EX1", "site:A"), ("EX2", "site:B"), ("EX3", "site:A")):
        g.add_node(f"server:{name}", kind="server", label=name)
        g.add_edge(f"server:{name}", site, key="in_site", relation="in_site")
    g.add_node("connector:Out", kind="connector", label="Out")
    g.add_edge("connector:Out", "server:EX1", key="sends_through", relation="sends_through")
    layout = layout_graph(g)
    a, b = layout.sites["site:A"], layout.sites["site:B"]
    assert a.x + a.w <= b.x
    ex1, ex3 = layout.nodes["server:EX1"], layout.nodes["server:EX3"]
    assert ex1.x == ex3.x and ex1.y != ex3.y
    assert layout.nodes["connector:Out"].x > ex1.x


def test_estate_columns_fit_once_and_keep_the_consultants_width(qtbot: Any,
                                                                 monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    view = EstateView(doc)
    qtbot.addWidget(view)
    view.show()
    table = view.tables["servers"]
    header = table.table.horizontalHeader()
    fqdn = table.model.columns.index("build")
    longest = max(table.fontMetrics().horizontalAdvance(s.build) for s in doc.estate.servers)
    assert longest > 0
    # fitted when shown: the short names' column narrower than Qt's default
    qtbot.waitUntil(lambda: header.sectionSize(0) < header.defaultSectionSize())
    assert header.sectionSize(fqdn) >= longest
    header.resizeSection(fqdn, longest + 90)  # the consultant widens a column by hand
    site = table.model.columns.index("site")
    assert table.proxy.setData(table.proxy.index(0, site), "Hamburg")  # an edit resets
    qtbot.wait(20)
    assert header.sectionSize(fqdn) == longest + 90


def _fitted_findings(qtbot: Any, doc: Any) -> FindingsView:
    """The Findings page at 860 x 500, shown and its columns fitted."""
    view = FindingsView(doc)
    qtbot.addWidget(view)
    view.resize(860, 500)
    view.show()
    header = view.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) < header.defaultSectionSize())  # fitted
    qtbot.wait(20)
    return view


def test_a_long_finding_fits_the_page_without_scrolling_sideways(qtbot: Any,
                                                                  monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    long_text = "Exchange Online judges this server's build as outdated " * 6
    doc.set_project(replace(doc.project, findings=(
        Finding(Severity.WARNING, "X-LONG", long_text, long_text),)))
    view = _fitted_findings(qtbot, doc)
    header = view.table.horizontalHeader()
    assert header.length() <= view.table.viewport().width() + 1


def test_the_plans_columns_are_fitted_when_the_plan_arrives_after_the_estate(
        qtbot: Any, monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    held: list[Any] = []  # the re-plan waits, as on the worker
    sync = doc.runner
    monkeypatch.setattr(doc, "_runner", type("Held", (), {
        "submit": lambda _self, *args, **kwargs: held.append((args, kwargs)) or Job("held")})())
    doc.set_project(replace(doc.project, plan=None))  # the estate first, as after an import
    doc.replan()
    assert doc.plan is None and held
    view = EstateView(doc)
    qtbot.addWidget(view)
    view.show()
    table = view.tables["servers"]
    header = table.table.horizontalHeader()
    path = table.model.columns.index("path")
    qtbot.waitUntil(lambda: header.sectionSize(0) < header.defaultSectionSize())
    monkeypatch.setattr(doc, "_runner", sync)
    doc.replan()  # the plan lands: the Path column fills in
    assert doc.plan is not None
    longest = max(table.fontMetrics().horizontalAdvance(str(table.proxy.index(r, path).data()))
                  for r in range(table.proxy.rowCount()))
    qtbot.waitUntil(lambda: header.sectionSize(path) >= longest)


def test_a_log_finding_says_which_transport_logs_show_it(qapp: Any, monkeypatch: Any) -> None:
    """The Where column names the input cell, or for a finding from the transport logs the
    server's logs, the receive connector and the client (it stood empty for those)."""
    doc = fake_document(monkeypatch)
    logged = replace(Finding.about(Severity.INFO, "LOGS-RELAY-DISCOVERED", "relay:scanner",
                                   name="scanner", ip="10.1.2.3", connector="Relay EX01",
                                   server="EX01"),
                     log_place=LogPlace(("EX01",), "Relay EX01", "10.1.2.3"))
    _with_findings(doc)
    doc.set_project(replace(doc.project, findings=(*doc.project.findings, logged)))
    model = FindingsModel(doc)
    where = {model.index(r, 0).data(FINDING_ROLE).code: model.index(r, 3).data()
             for r in range(model.rowCount())}
    assert where["IMPORT-BUILD-UNPARSEABLE"] == "inventory.xlsx › Servers › row 7 › Build"
    logs = where["LOGS-RELAY-DISCOVERED"]
    assert "EX01" in logs and "Relay EX01" in logs and "10.1.2.3" in logs
    assert where["X-INFO"] == ""


def test_a_long_transport_log_place_leaves_the_message_its_room(qtbot: Any,
                                                                monkeypatch: Any) -> None:
    """A transport-log place ("Transport logs of … › receive connector … › client …") took
    half the page and cut the message off: the Where column takes a quarter at the most,
    its whole text in the tooltip."""
    doc = fake_document(monkeypatch)
    place = LogPlace(("IBK-EX13-01", "IBK-EX16-01", "IBK-EX16-02"),
                     "Legacy Relay for the workshop printers", "10.70.50.7")
    logged = replace(Finding.about(Severity.INFO, "LOGS-RELAY-DISCOVERED", "relay:scanner",
                                   name="scanner", ip="10.70.50.7",
                                   connector="Legacy Relay for the workshop printers",
                                   server="IBK-EX13-01"), log_place=place)
    doc.set_project(replace(doc.project, findings=(logged,)))
    view = _fitted_findings(qtbot, doc)
    header = view.table.horizontalHeader()
    width = view.table.viewport().width()
    assert header.sectionSize(3) <= width * 0.25 + 1
    assert header.sectionSize(2) > header.sectionSize(3)
    where = view.table.model().index(0, 3)
    assert "10.70.50.7" in where.data(Qt.ItemDataRole.ToolTipRole)
