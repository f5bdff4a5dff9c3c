"""Terms a text defines by use: a run of Chinese words that recurs with one English rendering.

A legal code says 授权作品 for "Licensed Material" twenty times, a novel 视觉小说 for "visual
novel": no dictionary has the pair, and clause by clause the words the dictionary cannot link
(作品 / "Material") leave the span unlinked. Across the text the evidence is plain: wherever the
Chinese run occurs, the English run occurs in the same clause pair, the two are consistent with
the clause's links (no link leaves one run for a word outside the other) and at least one link
joins them. Such a pair, seen together ``MIN_TOGETHER`` times or more, in most of the Chinese
run's clauses and with a Dice association of ``MIN_DICE``, is linked as one unit in every clause
of the chunk (the rule ``recurring_term``). Runs the dictionary knows as a word are left to the
usual path, and so are runs that start or end with a function word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from math import inf

from tutor.mining import resources as res
from tutor.mining.claims import Links
from tutor.mining.glosses import is_function_word
from tutor.mining.pipeline import ALL_KINDS, Rule, Weight, disabled, mark

__all__ = [
    "MIN_DICE",
    "MIN_SHARE",
    "MIN_TOGETHER",
    "RECURRING_TERM",
    "STRENGTH",
    "Clause",
    "Text",
    "as_text",
    "could_pair",
    "fill_terms",
    "part_of_term",
    "recurring_terms",
]

STRENGTH = 0.8  # a link from recurrence: below a dictionary sense, above a character piece
MIN_TOGETHER = 3  # clauses where the two runs occur together and consistent
MIN_SHARE = 0.7  # of the Chinese run's clauses
MIN_DICE = 0.6
OVERRULED_BELOW = 0.7  # crossing links a term may overrule: guesses, not a sense or piece
UNLINKED_DICE = 0.85  # no link ever joins the runs: recurrence alone must be near certain
MAX_ZH_WORDS = 5
MIN_HANZI, MAX_HANZI = 3, 9
MAX_EN_WORDS = 4
_LETTERS = re.compile(r"[A-Za-z]+")
_EDGE_ZH = frozenset("的了和与及或是在对把被将由为从以等其之所并而且也都就又您你我他她它这那本该")


def _recurs(hanzi: str, together: int, seen: int, dice: float, linked: int) -> bool:
    """A run of words seen with one English run in most of its clauses, at least three
    times, and joined to it by a link consistent with the clause at least once; or, never
    linked, seen with it five times or more and hardly ever apart."""
    if together < MIN_TOGETHER or together < MIN_SHARE * seen:
        return False
    return (dice >= MIN_DICE and linked > 0) or (dice >= UNLINKED_DICE and together >= 5)


RECURRING_TERM = Rule(
    "recurring_term",
    "link",
    ALL_KINDS - {"measure"},
    Weight(STRENGTH),
    _recurs,
    ("授权作品 'Licensed Material' in 26 of its 28 clauses: linked as one term",),
)


@dataclass(frozen=True)
class Clause:
    """What discovery needs of one clause pair: its words, English tokens, text and links
    (and, worked out once, its Chinese and English runs)."""

    words: Sequence[str]
    tokens: Sequence[res.Token]
    text: str
    links: Links

    @cached_property
    def zh(self) -> list[tuple[str, int, int]]:
        return list(zh_runs(self.words))

    @cached_property
    def en(self) -> list[tuple[str, int, int]]:
        return list(en_runs(self.tokens))

    @cached_property
    def free(self) -> list[tuple[str, int]]:
        return list(_free_words(self))


class Text:
    """A chunk's clauses, with what both recurrence rules count over them worked out once:
    the clauses each English run occurs in."""

    def __init__(self, clauses: Sequence[Clause]) -> None:
        self.clauses = clauses

    @cached_property
    def english(self) -> dict[str, set[int]]:
        out: dict[str, set[int]] = defaultdict(set)
        for n, c in enumerate(self.clauses):
            for key, _, _ in c.en:
                out[key].add(n)
        return out


def as_text(clauses: Sequence[Clause] | Text) -> Text:
    return clauses if isinstance(clauses, Text) else Text(clauses)


@dataclass
class _Counts:
    en: dict[str, set[int]]
    zh: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    together: dict[tuple[str, str], set[int]] = field(default_factory=lambda: defaultdict(set))
    linked: dict[tuple[str, str], set[int]] = field(default_factory=lambda: defaultdict(set))


@lru_cache(maxsize=1 << 16)
def _hanzi_only(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


@lru_cache(maxsize=1 << 16)
def _edge(word: str) -> bool:
    """A word a term neither starts nor ends with: a function word or a pronoun."""
    return word in _EDGE_ZH or is_function_word(word)


def zh_runs(words: Sequence[str]) -> Iterator[tuple[str, int, int]]:
    """(hanzi, first word, last word) of each run of 2-5 all-hanzi words that could be a term."""
    han = [_hanzi_only(w) for w in words]
    edge = [h and _edge(w) for h, w in zip(han, words, strict=True)]
    for i, first in enumerate(words):
        if not han[i] or edge[i]:
            continue
        hanzi = first
        for j in range(i + 1, min(len(words), i + MAX_ZH_WORDS)):
            if not han[j]:
                break
            hanzi += words[j]
            if len(hanzi) > MAX_HANZI:
                break
            if not edge[j] and len(hanzi) >= MIN_HANZI:
                yield hanzi, i, j


def en_runs(tokens: Sequence[res.Token]) -> Iterator[tuple[str, int, int]]:
    """(lemma key, first token, last token) of each run of 1-4 adjacent English words that
    neither starts nor ends with a stop word."""
    for a, first in enumerate(tokens):
        if not first.is_word or first.low in res.EN_STOPWORDS:
            continue
        key = first.lemma
        yield key, a, a
        for b in range(a + 1, min(len(tokens), a + MAX_EN_WORDS)):
            t = tokens[b]
            if not t.is_word:
                break
            key += " " + t.lemma
            if t.low not in res.EN_STOPWORDS:
                yield key, a, b


def _consistent(reach: tuple[float, float, list[int]], a: int, b: int) -> bool:
    """No link leaves the words of ``reach`` (``_reach`` of all the clause's links) for a
    token outside a..b or the reverse, and one joins them."""
    return reach[0] != inf and not _crossed(reach, a, b)


def _crossing(
    links: Iterable[tuple[int, int]], i: int, j: int, a: int, b: int
) -> list[tuple[int, int]]:
    """The links that leave words i..j for a token outside a..b, or come in from outside."""
    return [(zi, ej) for zi, ej in links if (i <= zi <= j) != (a <= ej <= b)]


def _strong(links: Links) -> list[tuple[int, int]]:
    """The links more than a guess: a term may overrule a diagonal fill or a stray sense that
    crosses it, never a dictionary word's or a character's sense."""
    return [x for x, strength in links.items() if strength >= OVERRULED_BELOW]


def _reach(links: Iterable[tuple[int, int]], i: int, j: int) -> tuple[float, float, list[int]]:
    """Where the ``links`` touching words i..j go: the lowest and highest token the links
    from inside reach, and the tokens reached from outside, in order (``_crossed``)."""
    inside = [ej for zi, ej in links if i <= zi <= j]
    outside = sorted(ej for zi, ej in links if not i <= zi <= j)
    return min(inside, default=inf), max(inside, default=-inf), outside


def _crossed(reach: tuple[float, float, list[int]], a: int, b: int) -> bool:
    """Whether one of the links of ``reach`` (``_reach``) leaves its words for a token outside
    a..b, or comes in from outside: with the strong links, the runs cannot pair here."""
    low, high, outside = reach
    if low < a or high > b:
        return True
    k = bisect_left(outside, a)
    return k < len(outside) and outside[k] <= b


def _guesses(links: Links, crossing: Sequence[tuple[int, int]]) -> bool:
    """Whether every one of the ``crossing`` links is a guess a term may overrule."""
    return all(links[x] < OVERRULED_BELOW for x in crossing)


def _count(text: Text) -> _Counts:
    counts = _Counts(defaultdict(set))
    for n, c in enumerate(text.clauses):
        for hanzi, _, _ in c.zh:
            counts.zh[hanzi].add(n)
    terms = {h for h, units in counts.zh.items() if len(units) >= MIN_TOGETHER}
    terms = {h for h in terms if not res.entries(h)}  # dictionary words take the usual path
    if not terms:
        return counts  # nothing recurs: the English is never looked at
    counts.en = text.english
    for n, c in enumerate(text.clauses):
        zh = [r for r in c.zh if r[0] in terms]
        if zh:
            en = [r for r in c.en if len(counts.en[r[0]]) >= MIN_TOGETHER]
            _pair(counts, n, c, zh, en)
    return counts


def _pair(
    counts: _Counts,
    n: int,
    c: Clause,
    zh: Sequence[tuple[str, int, int]],
    en: Sequence[tuple[str, int, int]],
) -> None:
    """Count clause ``n``'s recurring Chinese runs with the English runs they could pair with."""
    strong = _strong(c.links)  # the links a term may not overrule, looked up once
    sizes = [len(counts.en[key]) for key, _, _ in en]
    for hanzi, i, j in zh:
        low, high = _pair_range(len(counts.zh[hanzi]))
        pairable = [r for r, size in zip(en, sizes, strict=True) if low <= size <= high]
        if not pairable:
            continue
        reach = _reach(strong, i, j)  # the run's strong links, sorted once for every key
        every = None  # and all its links, when a key pairs
        for key, a, b in pairable:
            if not _crossed(reach, a, b):
                counts.together[(hanzi, key)].add(n)
                every = every or _reach(c.links, i, j)
                if _consistent(every, a, b):
                    counts.linked[(hanzi, key)].add(n)


def could_pair(seen_zh: int, seen_en: int) -> bool:
    """Whether runs seen this often could reach ``MIN_DICE`` together."""
    low, high = _pair_range(seen_zh)
    return low <= seen_en <= high


def _pair_range(seen_zh: int) -> tuple[float, float]:
    """How often an English run must be seen to reach ``MIN_DICE`` with a Chinese run seen
    ``seen_zh`` times (``could_pair``)."""
    return seen_zh * MIN_DICE / (2 - MIN_DICE), seen_zh * (2 - MIN_DICE) / MIN_DICE


def recurring_terms(clauses: Sequence[Clause] | Text) -> dict[str, str]:
    """Hanzi -> the English run's lemma key, for each term the clauses define by recurring
    use."""
    text = as_text(clauses)
    if RECURRING_TERM.name in disabled() or len(text.clauses) < MIN_TOGETHER:
        return {}
    counts = _count(text)
    best: dict[str, tuple[bool, int, int, float, int, str]] = {}
    for (hanzi, key), units in counts.together.items():
        seen, together = len(counts.zh[hanzi]), len(units)
        dice = 2 * together / (seen + len(counts.en[key]))
        linked = len(counts.linked.get((hanzi, key), ()))
        # a run that recurs with the term first (授权作品: "licensed material", not "license",
        # which every "Public License" also holds), then of runs seen as often, the longest
        rank = (_recurs(hanzi, together, seen, dice, linked), together, len(key.split()), dice)
        if rank > best.get(hanzi, (False, 0, 0, 0.0, 0, ""))[:4]:
            best[hanzi] = (*rank, linked, key)
    out = {}
    for hanzi, (_, together, _, dice, linked, key) in best.items():
        if RECURRING_TERM.fires(hanzi, together, len(counts.zh[hanzi]), dice, linked):
            out[hanzi] = key
    return _outside_longer(out)


def _outside_longer(found: Mapping[str, str]) -> dict[str, str]:
    """``found`` without each run inside a longer term whose English holds this one's: 类似权利
    "similar right" in 著作权与类似权利 "copyright and similar right" is part of that term, not
    one of its own. Each term's shorter runs are listed once, so the check is not quadratic."""
    holders: dict[str, set[str]] = defaultdict(set)
    for longer in found:
        for a in range(len(longer)):
            for b in range(a + MIN_HANZI, len(longer) + 1):
                if b - a < len(longer):
                    holders[longer[a:b]].add(longer)
    kept = {}
    for hanzi, key in found.items():
        words = set(key.split())
        if not any(words <= set(found[longer].split()) for longer in holders.get(hanzi, ())):
            kept[hanzi] = key
    return kept


def fill_terms(c: Clause, terms: Mapping[str, str]) -> tuple[Links, list[str]]:
    """``c``'s links with each term of ``terms`` found in it made one unit: links that leave
    the Chinese run for a word outside the English run (or come into it from outside) give
    way, and the run's unlinked words are linked to the English run's unlinked content words
    (at ``STRENGTH``); the words the dictionary linked inside keep their links. Also the
    terms applied, whose parts are no phrases of their own (``part_of_term``)."""
    if not any(hanzi in terms for hanzi, _, _ in c.zh):  # the runs are counted already
        return c.links, []
    links = dict(c.links)
    runs = {key: (a, b) for key, a, b in c.en}
    taken: set[int] = set()  # words of a longer term already applied in this clause
    applied = []
    for hanzi, i, j in sorted(c.zh, key=lambda r: r[1] - r[2]):
        where = runs.get(terms.get(hanzi, ""))
        if where is None or taken & set(range(i, j + 1)):
            continue
        a, b = where
        crossing = _crossing(links, i, j, a, b)
        if not _guesses(links, crossing):
            continue
        for x in crossing:
            del links[x]
        linked_zh = {zi for zi, _ in links}
        linked_en = {ej for _, ej in links}
        gaps_zh = [zi for zi in range(i, j + 1) if zi not in linked_zh]
        gaps_en = [ej for ej in range(a, b + 1) if ej not in linked_en and c.tokens[ej].is_content]
        if gaps_zh and gaps_en:
            links.update({(zi, ej): STRENGTH for zi in gaps_zh for ej in gaps_en})
        taken |= set(range(i, j + 1))
        applied.append(hanzi)
        mark(hanzi, RECURRING_TERM.name)
    return links, applied


def part_of_term(hanzi: str, tokens: int, applied: Sequence[str]) -> bool:
    """A phrase that is a proper part of a term applied in the clause: 著作权与类似 "Copyright
    and Similar" inside 著作权与类似权利. A term is kept whole; its single words stay."""
    return tokens > 1 and any(hanzi in term and hanzi != term for term in applied)


def _free_words(c: Clause) -> Iterator[tuple[str, int]]:
    """The clause's dictionary words (two or more hanzi) that no link leaves and whose senses
    the English does not use (之后 "after" lost to a rival is not free)."""
    linked = {zi for zi, _ in c.links}
    used = {t.low for t in c.tokens if t.is_word} | {t.lemma for t in c.tokens if t.is_word}
    for i, w in enumerate(c.words):
        if i not in linked and len(w) >= 2 and _hanzi_only(w) and not _edge(w):
            senses = _sense_words(w)
            if senses and used.isdisjoint(senses):
                yield w, i


@lru_cache(maxsize=1 << 14)
def _sense_words(word: str) -> frozenset[str]:
    """Every English word of ``word``'s dictionary senses, function words too ("after")."""
    return frozenset(
        x.lower() for e in res.entries(word) for sense in e.senses for x in _LETTERS.findall(sense)
    )
