"""Names the segmenter glued to the word beside them, cut free by the English's names.

Names written by sound are unknown to jieba's dictionary, so its statistical model makes up
words around them and often takes the next or previous character along: 拉麦娶 ("Lamech took"),
该南活 ("Cainan lived"), 生雅列 ("begat Jared"), 腓拉全 of 哈 / 腓拉全 / 地 ("the whole land of
Havilah"). Such a word links to nothing and hides the name. The rule ``glued_name`` cuts a word
that neither jieba's dictionary nor CC-CEDICT lists into a name and the rest, when the name
part (with the single character before it, joined to it) sounds like a capitalised word of
the English and the rest is a dictionary word or single characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from tutor.lang.script import has_chinese
from tutor.mining import resources as res
from tutor.mining.pipeline import ALL_KINDS, Rewrite, Rule
from tutor.mining.resources import Token
from tutor.mining.translit import CLOSE, capitalised_names, nearest

__all__ = ["GLUED_NAME", "cut_names"]

MIN_WORD = 3  # a name of two characters and one more


def cut_names(words: Sequence[str], toks: Sequence[Token]) -> list[str]:
    """``words`` with each name glued to a neighbour cut free (rule ``glued_name``)."""
    if not any(_unknown(w) for w in words):
        return list(words)
    names = capitalised_names(toks)
    if not names:
        return list(words)
    lemmas = frozenset(t.lemma for t in toks if t.is_content)
    out: list[str] = []
    for word in words:
        before = out[-1] if out and len(out[-1]) == 1 and has_chinese(out[-1]) else ""
        if not GLUED_NAME.fires(word, before, names, lemmas):
            out.append(word)
            continue
        cut = _cut(word, before, names, lemmas)
        assert cut is not None  # the rule fired: the word has a cut
        if cut[0] == "":  # the name begins with the character before: 哈 / 腓拉全 -> 哈腓拉 / 全
            out[-1] += cut[1]
            cut = cut[2:]
        out.extend(cut)
    return out


@cache
def _unknown(word: str) -> bool:
    """A word of three characters or more that the segmenter made up: in neither dictionary."""
    return len(word) >= MIN_WORD and has_chinese(word) and not res.pos(word)


def _cut(
    word: str, before: str, names: tuple[str, ...], lemmas: frozenset[str]
) -> tuple[str, ...] | None:
    """``word`` as a name and the rest, the name first or last, or None. A name that needs
    the character ``before`` to sound right comes back after an empty string. The name must
    sound closer than the whole word does, or as close when the English renders the rest
    (``lemmas``: the clause's English): 拉麦娶 sounds like "Lamech" too, and 娶 is "took"."""
    if res.entries(word) or "·" in word:
        return None  # a dictionary word, a dotted foreign name
    whole = max(CLOSE, _closest(word, names))

    def closer(name: str, rest: str) -> bool:
        near = _closest(name, names)
        return near > whole or (near >= whole and _rendered(rest, lemmas))

    for k in range(len(word) - 1, 1, -1):  # the name first, as long as it may be
        name, rest = word[:k], word[k:]
        if not _rest(rest):
            continue
        if closer(name, rest):
            return (name, *_pieces(rest))
        if before and closer(before + name, rest):
            return ("", name, *_pieces(rest))
    for k in range(1, len(word) - 1):  # the name last
        rest, name = word[:k], word[k:]
        if _rest(rest) and closer(name, rest):
            return (*_pieces(rest), name)
    return None


def _rendered(rest: str, lemmas: frozenset[str]) -> bool:
    """Whether a sense of ``rest`` (or of each of its characters) is among ``lemmas``."""
    pieces = _pieces(rest)
    return all(not lemmas.isdisjoint(res.cedict().sense_lemmas(p)) for p in pieces)


def _closest(name: str, names: tuple[str, ...]) -> float:
    """How closely ``name`` sounds like the nearest English name (0 for a common
    dictionary word)."""
    if res.entries(name) and not res.cedict().is_proper(name):
        return 0.0
    return nearest(name, names)


def _rest(rest: str) -> bool:
    return bool(res.entries(rest)) or all(res.entries(ch) for ch in rest)


def _pieces(rest: str) -> tuple[str, ...]:
    return (rest,) if res.entries(rest) else tuple(rest)


def _glued(word: str, before: str, names: tuple[str, ...], lemmas: frozenset[str]) -> bool:
    """A word neither dictionary lists that is a name the English has, written by sound, and
    a dictionary word or single characters beside it (拉麦娶 = 拉麦 "Lamech" + 娶)."""
    return _unknown(word) and _cut(word, before, names, lemmas) is not None


GLUED_NAME = Rule(
    "glued_name",
    "segment",
    ALL_KINDS,
    Rewrite("cut the name free"),
    _glued,
    ("拉麦娶 'Lamech took': 拉麦 / 娶", "生雅列 'begat Jared': 生 / 雅列"),
)
