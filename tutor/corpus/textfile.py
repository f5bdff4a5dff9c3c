"""Reading a user's text file line by line, strictly, with errors a user can act on.

Every reader goes through here, so a missing, empty, binary or undecodable file gets the same
one-line ``InputError`` naming the file and, where there is one, the line of the first bad byte.
The encoding is decided from the first bytes (``encoding``: UTF-8, UTF-16, GB18030, Big5, or
the one forced); lines are decoded one at a time, so a file of any size is read in constant
memory, and ``iter_rows`` leaves a UTF-8 line too long to hold in the file (``longline``).
``read_as`` tells what a file was read as, for the note a command prints.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO, cast

from tutor.corpus import longline
from tutor.corpus.encoding import SNIFF, Decoding, decoding_for
from tutor.corpus.longline import LongLine
from tutor.corpus.meter import current_meter
from tutor.errors import InputError

__all__ = [
    "iter_lines",
    "iter_rows",
    "open_binary",
    "read_as",
    "read_head",
    "read_text_lines",
    "require_file",
]

_UTF8_BOM = b"\xef\xbb\xbf"
_BREAKS = b"\r\n"


def require_file(path: Path) -> None:
    """``InputError`` unless ``path`` is a file there is (checked before a database opens)."""
    if path.is_dir():
        raise InputError("is a directory, not a file", path=path)
    if not path.exists():
        raise InputError("no such file", path=path)


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
    if b"\x00" in start:
        line = start[: start.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), not text", path=path, line=line)


def _start(path: Path) -> bytes:
    with open_binary(path) as handle:
        return handle.read(SNIFF)


def read_as(path: Path) -> str:
    """What ``path`` is read as ("UTF-8", "GB18030", "UTF-16-LE", ...)."""
    return decoding_for(Path(path), _start(Path(path))).label


def _decode(path: Path, raw: bytes, lineno: int, start: int = 0) -> str:
    """``raw[start:]`` as UTF-8 without its line break, decoded in place: a line of any length
    costs its bytes and its text, not copies of either."""
    if b"\x00" in raw:
        raise InputError("binary file (NUL byte), not text", path=path, line=lineno)
    end = len(raw)
    while end > start and raw[end - 1] in _BREAKS:
        end -= 1
    try:
        return str(memoryview(raw)[start:end], "utf-8")
    except UnicodeDecodeError as err:
        raw = raw[start:]
        bad = raw[err.start]
        raise InputError(
            f"not UTF-8 text (byte 0x{bad:02x} at column {err.start + 1}); save it as UTF-8 "
            "or name its encoding with --encoding",
            path=path,
            line=lineno,
        ) from None


def iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for every line (1-based, newline stripped, blanks included).

    Raises ``InputError`` for a missing, empty, binary or non-UTF-8 file; an empty file (only
    whitespace) is reported after the blank lines were yielded, which no reader acts on.
    """
    return cast(Iterator[tuple[int, str]], _lines(Path(path), long_lines=False))


def iter_rows(path: Path) -> Iterator[tuple[int, str | LongLine]]:
    """``iter_lines``, except that a UTF-8 line longer than ``longline.LONG_LINE`` bytes comes
    as a ``LongLine``: checked and its cells found, but not read into memory."""
    return _lines(Path(path), long_lines=True)


def _lines(path: Path, long_lines: bool) -> Iterator[tuple[int, str | LongLine]]:
    decoding = decoding_for(path, _start(path))
    lines: Iterator[tuple[int, str | LongLine]]
    if decoding.is_utf8:
        lines = _utf8_lines(path, long_lines)
    else:
        lines = _other_lines(path, decoding)
    seen_text = False
    for lineno, text in lines:
        if not seen_text and (isinstance(text, LongLine) or text.strip()):
            seen_text = True
        yield lineno, text
    if not seen_text:
        raise InputError("empty file", path=path)


def _utf8_lines(path: Path, long_lines: bool) -> Iterator[tuple[int, str | LongLine]]:
    meter = current_meter()
    position = 0
    with open_binary(path) as handle:
        _check_start(path, handle.peek(SNIFF)[:SNIFF] if hasattr(handle, "peek") else b"")
        limit = longline.LONG_LINE
        raws = iter(partial(handle.readline, limit), b"") if long_lines else handle
        for lineno, raw in enumerate(raws, start=1):
            if long_lines and len(raw) == limit and not raw.endswith(b"\n"):
                row, position = longline.scan(path, handle, lineno, raw, position, meter)
                del raw
                yield lineno, row
                continue
            position += len(raw)
            if meter is not None:
                meter.advance(path, position)
            start = len(_UTF8_BOM) if lineno == 1 and raw.startswith(_UTF8_BOM) else 0
            text = _decode(path, raw, lineno, start)
            del raw  # not held while the line is read: a huge one is its text only
            yield lineno, text


def _other_lines(path: Path, decoding: Decoding) -> Iterator[tuple[int, str | LongLine]]:
    """Lines of a file in another encoding (UTF-16's newlines are two bytes: decode first)."""
    lineno = 0
    meter = current_meter()
    with open_binary(path) as handle:
        handle.read(decoding.skip)
        text = io.TextIOWrapper(handle, encoding=decoding.codec, errors="strict", newline="")
        try:
            for lineno, line in enumerate(text, start=1):  # noqa: B007 - read after the loop
                if meter is not None:
                    meter.advance(path, handle.tell())  # ahead by what the decoder buffered
                if "\x00" in line:
                    raise InputError("binary file (NUL byte), not text", path=path, line=lineno)
                yield lineno, line.rstrip("\r\n").lstrip("\ufeff")
        except UnicodeDecodeError:
            raise InputError(
                f"not {decoding.label} text past this line; convert the file to UTF-8 "
                "or name its encoding with --encoding",
                path=path,
                line=lineno + 1,
            ) from None


def read_text_lines(path: Path) -> list[str]:
    """The whole file as a list of lines (for small inputs such as ``tutor align`` files)."""
    return [text for _, text in iter_lines(Path(path))]


def read_head(path: Path, size: int = 65536) -> str:
    """The first ``size`` bytes, decoded leniently: for format sniffing only, never for content."""
    with open_binary(Path(path)) as handle:
        data = handle.read(size)
    try:
        decoding = decoding_for(Path(path), data[:SNIFF])
    except InputError:
        decoding = Decoding("utf-8")  # the read proper reports it
    return data[decoding.skip :].decode(decoding.codec, errors="replace").lstrip("\ufeff")
