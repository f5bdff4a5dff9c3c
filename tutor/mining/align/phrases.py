"""Anchors from dictionary senses that English spells out word for word.

A dictionary prior makes 美元 likely to be "dollar", but the aligner still has to guess that
"US" in "US dollars" belongs to it too, and it cannot learn that from a dozen sentences
("US" and "us" are one key, a function word). When a sense of a Chinese word is a phrase of
two or more words ("US dollar", "as soon as possible", "Xinhua News Agency") and the English
sentence contains that phrase, every word of it is a translation of the Chinese word: exact
evidence, like a number or a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tutor.lang.english import STOPWORDS
from tutor.mining.align.keys import en_key
from tutor.mining.align.priors import DictionaryLike

__all__ = ["phrase_spans", "sense_phrases"]

_SKIP_SENSE = re.compile(
    r"^(CL:|variant of|old variant|see |also written|abbr\. for|used in)", re.I
)
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*[A-Za-z.]|[A-Za-z]|\d+(?:\.\d+)?")
_FILLER = frozenset("sb sth someone something somebody one's oneself etc".split())
_MAX_WORDS = 5


def _word_key(word: str) -> str:
    return en_key(word.lower())


@lru_cache(maxsize=4096)
def _phrases_of(sense: str) -> tuple[tuple[str, ...], ...]:
    if _SKIP_SENSE.match(sense.strip()):
        return ()
    out = []
    for part in re.split(r"[;,]", _PAREN.sub(" ", sense)):
        words = [w.lower() for w in _WORD.findall(part)]
        if words and words[0] == "to":
            words = words[1:]  # "to enter the country": the infinitive marker
        if not 2 <= len(words) <= _MAX_WORDS or _FILLER.intersection(words):
            continue
        if all(w in STOPWORDS for w in words):
            continue  # "in order to" alone says too little to anchor on
        out.append(tuple(_word_key(w) for w in words))
    return tuple(out)


def sense_phrases(cedict: DictionaryLike, word: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word senses of ``word`` as tuples of English alignment keys, longest first."""
    found: set[tuple[str, ...]] = set()
    for entry in cedict.lookup(word):
        for sense in entry.meanings:
            found.update(_phrases_of(sense))
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


_cache: tuple[object, dict[str, tuple[tuple[str, ...], ...]]] = (None, {})


def _cached_phrases(cedict: DictionaryLike, word: str) -> tuple[tuple[str, ...], ...]:
    """``sense_phrases``, remembered per word for the last dictionary asked (a dictionary
    does not change once loaded; every token of every pair asks)."""
    global _cache
    if _cache[0] is not cedict:
        _cache = (cedict, {})
    memo = _cache[1]
    if word not in memo:
        if len(memo) >= 100_000:
            memo.clear()
        memo[word] = sense_phrases(cedict, word)
    return memo[word]


def phrase_spans(
    cedict: DictionaryLike, zh: Sequence[str], en: Sequence[str]
) -> list[tuple[float, int, list[int]]]:
    """``(position cost, zh index, en span)`` for each dictionary phrase found in ``en``.

    Only a token's longest matching sense counts, so "Xinhua News Agency" wins over
    "news agency"; the caller keeps one span per token, nearest in relative position first.
    """
    keys = [_word_key(t) for t in en]
    starts: dict[str, list[int]] = {}  # each key's positions: where a phrase may start
    for j, key in enumerate(keys):
        starts.setdefault(key, []).append(j)
    n_zh, n_en = len(zh), len(en)
    out: list[tuple[float, int, list[int]]] = []
    for i, z in enumerate(zh):
        best: list[tuple[float, int, list[int]]] = []
        for phrase in _cached_phrases(cedict, z):
            if best and len(phrase) < len(best[0][2]):
                break
            size = len(phrase)
            for j in starts.get(phrase[0], ()):
                if j + size <= n_en and tuple(keys[j : j + size]) == phrase:
                    cost = abs((i + 0.5) / n_zh - (j + size / 2) / n_en)
                    best.append((cost, i, list(range(j, j + size))))
        out.extend(best)
    return out
