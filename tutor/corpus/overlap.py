"""How much two pieces of text share in dictionary terms: the lexical half of clause alignment.

A Chinese word "meets" an English piece when one of its CC-CEDICT senses shares a content
lemma with it ("违法" / "illegal", "建设" / "construction"); numbers meet equal numbers
("2,282" / "2282"). The score is the F1 of the share of Chinese words met and the share of
English lemmas met, so a pairing is rewarded only when both sides explain each other, not
merely when one side is long. ``tutor.lang`` is imported lazily: the corpus readers work without
loading a dictionary, and clause alignment falls back to lengths alone if it is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from tutor.lang.script import has_chinese

__all__ = ["DictionaryOverlap", "default_overlap"]

Unit = frozenset[str]

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_NOTES = re.compile(r"\([^()]*\)|\[[^\]]*\]|[^\s\[\]]+\|")
# Grammatical words whose senses ("of", "and", "at") meet almost any English sentence.
_FUNCTION_WORDS = frozenset(
    "的 了 和 与 及 或 是 在 等 也 都 就 而 并 对 把 被 将".split()
    + "之 其 以 为 从 向 于 中 着 过 个 这 那".split()
)
_CACHE_LIMIT = 50_000


def _number_key(text: str) -> str:
    return "#" + text.replace(",", "")


class DictionaryOverlap:
    """A callable ``(zh, en) -> float`` in [0, 1], with per-text analysis cached.

    ``senses`` maps a Chinese word to its English senses, ``segment`` cuts Chinese into words,
    ``lemmas`` gives the content lemmas of English text. Tests pass small stand-ins.
    """

    def __init__(
        self,
        senses: Callable[[str], Iterable[str]],
        segment: Callable[[str], Sequence[str]],
        lemmas: Callable[[str], Iterable[str]],
    ) -> None:
        self._senses = senses
        self._segment = segment
        self._lemmas = lemmas
        self._word_cache: dict[str, Unit] = {}
        self._zh_cache: dict[str, tuple[Unit, ...]] = {}
        self._en_cache: dict[str, Unit] = {}

    def _word(self, word: str) -> Unit:
        unit = self._word_cache.get(word)
        if unit is None:
            found: set[str] = set()
            for sense in self._senses(word):
                found.update(self._lemmas(_NOTES.sub(" ", sense)))
            unit = frozenset(found)
            if len(self._word_cache) < _CACHE_LIMIT:
                self._word_cache[word] = unit
        return unit

    def zh_units(self, text: str) -> tuple[Unit, ...]:
        """One lemma set per Chinese content word (and per number) of ``text``."""
        units = self._zh_cache.get(text)
        if units is None:
            out: list[Unit] = []
            for word in self._segment(text):
                if has_chinese(word) and word not in _FUNCTION_WORDS:
                    unit = self._word(word)
                    if unit:
                        out.append(unit)
                elif _DIGITS.fullmatch(word):
                    out.append(frozenset({_number_key(word)}))
            units = tuple(out)
            if len(self._zh_cache) < _CACHE_LIMIT:
                self._zh_cache[text] = units
        return units

    def en_lemmas(self, text: str) -> Unit:
        """Content lemmas of English ``text``, plus its numbers."""
        lemmas = self._en_cache.get(text)
        if lemmas is None:
            found = set(self._lemmas(text))
            found.update(_number_key(n) for n in _DIGITS.findall(text))
            lemmas = frozenset(found)
            if len(self._en_cache) < _CACHE_LIMIT:
                self._en_cache[text] = lemmas
        return lemmas

    @staticmethod
    def score(units: Sequence[Unit], lemmas: Unit) -> float:
        """F1 of Chinese words met and English lemmas met; 0 when either side has nothing."""
        if not units or not lemmas:
            return 0.0
        union: set[str] = set().union(*units)
        met = sum(1 for u in units if not u.isdisjoint(lemmas))
        return DictionaryOverlap.f1(met, len(units), len(lemmas & union), len(lemmas))

    @staticmethod
    def f1(zh_met: int, zh_total: int, en_met: int, en_total: int) -> float:
        """``score`` from its counts: Chinese words met of all, English lemmas met of all
        (clause alignment counts them itself while costing a bead, and reuses them here)."""
        if not zh_total or not en_total:
            return 0.0
        zh_share = zh_met / zh_total
        en_share = en_met / en_total
        if zh_share + en_share == 0:
            return 0.0
        return 2 * zh_share * en_share / (zh_share + en_share)

    def __call__(self, zh: str, en: str) -> float:
        return self.score(self.zh_units(zh), self.en_lemmas(en))


@cache
def default_overlap() -> DictionaryOverlap | None:
    """The CC-CEDICT scorer from ``tutor.lang``, built once; ``None`` if it is unavailable."""
    try:
        from tutor.lang.cedict import load_cedict
        from tutor.lang.english import content_lemmas
        from tutor.lang.segment import segment_words
    except ImportError:
        return None
    cedict = load_cedict()
    return DictionaryOverlap(cedict.senses, segment_words, content_lemmas)
