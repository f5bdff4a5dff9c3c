"""Does an English word sound like a Chinese transliteration? Consonant skeletons compared.

Foreign names are written in Chinese by sound (塞特 sài tè "Seth", 伊甸 yī diàn "Eden", 玛土撒拉
mǎ tǔ sā lā "Methuselah"), so the dictionary often lacks them and pinyin spells them only
roughly. Both sides are reduced to their consonants, each as a set of sound classes (and an
opening vowel as one more), and compared by edit distance; an English final consonant
Chinese leaves out (Lamech 拉麦, Enoch 以诺) may be dropped. A name the segmenter cut apart
is joined again when the pieces together sound like the English name (``join_sounded``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tutor.lang.script import has_chinese
from tutor.mining import resources as res
from tutor.mining.glosses import is_function_word
from tutor.mining.pipeline import Rule, Weight
from tutor.mining.resources import Token

__all__ = [
    "HEARD",
    "SOUNDS_LIKE",
    "capitalised_names",
    "join_sounded",
    "sounds_like",
    "translit_links",
    "transliterable",
]

Skeleton = tuple[frozenset[str], ...]

_B, _D, _G, _S, _F, _W = "b", "d", "g", "s", "f", "w"
_PINYIN = {
    "b": {_B}, "p": {_B}, "m": {"m"}, "f": {_F}, "d": {_D}, "t": {_D}, "n": {"n"},
    "l": {"l"}, "g": {_G}, "k": {_G}, "h": {"h", _G}, "j": {_S, _G}, "q": {_S, _G},
    "x": {_S}, "zh": {_S}, "ch": {_S, _G}, "sh": {_S}, "r": {"l"}, "z": {_S}, "c": {_S},
    "s": {_S}, "w": {_W},
}  # fmt: skip
_ENGLISH = [
    ("ph", {_F}), ("th", {_D, _S}), ("sh", {_S}), ("ch", {_G, _S}), ("ck", {_G}),
    ("gh", {_G}), ("b", {_B}), ("p", {_B}), ("m", {"m"}), ("f", {_F}), ("v", {_F, _B, _W}),
    ("w", {_W}), ("d", {_D}), ("t", {_D}), ("n", {"n"}), ("l", {"l"}), ("r", {"l"}),
    ("g", {_G, _S}), ("k", {_G}), ("q", {_G}), ("c", {_G, _S}), ("x", {_S, _G}), ("j", {_S, _G}),
    ("z", {_S}), ("s", {_S}), ("h", {"h"}),
]  # fmt: skip


_V = "V"  # a name's opening vowel: 以诺 yǐ nuò "Enoch", 亚述 "Assyria", 雅弗 "Japheth"


@cache
def zh_skeleton(hanzi: str) -> Skeleton:
    return _syllable_skeleton(res.syllables(hanzi))


@cache
def _syllable_skeleton(syllables: tuple[str, ...]) -> Skeleton:
    out: list[frozenset[str]] = []
    for k, syl in enumerate(syllables):
        for initial in (syl[:2], syl[:1]):
            if initial in _PINYIN:
                if k == 0 and initial == "w":  # 威廉 "William", 瓦拉德卡 "Varadkar", 沃 "O-"
                    out.append(frozenset({_V, _W}))
                else:
                    out.append(frozenset(_PINYIN[initial]))
                break
        else:
            if k == 0:
                out.append(frozenset({_V}))
        if syl.endswith(("n", "ng")):
            out.append(frozenset({"n"}))
        elif syl == "er":
            out.append(frozenset({"l"}))
    return tuple(out)


@cache
def en_skeleton(word: str) -> Skeleton:
    w, k = word.lower(), 0
    out: list[frozenset[str]] = []
    if w[:1] in ("a", "e", "i", "o", "u", "y"):
        out.append(frozenset({_V}))
    elif w[:1] == "j":  # the J of Hebrew names is a Y: 雅各 "Jacob", 约瑟 "Joseph"
        out.append(frozenset({_S, _G, _V}))
        k = 1
    while k < len(w):
        if _silent_r(w, k):
            k += 1
            continue
        for letters, classes in _ENGLISH:
            if w.startswith(letters, k):
                if not out or not (w[k - 1 : k] == letters[:1] and len(letters) == 1):
                    out.append(frozenset(classes))  # a doubled letter is one sound
                k += len(letters)
                break
        else:
            k += 1
    return tuple(out)


_VOWELS = frozenset("aeiouy")


def _silent_r(w: str, k: int) -> bool:
    """An r after a vowel and before a consonant or the end, which Chinese leaves out (伯格
    "berg", 罗伯特 "Robert", 伯纳斯 "Berners"); a doubled r is heard (德里 "Derry")."""
    return (
        w[k] == "r"
        and k > 0
        and w[k - 1] in _VOWELS
        and (k + 1 == len(w) or w[k + 1] not in _VOWELS and w[k + 1] != "r")
    )


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
    return _similar(zh_skeleton(hanzi), word)


@cache
def _similar(zh: Skeleton, word: str) -> float:
    en = en_skeleton(word)
    if len(zh) < 2 or not en:
        return 0.0
    best = 0.0
    for cand in (en, en[:-1]) if len(en) > 2 else (en,):
        best = max(best, 1 - _distance(zh, cand) / max(len(zh), len(cand)))
    return best


TRANSLIT = 0.8  # the link strength of a perfect match
CLOSE = 0.8  # the least similarity that links
HEARD = 0.5  # the least similarity that tells which name a capitalised word is


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
    ("塞特 'Seth', 伊甸 'Eden', 蒂姆 'Tim': linked as names", "玛土 / 撒拉: one name 'Methuselah'"),
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


MAX_JOIN = 3  # words of one name the segmenter may have cut apart


def join_sounded(words: Sequence[str], toks: Sequence[Token]) -> list[str]:
    """``words`` with each run that the segmenter cut out of one transliterated name joined
    again, when the English of the pair has that name (玛土 / 撒拉 "Methuselah", 克利 / 夫顿
    "Clifton"; rule ``sounds_like``). A run is joined only if it sounds more like a capitalised
    English word than its first word alone, so a name keeps the word after it apart (该隐 / 与
    "Cain and")."""
    pieces = [_piece(w) for w in words]
    if not _may_hold_name(pieces):
        return list(words)
    names = capitalised_names(toks)
    claimed = frozenset(n for w in words for n in _dictionary_names(w))
    names = tuple(n for n in names if n not in claimed)  # another word's already: 甘地 "Gandhi"
    if not names:
        return list(words)
    out: list[str] = []
    k = 0
    while k < len(words):
        end = _name_run(words, pieces, k, names) if pieces[k] else k + 1
        out.append("".join(words[k:end]))
        k = end
    return out


def capitalised_names(toks: Sequence[Token]) -> tuple[str, ...]:
    """The capitalised words of ``toks`` that do not merely start a sentence (as
    ``_inside_capital`` says, without a call per token)."""
    return tuple(
        t.text
        for prev, t in zip(toks, toks[1:], strict=False)
        if t.capital and t.is_content and prev.text not in _OPENERS
    )


def _name_run(words: Sequence[str], pieces: Sequence[int], k: int, names: tuple[str, ...]) -> int:
    """Where the run of words from ``k`` that is one name by sound ends (k + 1: no run).

    Every word of a run is a single character or a word the dictionary does not know as a
    common one, never a grammatical word (在, 和, 与 before a name stay apart), and the run
    sounds exactly like the name over three consonants or more."""
    if k + 1 >= len(words) or pieces[k + 1] not in _INNER:
        return k + 1
    end, best = k + 1, -1.0
    for stop in range(k + 2, min(len(words), k + MAX_JOIN) + 1):
        if pieces[stop - 1] not in _INNER:
            break
        run = "".join(words[k:stop])
        # the pieces' own readings: cheaper than reading the run again, and the same sounds
        skeleton = _syllable_skeleton(tuple(s for w in words[k:stop] for s in res.syllables(w)))
        if len(skeleton) < MIN_JOINED or not transliterable(run):
            continue
        name = next((n for n in names if _same_sounds(skeleton, en_skeleton(n))), None)
        if name is None or (
            pieces[k] == _LEAD and _closeness("".join(words[k + 1 : stop]), (name,)) >= CLOSE
        ):
            continue  # a grammatical word opens a name only when the name needs its sound
        if best < 0:
            best = _closeness(words[k], names)
        if _better(best, skeleton, words[k:stop], name) and SOUNDS_LIKE.fires(run, name):
            end, best = stop, 2.0
    return end


def _better(best: float, run: Skeleton, words: Sequence[str], name: str) -> bool:
    """Whether the run of ``words`` sounds more like ``name`` than its first word alone
    (closeness ``best``): the first word is further off, or it matches only by leaving out
    the name's final consonant while single characters after it complete every sound (希尔 /
    薇 "Sylvie")."""
    if best < 1.0:
        return True
    if best > 1.0 or any(len(w) > 1 for w in words[1:]):
        return False  # a shorter run already had every sound, or whole words follow
    en = en_skeleton(name)
    return _every_sound(run, en) and not _every_sound(zh_skeleton(words[0]), en)


def _every_sound(zh: Skeleton, en: Skeleton) -> bool:
    return len(zh) == len(en) and all(a & b for a, b in zip(zh, en, strict=True))


MIN_JOINED = 3


def _same_sounds(zh: Skeleton, en: Skeleton) -> bool:
    """``sounds_like`` at 1.0, without the edit distance: sound by sound, the English final
    consonant Chinese leaves out aside."""
    if len(en) > 2 and len(zh) == len(en) - 1:
        en = en[:-1]
    return _every_sound(zh, en)


_NONE, _SHORT, _LONG, _LEAD = 0, 1, 2, 3
_INNER = (_SHORT, _LONG)


@cache
def _piece(word: str) -> int:
    """Whether ``word`` may be part of a name cut apart: a single character (_SHORT) or a word
    unknown to the dictionary or a name in it (_LONG). A one-character grammatical word may
    only open a name (以 of 以挪士 "Enos", 该 of 该南 "Cainan": _LEAD); a longer one is none
    (_NONE)."""
    if not has_chinese(word):
        return _NONE
    if is_function_word(word):
        return _LEAD if len(word) == 1 else _NONE
    if len(word) == 1:
        return _SHORT
    return _LONG if transliterable(word) else _NONE


def _may_hold_name(pieces: Sequence[int]) -> bool:
    """A name cut apart leaves a piece of two characters or more, or three single characters
    in a row (哈 / 腓 / 拉 "Havilah"); a text without either has nothing to join."""
    if _LONG in pieces:
        return True
    run = 0
    for piece in pieces:
        run = run + 1 if piece in (_SHORT, _LEAD) else 0
        if run >= MIN_JOINED:
            return True
    return False


@cache
def _dictionary_names(word: str) -> frozenset[str]:
    """The capitalised words of ``word``'s dictionary senses: the names it already stands for."""
    if not has_chinese(word):
        return frozenset()
    return frozenset(
        w for e in res.entries(word) for m in e.meanings for w in _CAPITALISED.findall(m)
    )


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")


def _closeness(hanzi: str, names: tuple[str, ...]) -> float:
    """How closely ``hanzi``, if it may be a name written by sound, sounds like the nearest
    of ``names``."""
    return nearest(hanzi, names) if transliterable(hanzi) else 0.0


def nearest(hanzi: str, names: tuple[str, ...]) -> float:
    """How closely ``hanzi`` sounds like the nearest of ``names`` (0 when there are none)."""
    return max((sounds_like(hanzi, name) for name in names), default=0.0)
