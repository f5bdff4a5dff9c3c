"""Splitting a paragraph into sentences and clauses, on each side, without breaking tokens.

Chinese splits after 。！？； (and their ASCII forms, which some translations use) plus any
closing quotes or brackets; its commas (，,) mark the finer clauses used when one Chinese
sentence is rendered as several English ones. English splits after . ! ? ; when what follows
starts a new sentence: never inside "23.15", after "Dr." or "e.g.", or after an initial.
"""

from __future__ import annotations

import re

__all__ = ["split_en", "split_zh", "split_zh_commas"]

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


def _split(text: str, boundary: re.Pattern[str]) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in boundary.finditer(text):
        piece = text[start : match.end()].strip()
        if piece:
            parts.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        if parts and not any(ch.isalnum() for ch in tail):
            parts[-1] += tail
        else:
            parts.append(tail)
    return parts


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
    rest = text[match.end() :]
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘([—-"):
        return False
    if terminator != ".":
        return True
    word = _WORD_BEFORE.search(text[: match.start()])
    if word is None:
        return True
    token = word.group(1).lower().strip(".")
    if token in _ABBREVIATIONS:
        return False
    # An initial ("J. K. Rowling") or a dotted acronym ("U.S.") rarely ends a sentence.
    return not (len(token) == 1 and token.isalpha())


def split_en(text: str) -> list[str]:
    """English sentences and ;-clauses, each keeping its punctuation."""
    parts: list[str] = []
    start = 0
    for match in _EN_END.finditer(text):
        if _is_boundary(text, match):
            parts.append(text[start : match.end()].strip())
            start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]
