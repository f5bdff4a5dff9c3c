"""Integer vocabularies for the aligner: key strings to ids from 1 (0 is NULL)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["Vocab"]


class Vocab:
    """Assigns ids in first-seen order, so the same input always gets the same ids."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.ids) + 1

    def encode(self, keys: Sequence[str]) -> np.ndarray:
        out = np.empty(len(keys), dtype=np.int64)
        for n, key in enumerate(keys):
            idx = self.ids.get(key)
            if idx is None:
                idx = self.ids[key] = len(self.ids) + 1
            out[n] = idx
        return out

    def words(self) -> Iterable[str]:
        return self.ids.keys()
