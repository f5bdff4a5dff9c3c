"""Cloze: the word blanked out of the sentence it was mined from, its English shown.

Meeting a word again in its own context is the strongest cue a learner has, and the
English translation beside it makes the gap answerable. The learner fills the gap by
typing hanzi (simplified or traditional), by typing pinyin (checked like the pinyin quiz,
so tone-only slips are reported as such), or by choosing among options.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tutor.lang.script import is_hanzi
from tutor.model import Entry, Example
from tutor.quiz.pinyin_answer import PinyinCheck, Verdict, check_pinyin

__all__ = [
    "BLANK",
    "Cloze",
    "ClozeCheck",
    "check_cloze",
    "find_cloze",
    "has_cloze",
    "is_hanzi_answer",
]

BLANK = "＿＿"


@dataclass(frozen=True, slots=True)
class Cloze:
    """An example with the word blanked.

    ``form`` is the spelling found in the sentence (the simplified headword, or the
    traditional one when the example is in traditional characters); ``start`` is its first
    occurrence in ``example.zh``.
    """

    sentence: str
    translation: str
    form: str
    start: int
    example: Example


@dataclass(frozen=True, slots=True)
class ClozeCheck:
    """The verdict on a typed cloze answer; ``pinyin`` holds the breakdown when typed as pinyin."""

    verdict: Verdict
    mode: str  # "hanzi" or "pinyin"
    pinyin: PinyinCheck | None = None


def find_cloze(entry: Entry, *, blank_all: bool = True) -> Cloze | None:
    """Blank ``entry`` in the first of its examples that contains it; None if none does.

    The first occurrence locates the word; with ``blank_all`` (the default) later
    occurrences are blanked too, because a sentence that still shows the word elsewhere
    gives the answer away.
    """
    forms = [f for f in dict.fromkeys((entry.hanzi, entry.traditional)) if f]
    for example in entry.examples:
        for form in forms:
            start = example.zh.find(form)
            if start < 0:
                continue
            if blank_all:
                sentence = example.zh.replace(form, BLANK)
            else:
                sentence = example.zh[:start] + BLANK + example.zh[start + len(form) :]
            return Cloze(sentence, example.en, form, start, example)
    return None


def has_cloze(entry: Entry) -> bool:
    """Whether any example contains the word, so a cloze can be made."""
    return find_cloze(entry) is not None


def is_hanzi_answer(answer: str) -> bool:
    """Answers containing any Chinese character are read as hanzi, others as pinyin."""
    return any(is_hanzi(ch) for ch in answer)


def _strip(answer: str) -> str:
    """Drop spaces and punctuation a learner may type around the word (IME artefacts)."""
    return "".join(ch for ch in answer if ch.isalnum())


def check_cloze(answer: str, entry: Entry, readings: Sequence[str] = ()) -> ClozeCheck:
    """Check a typed answer: hanzi must equal the simplified or traditional headword;
    pinyin is checked against ``readings`` (default: the entry's own reading)."""
    if is_hanzi_answer(answer):
        typed = _strip(answer)
        ok = typed in {entry.hanzi, entry.traditional} - {""}
        return ClozeCheck("correct" if ok else "wrong", "hanzi")
    accepted = list(readings) or [entry.pinyin]
    result = check_pinyin(answer, accepted)
    return ClozeCheck(result.verdict, "pinyin", result)
