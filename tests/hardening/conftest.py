"""Fixtures for the hardening suite."""

from __future__ import annotations

import pytest

from tests.network_guard import block_network


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse every network connection for this test; the list records attempts."""
    return block_network(monkeypatch)
