"""The quiz kinds and the prompt each one shows.

A :class:`Prompt` is everything the UI needs to ask one question: what to show first, an
instruction, a hint to reveal on request, options for a choice, the blanked sentence for a
cloze, and the answers that count as right. It is plain data, so the study screen stays a
thin layer and every kind is testable without a terminal.

Kinds:

- ``recognition``: hanzi -> meaning, self-graded.
- ``recall``: English -> hanzi, self-graded.
- ``pinyin``: hanzi -> typed pinyin, auto-graded (see :mod:`tutor.quiz.pinyin_answer`).
- ``choice``: hanzi -> one of four meanings, auto-graded.
- ``cloze``: example sentence with the word blanked and its English shown -> typed hanzi
  or pinyin, or one of four hanzi options; auto-graded.

When a kind cannot be made for an entry (no example contains the word, the deck is too
small for four options, no reading to type), :func:`make_prompt` falls back to ``fallback``
rather than failing mid-session; ``Prompt.kind`` is always the kind actually shown and
``Prompt.requested`` the one asked for.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, get_args

from tutor.lang.pinyin import strip_tones, syllables
from tutor.model import Entry
from tutor.quiz.choice import can_make_choice, make_choice
from tutor.quiz.cloze import find_cloze, has_cloze, is_hanzi_answer
from tutor.quiz.readings import accepted_readings

__all__ = [
    "QUIZ_KINDS",
    "SELF_GRADED",
    "Prompt",
    "QuizKind",
    "is_available",
    "make_prompt",
    "meaning",
]

QuizKind = Literal["recognition", "recall", "pinyin", "choice", "cloze"]
QUIZ_KINDS: tuple[QuizKind, ...] = get_args(QuizKind)
SELF_GRADED: frozenset[QuizKind] = frozenset({"recognition", "recall"})

_QUESTIONS: dict[QuizKind, str] = {
    "recognition": "What does it mean?",
    "recall": "How is it written in Chinese?",
    "pinyin": "Type the pinyin (tone numbers or marks).",
    "choice": "Choose the meaning.",
    "cloze": "Fill the blank: type hanzi or pinyin, or choose.",
}


@dataclass(frozen=True, slots=True)
class Prompt:
    """One question, ready to show.

    ``front`` is what the card shows first (hanzi, English, or the blanked sentence).
    ``answers`` are the texts that count as right: the readings for ``pinyin``, the hanzi
    (simplified and traditional) for ``recall`` and ``cloze``, the English for
    ``recognition``. ``options``/``answer_index`` are set for ``choice``, and for ``cloze``
    when the deck allows choosing. ``sentence``/``translation`` are the cloze sentence
    (with :data:`tutor.quiz.cloze.BLANK`) and its English.
    """

    kind: QuizKind
    entry: Entry
    front: str
    question: str
    hint: str
    answers: tuple[str, ...]
    readings: tuple[str, ...]
    options: tuple[str, ...] = ()
    answer_index: int | None = None
    sentence: str | None = None
    translation: str | None = None
    requested: QuizKind | None = None

    @property
    def self_graded(self) -> bool:
        """Recognition and recall are graded by the learner; the rest are checked."""
        return self.kind in SELF_GRADED

    @property
    def fell_back(self) -> bool:
        return self.requested is not None and self.requested != self.kind


def meaning(entry: Entry) -> str:
    """The English a card shows for an entry: the translator's rendering, else the senses."""
    if entry.english.strip():
        return entry.english.strip()
    return "; ".join(s for s in entry.senses if s.strip())


def _hanzi_forms(entry: Entry) -> tuple[str, ...]:
    return tuple(f for f in dict.fromkeys((entry.hanzi, entry.traditional)) if f)


def _initials_hint(reading: str) -> str:
    """ "xié tóng" -> "x… t…": enough to jog memory without giving the answer away."""
    parts = [strip_tones(s)[:1].lower() for s in syllables(reading)]
    return " ".join(f"{p}…" for p in parts if p)


def is_available(kind: QuizKind, entry: Entry, deck_entries: Sequence[Entry]) -> bool:
    """Whether ``kind`` can be made for ``entry`` from this deck."""
    if kind == "recognition":
        return bool(entry.hanzi)
    if kind == "recall":
        return bool(meaning(entry)) and bool(entry.hanzi)
    if kind == "pinyin":
        # only for all-hanzi words: typing the pinyin of "2282公顷" would test nothing useful
        hanzi_only = bool(entry.hanzi) and all(is_hanzi_answer(ch) for ch in entry.hanzi)
        return hanzi_only and bool(syllables(entry.pinyin))
    if kind == "choice":
        return can_make_choice(entry, deck_entries, "english")
    if kind == "cloze":
        return has_cloze(entry)
    raise ValueError(f"unknown quiz kind: {kind!r}")


def make_prompt(
    kind: QuizKind,
    entry: Entry,
    deck_entries: Sequence[Entry],
    rng: random.Random,
    *,
    readings: Sequence[str] = (),
    fallback: QuizKind = "recognition",
) -> Prompt:
    """Build the prompt of ``kind`` for ``entry``; options come from ``deck_entries``.

    ``readings`` adds other dictionary readings to accept for typed pinyin (the entry's own
    reading is always accepted, and so are the 一/不 tone changes; see
    :mod:`tutor.quiz.readings`). When ``kind`` cannot be made, ``fallback`` is made instead;
    it must be one that needs nothing beyond the entry (recognition or recall), and
    recognition is used when it is not.
    """
    if kind not in QUIZ_KINDS:
        raise ValueError(f"unknown quiz kind: {kind!r}")
    accepted = accepted_readings(entry, readings)
    prompt = _build(kind, entry, deck_entries, rng, accepted)
    if prompt is None:
        target: QuizKind = fallback if fallback in SELF_GRADED else "recognition"
        prompt = _build(target, entry, deck_entries, rng, accepted)
        if prompt is None:  # recall without any English
            prompt = _build("recognition", entry, deck_entries, rng, accepted)
    assert prompt is not None  # recognition can always be made
    return replace(prompt, requested=kind)


def _build(
    kind: QuizKind,
    entry: Entry,
    deck_entries: Sequence[Entry],
    rng: random.Random,
    accepted: tuple[str, ...],
) -> Prompt | None:
    """The prompt of ``kind``, or None when this entry and deck cannot make one."""
    english = meaning(entry)
    reading = accepted[0] if accepted else ""
    if kind == "recognition":
        return Prompt(
            kind,
            entry,
            entry.hanzi,
            _QUESTIONS[kind],
            reading,
            answers=(english,) if english else (),
            readings=accepted,
        )
    if kind == "recall":
        if not english:
            return None
        return Prompt(
            kind,
            entry,
            english,
            _QUESTIONS[kind],
            reading,
            answers=_hanzi_forms(entry),
            readings=accepted,
        )
    if kind == "pinyin":
        if not accepted or not is_available(kind, entry, deck_entries):
            return None
        return Prompt(
            kind,
            entry,
            entry.hanzi,
            _QUESTIONS[kind],
            english,
            answers=accepted,
            readings=accepted,
        )
    if kind == "choice":
        choice = make_choice(entry, deck_entries, rng, show="english")
        if choice is None:
            return None
        return Prompt(
            kind,
            entry,
            entry.hanzi,
            _QUESTIONS[kind],
            reading,
            answers=(choice.options[choice.answer_index],),
            readings=accepted,
            options=choice.options,
            answer_index=choice.answer_index,
        )
    cloze = find_cloze(entry)
    if cloze is None:
        return None
    options = make_choice(entry, deck_entries, rng, show="hanzi")
    return Prompt(
        kind,
        entry,
        cloze.sentence,
        _QUESTIONS[kind],
        _initials_hint(reading) if reading else english,
        answers=_hanzi_forms(entry),
        readings=accepted,
        options=options.options if options else (),
        answer_index=options.answer_index if options else None,
        sentence=cloze.sentence,
        translation=cloze.translation,
    )
