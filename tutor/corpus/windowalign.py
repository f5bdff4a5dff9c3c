"""Aligning one window of a long pair's sentences, fast: ``realign``'s costs, computed cheaply.

``corpus.pieces`` aligns a huge pair window by window, hundreds of thousands of windows for a
book, so each bead's cost must be a few arithmetic operations. It is ``realign``'s programme
(Gale-Church lengths, bead-shape priors, words each side leaves unexplained in the other, the
cost of cutting at a ; clause) with every set operation done once per sentence instead of once
per candidate bead: each English lemma of the window gets a bit, each sentence's lemmas and
each Chinese word's senses become integer masks, so a bead's unexplained words are a popcount
and a few cached counts. All sentences of a window come from one line, so ``realign``'s
line-join cost is always zero and is left out; the length ratio is the whole pair's, not the
window's (whose English is read past its Chinese on purpose).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from tutor.corpus.overlap import DictionaryOverlap
from tutor.corpus.realign import _PER_MISS, _VARIANCE, SHAPES, WEAK_CUT, _continues_en

__all__ = ["align_window"]

Shape = tuple[int, int]
_STEPS = [(x, y, -math.log(p)) for (x, y), p in SHAPES.items()]
_SQRT2 = math.sqrt(2)


def _masks(zh: Sequence[str], en: Sequence[str], overlap: DictionaryOverlap) -> _Masks:
    index: dict[str, int] = {}
    en_masks = []
    for text in en:
        mask = 0
        for lemma in overlap.en_lemmas(text):
            mask |= 1 << index.setdefault(lemma, len(index))
        en_masks.append(mask)
    keys = index.keys()
    units = []
    for text in zh:
        units.append([_unit_mask(u & keys, index) for u in overlap.zh_units(text)])
    return _Masks(en_masks, units)


def _unit_mask(lemmas: Iterable[str], index: dict[str, int]) -> int:
    mask = 0
    for lemma in lemmas:
        mask |= 1 << index[lemma]
    return mask


class _Masks:
    """A window's lemmas as bits: per English sentence, and per word of each Chinese one."""

    def __init__(self, en: list[int], units: list[list[int]]) -> None:
        self.en = en
        self.units = units
        self.zh = [_union(u) for u in units]
        self._missed: dict[tuple[int, int, int], int] = {}

    def misses(self, i: int, a: int, j: int, b: int) -> int:
        """Chinese words of sentences i..a no English lemma of j..b meets, plus English lemmas
        of j..b no Chinese word of i..a has among its senses."""
        lemmas = _union(self.en[j:b])
        missed = (lemmas & ~_union(self.zh[i:a])).bit_count()
        for k in range(i, a):
            key = (k, j, b)
            count = self._missed.get(key)
            if count is None:
                count = sum(1 for u in self.units[k] if not u & lemmas)
                self._missed[key] = count
            missed += count
        return missed


def _union(masks: Sequence[int]) -> int:
    out = 0
    for mask in masks:
        out |= mask
    return out


class _Lengths:
    def __init__(self, zh: Sequence[str], en: Sequence[str], ratio: float) -> None:
        self.zh = _prefix(sum(1 for ch in s if not ch.isspace()) for s in zh)
        self.en = _prefix(len(s) for s in en)
        self.ratio = ratio
        self.scale = math.sqrt(_VARIANCE * ratio)

    def cost(self, i: int, a: int, j: int, b: int) -> float:
        zh, en = self.zh[a] - self.zh[i], self.en[b] - self.en[j]
        if not zh or not en:
            return 0.0
        mean = (zh + en / self.ratio) / 2
        deviation = abs(en - self.ratio * zh) / (math.sqrt(mean) * self.scale)
        return -math.log(max(math.erfc(deviation / _SQRT2), 1e-300))


def _prefix(lengths: Iterable[int]) -> list[int]:
    out = [0]
    for n in lengths:
        out.append(out[-1] + n)
    return out


def _weak(zh: Sequence[str], en: Sequence[str]) -> tuple[list[bool], list[bool]]:
    """Sentences that go on with the one before (after a ; clause): a costly place to cut."""
    zh_weak = [k > 0 and zh[k - 1].rstrip().endswith(("；", ";")) for k in range(len(zh))]
    en_weak = [k > 0 and _continues_en(en[k - 1], s) for k, s in enumerate(en)]
    return zh_weak + [False], en_weak + [False]


def align_window(
    zh: Sequence[str],
    en: Sequence[str],
    ratio: float,
    overlap: DictionaryOverlap | None,
    *,
    whole: bool = True,
) -> list[Shape]:
    """The bead shapes ``(zh sentences, en sentences)`` of the least-cost monotone alignment of
    all of ``zh`` with all of ``en`` (``whole``) or with the English up to wherever it ends best
    (not ``whole``: a window's English was read past its Chinese); ``ratio`` is English
    characters per Chinese one. The path keeps within ``BAND`` sentences of where the lengths
    put it, or, if no path does, anywhere."""
    n, m = len(zh), len(en)
    if not n or not m:
        return [(1, 0)] * n + [(0, 1)] * m
    lengths = _Lengths(zh, en, ratio)
    grid = _Grid(lengths, _masks(zh, en, overlap) if overlap is not None else None, _weak(zh, en))
    for bands in (_band(lengths, n, m, whole), [(0, m)] * (n + 1)):
        cost, back = grid.run(bands)
        end = m if whole else _end(cost[n], lengths)
        if cost[n][end] < math.inf:
            return _trace(back, n, end)
    raise AssertionError("a full grid always reaches its end")  # pragma: no cover


def _end(last: list[float], lengths: _Lengths) -> int:
    """Where a window read past its Chinese ends: the cheapest path to the end of the Chinese,
    plus what the whole window's lengths say of it (a path ending early saves the cost of the
    beads it leaves out, so without the lengths it would end too soon)."""
    n = len(lengths.zh) - 1
    return min(range(len(last)), key=lambda j: last[j] + lengths.cost(0, n, 0, j))


class _Grid:
    """The dynamic programme over one window's beads."""

    def __init__(
        self, lengths: _Lengths, masks: _Masks | None, weak: tuple[list[bool], list[bool]]
    ) -> None:
        self.lengths = lengths
        self.masks = masks
        self.weak = weak
        self.n, self.m = len(lengths.zh) - 1, len(lengths.en) - 1

    def run(self, bands: list[tuple[int, int]]) -> tuple[list[list[float]], list[list[Shape]]]:
        n, m = self.n, self.m
        cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[Shape]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
        cost[0][0] = 0.0
        for i, (lo, hi) in enumerate(bands):
            for j in range(lo, hi + 1):
                if cost[i][j] < math.inf:
                    self._steps(cost, back, i, j)
        return cost, back

    def _steps(self, cost: list[list[float]], back: list[list[Shape]], i: int, j: int) -> None:
        here = cost[i][j]
        zh_weak = WEAK_CUT * self.weak[0][i]
        en_weak = WEAK_CUT * self.weak[1][j]
        length, masks = self.lengths.cost, self.masks
        for x, y, prior in _STEPS:
            a, b = i + x, j + y
            if a > self.n or b > self.m:
                continue
            step = here + prior + length(i, a, j, b) + zh_weak * (x > 0) + en_weak * (y > 0)
            if masks is not None:
                step += _PER_MISS * masks.misses(i, a, j, b)
            if step < cost[a][b]:
                cost[a][b] = step
                back[a][b] = (x, y)


BAND = 6  # English sentences either side of where the lengths put the path


def _band(lengths: _Lengths, n: int, m: int, whole: bool) -> list[tuple[int, int]]:
    """Per Chinese prefix i, the English prefixes the path may pass through: those near where
    the lengths predict it, widened at the end of a ``whole`` window so the path can still
    reach ``(n, m)``."""
    out = []
    for i in range(n + 1):
        centre = bisect_left(lengths.en, lengths.ratio * lengths.zh[i])
        lo, hi = max(0, centre - BAND), min(m, centre + BAND)
        out.append((lo, max(hi, m - 3 * (n - i)) if whole else hi))
    return out


def _trace(back: list[list[Shape]], n: int, m: int) -> list[Shape]:
    shapes: list[Shape] = []
    a, b = n, m
    while a or b:
        x, y = back[a][b]
        shapes.append((x, y))
        a, b = a - x, b - y
    return shapes[::-1]
