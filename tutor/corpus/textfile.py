"""Reading a user's text file line by line, strictly, with errors a user can act on.

Every reader goes through here, so a missing, empty, binary or non-UTF-8 file gets the same
one-line ``InputError`` naming the file and, where there is one, the line of the first bad byte.
Lines are decoded one at a time, so a file of any size is read in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tutor.errors import InputError

__all__ = ["iter_lines", "open_binary", "read_head", "read_text_lines"]

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
_SNIFF = 8192


def open_binary(path: Path) -> BinaryIO:
    """Open ``path`` for reading bytes, turning OS errors into ``InputError``."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=path) from None


def _check_start(path: Path, start: bytes) -> None:
    if start.startswith(_UTF16_BOMS):
        raise InputError("UTF-16 text; save it as UTF-8", path=path, line=1)
    if b"\x00" in start:
        line = start[: start.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), not text", path=path, line=line)


def _decode(path: Path, raw: bytes, lineno: int) -> str:
    if b"\x00" in raw:
        raise InputError("binary file (NUL byte), not text", path=path, line=lineno)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = raw[err.start]
        raise InputError(
            f"not UTF-8 text (byte 0x{bad:02x} at column {err.start + 1}); save it as UTF-8",
            path=path,
            line=lineno,
        ) from None


def iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for every line (1-based, newline stripped, blanks included).

    Raises ``InputError`` for a missing, empty, binary or non-UTF-8 file; an empty file (only
    whitespace) is reported after the blank lines were yielded, which no reader acts on.
    """
    path = Path(path)
    with open_binary(path) as handle:
        start = handle.peek(_SNIFF)[:_SNIFF] if hasattr(handle, "peek") else b""
        _check_start(path, start)
        seen_text = False
        for lineno, raw in enumerate(handle, start=1):
            if lineno == 1 and raw.startswith(_UTF8_BOM):
                raw = raw[len(_UTF8_BOM) :]
            text = _decode(path, raw, lineno).rstrip("\r\n")
            if not seen_text and text.strip():
                seen_text = True
            yield lineno, text
    if not seen_text:
        raise InputError("empty file", path=path)


def read_text_lines(path: Path) -> list[str]:
    """The whole file as a list of lines (for small inputs such as ``tutor align`` files)."""
    return [text for _, text in iter_lines(Path(path))]


def read_head(path: Path, size: int = 65536) -> str:
    """The first ``size`` bytes, decoded leniently: for format sniffing only, never for content."""
    with open_binary(Path(path)) as handle:
        data = handle.read(size)
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    return data.decode("utf-8", errors="replace")
