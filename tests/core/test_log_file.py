"""The log keeps the newest entries in at most four files and faulthandler on the current one."""

from __future__ import annotations

import faulthandler
import logging
from pathlib import Path

import pytest

from planner.core import log_file
from planner.core.log_file import FaultLogHandler


def test_the_log_rotates_at_its_size_and_keeps_three_older_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(log_file, "_MAX_BYTES", 200)
    path = tmp_path / "planner.log"
    handler = FaultLogHandler(path)
    logger = logging.getLogger("planner.test-rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for n in range(40):
            logger.error("entry %02d %s", n, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["planner.log", "planner.log.1", "planner.log.2", "planner.log.3"]
    assert all(p.stat().st_size <= 200 for p in tmp_path.iterdir())
    assert "entry 39" in path.read_text(encoding="utf-8")  # the newest is in the current file
    assert "entry 38" in (tmp_path / "planner.log.1").read_text(encoding="utf-8") \
        or "entry 38" in path.read_text(encoding="utf-8")
    assert faulthandler.is_enabled()  # back on stderr after close
