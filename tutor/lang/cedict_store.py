"""The bundled CC-CEDICT as compact files in the cache dir, built once, opened lazily.

Parsing the 120k-line data file costs seconds, and unpickling it whole (15 MB of rows) a third
of a second in every process, though a run looks up a few hundred words. So the cache step
writes three files, each keyed by the data file's hash and a version, each atomically:

- ``cedict-index-*``: headword -> its rows, in a trie (``PickledTrie``); every run opens it
  (milliseconds) and decodes only the words it asks for;
- ``cedict-rows-*``: every row in file order, read only by what walks the whole dictionary
  (the segmenter's word list, the English index build);
- ``cedict-english-*``: English lemma -> headwords (``SetTrie``), built here rather than on
  the first gloss mining asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from tutor.lang.cache import cached_pickle, remove_stale
from tutor.lang.cedict import (
    Cedict,
    EnglishIndex,
    Row,
    build_english_index,
    cedict_data,
    data_fingerprint,
    entry_row,
    index_rows,
    parse,
)
from tutor.lang.tries import PickledTrie, SetTrie

__all__ = ["build_all", "bundled_cedict", "bundled_rows"]

_ROWS_VERSION = 4  # bump when CedictEntry or the parsing changes
_ENGLISH_VERSION = 5  # bump when english_index or tutor.lang.english changes


def _name(kind: str, version: int) -> str:
    return f"cedict-{kind}-{data_fingerprint()}-v{version}.pickle"


@cache
def bundled_rows() -> list[Row]:
    """Every row of the bundled CC-CEDICT in file order (``entry_row`` tuples)."""
    return _rows()


@cache
def _rows() -> list[Row]:
    def build() -> list[Row]:
        return [entry_row(e) for e in parse(cedict_data())]

    return cached_pickle(_name("rows", _ROWS_VERSION), build, stale="cedict-rows-*.pickle")


def _index() -> tuple[PickledTrie, int]:
    def build() -> tuple[bytes, int]:
        items = index_rows(_rows())
        return PickledTrie.build(items.items()).tobytes(), max(map(len, items), default=0)

    data, max_len = cached_pickle(
        _name("index", _ROWS_VERSION),
        build,
        stale="cedict-index-*.pickle",
        on_build=lambda: remove_stale("cedict-" + "?" * 16 + "-v*.pickle", keep=""),  # old format
    )
    return PickledTrie.frombytes(data), max_len


def _english() -> EnglishIndex:
    def build() -> bytes:
        return SetTrie.build(build_english_index(_rows()).items()).tobytes()

    name = _name("english", _ENGLISH_VERSION)
    return SetTrie.frombytes(cached_pickle(name, build, stale="cedict-english-*.pickle"))


@cache
def bundled_cedict() -> Cedict:
    """The full CC-CEDICT: its headword index opened now, the rest on first use."""
    index, max_len = _index()
    return Cedict.from_store(_rows, index, max_len, _english)


def build_all(step: Callable[[str], None] | None = None) -> None:
    """Build (or check) every CC-CEDICT cache file, saying what it does before each step."""
    say = step or (lambda _: None)
    say("Reading CC-CEDICT")
    cedict = bundled_cedict()
    say("Indexing CC-CEDICT's English")
    cedict.english_index()
