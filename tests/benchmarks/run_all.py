"""Run every benchmark script in its own process and print its figures and peak memory.

Usage: python tests/benchmarks/run_all.py [NAME ...]   (e.g. `bench_schedule`)
Benchmarks print figures; nothing here passes or fails on speed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def run(script: Path) -> None:
    """Run one script, stream its output, then print wall time and the child's peak RSS."""
    print(f"=== {script.stem}", flush=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    # ru_maxrss is in kilobytes on Linux
    print(f"--- {script.stem}: exit {proc.returncode}, wall {elapsed:.1f} s, "
          f"peak RSS {usage.ru_maxrss / 1024:.0f} MB", flush=True)


def main(names: list[str]) -> int:
    """Run the named benchmarks, or all of them."""
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if s.stem in names or s.stem.removeprefix("bench_") in names]
    for script in scripts:
        run(script)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
