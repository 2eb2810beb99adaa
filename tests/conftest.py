"""Suite-wide set-up: Qt runs offscreen (set before anything imports PySide6)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def _private_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The suite's logs and recovery files go to a temporary folder, not the user's."""
    folder = tmp_path_factory.mktemp("user-data")
    names = ("XDG_DATA_HOME", "LOCALAPPDATA")
    old = {name: os.environ.get(name) for name in names}
    os.environ.update({name: str(folder) for name in names})
    yield
    for name, value in old.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def own_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user data folder of this test only, so its overlay leaves the others alone."""
    folder = tmp_path / "data"
    for name in ("XDG_DATA_HOME", "LOCALAPPDATA"):
        monkeypatch.setenv(name, str(folder))
    return folder
