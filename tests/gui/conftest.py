"""GUI tests run offscreen, with QSettings and the recovery folder in a temporary home."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
