"""Hypothesis settings and hostile-file makers shared by the hardening tests.

PLANNER_LONG_FUZZ=1 (`python3 packaging/dev.py test --long-fuzz`) runs thousands of
examples per property instead of a quick pass, and the tests that write files of hundreds
of megabytes (marked ``slow``).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, settings

LONG = bool(os.environ.get("PLANNER_LONG_FUZZ"))

FUZZ = settings(
    max_examples=2000 if LONG else 30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def zip_bomb(path: Path, declared_gb: float = 2.0) -> Path:
    """An .xlsx-looking zip whose one member inflates to `declared_gb` gigabytes of zeros."""
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(int(declared_gb * 1024)):
                member.write(chunk)
    return path


def corrupt(data: bytes, at: int, length: int = 64) -> bytes:
    """The bytes with a run of them overwritten by 0xFF."""
    at = max(0, min(at, len(data) - 1))
    return data[:at] + b"\xff" * length + data[at + length :]


# The child's own peak. On Linux ru_maxrss carries the parent's peak over the fork and exec
# (a test process that has grown to 600 MB would make every child look that big); the
# kernel's high-water mark of the child's address space (VmHWM) does not.
_PEAK_PROBE = """
import resource as _r
_kb = _r.getrusage(_r.RUSAGE_SELF).ru_maxrss
try:
    with open("/proc/self/status", encoding="ascii") as _f:
        _kb = next(int(_l.split()[1]) for _l in _f if _l.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
print("PEAK_KB", _kb)
"""


def run_isolated(code: str, timeout: float = 600) -> tuple[int, str, int]:
    """Run Python code in a child process; (exit code, output, peak RSS in MB of the child)."""
    probe = _PEAK_PROBE
    proc = subprocess.run(
        [sys.executable, "-c", code + probe], capture_output=True, text=True, timeout=timeout,
        cwd=Path(__file__).resolve().parents[2],
    )
    out = proc.stdout + proc.stderr
    peak = [line for line in proc.stdout.splitlines() if line.startswith("PEAK_KB ")]
    peak_mb = int(peak[-1].split()[1]) // 1024 if peak else -1
    return proc.returncode, out, peak_mb


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    """A one-sheet workbook with these rows (openpyxl, in memory)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
