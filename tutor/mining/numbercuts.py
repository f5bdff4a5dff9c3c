"""A number written in characters that the segmenter cut, joined again.

jieba cuts long numbers written in characters into pieces: 九百 / 一 / 十二岁 for 九百一十二岁
"nine hundred and twelve years", 八百 / 九十五岁, 九百 / 零 / 五岁. The pieces become fragments
(十二岁 "twelve years", 九十五岁 "ninety and five years"), and the number the translation
renders is lost. The rule ``whole_number`` joins a piece that is a number to the next one
where the next continues that number as Chinese writes numbers: a digit after 十, a digit or
零 after 百, 千, 万 or 亿 (九百 + 一), 十, 百 or 千 after a digit of a number that has a
larger unit already (九百一 + 十二岁), a digit after 零 (九百零 + 五岁). The next piece is a
number, or a number with its measure that no dictionary lists (十二岁), never a word (一起
"together", 一些).
"""

from __future__ import annotations

from collections.abc import Sequence

from tutor.mining import resources as res
from tutor.mining.pipeline import ALL_KINDS, Rewrite, Rule

__all__ = ["WHOLE_NUMBER", "join_numbers"]

DIGITS = frozenset("一二两三四五六七八九")
UNITS = frozenset("十百千")
BIG = frozenset("万亿")
NUMERALS = DIGITS | UNITS | BIG | frozenset("零〇")


def join_numbers(words: Sequence[str]) -> list[str]:
    """``words`` with each number the segmenter cut joined again (rule ``whole_number``)."""
    out: list[str] = []
    for word in words:
        if out and _numeral(out[-1]) and WHOLE_NUMBER.fires(out[-1] + word, out[-1], word):
            out[-1] += word
        else:
            out.append(word)
    return out


def _numeral(word: str) -> bool:
    return all(c in NUMERALS for c in word)


def _continues(joined: str, number: str, word: str) -> bool:
    """A number written in characters (``number``) that the next piece ``word`` continues
    as Chinese writes numbers (九百 + 一, 九百一 + 十二岁, 九百零 + 五岁), where ``word`` is a
    number or a number and its measure no dictionary lists."""
    if not word or not _next_piece(word):
        return False
    last, first = number[-1], word[0]
    if last in UNITS or last in BIG:
        return first in DIGITS or (first == "零" and last != "十")
    if last in DIGITS:
        return first in UNITS and any(c in UNITS - {"十"} or c in BIG for c in number)
    if last == "零":
        return first in DIGITS
    return False


def _next_piece(word: str) -> bool:
    if _numeral(word):
        return True
    return word[0] in NUMERALS and not res.entries(word) and res.pos(word).startswith("m")


WHOLE_NUMBER = Rule(
    "whole_number",
    "segment",
    ALL_KINDS,
    Rewrite("join the pieces of the number"),
    _continues,
    (
        "九百 / 一 / 十二岁 'nine hundred and twelve years': 九百一十二岁",
        "八百 / 九十五岁: 八百九十五岁",
        "三百 / 一起 stays apart: 一起 is a word",
    ),
)
