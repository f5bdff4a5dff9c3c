"""jieba's dictionary with the CC-CEDICT words, built once into a compact trie.

jieba keeps its prefix model as a dict of every word and every prefix (about 900k keys); loading
its marshal cache costs most of a second per process, and reading its part-of-speech column
from ``dict.txt`` a third more. Here the words with a count go into one ``marisa_trie.Trie``
(1.6 MB), their counts into an array indexed by the trie's key ids, and jieba's own tags into a
second trie: unpickling all three takes milliseconds. The model is keyed by the content of
jieba's ``dict.txt``, the CC-CEDICT data file and the build's version, and written atomically
(``cached_pickle``), so a changed dictionary rebuilds it and a corrupt file is rebuilt.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jieba
import marisa_trie

from tutor.lang.cache import cached_pickle, remove_stale

__all__ = ["ADDED_WORD_FREQ", "WordModel", "jieba_dict_path", "word_model"]

#: Frequency given to CC-CEDICT headwords jieba does not know. jieba's total count is about
#: 60 million, so this is rare enough not to override jieba's own common words, yet enough to
#: keep a dictionary word whole rather than cut it into two less likely pieces.
ADDED_WORD_FREQ = 20
_MODEL_VERSION = 1  # bump when the way the model is built changes
# what jieba's DAG can match as one word (its re_han_default character class)
_JIEBA_WORD = re.compile(r"^[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+$")


@dataclass(frozen=True, slots=True)
class WordModel:
    """Words with their counts (``words`` key id -> ``counts``), jieba's total, its tags."""

    words: marisa_trie.Trie
    counts: array[int]
    total: int
    max_len: int
    tags: marisa_trie.BytesTrie

    def count(self, word: str) -> int | None:
        """The word's count, or None when it is not a word of the dictionary."""
        key = self.words.get(word)
        return None if key is None else self.counts[key]

    def tag(self, word: str) -> str:
        """jieba's own part-of-speech tag for ``word``, or ""."""
        got = self.tags.get(word)
        return got[0].decode() if got else ""


def jieba_dict_path() -> Path:
    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _jieba_lines(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                yield parts


def _cedict_words(known: dict[str, int]) -> Iterator[tuple[str, int]]:
    """CC-CEDICT headwords jieba lacks, with the count each is given (added to ``known``)."""
    from tutor.lang.cedict_store import bundled_rows

    for traditional, simplified, *_ in bundled_rows():
        for word in (simplified, traditional):
            if word in known or len(word) < 2 or not _JIEBA_WORD.match(word):
                continue
            # a traditional headword counts as often as its simplified twin, so traditional
            # text is cut the way the same simplified text would be
            twin = known.get(simplified, 0) if word == traditional else 0
            known[word] = max(twin, ADDED_WORD_FREQ)
            yield word, known[word]


Built = tuple[bytes, bytes, int, int, bytes]


def _build() -> Built:
    counts: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    for parts in _jieba_lines(jieba_dict_path()):
        counts[parts[0]] = int(parts[1])
        total += int(parts[1])
        if len(parts) == 3:
            tags[parts[0]] = parts[2]
    total += sum(count for _, count in list(_cedict_words(counts)))
    words = [w for w, c in counts.items() if c]
    trie = marisa_trie.Trie(words)
    table = array("q", bytes(8 * len(trie)))
    for word in words:
        table[trie[word]] = counts[word]
    tag_trie = marisa_trie.BytesTrie((w, t.encode()) for w, t in tags.items())
    longest = max(map(len, words), default=1)
    return trie.tobytes(), table.tobytes(), total, longest, tag_trie.tobytes()


def _key() -> str:
    from tutor.lang.cedict import data_fingerprint

    digest = hashlib.sha1(jieba_dict_path().read_bytes())
    digest.update(f"{data_fingerprint()}:{ADDED_WORD_FREQ}:{jieba.__version__}".encode())
    return f"{digest.hexdigest()[:16]}-v{_MODEL_VERSION}"


def _remove_old_jieba_files() -> None:
    """The combined dictionary text and jieba's marshal cache that earlier versions wrote."""
    remove_stale("jieba-cedict-*.txt", keep="")
    remove_stale("jieba.u*.cache", keep="")


@cache
def word_model() -> WordModel:
    """The model, loaded from the cache dir (built there the first time)."""
    name = f"words-{_key()}.pickle"
    trie_bytes, table_bytes, total, longest, tag_bytes = cached_pickle(
        name, _build, stale="words-*.pickle", on_build=_remove_old_jieba_files
    )
    counts = array("q")
    counts.frombytes(table_bytes)
    words = marisa_trie.Trie().frombytes(trie_bytes)
    tags = marisa_trie.BytesTrie().frombytes(tag_bytes)
    return WordModel(words, counts, total, longest, tags)
