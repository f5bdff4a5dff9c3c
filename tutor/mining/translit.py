"""Does an English word sound like a Chinese transliteration? Consonant skeletons compared.

Foreign names are written in Chinese by sound (塞特 sài tè "Seth", 伊甸 yī diàn "Eden", 玛土撒拉
mǎ tǔ sā lā "Methuselah"), so the dictionary often lacks them and pinyin spells them only
roughly. Both sides are reduced to their consonants, each as a set of sound classes, and
compared by edit distance; an English final consonant Chinese leaves out (Lamech 拉麦,
Enoch 以诺) may be dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from tutor.lang.script import has_chinese
from tutor.mining import resources as res
from tutor.mining.pipeline import Rule, Weight
from tutor.mining.resources import Token

__all__ = ["SOUNDS_LIKE", "sounds_like", "translit_links", "transliterable"]

Skeleton = tuple[frozenset[str], ...]

_B, _D, _G, _S, _F = "b", "d", "g", "s", "f"
_PINYIN = {
    "b": {_B}, "p": {_B}, "m": {"m"}, "f": {_F}, "d": {_D}, "t": {_D}, "n": {"n"},
    "l": {"l"}, "g": {_G}, "k": {_G}, "h": {"h", _G}, "j": {_S, _G}, "q": {_S, _G},
    "x": {_S}, "zh": {_S}, "ch": {_S, _G}, "sh": {_S}, "r": {"l"}, "z": {_S}, "c": {_S},
    "s": {_S},
}  # fmt: skip
_ENGLISH = [
    ("ph", {_F}), ("th", {_D, _S}), ("sh", {_S}), ("ch", {_G, _S}), ("ck", {_G}),
    ("gh", {_G}), ("b", {_B}), ("p", {_B}), ("m", {"m"}), ("f", {_F}), ("v", {_F, _B}),
    ("d", {_D}), ("t", {_D}), ("n", {"n"}), ("l", {"l"}), ("r", {"l"}), ("g", {_G, _S}),
    ("k", {_G}), ("q", {_G}), ("c", {_G, _S}), ("x", {_S, _G}), ("j", {_S, _G}),
    ("z", {_S}), ("s", {_S}), ("h", {"h"}),
]  # fmt: skip


@cache
def zh_skeleton(hanzi: str) -> Skeleton:
    out: list[frozenset[str]] = []
    for syl in res.syllables(hanzi):
        for initial in (syl[:2], syl[:1]):
            if initial in _PINYIN:
                out.append(frozenset(_PINYIN[initial]))
                break
        if syl.endswith(("n", "ng")):
            out.append(frozenset({"n"}))
        elif syl == "er":
            out.append(frozenset({"l"}))
    return tuple(out)


@cache
def en_skeleton(word: str) -> Skeleton:
    w, k = word.lower(), 0
    out: list[frozenset[str]] = []
    while k < len(w):
        for letters, classes in _ENGLISH:
            if w.startswith(letters, k):
                if not out or not (w[k - 1 : k] == letters[:1] and len(letters) == 1):
                    out.append(frozenset(classes))  # a doubled letter is one sound
                k += len(letters)
                break
        else:
            k += 1
    return tuple(out)


def _distance(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (0 if x & y else 1)))
        prev = cur
    return prev[-1]


@cache
def sounds_like(hanzi: str, word: str) -> float:
    """How closely ``word`` sounds like ``hanzi`` read as a transliteration, 0 to 1."""
    zh, en = zh_skeleton(hanzi), en_skeleton(word)
    if len(zh) < 2 or not en:
        return 0.0
    best = 0.0
    for cand in (en, en[:-1]) if len(en) > 2 else (en,):
        best = max(best, 1 - _distance(zh, cand) / max(len(zh), len(cand)))
    return best


TRANSLIT = 0.8  # the link strength of a perfect match
CLOSE = 0.8  # the least similarity that links


def _transliteration(hanzi: str, word: str) -> bool:
    """A Chinese word the dictionary has no common sense for that sounds like an English
    name (塞特 "Seth", 蒂姆 "Tim", 佩洛西 "Pelosi"): the translator wrote the same name."""
    return sounds_like(hanzi, word) >= CLOSE


def _inside_capital(toks: Sequence[Token], j: int) -> bool:
    """A capitalised word that does not merely start a sentence: where a name may be."""
    tok = toks[j]
    return tok.capital and tok.is_content and j > 0 and toks[j - 1].text not in _OPENERS


_OPENERS = frozenset('.!?;:"“(')

SOUNDS_LIKE = Rule(
    "sounds_like",
    "link",
    frozenset(("name",)),
    Weight(TRANSLIT),
    _transliteration,
    ("塞特 'Seth', 伊甸 'Eden', 蒂姆 'Tim': linked as names",),
)


@cache
def transliterable(hanzi: str) -> bool:
    """A word that may be a foreign name written by sound: two or more characters, unknown to
    the dictionary or a proper name in it."""
    if len(hanzi) < 2 or not has_chinese(hanzi):
        return False
    return not res.entries(hanzi) or res.cedict().is_proper(hanzi)


def translit_links(hanzi: str, toks: Sequence[Token]) -> dict[int, float]:
    """Links from ``hanzi`` to the English words that sound like it (rule ``sounds_like``)."""
    return {
        j: TRANSLIT * sounds_like(hanzi, t.text)
        for j, t in enumerate(toks)
        if _inside_capital(toks, j) and SOUNDS_LIKE.fires(hanzi, t.text)
    }
