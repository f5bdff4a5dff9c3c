"""Quiz types as pure logic: build a prompt, check an answer, suggest a grade.

Nothing here knows about the terminal or the database: the study screen shows a
:class:`Prompt` and collects an answer, :func:`check_answer` turns it into an
:class:`Outcome` with a suggested :class:`Rating`, and the store records whatever rating
the learner finally chooses.
"""

from tutor.quiz.grading import (
    TEMPLATE_KINDS,
    Outcome,
    Rating,
    check_answer,
    choose_kind,
    suggest_rating,
)
from tutor.quiz.pinyin_answer import PinyinCheck, SyllableCheck, Verdict, check_pinyin
from tutor.quiz.readings import accepted_readings, dictionary_readings
from tutor.quiz.types import QUIZ_KINDS, SELF_GRADED, Prompt, QuizKind, is_available, make_prompt

__all__ = [
    "QUIZ_KINDS",
    "SELF_GRADED",
    "TEMPLATE_KINDS",
    "Outcome",
    "PinyinCheck",
    "Prompt",
    "QuizKind",
    "Rating",
    "SyllableCheck",
    "Verdict",
    "accepted_readings",
    "check_answer",
    "check_pinyin",
    "choose_kind",
    "dictionary_readings",
    "is_available",
    "make_prompt",
    "suggest_rating",
]
