"""Chinese word segmentation: jieba, with every CC-CEDICT headword added to its dictionary.

jieba alone splits many dictionary words a learner studies (雄安新区 comes out as 雄安 + 新区);
adding CC-CEDICT's headwords keeps them whole, so the words mining proposes are the words the
dictionary can explain.

Start-up cost matters (every ``tutor`` command segments): rather than letting jieba read its
dictionary and build its prefix model of about 900k keys, ``tutor.lang.wordmodel`` builds the
words once into a compact trie in the cache dir, and the tokenizer here finds each position's
dictionary words with one trie call. It cuts exactly as jieba would with the combined
dictionary (same DAG, same counts, same total). We use a private ``jieba.Tokenizer`` subclass
so nothing else in the process is affected, and silence jieba's logger, which otherwise prints
to stderr.
"""

from __future__ import annotations

import logging
from functools import cache
from math import log
from typing import Any

import jieba

from tutor.lang.wordmodel import ADDED_WORD_FREQ, WordModel, word_model

__all__ = ["ADDED_WORD_FREQ", "TrieTokenizer", "segment", "segment_words", "tokenizer"]

logging.getLogger("jieba").setLevel(logging.WARNING)
jieba.setLogLevel(logging.WARNING)


class _Counts:
    """jieba's ``FREQ`` as its cutting code reads it: ``get`` and ``in`` (words with a count)."""

    __slots__ = ("_model",)

    def __init__(self, model: WordModel) -> None:
        self._model = model

    def get(self, word: str, default: Any = None) -> Any:
        count = self._model.count(word)
        return default if count is None else count

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._model.words

    def __getitem__(self, word: str) -> int:
        count = self._model.count(word)
        if count is None:
            raise KeyError(word)
        return count


class TrieTokenizer(jieba.Tokenizer):  # type: ignore[misc]
    """A jieba tokenizer whose dictionary is a ``WordModel`` (no prefix dict to load)."""

    def __init__(self, model: WordModel) -> None:
        super().__init__()
        self._model = model
        self.FREQ = _Counts(model)
        self.total = model.total
        self.initialized = True

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # noqa: N802 - jieba's name
        """Each position's word ends, as jieba's prefix walk finds them: one trie call each."""
        prefixes = self._model.words.prefixes
        span = self._model.max_len
        dag: dict[int, list[int]] = {}
        for k in range(len(sentence)):
            ends = [k + len(w) - 1 for w in prefixes(sentence[k : k + span])]
            dag[k] = ends or [k]
        return dag

    def calc(self, sentence: str, dag: dict[int, list[int]], route: dict[int, Any]) -> None:
        """jieba's best route: the same sums in the same order, counts read from the trie."""
        count = self._model.count
        n = len(sentence)
        route[n] = (0, 0)
        logtotal = log(self.total)
        for idx in range(n - 1, -1, -1):
            route[idx] = max(
                (log(count(sentence[idx : x + 1]) or 1) - logtotal + route[x + 1][0], x)
                for x in dag[idx]
            )


@cache
def tokenizer() -> jieba.Tokenizer:
    """The shared tokenizer with CC-CEDICT words (its model loaded once per process)."""
    return TrieTokenizer(word_model())


def segment(text: str) -> list[str]:
    """Cut ``text`` into words, keeping every character: ``"".join(segment(t)) == t``.

    Spaces, punctuation, digits and Latin runs come back as their own pieces. This is the
    plain fast path (jieba's DAG plus its HMM for unknown words such as names).
    """
    return list(tokenizer().cut(text, HMM=True))


def segment_words(text: str) -> list[str]:
    """Like ``segment`` but without whitespace pieces (what aligners and miners want)."""
    return [w for w in tokenizer().cut(text, HMM=True) if not w.isspace()]
