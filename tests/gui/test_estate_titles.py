"""A field has one name: the estate table's column, the graph's details, the import wizard
and the findings all read ``vocabulary.field.<entity>.<field>`` (no second list in Qt's .ts)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from planner.core.catalogue import catalogue
from planner.core.resources import resource_path
from planner.gui import i18n
from planner.gui.import_wizard import _field_name
from planner.gui.models.estate_model import ASSESSMENT_COLUMNS, ENTITY_TYPES, column_title


@pytest.fixture(params=["en", "de"])
def lang(request: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(i18n, "_in_use", [request.param])
    return str(request.param)


def test_every_column_is_named_by_the_vocabulary(lang: str) -> None:
    words = catalogue(lang)
    for table, record in ENTITY_TYPES.items():
        keys = [f.name for f in fields(record)]
        keys += list(ASSESSMENT_COLUMNS) if table == "servers" else []
        for key in keys:
            title = column_title(key, table)
            assert title != key and "_" not in title, (table, key)
    assert column_title("os", "servers") == _field_name("server", "os")  # import = estate
    assert column_title("mailbox_data_gb", "servers") == (
        "Postfachdaten (GB)" if lang == "de" else "Mailbox data (GB)")
    assert column_title("witness", "dag") == words("vocabulary.field.dag.witness").capitalize()


def test_the_qt_catalogue_holds_no_field_names(qapp: QApplication) -> None:
    ts = resource_path("i18n", "planner_de.ts").read_text(encoding="utf-8")
    assert "<source>Mailbox data (GB)</source>\n      <translation>" not in ts
