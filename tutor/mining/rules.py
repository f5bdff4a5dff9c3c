"""Every mining rule by name, in the order mining meets them: the segmentation repair, link
rules, then the rules for single words, then those for phrases, then the render rules that
shape the English."""

from __future__ import annotations

from collections.abc import Collection

from tutor.errors import TutorError
from tutor.mining.baseform import BASE_FORM
from tutor.mining.claims import ONE_CLAIM, SHARED_REPEAT
from tutor.mining.compounds import FREE_COMPOUND
from tutor.mining.coordinated import COORDINATED
from tutor.mining.glued import GLUED_LOCALIZER, GLUED_OPENER, GLUED_PARTICLE
from tutor.mining.grow import BOUNDED_GAP, PARTIAL_RENDERING
from tutor.mining.linkrules import HEAD_ONLY, LOOSE_ADVERB, MISCUT_RULE
from tutor.mining.namecuts import GLUED_NAME
from tutor.mining.nameparts import WHOLE_NAME
from tutor.mining.negated import NEGATED_FORM
from tutor.mining.nounsenses import NOUN_SENSE
from tutor.mining.numbercuts import WHOLE_NUMBER
from tutor.mining.ownwords import RECURRING_WORD
from tutor.mining.pipeline import Rule
from tutor.mining.recurring import RECURRING_TERM
from tutor.mining.relisted import LISTED_WORD
from tutor.mining.runners import PLACED_RUNNER
from tutor.mining.spanrules import PHRASE_RULES, WORD_RULES
from tutor.mining.translit import SOUNDS_LIKE
from tutor.mining.unplaced import UNPLACED_WORD

__all__ = ["RULES", "check_names"]

RULES: tuple[Rule, ...] = (
    WHOLE_NUMBER,
    GLUED_PARTICLE,
    GLUED_LOCALIZER,
    FREE_COMPOUND,
    GLUED_NAME,
    LISTED_WORD,
    GLUED_OPENER,
    MISCUT_RULE,
    LOOSE_ADVERB,
    HEAD_ONLY,
    NEGATED_FORM,
    NOUN_SENSE,
    SOUNDS_LIKE,
    RECURRING_TERM,
    RECURRING_WORD,
    ONE_CLAIM,
    SHARED_REPEAT,
    WHOLE_NAME,
    PARTIAL_RENDERING,
    BOUNDED_GAP,
    COORDINATED,
    *WORD_RULES,
    *PHRASE_RULES,
    PLACED_RUNNER,
    BASE_FORM,
    UNPLACED_WORD,
)
_BY_NAME = {r.name: r for r in RULES}


def check_names(names: Collection[str]) -> frozenset[str]:
    """``names`` as a set, or a TutorError naming the first that is no rule."""
    for name in names:
        if name not in _BY_NAME:
            known = ", ".join(_BY_NAME)
            raise TutorError(f"no mining rule {name!r} (rules: {known})")
    return frozenset(names)
