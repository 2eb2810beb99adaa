"""Transport logs in the desktop app: imported with the inventory, shown in the estate and graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planner.gui.document import Document
from planner.gui.import_flow import import_into_document, read_inventory
from planner.gui.models.estate_model import EstateModel
from planner.gui.views.graph import GraphView
from planner.gui.worker import Job, SyncRunner
from tests.gui import planning_fixtures as fixtures
from tests.paths import MIXED
from tests.transport_log_maker import write_logs


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("logs")
    write_logs(folder, days=2)
    return folder


@pytest.fixture
def document(monkeypatch: Any) -> Document:
    import planner.gui.replanning as document_module

    monkeypatch.setattr(document_module, "make_plan", fixtures.make_plan)
    monkeypatch.setattr(document_module, "knowledge_for", lambda _s: fixtures.knowledge())
    return Document(runner=SyncRunner())


def test_logs_beside_the_inventory_add_relay_clients_to_estate_and_graph(
        qtbot: Any, document: Document, logs: Path) -> None:
    assert import_into_document(document, [MIXED, logs]) == ""
    model = EstateModel(document, "relay_clients")
    names = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert {"SAP ERP", "veeam01.contoso.local", "crm-app01.contoso.local"} <= names
    view = GraphView(document)
    qtbot.addWidget(view)
    view.rebuild()
    boxes = {node: item.sceneBoundingRect() for node, item in view.items.items()}
    # A discovered client sits in its server's row, beside the connector it used.
    client = next(n for n in boxes if n.endswith("crm-app01.contoso.local"))
    connector = next(n for n in boxes if n.endswith("Client Frontend BER-EX16-02"))
    server = next(n for n in boxes if n.endswith("BER-EX16-02"))
    assert abs(boxes[client].center().y() - boxes[connector].center().y()) < 1
    assert boxes[client].right() < boxes[server].left() < boxes[connector].left()


def test_reading_logs_reports_progress_and_stops_on_cancel(logs: Path) -> None:
    job = Job("import")
    seen: list[int] = []
    job.progress.connect(lambda percent, _text: seen.append(percent))
    read_inventory([MIXED, logs], None, job)
    assert seen and seen[-1] == 100
    job.cancel()
    from planner.core.importing import ImportCancelled

    with pytest.raises(ImportCancelled):
        read_inventory([MIXED, logs], None, job)
