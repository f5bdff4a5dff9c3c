"""Dictionary priors for the statistical aligner.

eflomal treats a ``LEX zh en alpha`` line as ``alpha`` pseudo-observations of ``zh`` translated
as ``en`` before it has seen any text. Built from CC-CEDICT senses, they tell the aligner on a
dozen sentences what it would otherwise need thousands of pairs to learn: that 海洋 is "ocean".

Only pairs whose both keys occur in the text being aligned are produced, so the priors file stays
small however large the dictionary is. A Chinese token also gets weaker priors from the
dictionary words inside it (中关村科技园 -> 科技, 园) and weaker still from its characters,
because segmenters emit many compounds the dictionary does not list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from tutor.lang.english import STOPWORDS
from tutor.mining.align.keys import EN_STOPWORDS, en_key

__all__ = [
    "DictionaryLike",
    "PriorWeights",
    "dictionary_words",
    "function_keys",
    "gloss_keys",
    "lexical_priors",
    "subwords",
]


class _EntryLike(Protocol):
    @property
    def meanings(self) -> tuple[str, ...]: ...


class DictionaryLike(Protocol):
    """What the priors need of tutor.lang's Cedict: ``lookup(word)`` -> entries with senses."""

    def lookup(self, word: str) -> Iterable[_EntryLike]: ...


@dataclass(frozen=True)
class PriorWeights:
    """Pseudo-counts per dictionary evidence; whole words are trusted most."""

    word: float = 2.0
    subword: float = 0.5
    char: float = 0.1
    function: float = 0.5  # senses made of function words only (的 -> of, 在 -> at)


_SKIP_SENSE = re.compile(
    r"^(CL:|variant of|old variant|see |also written|abbr\. for|used in)", re.I
)
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+(?:\.\d+)?")


@lru_cache(maxsize=50_000)
def _sense_keys(sense: str) -> frozenset[str]:
    if _SKIP_SENSE.match(sense.strip()):
        return frozenset()
    text = _PAREN.sub(" ", sense)
    keys = set()
    for word in _WORD.findall(text):
        key = en_key(word.strip("'-"))
        if key and key not in EN_STOPWORDS:
            keys.add(key)
    return frozenset(keys)


@lru_cache(maxsize=50_000)
def _function_sense_keys(sense: str) -> frozenset[str]:
    if _SKIP_SENSE.match(sense.strip()):
        return frozenset()
    keys: set[str] = set()
    for part in re.split(r"[;,]", _PAREN.sub(" ", sense)):
        if part.strip() == "~'s":
            keys.add("'s")  # 的: the possessive
            continue
        words = [w.strip("'-").lower() for w in _WORD.findall(part)]
        if len(words) > 1 and words[0] == "to":
            words = words[1:]  # "to be at": the infinitive's "to" is not a translation
        if words and all(w in STOPWORDS for w in words):
            keys.update(en_key(w) for w in words)
    return frozenset(keys)


def function_keys(cedict: DictionaryLike, word: str) -> frozenset[str]:
    """English function words a dictionary sense of ``word`` consists of (在 -> at, in).

    ``gloss_keys`` leaves function words out, since "the" or "of" in a gloss of a content word
    is filler; a sense made of nothing else ("of; ~'s" of 的) is the word's translation.
    """
    keys: set[str] = set()
    for entry in cedict.lookup(word):
        for sense in entry.meanings:
            keys |= _function_sense_keys(sense)
    return frozenset(keys)


def gloss_keys(cedict: DictionaryLike, word: str) -> frozenset[str]:
    """English alignment keys (content lemmas) of every dictionary sense of ``word``."""
    keys: set[str] = set()
    for entry in cedict.lookup(word):
        for sense in entry.meanings:
            keys |= _sense_keys(sense)
    return frozenset(keys)


def subwords(cedict: DictionaryLike, word: str, *, max_len: int = 6) -> list[str]:
    """Dictionary words inside ``word`` (2+ characters, any position), longest first."""
    found: list[str] = []
    n = len(word)
    for size in range(min(max_len, n - 1), 1, -1):
        for start in range(0, n - size + 1):
            part = word[start : start + size]
            if part not in found and any(True for _ in cedict.lookup(part)):
                found.append(part)
    return found


def dictionary_words(cedict: DictionaryLike, word: str) -> bool:
    """True if ``word`` itself is a dictionary headword."""
    return any(True for _ in cedict.lookup(word))


def lexical_priors(
    cedict: DictionaryLike,
    zh_vocab: Iterable[str],
    en_vocab: set[str],
    weights: PriorWeights = PriorWeights(),
) -> dict[tuple[str, str], float]:
    """``(zh key, en key) -> alpha`` for every dictionary-supported pair present in the text."""
    priors: dict[tuple[str, str], float] = {}

    def add(zh: str, keys: frozenset[str], alpha: float) -> None:
        for en in keys:
            if en in en_vocab:
                pair = (zh, en)
                priors[pair] = max(priors.get(pair, 0.0), alpha)

    for zh in zh_vocab:
        add(zh, gloss_keys(cedict, zh), weights.word)
        if weights.function > 0:
            add(zh, function_keys(cedict, zh), weights.function)
        if len(zh) > 1:
            for part in subwords(cedict, zh):
                add(zh, gloss_keys(cedict, part), weights.subword)
            for ch in set(zh):
                add(zh, gloss_keys(cedict, ch), weights.char)
    # the memos serve one vocabulary: kept, they would hold some 10 MB at 20k pairs while the
    # aligner trains
    _sense_keys.cache_clear()
    _function_sense_keys.cache_clear()
    return priors
