"""Mining: aligned text in, vocabulary entries out.

The pipeline, per clause pair: segment the Chinese (numbers kept whole), tokenise the English,
link words from knowledge (numbers, names by pinyin, dictionary senses), fill diagonal gaps,
add the statistical aligner's links (when asked for) only where both sides are still unlinked and
the dictionary backs them, then collect single words and phrase pairs consistent with the links.
Sightings are tallied per Chinese unit over the whole text and turned into entries in ``rank``.
Clauses come from the corpus layer's clause alignment, so each entry's example is the shortest
clause pair it was seen in.

Work is done in chunks so a large corpus streams: only the tallies (one per distinct unit)
outlive a chunk. Each chunk is tallied on its own and the chunk tallies are merged in input
order, so the chunks can be mined in worker processes (``parallel``) and the result is the
same, to the last digit, as mining them one after another in this process.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, islice

from tutor.bulk import collector_paused
from tutor.mining import resources as res
from tutor.mining.baseform import counted
from tutor.mining.claims import Links
from tutor.mining.compounds import compounds, inside_compounds
from tutor.mining.coordinated import coordinated
from tutor.mining.glued import split_glued, split_openers
from tutor.mining.grow import between, extend, fill
from tutor.mining.lexicon import Lexicon
from tutor.mining.links import link
from tutor.mining.namecuts import cut_names
from tutor.mining.nameparts import whole_names
from tutor.mining.numbercuts import join_numbers
from tutor.mining.numbers import split_numbers
from tutor.mining.ownwords import fill_words, recurring_words
from tutor.mining.parallel import WorkerPool, default_workers
from tutor.mining.persons import join_dotted
from tutor.mining.phrases import Candidate, candidates
from tutor.mining.pipeline import marking, switch_off, using
from tutor.mining.rank import Tally, build_entry
from tutor.mining.recurring import Clause, Text, fill_terms, part_of_term, recurring_terms
from tutor.mining.relisted import join_listed
from tutor.mining.rules import check_names
from tutor.mining.statlinks import merge
from tutor.mining.translit import join_sounded
from tutor.model import Entry, SegmentPair

__all__ = ["DEFAULT_MIN_CONFIDENCE", "Aligner", "MineResult", "mine"]

DEFAULT_MIN_CONFIDENCE = 0.5
STATISTICAL_STRENGTH = 0.6
CHUNK = 2000
BUILD_BATCH = 1000  # tallies per batch when workers build the entries

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
    credit: str = ""
    compounds: dict[int, tuple[str, ...]] = field(default_factory=dict)  # ``compounds``


class _Segments:
    """Chinese segmentation shared by clause alignment and mining within one chunk.

    Clause alignment segments a multi-sentence pair's sentences to score them; mining then
    segments the clauses it returns, usually the same sentences. Remembering a chunk's cuts
    (and forgetting them after the chunk) segments each text once.
    """

    def __init__(self) -> None:
        self.memo: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        got = self.memo.get(text)
        if got is None:
            got = self.memo[text] = res.segment(text)
        return got


_SEGMENTS = _Segments()


@cache
def _overlap():  # type: ignore[no-untyped-def]
    """The corpus layer's dictionary overlap scorer, segmenting through ``_SEGMENTS``."""
    try:
        from tutor.corpus.overlap import DictionaryOverlap
        from tutor.lang.english import content_lemmas
    except ImportError:  # pragma: no cover - the corpus layer provides it
        return None
    return DictionaryOverlap(res.cedict().senses, _SEGMENTS, content_lemmas)


def _clauses(pair: SegmentPair) -> list[tuple[str, str]]:
    try:
        from tutor.corpus.clauses import align_clauses
    except ImportError:  # pragma: no cover - the corpus layer provides it
        return [(pair.zh, pair.en)]
    got = [
        (c[0], c[1]) if isinstance(c, tuple) else (c.zh, c.en)
        for c in align_clauses(pair.zh, pair.en, _overlap())
    ]
    return got or [(pair.zh, pair.en)]


def _plain(zh: str) -> str:
    """A clause written in traditional characters in simplified ones, for the segmenter,
    whose dictionary is written in them: jieba cuts 有三個 / 月 where it cuts 三个月 right. A
    clause with no character only traditional script uses stays as it is (有著名 is
    simplified 有 / 著名, not 有着 / 名), and so does one whose conversion is not character
    for character."""
    if not any(res.traditional_only(ch) for ch in zh):
        return zh
    plain = res.simplified(zh)
    return plain if len(plain) == len(zh) else zh


def _units(pair: SegmentPair) -> Iterator[_Unit]:
    for zh, en in _clauses(pair):
        zh, en = zh.strip(), en.strip()
        if zh and en:
            plain = _plain(zh)
            cut = join_numbers(split_numbers(plain, list(_SEGMENTS(plain))))
            cut = split_glued(join_dotted(cut))
            toks = res.en_tokens(en)
            words = [res.simplified(w) for w in cut_names(join_sounded(cut, toks), toks)]
            words = split_openers(join_listed(words, toks), toks)
            yield _Unit(zh, en, words, toks, pair.credit, compounds(words))


def _chunk_tallies(
    chunk: Sequence[SegmentPair], lex: Lexicon, aligner: Aligner | None
) -> tuple[int, list[Tally]]:
    """The tallies of one chunk, in first-seen order (positions local to the chunk)."""
    try:
        units = [u for p in chunk for u in _units(p)]
    finally:
        _SEGMENTS.memo.clear()
    stat: list[frozenset[tuple[int, int]]] | None = None
    if aligner:
        stat = aligner([(u.words, [t.text for t in u.tokens]) for u in units])
    tallies: dict[str, Tally] = {}
    first = [_links(u, lex, stat[n] if stat else None) for n, u in enumerate(units)]
    clauses = [Clause(u.words, u.tokens, u.en, ls) for u, (ls, _) in zip(units, first, strict=True)]
    text = Text(clauses)  # what both recurrence rules count, counted once
    terms, own = recurring_terms(text), recurring_words(text)
    for n, u in enumerate(units):
        cands, marks = _unit_candidates(u, clauses[n], first[n], terms, own, lex)
        example = (u.zh, u.en, u.credit) if u.credit else (u.zh, u.en)
        for cand in cands:
            t = tallies.get(cand.hanzi)
            if t is None:
                t = tallies[cand.hanzi] = Tally(cand.hanzi, len(tallies))
            weighed = _weighed(cand.hanzi, marks) if marks else ()
            t.add(cand, example, weighed, counted(u.zh, cand.hanzi))
    return len(chunk), list(tallies.values())


def _unit_candidates(
    u: _Unit,
    clause: Clause,
    first: tuple[Links, dict[str, set[str]]],
    terms: Mapping[str, str],
    own: Mapping[str, str],
    lex: Lexicon,
) -> tuple[list[Candidate], dict[str, set[str]]]:
    """One clause's candidates, with the recurring terms and words filled in, and which
    weighing rules fired on which of its words (``first`` is its links and their marks)."""
    with marking() as again:  # the candidates' own rules, with the links' ones
        links, applied = fill_terms(clause, terms) if terms else (first[0], [])
        if own:
            links = fill_words(clause, own, links)
        cands = candidates(u.words, u.tokens, u.en, links, lex)
        if u.compounds:
            cands += inside_compounds(u.words, u.tokens, u.en, links, u.compounds, lex)
    if applied:
        cands = [c for c in cands if not part_of_term(c.hanzi, c.tokens, applied)]
    marks = first[1]
    for word, rules in again.items():
        marks.setdefault(word, set()).update(rules)
    return cands, marks


def _links(
    u: _Unit, lex: Lexicon, stat: frozenset[tuple[int, int]] | None
) -> tuple[Links, dict[str, set[str]]]:
    """The clause's links, and which weighing rules fired on which of its words."""
    with marking() as marks:
        links = whole_names(u.words, u.tokens, link(u.words, u.tokens, lex))
        links = fill(u.words, u.tokens, extend(u.words, u.tokens, links))
        links = whole_names(u.words, u.tokens, links)  # a part the fill found
        links = coordinated(u.words, u.tokens, between(u.words, u.tokens, links))
        if stat is not None:  # the aligner only fills what knowledge and the diagonal left
            links = merge(links, stat, STATISTICAL_STRENGTH, u.words, u.tokens)
    return links, marks


def _weighed(hanzi: str, marks: dict[str, set[str]]) -> tuple[str, ...]:
    """The weighing rules that fired on ``hanzi`` or on a word inside it."""
    return tuple(sorted({r for word, rules in marks.items() if word in hanzi for r in rules}))


_worker_state: tuple[Lexicon, Aligner | None] | None = None


def _worker_init(lex: Lexicon, aligner: Aligner | None, disable: frozenset[str]) -> None:
    """Load the language resources once per worker, then take them out of the garbage
    collector's sight: they live as long as the worker, and every full collection would
    otherwise walk their half a million objects again (about a tenth of a worker's time)."""
    global _worker_state
    _worker_state = (lex, aligner)
    switch_off(disable)
    res.cedict()
    res.segment("中文")
    res.pos("中文")
    res.lemma("words")
    gc.freeze()


def _worker_chunk(chunk: Sequence[SegmentPair]) -> tuple[int, list[Tally]]:
    assert _worker_state is not None
    with collector_paused():  # see ``mine``
        return _chunk_tallies(chunk, *_worker_state)


def _worker_build(batch: Sequence[Tally]) -> list[Entry | None]:
    assert _worker_state is not None
    with collector_paused():
        return [build_entry(t, _worker_state[0]) for t in batch]


def _picklable(obj: object) -> bool:
    try:
        pickle.dumps(obj)
    except Exception:  # noqa: BLE001 - any failure means "mine in this process"
        return False
    return True


def _batches(items: Sequence[Tally], size: int) -> Iterator[Sequence[Tally]]:
    return (items[k : k + size] for k in range(0, len(items), size))


def default_aligner() -> Aligner | None:
    """The statistical word aligner, when the package provides one."""
    try:
        from tutor.mining.align import align
    except ImportError:
        return None
    return align


def mine(
    pairs: Iterable[SegmentPair],
    *,
    progress: Progress | None = None,
    known: Collection[str] = (),
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    aligner: Aligner | None | bool = None,
    total: int | None = None,
    lexicon: Mapping[str, Sequence[str]] | None = None,
    rejected: Collection[tuple[str, str]] = (),
    workers: int | None = None,
    disable: Collection[str] = (),
) -> MineResult:
    """Mine words, terms, names and measures from aligned ``pairs``.

    ``known`` hanzi are not returned (the learner has them already). ``aligner`` is the word
    aligner to add links from: True for the statistical one (``tutor.mining.align``), None
    (the default) for links from knowledge only -- dictionary senses, names by pinyin, numbers
    and measures, phrase consistency -- which is two orders of magnitude faster. Statistical
    links only fill what knowledge left unlinked (``statlinks.merge``): the seed scores the same
    with them (F1 0.91), and everyday text gains words the dictionary spells differently.
    ``progress(done, total)`` is called after each chunk of pairs.
    ``lexicon`` maps hanzi to English renderings the learner accepted in earlier runs (linked
    before dictionary senses); ``rejected`` (hanzi, english) pairs are never output.
    ``workers`` processes mine chunks side by side (default ``parallel.default_workers()``;
    1 mines in this process); the result does not depend on it. ``pairs`` may be a stream:
    only a few chunks of it are held at a time. ``disable`` names mining rules to switch off
    for this run (``rules.RULES``; an unknown name is a TutorError).
    """
    off = check_names(disable)
    lex = Lexicon(lexicon, rejected)
    if aligner is True:
        aligner = default_aligner()
    aligner = aligner or None
    if total is None and isinstance(pairs, Sequence):
        total = len(pairs)
    it = iter(pairs)
    chunks = iter(lambda: list(islice(it, CHUNK)), [])
    head = list(islice(chunks, 2))
    n = default_workers() if workers is None else workers
    # workers only pay off for more than one chunk, and only if the work can be sent to them
    pool = None
    if len(head) >= 2 and n > 1 and _picklable((lex, aligner)):
        pool = WorkerPool(n, initializer=_worker_init, initargs=(lex, aligner, off))
    try:
        # Mining makes millions of short-lived objects and no reference cycles, yet every
        # few hundred allocations set off a collection and now and then a full one over the
        # dictionary, the caches and the tallies: about a sixth of mining's CPU, for nothing.
        with using(off), collector_paused():
            return _mine(
                chain(head, chunks), lex, aligner, pool, progress, total, known, min_confidence
            )
    finally:
        if pool is not None:
            pool.close()


def _mine(
    chunks: Iterator[list[SegmentPair]],
    lex: Lexicon,
    aligner: Aligner | None,
    pool: WorkerPool | None,
    progress: Progress | None,
    total: int | None,
    known: Collection[str],
    min_confidence: float,
) -> MineResult:
    """Tally the chunks (in ``pool`` if given), merge the tallies, build the entries."""
    results: Iterable[tuple[int, list[Tally]]]
    if pool is None:
        results = (_chunk_tallies(chunk, lex, aligner) for chunk in chunks)
    else:
        results = pool.map(_worker_chunk, chunks)
    tallies: dict[str, Tally] = {}
    done = 0
    for size, part in results:
        for t in part:
            mine_t = tallies.get(t.hanzi)
            if mine_t is None:
                t.position = len(tallies)
                tallies[t.hanzi] = t
            else:
                mine_t.merge(t)
        done += size
        if progress is not None:
            progress(done, total)
    result = MineResult(pairs=done)
    known_set = set(known)
    todo: list[Tally] = []
    for t in sorted(tallies.values(), key=lambda t: t.position):
        if t.hanzi in known_set:
            result.skipped_known += 1
        else:
            todo.append(t)
    tallies.clear()
    # readings, frequencies and senses are the costly part: the warm workers look them up
    if pool is None:
        entries: Iterable[Entry | None] = (build_entry(t, lex) for t in todo)
    else:
        entries = chain.from_iterable(pool.map(_worker_build, _batches(todo, BUILD_BATCH)))
    for entry in entries:
        if entry is not None:
            (result.entries if entry.confidence >= min_confidence else result.low).append(entry)
    return result
