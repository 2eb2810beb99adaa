"""Paths the tests share: the checkout and the bundled samples."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"
MIXED = SAMPLES / "mixed" / "inventory.xlsx"
SMALL = SAMPLES / "small" / "inventory.xlsx"
LEGACY = SAMPLES / "legacy" / "inventory.xlsx"
