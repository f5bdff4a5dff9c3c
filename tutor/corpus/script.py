"""Which writing system a piece of text is in: the one test every reader uses to tell sides apart.

A line is Chinese when it carries a fair share of hanzi (Chinese text often holds Latin words
such as "5G" or "COVID-19", and English text sometimes quotes a name in hanzi), English when
it has Latin words and at most a few hanzi.
"""

from __future__ import annotations

from typing import Literal

from tutor.lang.script import han_count, has_latin, latin_count
from tutor.lang.script import has_chinese as has_han

__all__ = [
    "Side",
    "classify",
    "english_by_counts",
    "han_count",
    "has_han",
    "is_chinese",
    "is_english",
    "latin_count",
]

Side = Literal["zh", "en"]

# One hanzi carries about as much as four Latin letters; below that share a line is English.
_HAN_WEIGHT = 4


def is_chinese(text: str) -> bool:
    han = han_count(text)
    return han > 0 and han * _HAN_WEIGHT >= latin_count(text)


def is_english(text: str) -> bool:
    if not has_han(text):  # the common case, decided without counting every letter
        return has_latin(text)
    return english_by_counts(han_count(text), latin_count(text))


def english_by_counts(han: int, latin: int) -> bool:
    """``is_english`` of a text with ``han`` hanzi and ``latin`` Latin letters (a text read in
    parts, whose counts add up)."""
    return latin >= 1 and han * _HAN_WEIGHT < latin


def classify(text: str) -> Side | None:
    """``"zh"``, ``"en"`` or ``None`` for a line with neither (numbers, punctuation, blank)."""
    if is_chinese(text):
        return "zh"
    if is_english(text):
        return "en"
    return None
