"""One entry point for every format: choose the reader, stream its pairs, explain an empty result.

Reading is streaming, so a bad line deep in a large file surfaces only when the reader gets
there. Callers that must not change anything on bad input (the CLI, before it opens the
database) call ``validate`` first: it runs the same reader over the whole source in constant
memory, discarding the pairs, and raises the first ``InputError``. Small sources can simply be
materialised with ``list(read_pairs(...))``, which raises the same errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tutor.corpus.detect import FORMATS, detect_format
from tutor.corpus.paragraphs import read_paragraphs
from tutor.corpus.script import has_han, is_english
from tutor.corpus.subtitles import read_subtitles
from tutor.corpus.textfile import iter_lines
from tutor.corpus.tmx import read_tmx
from tutor.corpus.tsv import read_tsv
from tutor.corpus.twofiles import read_two_files
from tutor.corpus.unpaired import Report
from tutor.errors import InputError
from tutor.model import SegmentPair

__all__ = ["read_pairs", "validate"]

_TWO_FILE_FORMATS = ("lines", "srt")


def _dispatch(
    path: Path, en_path: Path | None, fmt: str, report: Report | None, long_rows: bool
) -> Iterator[SegmentPair]:
    if fmt == "paragraphs":
        return read_paragraphs(path, report)
    if fmt == "tsv":
        return read_tsv(path, report, long_rows=long_rows)
    if fmt == "tmx":
        return read_tmx(path, report)
    if fmt == "srt":
        return read_subtitles(path, en_path, report)
    assert en_path is not None
    return read_two_files(path, en_path, report)


def _check_arguments(path: Path, en_path: Path | None, fmt: str) -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", path=path)
    if fmt == "lines" and en_path is None:
        raise InputError(
            "two line-aligned files need the English file too (--en EN_FILE)", path=path
        )
    if en_path is not None and fmt not in _TWO_FILE_FORMATS:
        raise InputError(f"a second file (--en) is not used by the {fmt} format", path=en_path)


def _nothing_found(path: Path, en_path: Path | None) -> InputError:
    """Why a readable source gave no pairs: no Chinese, no English, or nothing lined up."""
    zh_seen = en_seen = False
    for _, text in iter_lines(path):
        zh_seen = zh_seen or has_han(text)
        en_seen = en_seen or is_english(text)
    if en_path is not None:
        en_seen = any(is_english(text) for _, text in iter_lines(en_path))
    if not zh_seen:
        return InputError("no Chinese text found", path=path)
    if not en_seen:
        return InputError("no English text found", path=en_path or path)
    return InputError("no Chinese-English pairs found", path=path)


def read_pairs(
    path: Path,
    *,
    en_path: Path | None = None,
    fmt: str | None = None,
    report: Report | None = None,
    long_rows: bool = False,
) -> Iterator[SegmentPair]:
    """Stream the ``SegmentPair``s of ``path`` (and ``en_path`` for two-file formats).

    ``fmt`` forces a format (one of ``FORMATS``); by default it is detected. Lines that cannot
    be paired go to ``report``. Bad input raises ``InputError`` naming the file and line, and a
    source that yields no pair at all raises one saying why. With ``long_rows``, a TSV row on a
    line too long to hold comes as a ``longline.LongPair``, its sides left in the file: for
    callers that cut pairs with ``pieces.cut_long``, which reads them.
    """
    path = Path(path)
    en = Path(en_path) if en_path is not None else None
    chosen = fmt or detect_format(path, en)
    _check_arguments(path, en, chosen)
    count = 0
    for pair in _dispatch(path, en, chosen, report, long_rows):
        count += 1
        yield pair
    if count == 0:
        raise _nothing_found(path, en)


def validate(
    path: Path,
    en_path: Path | None = None,
    fmt: str | None = None,
    *,
    report: Report | None = None,
) -> int:
    """Read the whole source without keeping it: raise its first ``InputError``, or count."""
    return sum(1 for _ in read_pairs(path, en_path=en_path, fmt=fmt, report=report))
