"""Records made by the import's fast maker are the records the class makes."""

from __future__ import annotations

import dataclasses

import pytest

from planner.core.importing.frozen import maker
from planner.core.model import Finding, Server, Severity


def test_a_made_server_equals_the_constructed_one_and_stays_frozen() -> None:
    values = {"name": "EX01", "site": "Berlin", "roles": ("Mailbox",), "mailbox_data_gb": 1.5}
    made = maker(Server)(values)
    assert made == Server(**values) and hash(made) == hash(Server(**values))
    assert repr(made) == repr(Server(**values)) and made.build == ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "EX02"  # type: ignore[misc]
    assert dataclasses.replace(made, name="EX02").name == "EX02"


def test_wrong_values_fail_as_the_constructor_fails() -> None:
    with pytest.raises(TypeError):
        maker(Server)({"site": "Berlin"})  # no name
    with pytest.raises(TypeError):
        maker(Finding)({"severity": Severity.INFO, "code": "X", "colour": "red"})
