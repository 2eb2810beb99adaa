"""Many small transport logs: one zip against the same files as a folder.

Usage: python tests/benchmarks/bench_zip_members.py [MEMBERS]   (default 4000)
Prints the seconds of each and their ratio; nothing passes or fails on speed. Each member
re-opened the archive before (8,000 members: over a minute against 2 s for the folder).
"""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from pathlib import Path

from planner.core.importing.log_files import find_logs
from planner.core.importing.transport_logs import read_transport_logs
from planner.core.model import Estate

ROOT = Path(__file__).resolve().parents[2]
LOGS = ROOT / "resources" / "samples" / "mixed-transport-logs.zip"


def _one_log() -> tuple[str, str]:
    with zipfile.ZipFile(LOGS) as sample:
        name = sorted(n for n in sample.namelist() if "/SmtpReceive/RECV" in n)[0]
        lines = sample.read(name).decode("utf-8-sig").splitlines()
    return ("\n".join(x for x in lines if x.startswith("#")),
            next(x for x in lines if x and not x.startswith("#")))


def _seconds(path: Path) -> float:
    started = time.perf_counter()
    sources, _, _ = find_logs([path])
    read_transport_logs(sources, Estate())
    return time.perf_counter() - started


def main(count: int) -> None:
    """Write ``count`` logs as a zip and as a folder, read each, print the times."""
    header, line = _one_log()
    with tempfile.TemporaryDirectory() as tmp:
        folder, packed = Path(tmp) / "logs", Path(tmp) / "logs.zip"
        with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
            for n in range(count):
                text = f"{header}\n{line.replace(',08', f',{n:08X}', 1)}\n"
                archive.writestr(f"EX01/RECV{n:05d}.LOG", text)
                target = folder / "EX01" / f"RECV{n:05d}.LOG"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        as_folder, as_zip = _seconds(folder), _seconds(packed)
    print(f"{count} logs: folder {as_folder:.2f} s, zip {as_zip:.2f} s, "
          f"zip/folder {as_zip / as_folder:.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)
