"""Names by pinyin: English tokens that spell a run of a Chinese word's syllables.

"雁栖" -> "Yanqi", "殷勇" -> "Yin Yong", "雄安" -> "Xiong'an": a translator writes a place or
person the dictionary does not know in its toneless pinyin, so the syllables themselves are
the evidence. A lone syllable counts only when capitalised and next to another one of the same
word ("Yin" "Yong"), since short syllables are common English words ("he", "an").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from tutor.mining import resources as res
from tutor.mining.resources import Token

__all__ = ["NAME", "Spellings", "name_links", "spellings", "spells"]

NAME = 1.0

Spellings = dict[str, list[int]]


def spellings(tokens: Sequence[Token]) -> Spellings:
    """English word tokens by how a name is spelt in them (lower case, no ' or -).

    Built once per clause, so finding the names of every Chinese word is a few dictionary
    lookups rather than a scan of the whole sentence per word.
    """
    index: Spellings = {}
    for j, tok in enumerate(tokens):
        if tok.is_word:
            index.setdefault(tok.low.replace("'", "").replace("-", ""), []).append(j)
    return index


@cache
def _syllable_runs(word: str) -> dict[str, tuple[tuple[int, int], ...]]:
    """Each run of the word's toneless syllables, written together, with where it lies.

    "yanqihu" -> ((0, 3),), "yanqi" -> ((0, 2),), "qi" -> ((1, 2),), ... in the order a
    syllable-by-syllable walk meets them (start, then end ascending). Empty when the word has
    a syllable that is not plain letters (digits, Latin, punctuation).
    """
    syl = res.syllables(word)
    runs: dict[str, list[tuple[int, int]]] = {}
    if not syl or not all(s.isalpha() for s in syl):
        return {}
    for a in range(len(syl)):
        acc = ""
        for b in range(a, len(syl)):
            acc += syl[b]
            runs.setdefault(acc, []).append((a, b + 1))
    return {k: tuple(v) for k, v in runs.items()}


def name_links(
    word: str, tokens: Sequence[Token], index: Spellings | None = None
) -> dict[int, float]:
    """English tokens spelling a run of the word's syllables ("Yanqi" for 雁栖 in 雁栖湖).

    ``index`` is ``spellings(tokens)`` when the caller has it already.
    """
    runs = _syllable_runs(word)
    if not runs:
        return {}
    if index is None:
        index = spellings(tokens)
    found: dict[int, tuple[int, int]] = {}
    hits: list[tuple[list[int] | None, tuple[tuple[int, int], ...] | None]]
    if len(index) < len(runs):  # look up from the smaller side
        hits = [(js, runs.get(flat)) for flat, js in index.items()]
    else:
        hits = [(index.get(flat), spans) for flat, spans in runs.items()]
    for js, spans in hits:
        if js and spans:
            _pick(found, js, spans, tokens)
    out: dict[int, float] = {}
    for j in sorted(found):
        a, b = found[j]
        if b - a >= 2:
            out[j] = NAME
        else:  # one syllable: only as part of a run of names ("Yin" "Yong")
            nxt, prv = found.get(j + 1), found.get(j - 1)
            if (nxt and nxt[0] == b) or (prv and prv[1] == a):
                out[j] = NAME
    return out


def _pick(
    found: dict[int, tuple[int, int]],
    js: list[int],
    spans: tuple[tuple[int, int], ...],
    tokens: Sequence[Token],
) -> None:
    # the last run the walk meets wins; one syllable only when capitalised ("Yin", not "yin")
    for j in js:
        for a, b in reversed(spans):
            if b - a >= 2 or tokens[j].capital:
                found[j] = (a, b)
                break


def spells(word: str, flat: str) -> bool:
    """Whether ``flat`` (lower case, no ' or -) is a run of two or more of the word's
    syllables, or all of a one-syllable word's: "yanqi" for 雁栖湖, "xiongan" for 雄安."""
    spans = _syllable_runs(word).get(flat, ())
    return any(b - a >= 2 or len(word) == 1 for a, b in spans)
