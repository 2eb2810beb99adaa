"""The consultant's logo embedded in the report as a data URI.

Embedding keeps the HTML report self-contained and keeps the logo's folder (and with it the
user name in the path) out of the deliverable. Only the consultant's own settings name a
logo; the Project sheet of a customer's workbook cannot (see settings_sheet).
"""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

from planner.core.model import Finding, Severity

__all__ = ["MAX_LOGO_BYTES", "logo_data_uri", "logo_findings"]

MAX_LOGO_BYTES = 2 * 1024**2
_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
          ".svg": "image/svg+xml", ".bmp": "image/bmp"}


def logo_data_uri(path_text: str) -> str:
    """``data:image/png;base64,…`` for a local image file; "" when there is none to use."""
    if not path_text or path_text.startswith(("\\\\", "//")):
        return ""  # a UNC path would make the planner contact a file server
    path = Path(path_text)
    mime = _TYPES.get(path.suffix.lower())
    if mime is None:
        return ""
    try:
        data = _read_regular(path, MAX_LOGO_BYTES + 1)
    except OSError:
        return ""
    if not data or len(data) > MAX_LOGO_BYTES:
        return ""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _read_regular(path: Path, most: int) -> bytes:
    """Up to ``most`` bytes of a regular file; b"" for anything else. A named pipe called
    logo.png waited forever for a writer (the plan never came), a device (Windows' CON.png
    is the console) would too: opened without waiting, and read only when it is a file."""
    if not path.is_file():
        return b""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for a pipe since is_file()
            return b""
        return handle.read(most)


def logo_findings(path_text: str) -> tuple[Finding, ...]:
    """A warning when the settings name a logo the report cannot use (a missing file, a
    folder, a kind of file no report shows, more than 2 MB, a network path): the report had
    come out without one and no word. The finding names no path (it reaches the report)."""
    if not path_text or logo_data_uri(path_text):
        return ()
    return (Finding.about(Severity.WARNING, "SETTINGS-LOGO-UNUSABLE", "",
                          most=MAX_LOGO_BYTES // 1024**2),)
