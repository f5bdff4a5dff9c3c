"""From sightings to entries: pick each unit's English, score its confidence, build the Entry.

Every sighting of a Chinese unit votes for the English it was linked to, weighted by how
strong the links were. The rendering with the most weight wins; up to two runners-up follow it
("work mechanism; working mechanism"). Confidence is the winner's mean link strength scaled by
how consistently the text renders the unit that way, so a dictionary-confirmed, consistent pair
scores near 1, a pair found only by position scores low, and a word nothing in the English
renders falls back to its first dictionary sense at a confidence below the default threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from tutor.mining import resources as res
from tutor.mining.baseform import BASE_FORM, rebase
from tutor.mining.confidence import evidence, score, support
from tutor.mining.glosses import first_sense
from tutor.mining.grow import BOUNDED_GAP
from tutor.mining.lexicon import Lexicon
from tutor.mining.phrases import Candidate
from tutor.mining.runners import Shown, placed_runner
from tutor.mining.unplaced import FALLBACK_CONFIDENCE, unplaced
from tutor.model import MEASURE_WORD, Entry, EntryKind, Example

__all__ = ["FALLBACK_CONFIDENCE", "Tally", "build_entry"]

APPROVED_CONFIDENCE = 0.95
MAX_RENDERINGS = 3
MAX_SENSES = 6
MAX_EXAMPLES = 4  # the card's sentence and up to three more for the export's "More examples"


@dataclass
class _Rendering:
    count: int = 0
    strength: float = 0.0
    texts: dict[str, int] = field(default_factory=dict)  # as written -> times seen
    rules: dict[str, int] = field(default_factory=dict)  # weighing rule -> sightings it fired
    counted: dict[str, int] = field(default_factory=dict)  # text -> sightings counted in zh


@dataclass
class Tally:
    """Everything seen of one Chinese unit across the text.

    Tallies travel from worker processes back to the merging process, one per unit and chunk,
    so they hold only plain dicts, tuples and numbers: those unpickle in C, where Counters and
    dataclass examples would each run Python code on the receiving side.
    """

    hanzi: str
    position: int
    seen: int = 0
    renderings: dict[frozenset[str], _Rendering] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    # (zh, en[, credit]): the shortest distinct clause pairs seen, shortest first, at most
    # MAX_EXAMPLES; the credit is the source's attribution of the pair, when it has one
    examples: list[tuple[str, ...]] = field(default_factory=list)

    def add(
        self,
        cand: Candidate,
        example: tuple[str, ...],
        rules: tuple[str, ...] = (),
        counted: bool = False,
    ) -> None:
        """Count one sighting; ``rules`` are the weighing rules that fired on it, ``counted``
        whether the Chinese counted the unit there (a number or quantity word before it)."""
        self.seen += 1
        self.kinds[cand.kind] = self.kinds.get(cand.kind, 0) + 1
        if cand.english is not None and cand.key:
            r = self.renderings.get(cand.key)
            if r is None:
                r = self.renderings[cand.key] = _Rendering()
            r.count += 1
            r.strength += cand.strength
            r.texts[cand.english] = r.texts.get(cand.english, 0) + 1
            if counted:
                r.counted[cand.english] = r.counted.get(cand.english, 0) + 1
            for name in rules:
                r.rules[name] = r.rules.get(name, 0) + 1
        self._keep(example)

    @property
    def example(self) -> tuple[str, ...] | None:
        """The shortest clause pair seen."""
        return self.examples[0] if self.examples else None

    def _keep(self, example: tuple[str, ...]) -> None:
        """Add ``example`` among the shortest; an earlier one wins a tie, a repeat is skipped."""
        kept = self.examples
        if len(kept) == MAX_EXAMPLES and _size(example) >= _size(kept[-1]):
            return
        if any(e[0] == example[0] for e in kept):
            return
        at = next((i for i, e in enumerate(kept) if _size(example) < _size(e)), len(kept))
        kept.insert(at, example)
        del kept[MAX_EXAMPLES:]

    def merge(self, other: Tally) -> None:
        """Fold in ``other``, the tally of the same unit over later text (a later chunk).

        The result is what ``add`` would have built seeing both texts in order: counts add,
        renderings and kinds keep first-seen order, the earlier example wins a tie. A
        rendering new to this tally is taken over from ``other``, not copied: ``other`` is
        spent.
        """
        self.seen += other.seen
        kinds = self.kinds
        for kind, n in other.kinds.items():
            kinds[kind] = kinds.get(kind, 0) + n
        for key, theirs in other.renderings.items():
            r = self.renderings.get(key)
            if r is None:
                self.renderings[key] = theirs
                continue
            r.count += theirs.count
            r.strength += theirs.strength
            texts = r.texts
            for text, n in theirs.texts.items():
                texts[text] = texts.get(text, 0) + n
            for name, n in theirs.rules.items():
                r.rules[name] = r.rules.get(name, 0) + n
            for text, n in theirs.counted.items():
                r.counted[text] = r.counted.get(text, 0) + n
        for example in other.examples:  # later text: loses ties, as ``add`` would have it
            self._keep(example)


def _size(ex: tuple[str, ...]) -> int:
    return len(ex[0]) + len(ex[1]) // 3


def _most_common(counts: dict[str, int]) -> str:
    """The key seen most often; the first seen among equals (as ``Counter.most_common``)."""
    return max(counts.items(), key=itemgetter(1))[0]


def _reading_key(pinyin: str) -> str:
    return "".join(pinyin.lower().split())


def _senses(hanzi: str, pinyin: str) -> tuple[str, ...]:
    """Dictionary senses, the text's reading first; another reading's senses open with it
    ("(háng) row"), so 行 read xíng never leads with "row"; then the measure words the
    dictionary gives, with their readings ("measure word 条 (tiáo)")."""
    entries = sorted(
        res.entries(hanzi), key=lambda e: _reading_key(e.pinyin) != _reading_key(pinyin)
    )
    out: dict[str, None] = {}
    for e in entries:
        other = _reading_key(e.pinyin) != _reading_key(pinyin)
        for n, sense in enumerate(e.meanings):
            out.setdefault(f"({e.pinyin}) {sense}" if other and n == 0 else sense, None)
    senses = list(out)[:MAX_SENSES]
    measures = list(dict.fromkeys(c for e in entries for c in e.classifiers))[:3]
    if measures:
        words = ", ".join(f"{c} ({res.pinyin_marks(c)})" for c in measures)
        senses.append(f"{MEASURE_WORD}{words}")
    return tuple(senses)


def _traditional(hanzi: str) -> str:
    return res.cedict().traditional(hanzi)


def build_entry(t: Tally, lexicon: Lexicon | None = None) -> Entry | None:
    """The entry for one unit, or None when there is nothing honest to say about it.

    Renderings the learner rejected for this unit (``lexicon``) are never chosen; the next one
    is, or the dictionary's first sense, or nothing.
    """
    items = list(t.renderings.items())
    if lexicon is not None:
        items = [(k, r) for k, r in items if _allowed(t.hanzi, r, lexicon)]
    ranked = sorted(items, key=_rank)
    kind: EntryKind = _kind(t)
    if ranked:
        key, best = ranked[0]
        runners = _runners(t.hanzi, ranked)
        shown = (_shown(t.hanzi, kind, r) for r in [best, *runners][:MAX_RENDERINGS])
        english = "; ".join(dict.fromkeys(shown))  # two forms of one verb are shown once
        ev = evidence(
            t.hanzi, kind, english, key,
            strength=best.strength / best.count, share=best.count / max(t.seen, 1),
            seen=t.seen, renderings=len(ranked),
            rules={name: n / best.count for name, n in best.rules.items()},
        )  # fmt: skip
        confidence = score(t.hanzi, english, ev)
        if lexicon is not None and any(
            frozenset(g.lemmas) == key for g in lexicon.glosses(t.hanzi)
        ):
            confidence = max(confidence, APPROVED_CONFIDENCE)  # the learner accepted it before
    else:
        english = first_sense(t.hanzi)
        if not english or kind != "word" or unplaced(t.hanzi, len(ranked)):
            return None
        if lexicon is not None and lexicon.rejects(t.hanzi, english):
            return None
        confidence = FALLBACK_CONFIDENCE
    example = tuple(Example(*ex) for ex in t.examples)
    return Entry(
        hanzi=t.hanzi,
        traditional=_traditional(t.hanzi),
        pinyin=res.pinyin_marks(t.hanzi),
        english=english,
        senses=_senses(t.hanzi, res.pinyin_marks(t.hanzi)),
        kind=kind,
        confidence=round(min(1.0, confidence), 3),
        examples=example,
        position=t.position,
        hsk_level=res.hsk_level(t.hanzi),
        frequency=res.frequency(t.hanzi),
    )


def _runners(hanzi: str, ranked: list[tuple[frozenset[str], _Rendering]]) -> list[_Rendering]:
    """The runners-up shown after the first of the ``ranked`` renderings, best first: never
    one only a gap gave, nor one rule ``placed_runner`` leaves out."""

    def shown(key: frozenset[str], r: _Rendering) -> Shown:
        return Shown(_most_common(r.texts), support(hanzi, key), r.strength / r.count)

    first = shown(*ranked[0])
    return [
        r
        for k, r in ranked[1:]
        if not _placed_only(r) and not placed_runner(hanzi, first, shown(k, r))
    ]


def _shown(hanzi: str, kind: str, r: _Rendering) -> str:
    """The rendering as the text writes it most often, in the form a learner keeps."""
    text = _most_common(r.texts)
    is_counted = 2 * r.counted.get(text, 0) > r.texts[text]  # mostly counted where so written
    return rebase(hanzi, text) if BASE_FORM.fires(hanzi, kind, text, is_counted) else text


def _rank(item: tuple[frozenset[str], _Rendering]) -> tuple[bool, float, int, str]:
    """Renderings in order of preference: any that more than its place gave first, then the
    most weight, the most sightings, the first text."""
    r = item[1]
    return _placed_only(r), -r.strength, -r.count, min(r.texts)


def _placed_only(r: _Rendering) -> bool:
    """A rendering every sighting of which only its place gave (rule ``bounded_gap``): the
    entry's English when nothing else renders the unit, never a runner-up beside what does."""
    return r.rules.get(BOUNDED_GAP.name, 0) >= r.count


def _allowed(hanzi: str, r: _Rendering, lexicon: Lexicon) -> bool:
    """Drop rejected texts of a rendering; keep the rendering if any text is left."""
    for text in [x for x in r.texts if lexicon.rejects(hanzi, x)]:
        del r.texts[text]
    return bool(r.texts)


def _kind(t: Tally) -> EntryKind:
    if not t.kinds:
        return "word"
    kind = _most_common(t.kinds)
    return kind if kind in ("word", "term", "name", "measure") else "word"  # type: ignore[return-value]
