"""Guessing a source's format from its extension and its first few kilobytes.

Extensions decide when they are unambiguous (.tmx, .srt, .tsv); otherwise the head of the
file is sniffed: XML with a <tmx> root, SubRip timing lines, rows of tab-separated Chinese and
English, and, failing those, the paragraph layout of the bundled deck. A second file (``--en``)
means two line-aligned files unless both are subtitles.
"""

from __future__ import annotations

import re
from pathlib import Path

from tutor.corpus.script import has_han
from tutor.corpus.srt import TIMING
from tutor.corpus.textfile import read_head
from tutor.corpus.tsv import detect_columns

__all__ = ["FORMATS", "detect_format"]

FORMATS = ("paragraphs", "tsv", "lines", "tmx", "srt")

_EXTENSIONS = {
    ".tmx": "tmx",
    ".srt": "srt",
    ".ass": "srt",  # every subtitle format is the "srt" format: read by tutor.corpus.subtitles
    ".ssa": "srt",
    ".vtt": "srt",
    ".tsv": "tsv",
    ".tab": "tsv",
}
_TMX_ROOT = re.compile(r"<tmx[\s>]")


def _looks_srt(head: str) -> bool:
    lines = [line for line in head.splitlines()[:20] if line.strip()]
    if lines and lines[0].strip().lstrip("\ufeff") in ("[Script Info]", "WEBVTT"):
        return True  # ASS/SSA, WebVTT without their extension
    return any(TIMING.match(line) for line in lines[:4])


def _looks_tsv(head: str) -> bool:
    rows = [
        line.split("\t") for line in head.splitlines()[:-1] or head.splitlines() if line.strip()
    ]
    rows = rows[:50]
    tabbed = [r for r in rows if len(r) > 1]
    if not tabbed or len(tabbed) * 2 < len(rows) or not any(has_han(c) for r in tabbed for c in r):
        return False
    zh_col, en_col = detect_columns(tabbed)
    return zh_col is not None and en_col is not None


def detect_format(path: Path | str, en_path: Path | str | None = None) -> str:
    """One of ``FORMATS`` for ``path`` (and the English file ``en_path``, when given)."""
    path = Path(path)
    suffix = path.suffix.lower()
    en_suffix = Path(en_path).suffix.lower() if en_path is not None else ""
    if "srt" in (_EXTENSIONS.get(suffix), _EXTENSIONS.get(en_suffix)):
        return "srt"
    if en_path is None and suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    head = read_head(path)
    if _looks_srt(head):
        return "srt"
    if en_path is not None:
        return "lines"
    if _TMX_ROOT.search(head[:4096]):
        return "tmx"
    if _looks_tsv(head):
        return "tsv"
    return "paragraphs"
