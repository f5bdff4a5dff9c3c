"""How the learner asked for files to be read, for every reader of one command.

Set once by the command (``with reading(encoding="gb18030", strict=True): ...``) and read where
it matters (the decoder, the TSV reader), instead of threading two options through every
reader's signature.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

__all__ = ["ReadOptions", "current", "reading"]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    encoding: str | None = None  # a codec the learner named; None: detect per file
    strict: bool = False  # a malformed TSV row stops the read instead of being skipped


_DEFAULT = ReadOptions()  # frozen: one shared default is safe
_OPTIONS: ContextVar[ReadOptions] = ContextVar("tutor_read_options", default=_DEFAULT)


def current() -> ReadOptions:
    return _OPTIONS.get()


@contextmanager
def reading(encoding: str | None = None, strict: bool = False) -> Iterator[None]:
    """Read every file in the block with these options."""
    token = _OPTIONS.set(replace(current(), encoding=encoding, strict=strict))
    try:
        yield
    finally:
        _OPTIONS.reset(token)
