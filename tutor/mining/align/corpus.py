"""Sentence pairs as word ids, and the batches the aligner's E-step walks through.

The ids of all pairs are two flat int32 arrays (a few bytes per token); everything per cell of
a pair's co-occurrence grid is made for one batch at a time (``Batch``) and dropped after it,
so memory grows with the vocabulary and one batch, not with the cells of the whole input.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Batch", "Corpus"]

_PAIRS = 256  # pairs per batch at most
_CELLS = 1 << 19  # padded grid cells (pairs x zh x en) per batch at most
_CHUNK = 1024  # pairs per decoding chunk: its posteriors are held until it is yielded


@dataclass(frozen=True)
class Batch:
    """Pairs of similar lengths, padded with id 0 to the longest of them."""

    pairs: np.ndarray  # corpus positions
    zh: np.ndarray  # (pairs, I) zh ids, 0 past a pair's length
    en: np.ndarray  # (pairs, J) en ids
    n_zh: np.ndarray
    n_en: np.ndarray

    def rows(self, cells: int) -> Iterator[Batch]:
        """The batch a few pairs at a time (``cells`` padded cells at most, one pair at least),
        padded as the whole batch is, so each pair's arithmetic is the same."""
        step = max(1, cells // (self.zh.shape[1] * self.en.shape[1]))
        for lo in range(0, len(self.pairs), step):
            s = slice(lo, lo + step)
            yield Batch(self.pairs[s], self.zh[s], self.en[s], self.n_zh[s], self.n_en[s])


class Corpus:
    """The pairs' ids (from 1; 0 is NULL and padding), flat, with each pair's offsets."""

    def __init__(self, zh: Sequence[np.ndarray], en: Sequence[np.ndarray]) -> None:
        self.n_zh = np.array([len(z) for z in zh], dtype=np.int64)
        self.n_en = np.array([len(e) for e in en], dtype=np.int64)
        self._zh_at = np.concatenate(([0], np.cumsum(self.n_zh)))
        self._en_at = np.concatenate(([0], np.cumsum(self.n_en)))
        self._zh = np.concatenate([np.asarray(z, np.int32) for z in zh] or [np.zeros(0, np.int32)])
        self._en = np.concatenate([np.asarray(e, np.int32) for e in en] or [np.zeros(0, np.int32)])

    def __len__(self) -> int:
        return len(self.n_zh)

    def batch(self, members: np.ndarray) -> Batch:
        n_zh, n_en = self.n_zh[members], self.n_en[members]
        zh = np.zeros((len(members), int(n_zh.max())), np.int64)
        en = np.zeros((len(members), int(n_en.max())), np.int64)
        for b, s in enumerate(members):
            zh[b, : n_zh[b]] = self._zh[self._zh_at[s] : self._zh_at[s + 1]]
            en[b, : n_en[b]] = self._en[self._en_at[s] : self._en_at[s + 1]]
        return Batch(members, zh, en, n_zh, n_en)

    def _split(self, members: np.ndarray) -> list[np.ndarray]:
        """``members`` sorted by length, cut into batches under the pair and cell limits."""
        members = members[(self.n_zh[members] > 0) & (self.n_en[members] > 0)]
        members = members[np.lexsort((self.n_en[members], self.n_zh[members]))]
        out, start = [], 0
        while start < len(members):
            end = min(start + _PAIRS, len(members))
            # sorted by zh length, so the last member has the longest zh side
            while end - start > 1:
                span = members[start:end]
                if (end - start) * self.n_zh[span[-1]] * self.n_en[span].max() <= _CELLS:
                    break
                end = start + max(1, (end - start) // 2)
            out.append(members[start:end])
            start = end
        return out

    def training_batches(self) -> Iterator[Batch]:
        """All pairs, shortest first: the order of every training pass."""
        for members in self._split(np.arange(len(self))):
            yield self.batch(members)

    def decoding_chunks(self, limit: int) -> Iterator[tuple[range, list[Batch]]]:
        """The first ``limit`` pairs in input order, a chunk at a time, each cut into batches."""
        for lo in range(0, limit, _CHUNK):
            hi = min(lo + _CHUNK, limit)
            yield range(lo, hi), [self.batch(m) for m in self._split(np.arange(lo, hi))]
