"""Suggested FSRS ratings from checked answers, and picking the quiz kind for a card."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

import fsrs
import pytest

from tutor.model import Entry, Example
from tutor.quiz.grading import Rating, check_answer, choose_kind, suggest_rating
from tutor.quiz.types import make_prompt

XIETONG = Entry(
    "协同",
    "協同",
    "xié tóng",
    "coordinated",
    ("to cooperate",),
    examples=(Example("京津冀协同发展。", "Coordinated growth."),),
)
DECK = [XIETONG] + [
    Entry(h, h, p, en, (en,))
    for h, p, en in [
        ("银行", "yín háng", "bank"),
        ("苹果", "píng guǒ", "apple"),
        ("火车", "huǒ chē", "train"),
        ("医生", "yī shēng", "doctor"),
    ]
]


def test_rating_values_match_fsrs() -> None:
    for ours, theirs in zip(Rating, fsrs.Rating, strict=True):
        assert int(ours) == int(theirs)
        assert fsrs.Rating(int(ours)) is theirs


@pytest.mark.parametrize(
    ("verdict", "hinted", "strict", "expected"),
    [
        ("correct", False, True, Rating.GOOD),
        ("correct", True, True, Rating.HARD),
        ("wrong", False, True, Rating.AGAIN),
        ("wrong", True, True, Rating.AGAIN),
        ("tone_only", False, True, Rating.AGAIN),
        ("tone_only", True, True, Rating.AGAIN),
        ("tone_only", False, False, Rating.HARD),
        ("tone_only", True, False, Rating.HARD),
    ],
)
def test_suggest_rating(verdict: str, hinted: bool, strict: bool, expected: Rating) -> None:
    got = suggest_rating(verdict, hinted=hinted, tone_only_is_wrong=strict)  # type: ignore[arg-type]
    assert got == expected


def pinyin_prompt():
    return make_prompt("pinyin", XIETONG, DECK, random.Random(0))


def test_pinyin_answer_outcomes() -> None:
    p = pinyin_prompt()
    right = check_answer(p, "xie2tong2")
    assert right.correct and right.suggested == Rating.GOOD and right.mode == "pinyin"
    assert right.pinyin is not None and len(right.pinyin.syllables) == 2
    assert check_answer(p, "xie2tong2", hinted=True).suggested == Rating.HARD
    tone = check_answer(p, "xietong")
    assert tone.verdict == "tone_only" and tone.suggested == Rating.AGAIN
    lenient = check_answer(p, "xietong", tone_only_is_wrong=False)
    assert lenient.suggested == Rating.HARD
    assert check_answer(p, "shi2jian1").suggested == Rating.AGAIN


def test_choice_outcomes_by_index_or_text() -> None:
    p = make_prompt("choice", XIETONG, DECK, random.Random(4))
    assert p.answer_index is not None
    right = check_answer(p, p.answer_index)
    assert right.correct and right.suggested == Rating.GOOD and right.chosen == p.answer_index
    wrong_index = (p.answer_index + 1) % 4
    wrong = check_answer(p, wrong_index)
    assert wrong.verdict == "wrong" and wrong.suggested == Rating.AGAIN
    assert check_answer(p, " Coordinated ").correct
    assert check_answer(p, p.answer_index, hinted=True).suggested == Rating.HARD
    with pytest.raises(ValueError):
        check_answer(p, 4)
    with pytest.raises(ValueError):
        check_answer(p, "not an option")


def test_cloze_outcomes_typed_or_chosen() -> None:
    p = make_prompt("cloze", XIETONG, DECK, random.Random(2))
    assert p.kind == "cloze"
    assert check_answer(p, "协同").suggested == Rating.GOOD
    assert check_answer(p, "協同").mode == "hanzi"
    assert check_answer(p, "xie2 tong2").mode == "pinyin"
    assert check_answer(p, "xie tong").suggested == Rating.AGAIN
    assert check_answer(p, "银行").suggested == Rating.AGAIN
    assert p.answer_index is not None
    chosen = check_answer(p, p.answer_index)
    assert chosen.correct and chosen.mode == "choice"


def test_self_graded_prompts_cannot_be_checked() -> None:
    for kind in ("recognition", "recall"):
        p = make_prompt(kind, XIETONG, DECK, random.Random(0))  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            check_answer(p, "anything")


def test_choose_kind_respects_the_template() -> None:
    rec = Counter(choose_kind("recognition", XIETONG, DECK, random.Random(s)) for s in range(60))
    assert set(rec) == {"recognition", "choice", "pinyin"}
    rcl = Counter(choose_kind("Recall", XIETONG, DECK, random.Random(s)) for s in range(60))
    assert set(rcl) == {"recall", "cloze"}


def test_choose_kind_is_deterministic_with_the_rng() -> None:
    a = [choose_kind("recognition", XIETONG, DECK, random.Random(9)) for _ in range(3)]
    assert len(set(a)) == 1


def test_choose_kind_honours_enabled_kinds_and_availability() -> None:
    for seed in range(30):
        rng = random.Random(seed)
        assert choose_kind("recognition", XIETONG, DECK, rng, {"pinyin"}) == "pinyin"
        # choice needs four suitable entries
        assert choose_kind("recognition", XIETONG, DECK[:2], rng, {"choice", "pinyin"}) == (
            "pinyin"
        )
        # cloze needs an example containing the word
        bare = replace(XIETONG, examples=())
        assert choose_kind("recall", bare, DECK, rng) == "recall"
        # nothing enabled for this template: its self-graded kind
        assert choose_kind("recall", XIETONG, DECK, rng, {"pinyin"}) == "recall"


def test_choose_kind_unknown_template() -> None:
    with pytest.raises(ValueError):
        choose_kind("listening", XIETONG, DECK, random.Random(0))
