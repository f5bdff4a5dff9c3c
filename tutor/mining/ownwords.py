"""Words a text renders its own way: a dictionary word that recurs with one English run.

A legal code writes 责任 for "liability" every time, never its dictionary's "responsibility",
so no sense links the word and the translator's rendering is lost clause by clause. Across
the text it is plain: the word is free (no link leaves it, the English uses none of its
senses) in most of its clauses, and one free English run of one or two words is there with it
at least ``MIN_TOGETHER`` times. Such a word is linked to that run in every clause of the chunk
where both are free (the rule ``recurring_word``). The clauses and runs are those of
``recurring``, counted once for both rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from tutor.mining.claims import Links
from tutor.mining.pipeline import Rule, Weight, disabled, mark
from tutor.mining.recurring import (
    MIN_DICE,
    MIN_SHARE,
    MIN_TOGETHER,
    STRENGTH,
    Clause,
    Text,
    as_text,
    could_pair,
)

__all__ = ["RECURRING_WORD", "fill_words", "recurring_words"]


def _recurs_alone(word: str, together: int, seen: int, dice: float) -> bool:
    """A dictionary word that no sense links in most of its clauses, seen there with one
    unlinked English run at least three times: the translator's own rendering."""
    return together >= MIN_TOGETHER and together >= MIN_SHARE * seen and dice >= MIN_DICE


RECURRING_WORD = Rule(
    "recurring_word",
    "link",
    frozenset(("word",)),
    Weight(STRENGTH),
    _recurs_alone,
    ("责任 'liability' in a legal code, never its dictionary's 'responsibility': linked",),
)


def _free_runs(c: Clause) -> Iterator[tuple[str, int, int]]:
    """The English runs (one or two words) no link reaches."""
    linked = {ej for _, ej in c.links}
    for key, a, b in c.en:
        if b - a < 2 and a not in linked and b not in linked:
            yield key, a, b


def recurring_words(clauses: Sequence[Clause] | Text) -> dict[str, str]:
    """Word -> the English run's lemma key, for each word the text renders its own way."""
    text = as_text(clauses)
    clauses = text.clauses
    if RECURRING_WORD.name in disabled() or len(clauses) < MIN_TOGETHER:
        return {}
    seen: dict[str, set[int]] = defaultdict(set)
    free: dict[str, set[int]] = defaultdict(set)
    for n, c in enumerate(clauses):
        for w in c.words:
            seen[w].add(n)
        for w, _ in c.free:
            free[w].add(n)
    words = {w for w, units in free.items() if len(units) >= MIN_TOGETHER}
    if not words:
        return {}
    english = text.english
    together: dict[tuple[str, str], set[int]] = defaultdict(set)
    for n, c in enumerate(clauses):
        here = [w for w, _ in c.free if w in words]
        for key, _, _ in _free_runs(c) if here else ():
            for w in here:
                if could_pair(len(seen[w]), len(english[key])):
                    together[(w, key)].add(n)
    best: dict[str, tuple[int, int, float, str]] = {}
    for (w, key), units in together.items():
        dice = 2 * len(units) / (len(seen[w]) + len(english[key]))
        size = len(key.split())  # of runs seen as often, the longer: "sui generis"
        if (len(units), size, dice) > best.get(w, (0, 0, 0.0, ""))[:3]:
            best[w] = (len(units), size, dice, key)
    return {
        w: key
        for w, (n, _, dice, key) in best.items()
        if RECURRING_WORD.fires(w, n, len(seen[w]), dice)
    }


def fill_words(c: Clause, found: Mapping[str, str], links: Links) -> Links:
    """``links`` with each word of ``found`` that no link leaves here linked to its English
    run, where no link reaches that run either."""
    mine = [(w, i) for w, i in c.free if w in found]
    if not mine:
        return links
    runs = {key: (a, b) for key, a, b in _free_runs(c)}
    out = dict(links)
    for w, i in mine:
        where = runs.get(found[w])
        if where is not None:
            out.update({(i, j): STRENGTH for j in range(where[0], where[1] + 1)})
            mark(w, RECURRING_WORD.name)
    return out
