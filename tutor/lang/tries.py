"""Read-only string-keyed tables in a ``marisa_trie.BytesTrie``: loaded in milliseconds, each
value decoded only when asked for.

A pickled dict of 150k keys costs a few hundred milliseconds to unpickle in every process that
needs one word of it; a trie's bytes load at the speed of reading them, and its key lookups and
prefix searches run in C.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import marisa_trie

__all__ = ["PickledTrie", "SetTrie"]


class PickledTrie:
    """str -> any picklable value (one per key); ``get``, ``in``, ``keys`` and ``prefixes``."""

    __slots__ = ("_trie",)

    def __init__(self, trie: marisa_trie.BytesTrie) -> None:
        self._trie = trie

    @classmethod
    def build(cls, items: Iterable[tuple[str, Any]]) -> PickledTrie:
        return cls(marisa_trie.BytesTrie((k, pickle.dumps(v, 5)) for k, v in items))

    @classmethod
    def frombytes(cls, data: bytes) -> PickledTrie:
        return cls(marisa_trie.BytesTrie().frombytes(data))

    def tobytes(self) -> bytes:
        return bytes(self._trie.tobytes())

    def get(self, key: str, default: Any = None) -> Any:
        got = self._trie.get(key)
        return pickle.loads(got[0]) if got else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._trie

    def __len__(self) -> int:
        return len(self._trie.keys())

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def keys(self) -> list[str]:
        return list(self._trie.keys())

    def prefixes(self, text: str) -> list[str]:
        """Every key that starts ``text``, shortest first."""
        return list(self._trie.prefixes(text))


class SetTrie(Mapping[str, set[str]]):
    """str -> set of strings, stored joined; ``get`` gives a new set each call."""

    __slots__ = ("_trie",)
    _SEP = "\x00"

    def __init__(self, trie: marisa_trie.BytesTrie) -> None:
        self._trie = trie

    @classmethod
    def build(cls, items: Iterable[tuple[str, Iterable[str]]]) -> SetTrie:
        pairs = ((k, cls._SEP.join(sorted(v)).encode()) for k, v in items)
        return cls(marisa_trie.BytesTrie(pairs))

    @classmethod
    def frombytes(cls, data: bytes) -> SetTrie:
        return cls(marisa_trie.BytesTrie().frombytes(data))

    def tobytes(self) -> bytes:
        return bytes(self._trie.tobytes())

    def get(self, key: str, default: Any = None) -> Any:
        got = self._trie.get(key)
        return set(got[0].decode().split(self._SEP)) if got else default

    def __getitem__(self, key: str) -> set[str]:
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._trie

    def __len__(self) -> int:
        return len(self._trie.keys())

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())
