"""The word-pair table: every (zh, en) pair of words that share a sentence pair, once.

Both directions index the same table (the en->zh grid of a pair is the transpose of its zh->en
grid), so one sorted key per word pair serves both; the NULL word's rows are kept apart, by
word id. A batch's cells find their entry by binary search, so nothing per cell is stored.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from tutor.mining.align.corpus import Batch

__all__ = ["PairTable"]

_MERGE_AT = 1 << 22  # pending keys merged into the table once there are this many (or more)


def _batch_keys(batch: Batch, n_en: int, dtype: type[np.signedinteger]) -> np.ndarray:
    """(pairs, I, J) keys zh * n_en + en; a padded cell has id 0 on one side."""
    return batch.zh.astype(dtype)[:, :, None] * dtype(n_en) + batch.en.astype(dtype)[:, None, :]


class PairTable:
    """Sorted keys ``zh * n_en + en`` of the word pairs that co-occur in some pair."""

    def __init__(self, batches: Iterable[Batch], n_zh: int, n_en: int) -> None:
        self.n_zh, self.n_en = n_zh, n_en
        self._dtype: type[np.signedinteger] = np.int32 if n_zh * n_en < 2**31 else np.int64
        keys = np.zeros(0, self._dtype)
        pending: list[np.ndarray] = []
        waiting = 0
        for batch in batches:
            cells = _batch_keys(batch, n_en, self._dtype)
            found = np.unique(cells[(batch.zh > 0)[:, :, None] & (batch.en > 0)[:, None, :]])
            pending.append(found)
            waiting += len(found)
            if waiting >= max(len(keys), _MERGE_AT):
                keys = np.unique(np.concatenate([keys, *pending]))
                pending, waiting = [], 0
        self.keys = np.unique(np.concatenate([keys, *pending])) if pending else keys

    def __len__(self) -> int:
        return len(self.keys)

    def index(self, batch: Batch) -> np.ndarray:
        """(pairs, I, J) entry of each cell; ``len(self)`` (one past the end) for padding."""
        cells = _batch_keys(batch, self.n_en, self._dtype)
        pos = np.searchsorted(self.keys, cells)
        np.minimum(pos, len(self.keys) - 1, out=pos)
        pos[self.keys[pos] != cells] = len(self.keys)
        return pos.astype(np.int32 if len(self.keys) < 2**31 - 1 else np.int64)

    def zh_of(self) -> np.ndarray:
        """Each entry's zh id."""
        return self.keys // self._dtype(self.n_en)

    def en_of(self) -> np.ndarray:
        """Each entry's en id."""
        return self.keys % self._dtype(self.n_en)

    def find(self, zh: np.ndarray, en: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Entries of the word pairs (zh[k], en[k]) that are in the table, and which k those are."""
        keys = zh.astype(self._dtype) * self._dtype(self.n_en) + en.astype(self._dtype)
        if not len(self.keys):
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        pos = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        hit = np.flatnonzero(self.keys[pos] == keys)
        return pos[hit], hit
