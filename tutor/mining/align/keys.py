"""Token normalisation for word alignment.

The aligner's statistics are sparse, especially on a learner's dozen sentences, so both sides are
mapped to a smaller vocabulary before alignment: English tokens are lowercased and lemmatised
("oceans" and "Ocean" count as one word), Chinese full-width digits and letters become ASCII.
Links are computed on these keys and reported against the original token positions, which
never change (normalisation is one key per token).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from tutor.lang.english import STOPWORDS, lemma

__all__ = [
    "EN_STOPWORDS",
    "en_key",
    "en_keys",
    "is_punct",
    "zh_key",
    "zh_keys",
]

# Function words, and dictionary-gloss filler, that no Chinese word should be primed towards.
EN_STOPWORDS: frozenset[str] = STOPWORDS | frozenset(
    "sb sth someone something somebody lit fig esp usu used etc make get give take put".split()
)

_PUNCT_CATEGORIES = ("P", "S")


@lru_cache(maxsize=200_000)
def en_key(token: str) -> str:
    """The alignment key of an English token: lowercase lemma ("conjectured" -> "conjecture")."""
    key = lemma(token)
    return key if key else token.lower()


def en_keys(tokens: Sequence[str]) -> list[str]:
    """Keys of a tokenised English sentence, one per token."""
    return [en_key(t) for t in tokens]


@lru_cache(maxsize=200_000)
def zh_key(token: str) -> str:
    """Alignment key of a Chinese token: NFKC (full-width digits, letters to ASCII), lowercase."""
    return unicodedata.normalize("NFKC", token).lower()


def zh_keys(tokens: Sequence[str]) -> list[str]:
    """Keys of a tokenised Chinese sentence, one per token."""
    return [zh_key(t) for t in tokens]


_PUNCT_RE = re.compile(r"^\W+$")


def is_punct(token: str) -> bool:
    """True for a token made only of punctuation or symbols (。 , “ -LRB- is not: it is a word)."""
    return bool(token) and all(unicodedata.category(ch)[0] in _PUNCT_CATEGORIES for ch in token)
