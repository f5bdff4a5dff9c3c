"""Prompts for each quiz kind, and the fallbacks when a kind cannot be made."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from tutor.model import Entry, Example
from tutor.quiz.cloze import BLANK
from tutor.quiz.types import QUIZ_KINDS, is_available, make_prompt

EXAMPLE = Example("京津冀协同发展取得新进展。", "New progress was made in coordinated growth.")
XIETONG = Entry(
    "协同",
    "協同",
    "xié tóng",
    "coordinated",
    ("to cooperate", "in coordination with"),
    examples=(EXAMPLE,),
)
OTHERS = [
    Entry(h, h, p, en, (en,))
    for h, p, en in [
        ("银行", "yín háng", "bank"),
        ("苹果", "píng guǒ", "apple"),
        ("火车", "huǒ chē", "train"),
        ("医生", "yī shēng", "doctor"),
        ("老师", "lǎo shī", "teacher"),
    ]
]
DECK = [XIETONG, *OTHERS]


def prompt(kind: str, entry: Entry = XIETONG, deck: list[Entry] = DECK, **kw: object):
    return make_prompt(kind, entry, deck, random.Random(0), **kw)  # type: ignore[arg-type]


def test_kinds() -> None:
    assert QUIZ_KINDS == ("recognition", "recall", "pinyin", "choice", "cloze")


def test_recognition_shows_hanzi_and_is_self_graded() -> None:
    p = prompt("recognition")
    assert p.kind == "recognition" and p.self_graded
    assert p.front == "协同"
    assert p.answers == ("coordinated",)
    assert p.hint == "xié tóng"
    assert not p.fell_back


def test_recall_shows_english_and_expects_hanzi() -> None:
    p = prompt("recall")
    assert p.kind == "recall" and p.self_graded
    assert p.front == "coordinated"
    assert p.answers == ("协同", "協同")


def test_recall_uses_senses_when_there_is_no_rendering() -> None:
    p = prompt("recall", replace(XIETONG, english=""))
    assert p.front == "to cooperate; in coordination with"


def test_pinyin_prompt_accepts_extra_readings() -> None:
    p = prompt("pinyin", readings=["xie2 tong2", "xie2 tong4"])
    assert p.kind == "pinyin" and not p.self_graded
    assert p.front == "协同"
    assert p.readings == ("xié tóng", "xié tòng")
    assert p.hint == "coordinated"


def test_choice_prompt_has_four_options() -> None:
    p = prompt("choice")
    assert p.kind == "choice"
    assert len(p.options) == 4 and len(set(p.options)) == 4
    assert p.answer_index is not None
    assert p.options[p.answer_index] == "coordinated"
    assert p.answers == ("coordinated",)


def test_cloze_prompt() -> None:
    p = prompt("cloze")
    assert p.kind == "cloze"
    assert p.sentence == f"京津冀{BLANK}发展取得新进展。"
    assert p.front == p.sentence
    assert p.translation == EXAMPLE.en
    assert "协同" not in p.front
    assert p.answers == ("协同", "協同")
    assert p.hint == "x… t…"
    assert p.answer_index is not None and p.options[p.answer_index] == "协同"


def test_cloze_without_enough_entries_has_no_options_but_still_works() -> None:
    p = prompt("cloze", deck=[XIETONG])
    assert p.kind == "cloze"
    assert p.options == () and p.answer_index is None


def test_cloze_without_an_example_falls_back_to_recognition() -> None:
    bare = replace(XIETONG, examples=(Example("我们去银行。", "We go to the bank."),))
    p = prompt("cloze", bare)
    assert p.kind == "recognition"
    assert p.requested == "cloze" and p.fell_back


def test_fallback_kind_can_be_recall() -> None:
    bare = replace(XIETONG, examples=())
    p = prompt("cloze", bare, fallback="recall")
    assert p.kind == "recall" and p.requested == "cloze"


def test_choice_in_a_tiny_deck_falls_back() -> None:
    p = prompt("choice", deck=[XIETONG, OTHERS[0]])
    assert p.kind == "recognition" and p.requested == "choice"


def test_availability() -> None:
    assert all(is_available(k, XIETONG, DECK) for k in QUIZ_KINDS)
    assert not is_available("choice", XIETONG, DECK[:3])
    assert not is_available("cloze", replace(XIETONG, examples=()), DECK)
    assert not is_available("pinyin", replace(XIETONG, pinyin=""), DECK)
    measure = Entry("900公里", "900公里", "900 gōng lǐ", "kilometers", kind="measure")
    assert not is_available("pinyin", measure, DECK)
    assert prompt("pinyin", measure).kind == "recognition"
    assert not is_available("recall", replace(XIETONG, english="", senses=()), DECK)


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError):
        prompt("dictation")
