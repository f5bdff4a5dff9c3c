"""A line too long to hold: checked and measured as it is read, its cells read again on demand.

A UTF-8 line longer than ``LONG_LINE`` bytes (a whole book on one TSV row) is not read into
memory: ``scan`` reads on to its end a block at a time, checking it as an ordinary line is
checked (no NUL byte, strict UTF-8, the first bad byte's column named) and keeping only where
its tab-separated cells begin and end. ``LongLine.text`` then decodes one cell a block at a
time from the file, so the line costs a block, not its size, however many times it is read.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from tutor.corpus.meter import Meter
from tutor.errors import InputError
from tutor.model import SegmentPair

__all__ = ["BLOCK", "LONG_LINE", "LongLine", "LongPair", "scan"]

LONG_LINE = 1 << 20  # bytes: a longer line is scanned, not read whole
BLOCK = 1 << 20  # bytes read and decoded at a time
MAX_CELLS = 64  # cells of a long line whose place is kept (a TSV row needs a few)
_BREAKS = b"\r\n"


@dataclass(frozen=True, slots=True)
class LongLine:
    """Where a long line's cells are in ``path``: ``cells`` holds ``(start, end)`` byte
    offsets of the first ``MAX_CELLS`` cells, ``count`` how many there are in all."""

    path: Path
    line: int
    cells: tuple[tuple[int, int], ...]
    count: int

    def text(self, cell: int, limit: int | None = None) -> Iterator[str]:
        """Cell ``cell`` decoded a block at a time (up to ``limit`` bytes of it, a character cut
        there left out)."""
        start, end = self.cells[cell]
        if limit is not None:
            end = min(end, start + limit)
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        try:
            with self.path.open("rb") as handle:
                handle.seek(start)
                left = end - start
                while left > 0:
                    data = handle.read(min(BLOCK, left))
                    if not data:
                        break
                    left -= len(data)
                    yield decoder.decode(data, final=left <= 0 and limit is None)
        except OSError as err:
            raise InputError(f"cannot read: {err.strerror or err}", path=self.path) from None

    def head(self, cell: int, size: int = 4096) -> str:
        """The first ``size`` bytes of cell ``cell``, for telling which column is which."""
        return "".join(self.text(cell, size)) if cell < len(self.cells) else ""

    def size(self, cell: int) -> int:
        start, end = self.cells[cell]
        return end - start


@dataclass(frozen=True, slots=True)
class LongPair(SegmentPair):
    """A pair on a long line, its two sides left in the file (``zh`` and ``en`` are empty):
    only a reader asked for long rows yields one, for ``pieces.cut_long`` to cut as it reads
    them. ``zh_chars`` and ``en_chars`` are the sides' lengths, as read."""

    row: LongLine = field(kw_only=True)
    zh_cell: int = field(kw_only=True)
    en_cell: int = field(kw_only=True)
    zh_chars: int = field(kw_only=True)
    en_chars: int = field(kw_only=True)

    def zh_text(self) -> Iterator[str]:
        return self.row.text(self.zh_cell)

    def en_text(self) -> Iterator[str]:
        return self.row.text(self.en_cell)


class _Scan:
    """The state of a scan: where the line's cells end, and its bytes checked so far."""

    def __init__(self, path: Path, line: int, start: int) -> None:
        self.path, self.line = path, line
        self.tabs: list[int] = []
        self.count = 1
        self.start = start  # where the line's text begins (after a byte-order mark)
        self.at = start  # where the next block begins
        self.decoder = codecs.getincrementaldecoder("utf-8")("strict")

    def feed(self, block: bytes, final: bool) -> None:
        if b"\x00" in block:
            raise InputError("binary file (NUL byte), not text", path=self.path, line=self.line)
        tab = block.find(b"\t")
        while tab >= 0:
            self.count += 1
            if len(self.tabs) < MAX_CELLS:
                self.tabs.append(self.at + tab)
            tab = block.find(b"\t", tab + 1)
        pending = len(self.decoder.getstate()[0])
        try:
            self.decoder.decode(block, final=final)
        except UnicodeDecodeError as err:
            column = self.at - self.start - pending + err.start + 1
            raise InputError(
                f"not UTF-8 text (byte 0x{err.object[err.start]:02x} at column {column}); "
                "save it as UTF-8 or name its encoding with --encoding",
                path=self.path,
                line=self.line,
            ) from None
        self.at += len(block)

    def line_of(self, end: int) -> LongLine:
        bounds = [self.start - 1, *self.tabs, end]
        known = len(self.tabs) if self.count > len(self.tabs) + 1 else len(self.tabs) + 1
        cells = tuple((bounds[k] + 1, bounds[k + 1]) for k in range(known))
        return LongLine(self.path, self.line, cells, self.count)


def scan(
    path: Path, handle: BinaryIO, line: int, first: bytes, offset: int, meter: Meter | None
) -> tuple[LongLine, int]:
    """Read the rest of the line that begins with ``first`` at byte ``offset`` of ``handle``:
    the ``LongLine`` it is, and the offset where the next line begins."""
    skip = 3 if line == 1 and first.startswith(codecs.BOM_UTF8) else 0
    state = _Scan(path, line, offset + skip)
    block = first[skip:]
    while True:
        ends = block.endswith(b"\n")
        after = handle.readline(BLOCK) if not ends else b""
        state.feed(block, final=not after)
        if meter is not None:
            meter.advance(path, state.at)
        if not after:
            break
        block = after
    end = state.at - (len(block) - len(block.rstrip(_BREAKS)))
    return state.line_of(max(end, state.start)), state.at
