"""A socket layer that fails loudly: proof that nothing opens a network connection."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import pytest


class NetworkUsed(AssertionError):
    """Raised when the program tries to reach the network."""


def block_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every way of opening a connection raise; return the list of attempts."""
    attempts: list[str] = []

    def refuse(name: str) -> Callable[..., Any]:
        def _refuse(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name} {args!r}"[:200])
            raise NetworkUsed(f"network access attempted: {name} {args!r}")

        return _refuse

    for attr in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, attr, refuse(attr))
    for attr in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, attr, refuse(attr))
    return attempts
