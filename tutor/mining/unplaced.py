"""Words the translation does not show: no card unless asked for.

A word whose every sighting links to nothing in the English (the translator left it out,
recast the sentence, or wrote a synonym the dictionary does not give) has no rendering from
the text. It used to wait for review with the dictionary's first sense, and such words were
most of the review queue (three in four held-back entries on the dev set), rarely with the
sense the text uses. The rule ``unplaced_word`` leaves them out; ``tutor coverage`` still
lists them among the text's unknown words, and ``tutor mine --keep-unplaced`` (the rule
switched off) keeps them for review at ``FALLBACK_CONFIDENCE``.
"""

from __future__ import annotations

from tutor.mining.pipeline import Drop, Rule

__all__ = ["FALLBACK_CONFIDENCE", "UNPLACED_WORD", "unplaced"]

FALLBACK_CONFIDENCE = 0.3  # below any threshold: a kept unplaced word waits for review


def unplaced(hanzi: str, renderings: int) -> bool:
    """Whether the word with ``renderings`` renderings from the text is left out."""
    return UNPLACED_WORD.fires(hanzi, renderings)


def _nothing_renders(hanzi: str, renderings: int) -> bool:
    """A word no sighting of which is linked to any English of the text (就 in 我就来 "I'm
    coming"): there is no rendering to teach, only the dictionary's senses."""
    return renderings == 0


UNPLACED_WORD = Rule(
    "unplaced_word",
    "render",
    frozenset(("word",)),
    Drop(),
    _nothing_renders,
    ("a word no sighting links to English: no entry (kept for review when switched off)",),
)
