"""Link rules about one Chinese word: when its links through its pieces are to be doubted.

Two weigh the links a word gets through its characters or pieces when its own senses are not
in the English (``links.link``); one lets a two-word gloss be found by its head alone. All are
switchable by name (``pipeline``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from tutor.mining import resources as res
from tutor.mining.glosses import Gloss
from tutor.mining.pipeline import ALL_KINDS, Rule, Scale, Weight
from tutor.mining.resources import Token

__all__ = ["HEAD_ONLY", "LOOSE", "LOOSE_ADVERB", "MISCUT", "MISCUT_RULE", "head_hits"]

MISCUT = 0.6
LOOSE = 0.44  # below the default threshold: the learner reviews the pair


@cache
def _loose_adverb(word: str) -> bool:
    """An adverb the dictionary knows (事先 "in advance", 就要 "about to"), which its own
    senses did not find in the English. Such adverbs are rendered loosely, and one of their
    characters matching a word ("first" for 先, "case" for 要) is usually that looseness, not
    the adverb's meaning: in a judged sample three of four such pairs were wrong, where the
    same link for nouns and verbs (早晨 "morning" through 晨) is right more often than not."""
    return res.pos(word) in ("d", "dg") and bool(res.entries(word))


_COVERBS = frozenset("把被给让在从向跟和与将为对于由")


@cache
def _miscut(word: str) -> bool:
    """A dictionary word starting with a preposition-like character whose rest is a word too
    (把手 "handle" = 把 + 手 "hand").

    When the English has none of the word's senses but has the rest's ("hand" in "put your
    hand on..."), the segmenter more likely joined the preposition to the next word than the
    translator rendered the word by its piece: such links stay below the threshold.
    """
    return (
        len(word) >= 2
        and word[0] in _COVERBS
        and bool(res.entries(word))
        and bool(res.entries(word[1:]))
    )


MISCUT_RULE = Rule(
    "miscut",
    "link",
    ALL_KINDS,
    Scale(MISCUT),
    _miscut,
    ("把手 'hand' (put your hand on...): held back",),
    holds=True,
)
LOOSE_ADVERB = Rule(
    "loose_adverb",
    "link",
    ALL_KINDS,
    Weight(LOOSE),
    _loose_adverb,
    ("事先 'first' through 先: held back", "就要 'case' through 要: held back"),
    holds=True,
)


HEAD = 0.75  # above the default threshold: translators drop a gloss's qualifier all the time


def _qualified(word: str, head: str, gloss: Gloss) -> bool:
    """A two-word gloss whose first word qualifies its second (CC-CEDICT's "maternal uncle",
    "skin colour"), where the English has the second alone ("uncle", "colour"): the
    translator left the qualifier to the context. Not when the head is a word of little
    meaning ("person", "thing") that the qualifier carries."""
    return gloss.lemmas[1] == head and head not in _LIGHT_HEADS and not gloss.verb


_LIGHT_HEADS = frozenset(
    "person people thing things one man woman member way kind sort type place time".split()
)

HEAD_ONLY = Rule(
    "head_only",
    "link",
    ALL_KINDS,
    Weight(HEAD),
    _qualified,
    ("舅舅 'maternal uncle' found as 'uncle'", "肤色 'skin color' found as 'color'"),
)


def head_hits(
    gloss: Gloss, tokens: Sequence[Token], word: str = ""
) -> list[tuple[list[int], float]]:
    """Where a two-word gloss (of the Chinese ``word``) has its head alone, at strength
    ``HEAD`` (rule ``head_only``)."""
    head = gloss.lemmas[1]
    hits = [([j], HEAD) for j, t in enumerate(tokens) if t.is_content and t.lemma == head]
    return hits if hits and HEAD_ONLY.fires(word, head, gloss) else []
