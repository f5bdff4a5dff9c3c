"""Read-only string-keyed tables in a ``marisa_trie.BytesTrie``: loaded in milliseconds, each
value decoded only when asked for.

A pickled dict of 150k keys costs a few hundred milliseconds to unpickle in every process that
needs one word of it; a trie's bytes load at the speed of reading them, and its key lookups and
prefix searches run in C.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Self

import marisa_trie

__all__ = ["PickledTrie", "SetTrie"]


class _BytesTable:
    """What both tables share: the trie, its bytes, its keys; ``_decode`` reads one value."""

    __slots__ = ("_trie",)

    def __init__(self, trie: marisa_trie.BytesTrie) -> None:
        self._trie = trie

    @classmethod
    def frombytes(cls, data: bytes) -> Self:
        return cls(marisa_trie.BytesTrie().frombytes(data))

    def tobytes(self) -> bytes:
        return bytes(self._trie.tobytes())

    def _decode(self, value: bytes) -> Any:
        raise NotImplementedError

    def get(self, key: str, default: Any = None) -> Any:
        got = self._trie.get(key)
        return self._decode(got[0]) if got else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._trie

    def __len__(self) -> int:
        return len(self._trie.keys())

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())


class PickledTrie(_BytesTable):
    """str -> any picklable value (one per key); ``get``, ``in``, ``keys`` and ``prefixes``."""

    __slots__ = ()

    @classmethod
    def build(cls, items: Iterable[tuple[str, Any]]) -> PickledTrie:
        return cls(marisa_trie.BytesTrie((k, pickle.dumps(v, 5)) for k, v in items))

    def _decode(self, value: bytes) -> Any:
        return pickle.loads(value)

    def keys(self) -> list[str]:
        return list(self._trie.keys())

    def prefixes(self, text: str) -> list[str]:
        """Every key that starts ``text``, shortest first."""
        return list(self._trie.prefixes(text))


class SetTrie(_BytesTable, Mapping[str, set[str]]):
    """str -> set of strings, stored joined; ``get`` gives a new set each call."""

    __slots__ = ()
    _SEP = "\x00"

    @classmethod
    def build(cls, items: Iterable[tuple[str, Iterable[str]]]) -> SetTrie:
        pairs = ((k, cls._SEP.join(sorted(v)).encode()) for k, v in items)
        return cls(marisa_trie.BytesTrie(pairs))

    def _decode(self, value: bytes) -> set[str]:
        return set(value.decode().split(self._SEP))

    def __getitem__(self, key: str) -> set[str]:
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got  # type: ignore[no-any-return]
