"""Project, mapping and recovery files of any shape: an error naming the file (#18)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.importing import MappingError, load_mapping
from planner.core.project import Project, ProjectError, load_project, save_project
from planner.core.recovery import find_recoveries
from tests.hardening.fuzzing import FUZZ

DEEP = "[" * 100_000 + "]" * 100_000


def _with_servers(folder: Path, servers: Any) -> Path:
    path = folder / "p.seplan"
    save_project(Project(), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["project"]["estate"] = {"servers": servers}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_deeply_nested_project_file_is_a_project_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.seplan"
    path.write_text(DEEP, encoding="utf-8")
    with pytest.raises(ProjectError, match=r"deep\.seplan.*nested too deeply"):
        load_project(path)


@pytest.mark.parametrize(("servers", "message"), [
    ([{"name": None}], "servers\\[0\\].name: expected text, got null"),
    ([{"name": 5}], "expected text, got a number"),
    ([{"name": ["EX01"]}], "expected text, got a list"),
    ([{"name": "  "}], "a name is needed"),
    ([{"name": "EX01"}, {"name": "ex01"}], "appears twice"),
    ([{"name": "EX01", "roles": "Mailbox"}], "roles: expected a list"),
    ([{"name": "EX01", "mailbox_count": "many"}], "mailbox_count"),
    ({"EX01": {}}, "servers: expected a list"),
])
def test_names_and_values_are_checked_on_load(tmp_path: Path, servers: Any,
                                              message: str) -> None:
    path = _with_servers(tmp_path, servers)
    with pytest.raises(ProjectError, match=message) as caught:
        load_project(path)
    assert "p.seplan" in str(caught.value)


def test_a_good_project_still_loads(tmp_path: Path) -> None:
    path = _with_servers(tmp_path, [{"name": "EX01", "roles": ["Mailbox"]}])
    assert [s.name for s in load_project(path).estate.servers] == ["EX01"]


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                     | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.sampled_from(["name", "servers", "estate", "sheets",
                                                         "file", "columns", "index", "x"]),
                                       inner, max_size=4), max_leaves=20)


@FUZZ
@given(estate=_JSON)
def test_any_estate_shape_loads_or_names_the_file(tmp_path_factory: pytest.TempPathFactory,
                                                  estate: Any) -> None:
    path = tmp_path_factory.mktemp("shape") / "p.seplan"
    save_project(Project(), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["project"]["estate"] = estate
    path.write_text(json.dumps(doc), encoding="utf-8")
    try:
        project = load_project(path)
    except ProjectError as exc:
        assert "p.seplan" in str(exc)
        return
    for server in project.estate.servers:
        assert isinstance(server.name, str) and server.name.strip()


@FUZZ
@given(data=_JSON)
def test_any_mapping_shape_loads_or_names_the_file(tmp_path_factory: pytest.TempPathFactory,
                                                   data: Any) -> None:
    path = tmp_path_factory.mktemp("map") / "mapping.json"
    path.write_text(json.dumps({"sheets": data} if isinstance(data, list) else data),
                    encoding="utf-8")
    try:
        mapping = load_mapping(path)
    except MappingError as exc:
        assert "mapping.json" in str(exc)
        return
    for sheet in mapping.sheets:
        assert isinstance(sheet.file, str) and sheet.header_row >= 1


@pytest.mark.parametrize("text", [DEEP, '{"sheets": [{"file": null, "header_row": 1}]}',
                                  '{"sheets": [{"file": "a.csv", "header_row": 1, "entity": '
                                  '"server", "columns": [{"index": -1, "field": "name"}]}]}',
                                  '{"sheets": [{"file": "a.csv", "header_row": 1, "entity": '
                                  '"server", "columns": [{"index": 0, "field": "bogus"}]}]}'])
def test_a_broken_mapping_is_a_mapping_error_naming_the_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "map.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError, match=r"map\.json"):
        load_mapping(path)


def test_a_hostile_recovery_file_is_listed_as_unreadable(tmp_path: Path) -> None:
    from planner.core.recovery import PREFIX

    good = tmp_path / "good.seplan"
    save_project(Project(), good)
    (tmp_path / f"{PREFIX}deep.seplan").write_text(DEEP, encoding="utf-8")
    doc = json.loads(good.read_text(encoding="utf-8"))
    doc["project"]["estate"] = {"servers": [{"name": None}]}
    (tmp_path / f"{PREFIX}null.seplan").write_text(json.dumps(doc), encoding="utf-8")
    scan = find_recoveries(tmp_path)
    assert not scan.recoveries
    assert sorted(p.name for p, _why in scan.unreadable) == [f"{PREFIX}deep.seplan",
                                                            f"{PREFIX}null.seplan"]
