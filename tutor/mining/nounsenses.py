"""A noun's links through its noun senses, when its verb senses found other English.

CC-CEDICT gives many nouns a verb sense too: 教授 "professor; to instruct; to lecture on".
In "Professor Eileen's lectures" both senses are written, and 教授 took "lectures", which
translates 课 beside it. The link rule ``noun_sense`` keeps, for a word the segmenter tags a
noun, only the tokens its noun senses found, when its verb senses found others and no other
word of the clause links to the noun senses' tokens (then they may be that word's: 抽奖
"to draw a prize; lottery" keeps "drawing" beside 彩票 "lottery ticket").
"""

from __future__ import annotations

from collections.abc import Sequence

from tutor.mining import resources as res
from tutor.mining.pipeline import ALL_KINDS, Drop, Rule

__all__ = ["NOUN_SENSE", "prefer_nouns"]


def prefer_nouns(
    zh: Sequence[str], cand: list[dict[int, float]], verb_only: dict[int, set[int]]
) -> None:
    """Drop from ``cand`` each noun's links that only its verb senses found (``verb_only``:
    word index -> those tokens) where rule ``noun_sense`` fires."""
    for i, verbs in verb_only.items():
        nouns = set(cand[i]) - verbs
        if not verbs or not nouns:
            continue
        others = [set(c) for k, c in enumerate(cand) if k != i]
        if NOUN_SENSE.fires(zh[i], nouns, others):
            cand[i] = {j: s for j, s in cand[i].items() if j not in verbs}


def _noun_here(word: str, nouns: set[int], others: list[set[int]]) -> bool:
    """A word the segmenter tags a noun whose noun senses found English no other word of the
    clause links to (教授 "Professor"): its verb senses' tokens are another word's."""
    return res.pos(word).startswith("n") and not any(nouns & linked for linked in others)


NOUN_SENSE = Rule(
    "noun_sense",
    "link",
    ALL_KINDS,
    Drop(),
    _noun_here,
    (
        "教授 in 'Professor Eileen's lectures': 'Professor', not 'lectures'",
        "抽奖 beside 彩票 'lottery ticket': keeps 'drawing'",
    ),
)
