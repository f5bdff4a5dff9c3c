"""Numbers on both sides, so "2315万" can be linked to "23.15 million" and "第四" to "fourth".

Numbers are the most reliable anchors an aligner has: their value does not depend on wording.
Chinese text writes them in digits with 万/亿 multipliers or in characters (三, 十六, 第二);
English in digits with thousands separators, with million/billion, or in words (eight, third).
Both sides are reduced to values and compared.
"""

from __future__ import annotations

import math
import re
from functools import cache

from tutor.mining.resources import Token
from tutor.mining.resources import entries as cedict_lists

__all__ = [
    "SCALE_WORDS",
    "en_number_spans",
    "en_value",
    "split_numbers",
    "zh_count",
    "zh_percent",
    "zh_value",
]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_DIGITS.update({"七": 7, "八": 8, "九": 9})
_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_ZH_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[万亿]+)?(?:余|多)?")
_HAN_NUMBER = re.compile(r"第?[零〇一二两三四五六七八九十百千万亿]+")

_EN_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_EN_WORDS.update(
    {w: 10 * k for k, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)}
)
_EN_ORDINALS = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh"
        " twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
        " twentieth".split()
    )
}
_EN_SCALE = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_WORDS = frozenset(_EN_SCALE)  # "hundred years old" writes a number without its digit


def _han_value(text: str) -> float | None:
    """Value of a number written in characters (十六 -> 16, 三千五百 -> 3500)."""
    total, section, digit = 0.0, 0.0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        elif ch in _BIG:
            section += digit or 0
            total += (section or 1) * _BIG[ch]
            section, digit = 0.0, None
        else:
            return None
    return total + section + (digit or 0)


@cache
def zh_value(token: str) -> float | None:
    """The value a Chinese token writes, or None ("2315万" -> 23150000, "第四" -> 4)."""
    t = token.removeprefix("第").rstrip("余多")
    if not t:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([万亿]*)", t)
    if m:
        value = float(m.group(1))
        for ch in m.group(2):
            value *= _BIG[ch]
        return value
    if all(c in _DIGITS or c in _UNITS or c in _BIG for c in t):
        if len(t) == 1 and t in _BIG:
            return None
        return _han_value(t)
    return None


@cache
def zh_count(token: str) -> tuple[float, str] | None:
    """A number with the one-character unit or measure word after it: "三年" -> (3, "年").

    "二期" (phase two), "第十六届" (sixteenth session), "三校" (three schools): the number is
    linked by value and the unit by its dictionary sense beside it ("three-year", "Phase II").
    """
    if len(token) < 2 or not ("\u3400" <= token[-1] <= "\u9fff") or token[-1] in _BIG:
        return None
    value = zh_value(token[:-1])
    if value is not None:
        return value, token[-1]
    return _count_of_two(token) if len(token) >= 3 else None


def _count_of_two(token: str) -> tuple[float, str] | None:
    """A number with a unit of two characters the dictionary lists ("二十分钟" -> (20,
    "分钟"), "30光年"), or with 个 and a one-character unit ("三个月" -> (3, "月")); never a
    word the dictionary lists whole (二十面体 "icosahedron", 第一夫人 "First Lady")."""
    value = zh_value(token[:-2])
    unit = token[-2:]
    if value is None or unit[1] in _BIG or cedict_lists(token):
        return None
    if unit[0] == "个":
        return value, unit[1]
    return (value, unit) if cedict_lists(unit) else None


@cache
def zh_percent(token: str) -> float | None:
    """The percentage a Chinese token writes ("百分之五十" -> 50, "百分之3.5" -> 3.5), or None.

    Kept apart from ``zh_value``: the English writes the number and "percent" ("50 percent",
    "50%"), so the number is linked by value and "percent" beside it by ``links``.
    """
    rest = token.removeprefix("百分之")
    if rest == token or not rest:
        return None
    return zh_value(rest)


_ROMAN = re.compile(r"(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}


def _roman(text: str) -> float | None:
    """Upper-case Roman numerals of two letters or more ("Phase II"); a lone "I" is a pronoun."""
    if not _ROMAN.fullmatch(text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        v = _ROMAN_VALUE[a]
        total += -v if b != " " and _ROMAN_VALUE[b] > v else v
    return float(total)


def split_numbers(text: str, words: list[str]) -> list[str]:
    """Re-cut segmented words so each digit number (with 万/亿) is one token of its own.

    jieba may glue "万" to the unit after it ("2315", "万平方米"); the number "2315万" and the
    unit "平方米" are what the translation renders, so the cut follows the number's edges.
    """
    cuts: set[int] = set()
    pos = 0
    for w in words:
        idx = text.find(w, pos)
        if idx < 0:  # segmentation changed the text (should not happen); keep it as it was
            return words
        cuts.add(idx)
        pos = idx + len(w)
        cuts.add(pos)
    for m in _ZH_NUMBER.finditer(text):
        cuts = {c for c in cuts if not m.start() < c < m.end()}
        cuts.update((m.start(), m.end()))
    ordered = sorted(cuts)
    out = [text[a:b] for a, b in zip(ordered, ordered[1:], strict=False)]
    return [w for w in out if w.strip()]


def _en_token_value(tok: Token) -> tuple[float, bool] | None:
    return _token_value(tok.low, tok.text)


def en_value(tok: Token) -> float | None:
    """The value an English token writes on its own ("three", "3", "third"), or None."""
    got = _token_value(tok.low, tok.text)
    return None if got is None else got[0]


@cache  # a word's value depends only on how it is written: work it out once per process
def _token_value(low: str, text: str) -> tuple[float, bool] | None:
    low = low.rstrip("%")
    if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", low):
        return float(low.replace(",", "")), False
    if low in _EN_WORDS:
        return float(_EN_WORDS[low]), False
    if low in _EN_ORDINALS:
        return float(_EN_ORDINALS[low]), True
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", low)
    if m:
        return float(m.group(1)), True
    roman = _roman(text)
    if roman is not None:
        return roman, False
    return None


def en_number_spans(tokens: list[Token]) -> list[tuple[int, int, float]]:
    """(start, end, value) of each English number, scale words included ("23.15 million"),
    numbers spelled out as a whole ("nine hundred and twelve", "eight hundred ninety and
    five", "an hundred", "twenty-one")."""
    spans = []
    i = 0
    while i < len(tokens):
        got = _spelled(tokens, i) or _written(tokens, i)
        if got is None:
            i += 1
            continue
        j, value = got
        spans.append((i, j, value))
        i = j
    return spans


def _written(tokens: list[Token], i: int) -> tuple[int, float] | None:
    """The end and value of the number token at ``i`` with the scale words after it."""
    got = _en_token_value(tokens[i])
    if got is None:
        return None
    value = got[0]
    j = i + 1
    while j < len(tokens) and tokens[j].low in _EN_SCALE:
        value *= _EN_SCALE[tokens[j].low]
        j += 1
    return j, value


_ARTICLES = frozenset(("a", "an"))
_GROUP_SCALES = {w: v for w, v in _EN_SCALE.items() if w != "hundred"}  # close a group


def _spelled(tokens: list[Token], i: int) -> tuple[int, float] | None:
    """The end and value of a number spelled out in words from ``i`` when it takes more than
    one number word and so more than ``_written`` reads; None otherwise."""
    total, group, last, end, words = 0.0, 0.0, "", i, 0
    j = i
    if tokens[i].low in _ARTICLES and i + 1 < len(tokens) and tokens[i + 1].low in _EN_SCALE:
        group, last, j = 1.0, "unit", i + 1  # "an hundred", "a thousand"
    while j < len(tokens):
        low = tokens[j].low
        step = _spelled_step(low, group, last)
        if step is not None:
            group, last = step
            if low in _GROUP_SCALES:
                total, group = total + group, 0.0
            j, end, words = j + 1, j + 1, words + 1
        elif low in ("and", "-") and _joins(tokens, j, last):
            j += 1
        else:
            break
    return (end, total + group) if words >= 2 else None


def _spelled_step(low: str, group: float, last: str) -> tuple[float, str] | None:
    """The group's value and the kind of word read after the number word ``low``, or None
    when ``low`` does not continue the number read so far (``last`` is the kind before)."""
    if low in _EN_WORDS:
        n = _EN_WORDS[low]
        kind = "tens" if n >= 20 else "unit"
        if last in ("", "hundred", "scale") or (last == "tens" and n < 10):
            return group + n, kind
        return None
    if low == "hundred" and last == "unit" and 0 < group % 100 < 10:
        return group - group % 100 + (group % 100) * 100, "hundred"
    if low in _GROUP_SCALES and last in ("unit", "tens", "hundred"):
        return group * _GROUP_SCALES[low], "scale"
    return None


def _joins(tokens: list[Token], j: int, last: str) -> bool:
    """Whether "and" or a hyphen at ``j`` joins two parts of one number: "hundred and
    twelve", "ninety and five", "twenty-one"; never "one and two"."""
    if j + 1 >= len(tokens) or tokens[j + 1].low not in _EN_WORDS:
        return False
    if tokens[j].low == "-":
        return last == "tens" and _EN_WORDS[tokens[j + 1].low] < 10
    return last in ("hundred", "scale") or (last == "tens" and _EN_WORDS[tokens[j + 1].low] < 10)


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
