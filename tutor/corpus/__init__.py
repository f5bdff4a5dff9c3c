"""Readers for aligned Chinese-English sources, format detection, and clause alignment.

``read_pairs`` streams ``SegmentPair``s from any supported format ("paragraphs", "tsv",
"lines", "tmx", "srt"); ``validate`` checks a whole source up front so the CLI can refuse bad
input before it touches the database; ``align_clauses`` splits a paragraph pair into aligned
sentence and clause pairs, the short examples mining attaches to each entry.
"""

from __future__ import annotations

from tutor.corpus.clauses import align_clauses, example_for
from tutor.corpus.detect import FORMATS, detect_format
from tutor.corpus.reader import read_pairs, validate
from tutor.corpus.unpaired import Unpaired

__all__ = [
    "FORMATS",
    "Unpaired",
    "align_clauses",
    "detect_format",
    "example_for",
    "read_pairs",
    "validate",
]
