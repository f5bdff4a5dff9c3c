"""Splitting a paragraph into sentences and clauses, on each side, without breaking tokens.

Chinese splits after 。！？； (and their ASCII forms, which some translations use) plus any
closing quotes or brackets; its commas (，,) mark the finer clauses used when one Chinese
sentence is rendered as several English ones. English splits after . ! ? ; when what follows
starts a new sentence: never inside "23.15", after "Dr." or "e.g.", or after an initial.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = [
    "iter_en",
    "iter_en_chunks",
    "iter_zh",
    "iter_zh_chunks",
    "split_en",
    "split_zh",
    "split_zh_commas",
]

_CLOSERS = re.escape("”’」』）)］]》\"'")
_ZH_END = re.compile(rf"[。！？；;!?…]+[{_CLOSERS}]*")
_ZH_COMMA = re.compile(rf"[，,][{_CLOSERS}]*")
# A candidate English boundary: terminator, optional closing quotes, whitespace.
_EN_END = re.compile(r"([.!?;]+)([\"'”’)\]]*)(\s+)")
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "mt",
    "no",
    "nos",
    "vol",
    "fig",
    "figs",
    "p",
    "pp",
    "ch",
    "sec",
    "art",
    "co",
    "corp",
    "inc",
    "ltd",
    "dept",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "rev",
    "hon",
    "vs",
    "etc",
    "approx",
    "est",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "e.g",
    "i.e",
    "cf",
    "al",
    "u.s",
    "u.k",
    "u.n",
    "a.m",
    "p.m",
    "ph.d",
    "b.a",
    "m.a",
    "ave",
    "rd",
    "blvd",
}
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def _iter_split(text: str, boundary: re.Pattern[str], last: str | None = None) -> Iterator[str]:
    """Pieces of ``text`` up to each ``boundary``; ``last`` is a piece before ``text`` not
    yielded yet (a tail without letters or digits joins the piece before it)."""
    start = 0
    for match in boundary.finditer(text):
        piece = text[start : match.end()].strip()
        if piece:
            if last is not None:
                yield last
            last = piece
        start = match.end()
    tail = text[start:].strip()
    if tail and last is not None and not any(ch.isalnum() for ch in tail):
        last += tail
        tail = ""
    if last is not None:
        yield last
    if tail:
        yield tail


def _split(text: str, boundary: re.Pattern[str]) -> list[str]:
    return list(_iter_split(text, boundary))


def iter_zh(text: str) -> Iterator[str]:
    """``split_zh`` one sentence at a time."""
    return _iter_split(text, _ZH_END)


def iter_zh_chunks(chunks: Iterable[str]) -> Iterator[str]:
    """``iter_zh`` of the text ``chunks`` make when joined, holding one chunk and the sentence
    in progress, not the text: a boundary is taken once a character follows it."""
    rest = ""
    last: str | None = None
    for chunk in chunks:
        rest += chunk
        start = 0
        for match in _ZH_END.finditer(rest):
            if match.end() >= len(rest):  # the run of stops or closers may go on
                break
            piece = rest[start : match.end()].strip()
            if piece:
                if last is not None:
                    yield last
                last = piece
            start = match.end()
        rest = rest[start:]
    yield from _iter_split(rest, _ZH_END, last)


def split_zh(text: str) -> list[str]:
    """Chinese sentences and ；-clauses, each keeping its punctuation."""
    return _split(text, _ZH_END)


def split_zh_commas(text: str) -> list[str]:
    """Comma clauses of one Chinese sentence."""
    return _split(text, _ZH_COMMA)


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    terminator = match.group(1)
    if ";" in terminator:
        return True
    # one character, not the rest of the text: a copy per boundary is quadratic on a long line
    rest = text[match.end() : match.end() + 1]
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘([—-"):
        return False
    if terminator != ".":
        return True
    word = _word_before(text, match.start())
    if word is None:
        return True
    token = word.group(1).lower().strip(".")
    if token in _ABBREVIATIONS:
        return False
    # An initial ("J. K. Rowling") or a dotted acronym ("U.S.") rarely ends a sentence.
    return not (len(token) == 1 and token.isalpha())


def _word_before(text: str, end: int) -> re.Match[str] | None:
    """``_WORD_BEFORE`` at ``end``, looking at a short window first (the same answer unless
    the word fills the window)."""
    start = max(0, end - _WINDOW)
    word = _WORD_BEFORE.search(text, start, end)
    if word is not None and word.start() == start and start > 0:
        return _WORD_BEFORE.search(text[:end])
    return word


_WINDOW = 64


def iter_en(text: str) -> Iterator[str]:
    """``split_en`` one sentence at a time."""
    start = 0
    for match in _EN_END.finditer(text):
        if _is_boundary(text, match):
            part = text[start : match.end()].strip()
            if part:
                yield part
            start = match.end()
    tail = text[start:].strip()
    if tail:
        yield tail


def iter_en_chunks(chunks: Iterable[str]) -> Iterator[str]:
    """``iter_en`` of the text ``chunks`` make when joined, one chunk and the sentence in
    progress held at a time. A boundary is decided once a character follows it (what
    ``_is_boundary`` looks at); the word before it lies in the sentence in progress, as the
    text before that ends in whitespace."""
    rest = ""
    for chunk in chunks:
        rest += chunk
        start = 0
        for match in _EN_END.finditer(rest):
            if match.end() >= len(rest):  # the spaces may go on, the next letter is unseen
                break
            if _is_boundary(rest, match):
                part = rest[start : match.end()].strip()
                if part:
                    yield part
                start = match.end()
        rest = rest[start:]
    yield from iter_en(rest)


def split_en(text: str) -> list[str]:
    """English sentences and ;-clauses, each keeping its punctuation."""
    return list(iter_en(text))
