"""Aligning two texts whose lines do not correspond one to one: an article and its translation
laid out differently, sentences joined or split by the translator.

Both sides are split into sentences, then a Gale-Church dynamic programme over beads (1-1, 1-2,
2-1, 2-2, 1-3, 3-1, and 1-0 / 0-1 for a sentence nobody translated) finds the least-cost
monotone alignment, as ``clauses`` does inside one pair: each bead costs how far its English
length is from what its Chinese length predicts, how rare its shape is, and what its two sides
leave unexplained in each other (CC-CEDICT senses against English lemmas). The programme keeps
to a band around the diagonal, so a long document costs its length times the band, not its
length squared. A sentence in a 1-0 or 0-1 bead is reported, not paired.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from tutor.corpus.cleanup import join_en, join_zh
from tutor.corpus.overlap import DictionaryOverlap

__all__ = ["Sentence", "align_documents"]

SHAPES: dict[tuple[int, int], float] = {
    (1, 1): 0.85,
    (1, 2): 0.05,
    (2, 1): 0.04,
    (2, 2): 0.01,
    (1, 3): 0.01,
    (3, 1): 0.01,
    (1, 0): 0.01,
    (0, 1): 0.01,
}
_VARIANCE = 6.8  # Gale and Church's variance of the length ratio, per character
_PER_MISS = 0.4  # the cost of each word one side leaves unexplained in the other
WEAK_CUT = 4.6  # -log(0.01): a bead starting inside a sentence, after its ; or : clause
LINE_JOIN = 2.3  # -log(0.1): a bead joining sentences of two lines of one side
MIN_BAND = 40  # sentences either side of the diagonal, at least


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    line: int  # where it starts in its file


def _chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _breaks(sentences: Sequence[Sentence]) -> list[int]:
    """Prefix counts of line breaks: entry k is how many sentences before the k-th start a
    new line (the first sentence counts none)."""
    out = [0, 0]
    for k in range(1, len(sentences)):
        out.append(out[-1] + (sentences[k].line != sentences[k - 1].line))
    return out[: len(sentences) + 1]


def _continues_zh(before: str) -> bool:
    """The sentence after ``before`` goes on with it: ``before`` ends at a semicolon."""
    return before.rstrip().endswith(("；", ";"))


def _continues_en(before: str, text: str) -> bool:
    """``text`` goes on with the sentence of ``before``: after a ; or :, in lower case."""
    return before.rstrip().endswith((";", ":")) and text[:1].islower()


class _Cost:
    def __init__(
        self, zh: Sequence[Sentence], en: Sequence[Sentence], overlap: DictionaryOverlap | None
    ) -> None:
        self.zh_len = [0]
        for s in zh:
            self.zh_len.append(self.zh_len[-1] + _chars(s.text))
        self.en_len = [0]
        for s in en:
            self.en_len.append(self.en_len[-1] + len(s.text))
        self.ratio = self.en_len[-1] / max(self.zh_len[-1], 1)
        self.overlap = overlap
        self.zh_words = [overlap.zh_units(s.text) for s in zh] if overlap else []
        self.en_words = [overlap.en_lemmas(s.text) for s in en] if overlap else []
        self.zh_breaks = _breaks(zh)
        self.en_breaks = _breaks(en)
        self.zh_weak = [k > 0 and _continues_zh(zh[k - 1].text) for k in range(len(zh))]
        self.en_weak = [k > 0 and _continues_en(en[k - 1].text, s.text) for k, s in enumerate(en)]

    def cut(self, i: int, x: int, j: int, y: int) -> float:
        """What a bead starting at sentences i and j pays for cutting a sentence of either side
        between its clauses: translators keep a sentence together far more often than not."""
        weak = (x > 0 and i < len(self.zh_weak) and self.zh_weak[i]) + (
            y > 0 and j < len(self.en_weak) and self.en_weak[j]
        )
        return WEAK_CUT * weak

    def joins(self, i: int, a: int, j: int, b: int) -> float:
        """What a bead pays for each line break inside either side: the writer ended a unit
        there, so the translator's sentence more often ends there too."""
        return LINE_JOIN * (
            self.zh_breaks[a]
            - self.zh_breaks[i + 1 if a > i else a]
            + self.en_breaks[b]
            - self.en_breaks[j + 1 if b > j else b]
        )

    def length(self, i: int, a: int, j: int, b: int) -> float:
        zh, en = self.zh_len[a] - self.zh_len[i], self.en_len[b] - self.en_len[j]
        if not zh or not en:
            return 0.0
        mean = (zh + en / self.ratio) / 2
        deviation = abs(en - self.ratio * zh) / math.sqrt(mean * _VARIANCE * self.ratio)
        return -math.log(max(math.erfc(deviation / math.sqrt(2)), 1e-300))

    def lexical(self, i: int, a: int, j: int, b: int) -> float:
        """What the bead's sides leave unexplained in each other, word by word: additive, so
        joining two beads into one never hides what either misses."""
        if self.overlap is None:
            return 0.0
        units = [u for k in range(i, a) for u in self.zh_words[k]]
        lemmas: set[str] = set().union(*self.en_words[j:b])
        union: set[str] = set().union(*units) if units else set()
        missed = sum(1 for u in units if u.isdisjoint(lemmas)) + len(lemmas - union)
        return _PER_MISS * missed


def align_documents(
    zh: Sequence[Sentence],
    en: Sequence[Sentence],
    overlap: DictionaryOverlap | None = None,
    shapes: dict[tuple[int, int], float] | None = None,
) -> list[tuple[list[Sentence], list[Sentence]]]:
    """Beads of ``zh`` and ``en`` sentences, in order; one side is empty for an unpaired one."""
    n, m = len(zh), len(en)
    if not n or not m:
        return [([s], []) for s in zh] + [([], [s]) for s in en]
    cost = _Cost(zh, en, overlap)
    band = max(MIN_BAND, abs(n - m) + max(n, m) // 10)
    steps = [(x, y, -math.log(p)) for (x, y), p in (shapes or SHAPES).items()]
    best: dict[tuple[int, int], tuple[float, int, int]] = {(0, 0): (0.0, 0, 0)}
    for i in range(n + 1):
        centre = i * m / n
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            here = best.get((i, j))
            if here is None:
                continue
            for x, y, prior in steps:
                a, b = i + x, j + y
                if a > n or b > m:
                    continue
                # an unpaired sentence leaves all its words unexplained: never a cheap way out
                step = prior + cost.length(i, a, j, b) + cost.lexical(i, a, j, b)
                step += cost.cut(i, x, j, y) + cost.joins(i, a, j, b)
                total = here[0] + step
                if total < best.get((a, b), (math.inf, 0, 0))[0]:
                    best[(a, b)] = (total, i, j)
    if (n, m) not in best:  # the band was too narrow for this pair of texts: pair nothing
        return [([s], []) for s in zh] + [([], [s]) for s in en]
    beads: list[tuple[list[Sentence], list[Sentence]]] = []
    a, b = n, m
    while a or b:
        _, i, j = best[(a, b)]
        beads.append((list(zh[i:a]), list(en[j:b])))
        a, b = i, j
    return beads[::-1]


Bead = tuple[list[Sentence], list[Sentence]]


def by_lines(beads: list[Bead], side: int) -> list[Bead]:
    """Beads merged back to the lines of one side (0 Chinese, 1 English): consecutive beads
    whose sentences on that side come from one line become one bead, so a file's own
    segments come out whole. Unpaired beads stay apart."""
    out: list[Bead] = []
    last_line: int | None = None
    for bead in beads:
        sentences = bead[side]
        paired = bool(bead[0] and bead[1])
        line = sentences[0].line if sentences else None
        if out and paired and line is not None and line == last_line and out[-1][0] and out[-1][1]:
            out[-1] = (out[-1][0] + bead[0], out[-1][1] + bead[1])
        else:
            out.append(bead)
        last_line = sentences[-1].line if sentences and paired else None
    return out


def joined(bead: tuple[list[Sentence], list[Sentence]]) -> tuple[str, str]:
    """A bead's two sides as one Chinese and one English text."""
    return join_zh([s.text for s in bead[0]]), join_en([s.text for s in bead[1]])
