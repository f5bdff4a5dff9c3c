"""Accepted readings: the entry's, the dictionary's others, and 一/不 tone changes."""

from __future__ import annotations

import random

from tutor.model import Entry
from tutor.quiz.grading import Rating, check_answer
from tutor.quiz.readings import accepted_readings, dictionary_readings, sandhi_variant
from tutor.quiz.types import make_prompt


def word(hanzi: str, pinyin: str) -> Entry:
    return Entry(hanzi, hanzi, pinyin, "x")


def test_yi_changes_before_fourth_and_other_tones() -> None:
    assert sandhi_variant("一样", "yī yàng") == "yí yàng"
    assert sandhi_variant("一般", "yī bān") == "yì bān"
    assert sandhi_variant("一起", "yī qǐ") == "yì qǐ"


def test_bu_changes_only_before_fourth_tone() -> None:
    assert sandhi_variant("不是", "bù shì") == "bú shì"
    assert sandhi_variant("不好", "bù hǎo") is None


def test_no_change_at_the_end_or_without_one_and_bu() -> None:
    assert sandhi_variant("统一", "tǒng yī") is None
    assert sandhi_variant("协同", "xié tóng") is None
    assert sandhi_variant("一", "yī") is None
    assert sandhi_variant("一样", "yí yàng") is None  # already written with the change


def test_no_change_when_syllables_do_not_line_up_with_characters() -> None:
    assert sandhi_variant("一样儿", "yī yàng") is None


def test_accepted_readings_order_and_dedup() -> None:
    e = word("一样", "yī yàng")
    assert accepted_readings(e) == ("yī yàng", "yí yàng")
    assert accepted_readings(e, ["yi1 yang4", "yí yàng"]) == ("yī yàng", "yí yàng")
    xing = word("行", "xíng")
    assert accepted_readings(xing, ["xing2", "hang2"]) == ("xíng", "háng")


def test_sandhi_typed_answer_is_right_and_citation_form_too() -> None:
    e = word("不是", "bù shì")
    p = make_prompt("pinyin", e, [e], random.Random(0))
    assert check_answer(p, "bu2shi4").suggested == Rating.GOOD
    assert check_answer(p, "bu4shi4").suggested == Rating.GOOD
    assert check_answer(p, "bu3shi4").verdict == "tone_only"


class _FakeDictEntry:
    def __init__(self, pinyin: str) -> None:
        self.pinyin = pinyin


class _FakeCedict:
    def lookup(self, word: str) -> list[_FakeDictEntry]:
        return [_FakeDictEntry("xíng"), _FakeDictEntry("háng"), _FakeDictEntry("xíng")]


def test_dictionary_readings_unique_in_order() -> None:
    assert dictionary_readings("行", _FakeCedict()) == ["xíng", "háng"]  # type: ignore[arg-type]
