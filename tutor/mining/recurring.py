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

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from tutor.mining import resources as res
from tutor.mining.claims import Links
from tutor.mining.glosses import is_function_word
from tutor.mining.pipeline import ALL_KINDS, Rule, Weight, disabled, mark

__all__ = ["RECURRING_TERM", "Clause", "fill_terms", "part_of_term", "recurring_terms"]

STRENGTH = 0.8  # a link from recurrence: below a dictionary sense, above a character piece
MIN_TOGETHER = 3  # clauses where the two runs occur together and consistent
MIN_SHARE = 0.7  # of the Chinese run's clauses
MIN_DICE = 0.6
OVERRULED_BELOW = 0.7  # crossing links a term may overrule: guesses, not a sense or piece
UNLINKED_DICE = 0.85  # no link ever joins the runs: recurrence alone must be near certain
MAX_ZH_WORDS = 5
MIN_HANZI, MAX_HANZI = 3, 9
MAX_EN_WORDS = 4
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


@dataclass(frozen=True, slots=True)
class Clause:
    """What discovery needs of one clause pair: its words, English tokens, text and links."""

    words: Sequence[str]
    tokens: Sequence[res.Token]
    text: str
    links: Links


@dataclass
class _Counts:
    zh: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    en: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
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


def _consistent(links: Links, i: int, j: int, a: int, b: int) -> bool:
    """No link leaves words i..j for a token outside a..b or the reverse; one joins them."""
    inside = False
    for zi, ej in links:
        in_zh, in_en = i <= zi <= j, a <= ej <= b
        if in_zh != in_en:
            return False
        inside = inside or in_zh
    return inside


def _crossing(links: Links, i: int, j: int, a: int, b: int) -> list[tuple[int, int]]:
    """The links that leave words i..j for a token outside a..b, or come in from outside."""
    return [(zi, ej) for zi, ej in links if (i <= zi <= j) != (a <= ej <= b)]


def _compatible(links: Links, i: int, j: int, a: int, b: int) -> bool:
    """No link that is more than a guess crosses the two runs: the term may overrule a
    diagonal fill or a stray sense, never a dictionary word's or a character's sense."""
    return all(links[x] < OVERRULED_BELOW for x in _crossing(links, i, j, a, b))


def _count(clauses: Sequence[Clause]) -> _Counts:
    counts = _Counts()
    zh_of = [list(zh_runs(c.words)) for c in clauses]
    for n, zh in enumerate(zh_of):
        for hanzi, _, _ in zh:
            counts.zh[hanzi].add(n)
    terms = {h for h, units in counts.zh.items() if len(units) >= MIN_TOGETHER}
    terms = {h for h in terms if not res.entries(h)}  # dictionary words take the usual path
    if not terms:
        return counts  # nothing recurs: the English is never looked at
    en_of = [list(en_runs(c.tokens)) for c in clauses]
    for n, en in enumerate(en_of):
        for key, _, _ in en:
            counts.en[key].add(n)
    for n, c in enumerate(clauses):
        for hanzi, i, j in zh_of[n]:
            if hanzi not in terms:
                continue
            seen = len(counts.zh[hanzi])
            for key, a, b in en_of[n]:
                if _could_pair(seen, len(counts.en[key])) and _compatible(c.links, i, j, a, b):
                    counts.together[(hanzi, key)].add(n)
                    if _consistent(c.links, i, j, a, b):
                        counts.linked[(hanzi, key)].add(n)
    return counts


def _could_pair(seen_zh: int, seen_en: int) -> bool:
    """Whether runs seen this often could reach ``MIN_DICE`` together."""
    return seen_zh * MIN_DICE / (2 - MIN_DICE) <= seen_en <= seen_zh * (2 - MIN_DICE) / MIN_DICE


def recurring_terms(clauses: Sequence[Clause]) -> dict[str, str]:
    """Hanzi -> the English run's lemma key, for each term the clauses define by recurring
    use."""
    if RECURRING_TERM.name in disabled() or len(clauses) < MIN_TOGETHER:
        return {}
    counts = _count(clauses)
    best: dict[str, tuple[int, int, float, str]] = {}
    for (hanzi, key), units in counts.together.items():
        seen, together = len(counts.zh[hanzi]), len(units)
        dice = 2 * together / (seen + len(counts.en[key]))
        size = len(key.split())  # of runs seen as often, the longest: "adapted material"
        if (together, size, dice) > best.get(hanzi, (0, 0, 0.0, ""))[:3]:
            best[hanzi] = (together, size, dice, key)
    out = {}
    for hanzi, (together, _, dice, key) in best.items():
        linked = len(counts.linked.get((hanzi, key), ()))
        if RECURRING_TERM.fires(hanzi, together, len(counts.zh[hanzi]), dice, linked):
            out[hanzi] = key
    return {h: k for h, k in out.items() if not _inside_longer(h, k, out)}


def _inside_longer(hanzi: str, key: str, found: Mapping[str, str]) -> bool:
    """A run inside a longer term whose English holds this one's: 类似权利 "similar right" in
    著作权与类似权利 "copyright and similar right" is part of that term, not one of its own."""
    words = set(key.split())
    return any(
        hanzi in longer and longer != hanzi and words <= set(other.split())
        for longer, other in found.items()
    )


def fill_terms(c: Clause, terms: Mapping[str, str]) -> tuple[Links, list[str]]:
    """``c``'s links with each term of ``terms`` found in it made one unit: links that leave
    the Chinese run for a word outside the English run (or come into it from outside) give
    way, and the run's unlinked words are linked to the English run's unlinked content words
    (at ``STRENGTH``); the words the dictionary linked inside keep their links. Also the
    terms applied, whose parts are no phrases of their own (``part_of_term``)."""
    joined = "".join(c.words)
    if not any(term in joined for term in terms):
        return c.links, []
    links = dict(c.links)
    runs = {key: (a, b) for key, a, b in en_runs(c.tokens)}
    taken: set[int] = set()  # words of a longer term already applied in this clause
    applied = []
    for hanzi, i, j in sorted(zh_runs(c.words), key=lambda r: r[1] - r[2]):
        where = runs.get(terms.get(hanzi, ""))
        if where is None or taken & set(range(i, j + 1)):
            continue
        a, b = where
        if not _compatible(links, i, j, a, b):
            continue
        for crossing in _crossing(links, i, j, a, b):
            del links[crossing]
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
