"""Bulk work: Python's cyclic garbage collector paused while many small objects are made.

Building ten thousand entries or an Anki package allocates hundreds of thousands of objects
and no garbage cycles, yet every few hundred allocations set off a collection, and now and
then a full one over everything alive: 0.05-0.1 s of a 0.7 s export of 10k notes, for
nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the block; it runs again afterwards if it ran before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
