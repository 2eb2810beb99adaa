"""Pause Python's cycle collector while a large import builds its records.

Reading 20,000 rows makes hundreds of thousands of small tuples, dicts and records that
form no reference cycles; the collector would walk them again and again as they pile up
(it took almost half of the import). Reference counting still frees everything at once, so
pausing the collector costs no memory beyond what the import keeps anyway.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["cycle_collection_paused"]

_lock = threading.Lock()
_depth = 0  # imports running now (GUI worker threads may import while the CLI's test does)
_was_enabled = False


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Run the block with the cycle collector off; the first to enter restores it last."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                # the records are old now: without this, the first allocation after the
                # block walked all of them at once in a young collection (about a tenth of
                # importing 20,000 rows). freeze() moves every tracked object aside and
                # resets the young count without walking; unfreeze() hands them all to the
                # oldest generation, which full collections still visit.
                gc.freeze()
                gc.unfreeze()
                if _was_enabled:
                    gc.enable()
