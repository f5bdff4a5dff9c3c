"""From an answer to a suggested FSRS rating, and which quiz kind a card gets.

Auto-graded kinds (pinyin, choice, cloze) suggest a rating; they never decide it. The
learner sees the suggestion on the grade keys and can override it before it is saved:
a typo in a word they clearly know, or a lucky guess at a choice, are theirs to judge.

Mapping (:func:`suggest_rating`):

- wrong -> Again (1)
- right -> Good (3)
- right after revealing the hint -> Hard (2)
- a tone-only mistake (right syllables, some tone wrong) counts as **wrong** by default:
  tones are part of the word, and a learner who keeps getting them wrong should see the
  card again soon. Pass ``tone_only_is_wrong=False`` to count it as right but flawed (Hard).

Nothing here returns Easy (4): a check cannot tell an effortless answer from a slow one;
the learner can still press it.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

from tutor.model import Entry
from tutor.quiz.cloze import check_cloze
from tutor.quiz.pinyin_answer import PinyinCheck, Verdict, check_pinyin
from tutor.quiz.types import QUIZ_KINDS, Prompt, QuizKind, is_available

__all__ = [
    "TEMPLATE_KINDS",
    "AnswerMode",
    "Outcome",
    "Rating",
    "check_answer",
    "choose_kind",
    "suggest_rating",
]


class Rating(IntEnum):
    """FSRS ratings, with the same values as ``fsrs.Rating`` (convert with ``fsrs.Rating(r)``)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


AnswerMode = Literal["pinyin", "hanzi", "choice"]

# Which quiz kinds can stand in for each card template of a note. Recognition cards test
# reading a word (meaning or sound from hanzi); recall cards test producing it.
TEMPLATE_KINDS: dict[str, tuple[QuizKind, ...]] = {
    "recognition": ("recognition", "choice", "pinyin"),
    "recall": ("recall", "cloze"),
}


@dataclass(frozen=True, slots=True)
class Outcome:
    """The checked answer: verdict, the suggested rating, and the detail the UI shows.

    ``pinyin`` holds the per-syllable breakdown when the answer was typed pinyin;
    ``chosen`` the option index when the learner picked one.
    """

    verdict: Verdict
    suggested: Rating
    mode: AnswerMode
    hinted: bool = False
    pinyin: PinyinCheck | None = None
    chosen: int | None = None

    @property
    def correct(self) -> bool:
        return self.verdict == "correct"


def suggest_rating(
    verdict: Verdict, *, hinted: bool = False, tone_only_is_wrong: bool = True
) -> Rating:
    """The rating an answer suggests; see the module docstring for the mapping."""
    if verdict == "wrong" or (verdict == "tone_only" and tone_only_is_wrong):
        return Rating.AGAIN
    if verdict == "tone_only" or hinted:
        return Rating.HARD
    return Rating.GOOD


def _option_index(prompt: Prompt, answer: str | int) -> int:
    if isinstance(answer, int):
        if not 0 <= answer < len(prompt.options):
            raise ValueError(f"option {answer} out of range 0..{len(prompt.options) - 1}")
        return answer
    wanted = " ".join(answer.split()).lower()
    for i, option in enumerate(prompt.options):
        if " ".join(option.split()).lower() == wanted:
            return i
    raise ValueError(f"{answer!r} is not one of the options")


def check_answer(
    prompt: Prompt,
    answer: str | int,
    *,
    hinted: bool = False,
    tone_only_is_wrong: bool = True,
) -> Outcome:
    """Check an answer to an auto-graded prompt and suggest a rating.

    ``answer`` is the typed text, or for a choice (and a cloze answered by choosing) the
    0-based option index or the option's text. Self-graded prompts (recognition, recall)
    have nothing to check and raise ``ValueError``.
    """
    if prompt.self_graded:
        raise ValueError(f"{prompt.kind} prompts are graded by the learner")

    def outcome(
        verdict: Verdict,
        mode: AnswerMode,
        pinyin: PinyinCheck | None = None,
        chosen: int | None = None,
    ) -> Outcome:
        rating = suggest_rating(verdict, hinted=hinted, tone_only_is_wrong=tone_only_is_wrong)
        return Outcome(verdict, rating, mode, hinted, pinyin, chosen)

    choosing = prompt.kind == "choice" or (prompt.kind == "cloze" and isinstance(answer, int))
    if choosing:
        if not prompt.options or prompt.answer_index is None:
            raise ValueError("this prompt has no options to choose from")
        chosen = _option_index(prompt, answer)
        verdict: Verdict = "correct" if chosen == prompt.answer_index else "wrong"
        return outcome(verdict, "choice", chosen=chosen)
    assert isinstance(answer, str)
    if prompt.kind == "pinyin":
        result = check_pinyin(answer, prompt.readings)
        return outcome(result.verdict, "pinyin", pinyin=result)
    cloze = check_cloze(answer, prompt.entry, prompt.readings)
    mode: AnswerMode = "hanzi" if cloze.mode == "hanzi" else "pinyin"
    return outcome(cloze.verdict, mode, pinyin=cloze.pinyin)


def choose_kind(
    card_template: str,
    entry: Entry,
    deck_entries: Sequence[Entry],
    rng: random.Random,
    enabled_kinds: Collection[QuizKind] = QUIZ_KINDS,
) -> QuizKind:
    """Pick the quiz kind for a card of ``card_template`` ("recognition" or "recall").

    Draws uniformly from the kinds the template allows (:data:`TEMPLATE_KINDS`) that are
    enabled and available for this entry: cloze needs an example containing the word,
    choice needs at least three suitable distractors in the deck, pinyin needs a reading.
    When none is, the template's own self-graded kind is used.
    """
    template = card_template.strip().lower()
    if template not in TEMPLATE_KINDS:
        raise ValueError(f"unknown card template: {card_template!r}")
    allowed = [
        k
        for k in TEMPLATE_KINDS[template]
        if k in enabled_kinds and is_available(k, entry, deck_entries)
    ]
    if not allowed:
        return TEMPLATE_KINDS[template][0]
    return rng.choice(allowed)
