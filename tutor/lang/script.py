"""Which script a text is in, and conversion between simplified and traditional.

Readers use ``has_chinese``/``has_latin`` to tell the Chinese side of a pair from the English
one and to reject files that have neither; conversion uses CC-CEDICT's paired headwords (word
first, then character by character), which is right for vocabulary even if not for prose.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = [
    "HAN_CLASS",
    "chinese_ratio",
    "has_chinese",
    "han_count",
    "has_latin",
    "is_cjk_punct",
    "is_hanzi",
    "latin_count",
    "to_simplified",
    "to_traditional",
]

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B-F (and beyond),
# plus 〇, which is used as a numeral (二〇二四).
_HAN_RANGES = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0xF900, 0xFAFF),
    (0x20000, 0x323AF),
    (0x3007, 0x3007),
)
#: The same ranges as the body of a regex character class, for patterns built on hanzi.
HAN_CLASS = r"\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U000323af\u3007"
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


@cache
def _han_re() -> re.Pattern[str]:
    # compiled on first use: the astral range makes this a 2-3 ms compile, paid at import by
    # every launch of the study screen otherwise
    return re.compile(f"[{HAN_CLASS}]")


def is_hanzi(ch: str) -> bool:
    """True for one Chinese character (CJK ideograph), False for punctuation, kana, Latin."""
    if len(ch) != 1:
        return False
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


def is_cjk_punct(ch: str) -> bool:
    """Full-width and CJK punctuation (，。、；：？！“”《》 …)."""
    cp = ord(ch) if len(ch) == 1 else -1
    return 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFF65 or ch in "“”‘’…—·"


def has_chinese(text: str) -> bool:
    return _han_re().search(text) is not None


def has_latin(text: str) -> bool:
    return _LATIN_RE.search(text) is not None


def han_count(text: str) -> int:
    return _count(_han_re(), text)


def latin_count(text: str) -> int:
    return _count(_LATIN_RE, text)


_BLOCK = 1 << 16  # characters matched at a time: a list of every match of a book is large


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Matches of a one-character ``pattern`` in ``text``, in blocks (a match cannot straddle
    one), so a huge text costs a block's list of matches, not a list of all of them."""
    if len(text) <= _BLOCK:
        return len(pattern.findall(text))
    return sum(len(pattern.findall(text, k, k + _BLOCK)) for k in range(0, len(text), _BLOCK))


def chinese_ratio(text: str) -> float:
    """Share of letters (hanzi + Latin letters) that are hanzi; 0.0 for text with neither.

    Digits, spaces and punctuation are ignored, so "2024年" is all Chinese and
    "GDP增长5.2%" is 2/5 Chinese.
    """
    han = han_count(text)
    latin = latin_count(text)
    total = han + latin
    return han / total if total else 0.0


def to_simplified(text: str) -> str:
    """Simplified form of ``text`` via CC-CEDICT (words the dictionary lacks stay as they are)."""
    from tutor.lang.cedict import load_cedict

    return load_cedict().simplified(text)


def to_traditional(text: str) -> str:
    """Traditional form of ``text`` via CC-CEDICT (words the dictionary lacks stay as they are)."""
    from tutor.lang.cedict import load_cedict

    return load_cedict().traditional(text)
