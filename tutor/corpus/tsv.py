"""Tab-separated pairs: ``zh<TAB>en[<TAB>...]``, and layouts with an id or extra columns.

Which column is Chinese and which English is decided once from the head of the file (the
column that is Chinese in most rows; the nearest column to it, right side first, that reads
as English sentences), so ``id<TAB>zh<TAB>en`` (Bible verses) and ``zh<TAB>en<TAB>attribution``
(Tatoeba) both work, and a column of credits (Tatoeba's "CC-BY 2.0 (France) Attribution:
tatoeba.org #..." line) goes with each pair, so the learner's cards keep it. Rows then
stream one at a time.

Files are written by hand as often as exported: blank lines and ``#`` comment lines are
skipped, and a row with too few columns is reported with its line and skipped (``--strict``,
``ReadOptions.strict``, refuses the file at that row instead).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from tutor.corpus.cleanup import clean_en, clean_zh
from tutor.corpus.longline import LongLine, LongPair
from tutor.corpus.options import current
from tutor.corpus.script import (
    english_by_counts,
    han_count,
    has_han,
    is_chinese,
    is_english,
    latin_count,
)
from tutor.corpus.textfile import iter_lines, iter_rows
from tutor.corpus.unpaired import Report, emit
from tutor.errors import InputError
from tutor.model import SegmentPair

__all__ = ["detect_columns", "read_tsv"]

_HEAD_ROWS = 50
_LONG_CREDIT = 4096  # bytes: a credit cell on a long line longer than this is not read
Row = str | LongLine
_CREDIT = re.compile(r"\b(?:CC[- ]?BY|CC0|attribution|licen[cs]ed?|public domain)\b|©|\(c\)", re.I)
_HEADER_WORDS = re.compile(
    r"^(?:id|no|#|zh|cn|cmn|zh-\w+|chinese|中文|汉语|en|eng|english|英文|英语|source|target|"
    r"src|tgt|text|sentence|translation|attribution|license|ref)$",
    re.IGNORECASE,
)


def _sentence_like(cell: str) -> bool:
    """English prose rather than an id such as "Gen:1:1" or "tatoeba-123"."""
    stripped = cell.replace(" ", "")
    return is_english(cell) and latin_count(cell) >= 0.6 * max(len(stripped), 1)


def detect_columns(rows: list[list[str]]) -> tuple[int | None, int | None]:
    """``(zh_column, en_column)`` chosen by majority over ``rows``; ``None`` when absent."""
    width = max((len(r) for r in rows), default=0)
    zh_votes = [sum(1 for r in rows if c < len(r) and is_chinese(r[c])) for c in range(width)]
    if not rows or max(zh_votes, default=0) * 2 < len(rows):
        return None, None
    zh_col = zh_votes.index(max(zh_votes))
    candidates = sorted(
        (c for c in range(width) if c != zh_col),
        key=lambda c: (abs(c - zh_col), c < zh_col),
    )
    for c in candidates:
        votes = sum(1 for r in rows if c < len(r) and _sentence_like(r[c]))
        if votes * 2 >= len(rows):
            return zh_col, c
    return zh_col, None


def _is_comment(text: str) -> bool:
    return text.lstrip().startswith("#")


def _skipped(text: Row) -> bool:
    """A blank or comment line (a long line is neither: it is a row)."""
    return not isinstance(text, LongLine) and (not text.strip() or _is_comment(text))


def _split(text: Row) -> list[str]:
    """The row's cells; for a long line, the head of each (enough to tell the columns)."""
    if isinstance(text, LongLine):
        return [text.head(c) for c in range(len(text.cells))]
    return text.split("\t")


def _is_header(cells: list[str]) -> bool:
    return all(_HEADER_WORDS.match(c.strip()) or not c.strip() for c in cells)


def credit_column(rows: list[list[str]], taken: tuple[int, int]) -> int | None:
    """A column, besides the Chinese and English, that credits each row in most rows."""
    width = max((len(r) for r in rows), default=0)
    for c in range(width):
        if c not in taken and sum(1 for r in rows if c < len(r) and _CREDIT.search(r[c])) * 2 > len(
            rows
        ):
            return c
    return None


def _head(path: Path, lines: Iterator[tuple[int, Row]]) -> tuple[list[tuple[int, Row]], int, int]:
    """The first rows (a header left out) and the Chinese and English columns they show."""
    head: list[tuple[int, Row]] = []
    for lineno, text in lines:
        if not _skipped(text):
            head.append((lineno, text))
            if len(head) >= _HEAD_ROWS:
                break
    body = [(n, t) for n, t in head if not (n == head[0][0] and _is_header(_split(t)))]
    zh_col, en_col = detect_columns([_split(t) for _, t in body])
    if zh_col is None or en_col is None:
        if not any(len(_split(t)) > 1 for _, t in body):
            raise InputError("no tab-separated columns found (is this TSV?)", path=path, line=1)
        missing = "Chinese" if zh_col is None else "English"
        raise InputError(f"no {missing} column found in the first rows", path=path)
    return body, zh_col, en_col


def _cells(path: Path, lineno: int, text: str, needed: int, report: Report | None) -> list[str]:
    """The row's cells; a row with too few is reported (refused with --strict) and skipped."""
    cells = text.split("\t")
    if len(cells) >= needed:
        return cells
    _refused(path, lineno, text, needed, len(cells), report)
    return []


def _refused(
    path: Path, lineno: int, text: str, needed: int, found: int, report: Report | None
) -> None:
    found_text = "no tab" if found == 1 else f"{found} columns"
    reason = f"malformed TSV row: expected {needed}+ tab-separated columns, found {found_text}"
    if current().strict:
        raise InputError(reason, path=path, line=lineno)
    emit(report, str(path), lineno, text, reason)


def _measure(row: LongLine, cell: int) -> tuple[int, int, int]:
    """Hanzi, Latin letters and characters of a long line's cell, read a block at a time."""
    han = latin = chars = 0
    for part in row.text(cell):
        han, latin, chars = han + han_count(part), latin + latin_count(part), chars + len(part)
    return han, latin, chars


def _long_pair(
    path: Path,
    row: LongLine,
    columns: tuple[int, int, int | None],
    position: int,
    report: Report | None,
) -> LongPair | None:
    """The pair on a long line, its sides measured and checked as a row's are, not kept."""
    zh_col, en_col, credit_col = columns
    sample = row.head(0, 200) + " ..."
    needed = max(zh_col, en_col) + 1
    if len(row.cells) < needed:
        _refused(path, row.line, sample, needed, row.count, report)
        return None
    zh_han, _, zh_chars = _measure(row, zh_col)
    en_han, en_latin, en_chars = _measure(row, en_col)
    if not zh_han:
        emit(report, str(path), row.line, sample, f"column {zh_col + 1} has no Chinese")
        return None
    if not english_by_counts(en_han, en_latin):
        emit(report, str(path), row.line, sample, f"column {en_col + 1} has no English")
        return None
    credit = ""
    if (
        credit_col is not None
        and credit_col < len(row.cells)
        and row.size(credit_col) <= _LONG_CREDIT
    ):
        credit = "".join(row.text(credit_col)).strip()
    return LongPair(
        "",
        "",
        str(path),
        row.line,
        position,
        credit,
        row=row,
        zh_cell=zh_col,
        en_cell=en_col,
        zh_chars=zh_chars,
        en_chars=en_chars,
    )


def read_tsv(
    path: Path, report: Report | None = None, *, long_rows: bool = False
) -> Iterator[SegmentPair]:
    """Yield one pair per row; rows that cannot be paired are reported.

    With ``long_rows``, a row on a line too long to hold (``longline``) comes as a
    ``LongPair``, its sides left in the file for ``pieces.cut_long`` to read.
    """
    source = str(path)
    lines = iter_rows(path) if long_rows else iter_lines(path)
    body, zh_col, en_col = _head(path, lines)
    credit_col = credit_column([_split(t) for _, t in body], (zh_col, en_col))
    needed = max(zh_col, en_col) + 1
    position = 0
    for lineno, text in chain(body, lines):
        if isinstance(text, LongLine):
            long = _long_pair(path, text, (zh_col, en_col, credit_col), position, report)
            if long is not None:
                yield long
                position += 1
            continue
        if _skipped(text):
            continue
        cells = _cells(path, lineno, text, needed, report)
        if not cells:
            continue
        zh, en = cells[zh_col].strip(), cells[en_col].strip()
        if not has_han(zh):
            emit(report, source, lineno, text, f"column {zh_col + 1} has no Chinese")
        elif not is_english(en):
            emit(report, source, lineno, text, f"column {en_col + 1} has no English")
        else:
            credit = (
                cells[credit_col].strip()
                if credit_col is not None and credit_col < len(cells)
                else ""
            )
            yield SegmentPair(clean_zh(zh), clean_en(en), source, lineno, position, credit)
            position += 1
