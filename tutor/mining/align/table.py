"""The word-pair table: every (zh, en) pair of words that share a sentence pair, once.

Both directions index the same table (the en->zh grid of a pair is the transpose of its zh->en
grid), so one sorted key per word pair serves both; the NULL word's rows are kept apart, by
word id. A batch's cells find their entry by rank in a bitmap of all zh x en keys (one bit
per key, and a running count per 64 of them), so nothing per cell is stored; the bitmap is
also how the table is built. For a vocabulary too large for that bitmap (past 64 MB, some
270M zh x en keys), the keys are merged by sorting and cells found by binary search.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from tutor.mining.align.corpus import Batch

__all__ = ["PairTable"]

_MERGE_AT = 1 << 22  # pending keys merged into the table once there are this many (or more)
_BITMAP_BYTES = 1 << 26  # the bitmap and its running counts are kept if no larger than this
_SLICE_BYTES = 1 << 19  # bytes of the bitmap whose keys are made at once
_SLICE_KEYS = 1 << 22  # keys of a sorted key array taken at once
_ONE = np.uint64(1)


def _unique(keys: np.ndarray) -> np.ndarray:
    """``keys`` sorted, each once: ``np.unique`` by sorting, since numpy's own hashes the
    values into a set that costs some 35 bytes per key at the peak (365 MB for 10M keys)."""
    keys = np.sort(keys)
    if len(keys) < 2:
        return keys
    first = np.empty(len(keys), bool)
    first[0] = True
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    return keys[first]


def _batch_keys(batch: Batch, n_en: int, dtype: type[np.signedinteger]) -> np.ndarray:
    """(pairs, I, J) keys zh * n_en + en; a padded cell has id 0 on one side."""
    return batch.zh.astype(dtype)[:, :, None] * dtype(n_en) + batch.en.astype(dtype)[:, None, :]


def _set_bits(bits: np.ndarray, keys: np.ndarray) -> None:
    """Set bit ``key % 64`` of word ``key // 64`` for each of the sorted, distinct ``keys``."""
    if not len(keys):
        return
    word = keys >> 6
    starts = np.flatnonzero(np.concatenate(([True], word[1:] != word[:-1])))
    one_bits = np.left_shift(_ONE, (keys & 63).astype(np.uint64))
    bits[word[starts]] |= np.bitwise_or.reduceat(one_bits, starts)


def _key_parts(bits: np.ndarray, dtype: type[np.signedinteger]) -> Iterator[np.ndarray]:
    """The keys whose bits are set, ascending, a slice of the bitmap at a time."""
    as_bytes = bits.view(np.uint8)  # little-endian words: bit k of byte b is key 8 b + k
    step = _SLICE_BYTES
    for lo in range(0, len(as_bytes), step):
        found = np.flatnonzero(np.unpackbits(as_bytes[lo : lo + step], bitorder="little"))
        yield found.astype(dtype) + dtype(8 * lo)


def _set_keys(bits: np.ndarray, dtype: type[np.signedinteger]) -> np.ndarray:
    """The keys whose bits are set, ascending."""
    parts = list(_key_parts(bits, dtype))
    return np.concatenate(parts) if parts else np.zeros(0, dtype)


class PairTable:
    """Sorted keys ``zh * n_en + en`` of the word pairs that co-occur in some pair."""

    def __init__(
        self, batches: Iterable[Batch], n_zh: int, n_en: int, *, bitmap: bool | None = None
    ) -> None:
        """``bitmap``: look cells up by rank (True) or binary search (False); None: by size."""
        self.n_zh, self.n_en = n_zh, n_en
        self._dtype: type[np.signedinteger] = np.int32 if n_zh * n_en < 2**31 else np.int64
        n_words = (n_zh * n_en + 63) // 64
        if bitmap is None:
            bitmap = n_words * (8 + 8) <= _BITMAP_BYTES
        if bitmap:  # the bitmap is the set of keys as it grows, batch by batch
            bits = np.zeros(n_words, np.uint64)
            for batch in batches:
                _set_bits(bits, self._found(batch))
            self._keys = None  # read back from the bitmap when asked: 4 bytes a pair fewer
            self._n = int(np.bitwise_count(bits).sum(dtype=np.int64))
        else:
            self._keys = self._sorted_keys(batches)
            self._n = len(self._keys)
        self._pos_dtype = np.int32 if self._n < 2**31 - 1 else np.int64
        self._rank = (bits, self._ranks(bits)) if bitmap else None

    @property
    def keys(self) -> np.ndarray:
        """The sorted keys (made afresh from the bitmap, if the table keeps one)."""
        if self._keys is not None:
            return self._keys
        assert self._rank is not None
        return _set_keys(self._rank[0], self._dtype)

    def _found(self, batch: Batch) -> np.ndarray:
        """The batch's keys, sorted, each once."""
        cells = _batch_keys(batch, self.n_en, self._dtype)
        return _unique(cells[(batch.zh > 0)[:, :, None] & (batch.en > 0)[:, None, :]])

    def _sorted_keys(self, batches: Iterable[Batch]) -> np.ndarray:
        keys = np.zeros(0, self._dtype)
        pending: list[np.ndarray] = []
        waiting = 0
        for batch in batches:
            found = self._found(batch)
            pending.append(found)
            waiting += len(found)
            if waiting >= max(len(keys), _MERGE_AT):
                keys = _unique(np.concatenate([keys, *pending]))
                pending, waiting = [], 0
        return _unique(np.concatenate([keys, *pending])) if pending else keys

    def _ranks(self, bits: np.ndarray) -> np.ndarray:
        """The number of keys before each word of the bitmap."""
        below = np.zeros(len(bits), self._pos_dtype)
        np.cumsum(np.bitwise_count(bits[:-1]), out=below[1:])
        return below

    def __len__(self) -> int:
        return self._n

    def index(self, batch: Batch) -> np.ndarray:
        """(pairs, I, J) entry of each cell; ``len(self)`` (one past the end) for padding."""
        cells = _batch_keys(batch, self.n_en, self._dtype)
        if self._rank is None:
            keys = self.keys
            pos = np.searchsorted(keys, cells)
            np.minimum(pos, len(keys) - 1, out=pos)
            pos[keys[pos] != cells] = len(keys)
            return pos.astype(self._pos_dtype)
        bits, below = self._rank
        word, bit = cells >> 6, (cells & 63).astype(np.uint64)
        got = bits[word]
        pos = below[word] + np.bitwise_count(got & ((_ONE << bit) - _ONE))
        pos[((got >> bit) & _ONE) == 0] = self._n
        return pos

    def row_sums(self, weights: np.ndarray, *, by_zh: bool) -> np.ndarray:
        """``weights`` (one per entry) summed by each entry's zh id (or en id): bit for bit
        ``np.bincount(self.zh_of(), weights)``, which adds in entry order as ``np.add.at``
        does, but made a slice of keys at a time rather than from every key at once."""
        n_en = self._dtype(self.n_en)
        out = np.zeros(self.n_zh if by_zh else self.n_en)
        if self._rank is None:
            step = _SLICE_KEYS
            parts: Iterable[np.ndarray] = (
                self.keys[lo : lo + step] for lo in range(0, len(self.keys), step)
            )
        else:
            parts = _key_parts(self._rank[0], self._dtype)
        at = 0
        for keys in parts:
            rows = keys // n_en if by_zh else keys % n_en
            np.add.at(out, rows, weights[at : at + len(keys)])
            at += len(keys)
        return out

    def zh_of(self) -> np.ndarray:
        """Each entry's zh id."""
        return self.keys // self._dtype(self.n_en)

    def en_of(self) -> np.ndarray:
        """Each entry's en id."""
        return self.keys % self._dtype(self.n_en)

    def find(self, zh: np.ndarray, en: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Entries of the word pairs (zh[k], en[k]) that are in the table, and which k those are."""
        keys = zh.astype(self._dtype) * self._dtype(self.n_en) + en.astype(self._dtype)
        table = self.keys
        if not len(table):
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        pos = np.minimum(np.searchsorted(table, keys), len(table) - 1)
        hit = np.flatnonzero(table[pos] == keys)
        return pos[hit], hit
