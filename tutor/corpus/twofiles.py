"""Two line-aligned files: line N of the Chinese file translates line N of the English file.

The files are counted first (a cheap streaming pass that also checks their encoding), so a
pair of files of different lengths is rejected before a single pair is handed on: a shifted
alignment would teach wrong translations on every line after the shift.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tutor.corpus.cleanup import clean_en, clean_zh
from tutor.corpus.script import has_han, is_english
from tutor.corpus.textfile import iter_lines
from tutor.corpus.unpaired import Report, emit
from tutor.errors import InputError
from tutor.model import SegmentPair

__all__ = ["count_lines", "read_two_files"]


def count_lines(path: Path) -> int:
    """Lines up to the last non-blank one (trailing blank lines do not count)."""
    last = 0
    for lineno, text in iter_lines(path):
        if text.strip():
            last = lineno
    return last


def read_two_files(
    zh_path: Path, en_path: Path, report: Report | None = None
) -> Iterator[SegmentPair]:
    """Yield line N of ``zh_path`` with line N of ``en_path``; one-sided lines are reported."""
    n_zh, n_en = count_lines(zh_path), count_lines(en_path)
    if n_zh != n_en:
        longer, shorter = (zh_path, en_path) if n_zh > n_en else (en_path, zh_path)
        raise InputError(
            f"has {max(n_zh, n_en)} lines but {shorter} has {min(n_zh, n_en)}: "
            "the files must be line-aligned",
            path=longer,
            line=min(n_zh, n_en) + 1,
        )
    source = str(zh_path)
    position = 0
    for (lineno, zh), (_, en) in zip(iter_lines(zh_path), iter_lines(en_path), strict=False):
        if lineno > n_zh:
            break
        zh, en = zh.strip(), en.strip()
        if not zh and not en:
            continue
        if not has_han(zh):
            emit(report, source, lineno, zh or en, "no Chinese on this line")
            continue
        if not is_english(en):
            emit(report, str(en_path), lineno, en or zh, "no English on this line")
            continue
        yield SegmentPair(clean_zh(zh), clean_en(en), source, lineno, position)
        position += 1
