"""A file name made from text the customer wrote (the customer's name on the Project sheet).

The GUI suggests ``<customer> – Exchange SE.xlsx`` and ``<customer>.seplan`` in the save
dialogs. The customer's name comes from the customer's own file, so it may hold what no file
name should: a path (``/etc/cron.d/x`` replaced the chosen folder, ``..\\..\\Startup\\x``
left it), characters Windows refuses or reads as a stream (``:``), a device name
(``CON``, ``NUL``, ``COM1``) or thousands of characters. :func:`file_stem` keeps the words
and drops the rest, on every system alike, so a project saved on Linux opens on Windows.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_STEM", "file_stem"]

# Windows' limit for a whole path is 260 characters; the folder and the suffix need their share
MAX_STEM = 80

# path separators, the characters Windows refuses in a name, and the controls
_REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
# the names Windows keeps for devices: before the first dot ("CON.seplan", "nul .txt" are too)
_DEVICE = re.compile(r"CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³]", re.IGNORECASE)


def file_stem(text: str, fallback: str) -> str:
    """``text`` as the stem of a file name in any folder on any system; ``fallback`` when
    nothing of it is left (a name of slashes, dots or invisible characters)."""
    visible = "".join(c for c in unicodedata.normalize("NFC", text)
                      if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    stem = " ".join(_REFUSED.sub(" ", visible).split())
    stem = stem[:MAX_STEM].strip(" .")  # Windows drops a trailing dot or space: "a." is "a"
    if not stem:
        return fallback
    base, dot, rest = stem.partition(".")
    return f"{base.rstrip()}_{dot}{rest}" if _DEVICE.fullmatch(base.rstrip()) else stem
