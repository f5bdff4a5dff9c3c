"""pypinyin's tone-marked readings, kept on disk between runs.

pypinyin's first answer loads its phrase table and trains its segmenter (about a quarter
second); a ``DiskMemo`` keyed by pypinyin's version keeps every answer, so text read before
never loads it. Everything else reads pypinyin through here.
"""

from __future__ import annotations

from functools import cache

from tutor.lang.memo import DiskMemo

__all__ = ["pypinyin_word", "tone_marks"]


def _pypinyin_tone(text: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(text, style=Style.TONE, errors="default", v_to_u=True))


#: pypinyin's reading of ``text``, one tone-marked syllable (or non-hanzi run) per item
tone_marks = DiskMemo("pypinyin-tone", "pypinyin", _pypinyin_tone)


@cache
def pypinyin_word(word: str) -> str:
    """pypinyin's reading for a run of hanzi, as spaced tone marks (it handles polyphones)."""
    return " ".join(tone_marks(word))
