"""How far the readers are into their files, in bytes, for the progress line of a long read.

Set once around a read (``with metering(Meter(size)) as meter: ...``) and advanced where the
bytes are read (``textfile``), instead of threading a counter through every reader. A pair
being cut into pieces (``pieces``) was read whole but is mined piece by piece: the bytes of it
not yet cut are ``held`` back, so the count moves with the pieces, not in one jump.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

__all__ = ["Meter", "current_meter", "metering"]


class Meter:
    """Bytes read of ``total``, summed over the files being read."""

    def __init__(self, total: int = 0) -> None:
        self.total = total
        self.held = 0
        self._at: dict[Path, int] = {}

    def advance(self, path: Path, position: int) -> None:
        """``path`` has been read up to byte ``position``."""
        self._at[path] = position

    @property
    def read(self) -> int:
        return max(0, sum(self._at.values()) - self.held)

    def restart(self) -> None:
        """The files are read again from the start."""
        self._at.clear()
        self.held = 0


_METER: ContextVar[Meter | None] = ContextVar("tutor_read_meter", default=None)


def current_meter() -> Meter | None:
    return _METER.get()


@contextmanager
def metering(meter: Meter) -> Iterator[Meter]:
    """Count the bytes every reader in the block reads on ``meter``."""
    token = _METER.set(meter)
    try:
        yield meter
    finally:
        _METER.reset(token)
