"""Work-arounds for defects in the Qt bindings we ship with, in one place.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a C++ method
that returns nothing (``setZValue``, ``fillRect``, ``setText``...) and to ``True``/``False``
on every ``Signal.emit()``. These singletons are immortal only from Python 3.12 on; on 3.11
``None``'s count (about 5,000 after start-up) reaches zero after a few minutes of painting and
the interpreter aborts with "none_dealloc: deallocating None" (or "bool_dealloc").
PySide6 6.11.3 does not have the defect. Until the pin excludes 6.12.0, we give the singletons
so many references that they can never run out; the guard does nothing on other versions.
"""

from __future__ import annotations

import ctypes
import sys
from importlib import metadata

__all__ = ["keep_none_alive"]

_AFFECTED = {"6.12.0"}
_done = False


def keep_none_alive() -> None:
    """Protect None/True/False from the PySide6 6.12.0 reference leak on Python < 3.12."""
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    _done = True
    try:
        version = metadata.version("shiboken6")
    except metadata.PackageNotFoundError:
        return
    if version in _AFFECTED:
        # ob_refcnt is the first field of every CPython object; 2**40 calls will never happen.
        for singleton in (None, True, False, NotImplemented, Ellipsis):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
