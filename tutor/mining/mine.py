"""Mining: aligned text in, vocabulary entries out.

The pipeline, per clause pair: segment the Chinese (numbers kept whole), tokenise the English,
link words from knowledge (numbers, names by pinyin, dictionary senses), add the statistical
aligner's links where they do not contradict, fill diagonal gaps, then collect single words and
phrase pairs consistent with the links. Sightings are tallied per Chinese unit over the whole
text and turned into entries in ``rank``. Clauses come from the corpus layer's clause
alignment, so each entry's example is the shortest clause pair it was seen in.

Work is done in chunks so a large corpus streams: only the tallies (one per distinct unit)
outlive a chunk.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice

from tutor.mining import resources as res
from tutor.mining.lexicon import Lexicon
from tutor.mining.links import fill, link, merge
from tutor.mining.numbers import split_numbers
from tutor.mining.phrases import candidates
from tutor.mining.rank import Tally, build_entry
from tutor.model import Entry, Example, SegmentPair

__all__ = ["DEFAULT_MIN_CONFIDENCE", "Aligner", "MineResult", "mine"]

DEFAULT_MIN_CONFIDENCE = 0.5
STATISTICAL_STRENGTH = 0.6
CHUNK = 2000

Progress = Callable[[int, int | None], None]
#: A word aligner: token pairs in, one set of (zh index, en index) links per pair out.
Aligner = Callable[
    [Sequence[tuple[Sequence[str], Sequence[str]]]], list[frozenset[tuple[int, int]]]
]


@dataclass
class MineResult:
    """Entries at or above the confidence threshold (the deck) and those below (to review)."""

    entries: list[Entry] = field(default_factory=list)
    low: list[Entry] = field(default_factory=list)
    skipped_known: int = 0
    pairs: int = 0


@dataclass(frozen=True, slots=True)
class _Unit:
    zh: str
    en: str
    words: list[str]
    tokens: list[res.Token]


def _clauses(pair: SegmentPair) -> list[tuple[str, str]]:
    try:
        from tutor.corpus.clauses import align_clauses
    except ImportError:  # pragma: no cover - the corpus layer provides it
        return [(pair.zh, pair.en)]
    got = [
        (c[0], c[1]) if isinstance(c, tuple) else (c.zh, c.en)
        for c in align_clauses(pair.zh, pair.en)
    ]
    return got or [(pair.zh, pair.en)]


def _units(pair: SegmentPair) -> Iterator[_Unit]:
    for zh, en in _clauses(pair):
        zh, en = zh.strip(), en.strip()
        if zh and en:
            words = [res.simplified(w) for w in split_numbers(zh, res.segment(zh))]
            yield _Unit(zh, en, words, res.en_tokens(en))


def default_aligner() -> Aligner | None:
    """The statistical word aligner, when the package provides one."""
    try:
        from tutor.mining.wordalign import align
    except ImportError:
        return None
    return align


def mine(
    pairs: Iterable[SegmentPair],
    *,
    progress: Progress | None = None,
    known: Collection[str] = (),
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    aligner: Aligner | None | bool = True,
    total: int | None = None,
    lexicon: Mapping[str, Sequence[str]] | None = None,
    rejected: Collection[tuple[str, str]] = (),
) -> MineResult:
    """Mine words, terms, names and measures from aligned ``pairs``.

    ``known`` hanzi are not returned (the learner has them already). ``aligner`` is the word
    aligner to use: True for the default statistical one (if installed), None/False for links
    from knowledge only. ``progress(done, total)`` is called after each chunk of pairs.
    ``lexicon`` maps hanzi to English renderings the learner accepted in earlier runs (linked
    before dictionary senses); ``rejected`` (hanzi, english) pairs are never output.
    """
    lex = Lexicon(lexicon, rejected)
    if aligner is True:
        aligner = default_aligner()
    if total is None and isinstance(pairs, Sequence):
        total = len(pairs)
    tallies: dict[str, Tally] = {}
    done = 0
    order = 0
    it = iter(pairs)
    while chunk := list(islice(it, CHUNK)):
        units = [u for p in chunk for u in _units(p)]
        stat: list[frozenset[tuple[int, int]]] | None = None
        if aligner:
            stat = aligner([(u.words, [t.text for t in u.tokens]) for u in units])
        for n, u in enumerate(units):
            links = link(u.words, u.tokens, lex)
            if stat is not None:
                links = merge(links, stat[n], STATISTICAL_STRENGTH)
            links = fill(u.words, u.tokens, links)
            example = Example(u.zh, u.en)
            for cand in candidates(u.words, u.tokens, u.en, links, lex):
                t = tallies.get(cand.hanzi)
                if t is None:
                    t = tallies[cand.hanzi] = Tally(cand.hanzi, order)
                    order += 1
                t.add(cand, example)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    result = MineResult(pairs=done)
    known_set = set(known)
    for t in sorted(tallies.values(), key=lambda t: t.position):
        if t.hanzi in known_set:
            result.skipped_known += 1
            continue
        entry = build_entry(t, lex)
        if entry is None:
            continue
        (result.entries if entry.confidence >= min_confidence else result.low).append(entry)
    return result
