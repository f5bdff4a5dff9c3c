"""Aligning the sentences and clauses of one paragraph pair, for short examples.

A Gale-Church dynamic programme over sentence "beads" (1-1, 1-2, 2-1, 1-3, 3-1, 2-2, and 1-0 /
0-1 for a sentence with no translation), each scored by how far its English length is from
what its Chinese length predicts, by how common its shape is, and by dictionary overlap (a
bead whose two sides do not translate each other costs more). A Chinese sentence rendered as
several English sentences is then split at its commas and aligned again, since translators of
official Chinese prose often turn each comma clause into a sentence. Whenever a bead looks
doubtful the whole paragraph is returned instead: a long example is better than a wrong one.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from tutor.corpus.cleanup import join_en, join_zh
from tutor.corpus.overlap import DictionaryOverlap, default_overlap
from tutor.corpus.sentences import split_en, split_zh, split_zh_commas

__all__ = ["align_clauses", "example_for"]

Overlap = Callable[[str, str], float]

# English characters (spaces included) per Chinese character, and the variance per character,
# measured on public-domain and CC-BY sentence pairs (Bible verses, Tatoeba).
_RATIO = 3.7
_VARIANCE = 16.0
_LEXICAL_WEIGHT = 20.0
_GENERIC_WEIGHT = 4.0
# A bead this far outside the expected length, or this poor in shared words, is not trusted.
_MAX_DEVIATION = 3.0
_MIN_SIMILARITY = 0.08
# Paragraph pairs whose alignment is remembered per scorer (then no more are added).
_MEMO_LIMIT = 20_000
_MEMOS: weakref.WeakKeyDictionary[
    DictionaryOverlap, dict[tuple[str, str], tuple[tuple[str, str], ...]]
] = weakref.WeakKeyDictionary()
_SENTENCE_BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.6,
    (1, 2): 0.12,
    (2, 1): 0.08,
    (1, 3): 0.05,
    (3, 1): 0.02,
    (2, 2): 0.03,
    (1, 4): 0.03,
    (1, 5): 0.015,
    (1, 0): 0.005,
    (0, 1): 0.01,
}
# Comma clauses: one clause per English sentence is the common case; runs of clauses are not rare.
_CLAUSE_BEADS: dict[tuple[int, int], float] = {
    (x, y): 0.5 if (x, y) == (1, 1) else 0.5 ** (x + y) for x in range(1, 6) for y in range(1, 3)
}


@dataclass(frozen=True, slots=True)
class _Bead:
    zh: tuple[int, int]  # half-open range of Chinese units
    en: tuple[int, int]
    deviation: float
    similarity: float | None


def _zh_len(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _deviation(zh_len: int, en_len: int, ratio: float) -> float:
    """Gale-Church's standardised distance of ``en_len`` from ``ratio * zh_len``."""
    if zh_len == 0 or en_len == 0:
        return 0.0
    mean = (zh_len + en_len / ratio) / 2
    return abs(en_len - ratio * zh_len) / math.sqrt(mean * _VARIANCE * ratio / _RATIO)


def _length_cost(deviation: float) -> float:
    return -math.log(max(math.erfc(deviation / math.sqrt(2)), 1e-300))


class _Similarity:
    """Lexical cost and similarity of unit ranges.

    With the dictionary scorer the cost counts what a bead leaves unexplained (Chinese words
    whose senses miss its English, English lemmas no Chinese word explains) as a share of the
    whole paragraph, so a sentence placed in the wrong bead costs what it fails to match, and
    the per-unit analysis is done once. The dynamic programme asks about the same Chinese and
    English ranges many times over (each against several partners), so each range's words,
    their lemma union and its English lemmas are worked out once per paragraph too. Any other
    scorer costs ``1 - similarity`` per bead.
    """

    def __init__(self, zh: Sequence[str], en: Sequence[str], overlap: Overlap | None) -> None:
        self.zh, self.en, self.overlap = zh, en, overlap
        self.dictionary = isinstance(overlap, DictionaryOverlap)
        self.zh_units: list[tuple[frozenset[str], ...]] = []
        self.en_lemmas: list[frozenset[str]] = []
        self.total = 1
        self._zh_ranges: dict[tuple[int, int], tuple[list[frozenset[str]], set[str]]] = {}
        self._en_ranges: dict[tuple[int, int], frozenset[str]] = {}
        if isinstance(overlap, DictionaryOverlap):
            self.zh_units = [overlap.zh_units(t) for t in zh]
            self.en_lemmas = [overlap.en_lemmas(t) for t in en]
            size = sum(map(len, self.zh_units)) + sum(map(len, self.en_lemmas))
            self.total = max(size, 1)

    def _zh_range(self, zr: tuple[int, int]) -> tuple[list[frozenset[str]], set[str]]:
        got = self._zh_ranges.get(zr)
        if got is None:
            units = [u for i in range(*zr) for u in self.zh_units[i]]
            got = self._zh_ranges[zr] = (units, set().union(*units))
        return got

    def _en_range(self, er: tuple[int, int]) -> frozenset[str]:
        got = self._en_ranges.get(er)
        if got is None:
            got = self._en_ranges[er] = frozenset().union(*self.en_lemmas[er[0] : er[1]])
        return got

    def __call__(self, zr: tuple[int, int], er: tuple[int, int]) -> tuple[float, float | None]:
        """``(cost, similarity)`` of pairing Chinese units ``zr`` with English units ``er``."""
        if self.overlap is None:
            return 0.0, None
        if self.dictionary:
            units, union = self._zh_range(zr)
            lemmas = self._en_range(er)
            # Counted per English unit, so merging beads never hides a repeated miss.
            zh_missed = sum(map(lemmas.isdisjoint, units))
            missed = zh_missed + sum(len(x - union) for x in self.en_lemmas[er[0] : er[1]])
            sim = DictionaryOverlap.f1(
                len(units) - zh_missed, len(units), len(lemmas & union), len(lemmas)
            )
            return _LEXICAL_WEIGHT * missed / self.total, sim
        zh = join_zh(list(self.zh[zr[0] : zr[1]]))
        sim = self.overlap(zh, join_en(list(self.en[er[0] : er[1]])))
        return _GENERIC_WEIGHT * (1 - sim), sim


def _align(
    zh: Sequence[str],
    en: Sequence[str],
    shapes: dict[tuple[int, int], float],
    similarity: _Similarity,
) -> list[_Bead] | None:
    """Least-cost monotone segmentation of both sides into beads of the given shapes
    (``None`` when the shapes cannot cover both sides)."""
    return _Programme(zh, en, shapes, similarity).solve()


_INF = float("inf")


class _Programme:
    """The dynamic programme of ``_align``: ``cost[i][j]`` is the least cost of covering the
    first i Chinese and j English units with beads, ``back[i][j]`` the last bead of that."""

    def __init__(
        self,
        zh: Sequence[str],
        en: Sequence[str],
        shapes: dict[tuple[int, int], float],
        similarity: _Similarity,
    ) -> None:
        self.n, self.m = len(zh), len(en)
        self.zh_len = list(accumulate((_zh_len(t) for t in zh), initial=0))
        self.en_len = list(accumulate((len(t) for t in en), initial=0))
        total_zh, total_en = self.zh_len[self.n], self.en_len[self.m]
        # The paragraph is a translation of itself: its own ratio is the best length model.
        self.ratio = total_en / total_zh if total_zh and total_en else _RATIO
        self.steps = [(x, y, -math.log(prior)) for (x, y), prior in shapes.items()]
        self.similarity = similarity
        self.cost = [[_INF] * (self.m + 1) for _ in range(self.n + 1)]
        self.back: list[list[_Bead | None]] = [[None] * (self.m + 1) for _ in range(self.n + 1)]
        self.cost[0][0] = 0.0

    def solve(self) -> list[_Bead] | None:
        for i in range(self.n + 1):
            for j in range(self.m + 1):
                if self.cost[i][j] != _INF:
                    self._extend(i, j)
        return None if self.cost[self.n][self.m] == _INF else self._beads()

    def _extend(self, i: int, j: int) -> None:
        """Try every bead shape from cell (i, j), keeping each cheaper way to a cell."""
        cost, back, zh_len, en_len = self.cost, self.back, self.zh_len, self.en_len
        for x, y, shape_cost in self.steps:
            a, b = i + x, j + y
            if a > self.n or b > self.m:
                continue
            dev = _deviation(zh_len[a] - zh_len[i], en_len[b] - en_len[j], self.ratio)
            step = shape_cost + _length_cost(dev)
            sim: float | None = None
            if x and y:
                lexical, sim = self.similarity((i, a), (j, b))
                step += lexical
            total = cost[i][j] + step
            if total < cost[a][b]:
                cost[a][b] = total
                back[a][b] = _Bead((i, a), (j, b), dev, sim)

    def _beads(self) -> list[_Bead] | None:
        """The beads of the least-cost path, from the back pointers, in order."""
        beads: list[_Bead] = []
        i, j = self.n, self.m
        while i or j:
            bead = self.back[i][j]
            if bead is None:  # pragma: no cover - every reachable cell has a back pointer
                return None
            beads.append(bead)
            i, j = bead.zh[0], bead.en[0]
        return beads[::-1]


def _merge_empty(beads: list[_Bead]) -> list[_Bead]:
    """Fold 1-0 and 0-1 beads into the following bead (or the previous one at the end)."""
    out: list[_Bead] = []
    carry: _Bead | None = None
    for bead in beads:
        if carry is not None:
            bead = _Bead(
                (carry.zh[0], bead.zh[1]),
                (carry.en[0], bead.en[1]),
                bead.deviation,
                bead.similarity,
            )
            carry = None
        empty = bead.zh[0] == bead.zh[1] or bead.en[0] == bead.en[1]
        if empty:
            carry = bead
        else:
            out.append(bead)
    if carry is not None:
        if not out:
            return [carry]
        last = out.pop()
        out.append(
            _Bead(
                (last.zh[0], carry.zh[1]),
                (last.en[0], carry.en[1]),
                last.deviation,
                last.similarity,
            )
        )
    return out


def _trusted(beads: list[_Bead]) -> bool:
    for bead in beads:
        if bead.deviation > _MAX_DEVIATION:
            return False
        if bead.similarity is not None and bead.similarity < _MIN_SIMILARITY:
            return False
    return True


def _refine(
    zh_sentence: str, en_units: Sequence[str], overlap: Overlap | None
) -> list[tuple[str, str]] | None:
    """Split one Chinese sentence at its commas against several English sentences, if sure."""
    if overlap is None:
        return None
    clauses = split_zh_commas(zh_sentence)
    if len(clauses) < 2:
        return None
    beads = _align(clauses, en_units, _CLAUSE_BEADS, _Similarity(clauses, en_units, overlap))
    if beads is None or len(beads) < 2 or not _trusted(beads):
        return None
    return [
        (join_zh(list(clauses[slice(*b.zh)])), join_en(list(en_units[slice(*b.en)]))) for b in beads
    ]


def align_clauses(zh: str, en: str, overlap: Overlap | None = None) -> list[tuple[str, str]]:
    """Aligned ``(zh, en)`` sentence or clause pairs of one paragraph pair, in order.

    ``overlap`` scores how well two texts translate each other (0-1); by default the CC-CEDICT
    scorer from ``tutor.lang``. The pairs always cover the whole paragraph; when the alignment
    is doubtful the result is the single pair ``(zh, en)``.
    """
    zh, en = zh.strip(), en.strip()
    memo = _memo(overlap)
    if memo is not None:
        known = memo.get((zh, en))
        if known is not None:
            return list(known)
    whole = [(zh, en)]
    zh_units, en_units = split_zh(zh), split_en(en)
    if not zh_units or not en_units:
        return whole
    if len(zh_units) == 1 and len(en_units) == 1:
        return whole
    scorer = overlap if overlap is not None else default_overlap()
    pairs = _align_units(zh, en, zh_units, en_units, scorer)
    if memo is not None and len(memo) < _MEMO_LIMIT:
        memo[(zh, en)] = pairs
    return list(pairs)


def _memo(scorer: Overlap | None) -> dict[tuple[str, str], tuple[tuple[str, str], ...]] | None:
    """The remembered alignments made with ``scorer``, when it is the dictionary scorer.

    Its answers depend on the two texts alone, so a paragraph seen again (corpora repeat
    boilerplate, subtitles repeat whole exchanges) is not aligned again; any other scorer may
    keep state, so its answers are not remembered.
    """
    if not isinstance(scorer, DictionaryOverlap):
        return None
    memo = _MEMOS.get(scorer)
    if memo is None:
        memo = _MEMOS[scorer] = {}
    return memo


def _align_units(
    zh: str, en: str, zh_units: list[str], en_units: list[str], scorer: Overlap | None
) -> tuple[tuple[str, str], ...]:
    whole = ((zh, en),)
    aligned = _align(zh_units, en_units, _SENTENCE_BEADS, _Similarity(zh_units, en_units, scorer))
    if aligned is None:
        return whole
    beads = _merge_empty(aligned)
    if len(beads) > 1 and not _trusted(beads):
        return whole
    pairs: list[tuple[str, str]] = []
    for bead in beads:
        zh_part = list(zh_units[slice(*bead.zh)])
        en_part = list(en_units[slice(*bead.en)])
        refined = (
            _refine(zh_part[0], en_part, scorer) if len(zh_part) == 1 and len(en_part) > 1 else None
        )
        if refined:
            pairs.extend(refined)
        else:
            pairs.append((join_zh(zh_part), join_en(en_part)))
    return tuple(pairs)


def example_for(
    word_zh: str, english: str | None, clause_pairs: Sequence[tuple[str, str]]
) -> tuple[str, str] | None:
    """The shortest pair whose Chinese contains ``word_zh`` (preferring ones whose English
    contains ``english``, case-insensitively); ``None`` if no pair contains the word."""
    having = [p for p in clause_pairs if word_zh in p[0]]
    if not having:
        return None
    if english:
        needle = english.lower()
        with_english = [p for p in having if needle in p[1].lower()]
        having = with_english or having
    return min(having, key=lambda p: _zh_len(p[0]) * _RATIO + len(p[1]))
