"""Cloze: blanking the word in its example and checking typed hanzi or pinyin."""

from __future__ import annotations

from tutor.model import Entry, Example
from tutor.quiz.cloze import BLANK, check_cloze, find_cloze, has_cloze, is_hanzi_answer

EX_WITH = Example("京津冀协同发展取得新进展。", "New progress was made in coordinated growth.")
EX_WITHOUT = Example("我们去银行。", "We go to the bank.")


def xietong(*examples: Example, traditional: str = "協同") -> Entry:
    return Entry("协同", traditional, "xié tóng", "coordinated", examples=examples)


def test_blanks_the_word_and_shows_the_english() -> None:
    cloze = find_cloze(xietong(EX_WITH))
    assert cloze is not None
    assert cloze.sentence == f"京津冀{BLANK}发展取得新进展。"
    assert cloze.translation == EX_WITH.en
    assert cloze.start == 3
    assert cloze.form == "协同"
    assert "协同" not in cloze.sentence


def test_falls_back_to_a_later_example_that_contains_the_word() -> None:
    cloze = find_cloze(xietong(EX_WITHOUT, EX_WITH))
    assert cloze is not None
    assert cloze.example == EX_WITH


def test_no_example_with_the_word_gives_none() -> None:
    assert find_cloze(xietong(EX_WITHOUT)) is None
    assert find_cloze(xietong()) is None
    assert not has_cloze(xietong(EX_WITHOUT))


def test_first_occurrence_located_and_every_occurrence_hidden() -> None:
    ex = Example("协同创新，协同发展。", "Innovate together, grow together.")
    cloze = find_cloze(xietong(ex))
    assert cloze is not None
    assert cloze.start == 0
    assert cloze.sentence == f"{BLANK}创新，{BLANK}发展。"
    only_first = find_cloze(xietong(ex), blank_all=False)
    assert only_first is not None
    assert only_first.sentence == f"{BLANK}创新，协同发展。"


def test_traditional_example_is_blanked_on_the_traditional_form() -> None:
    ex = Example("京津冀協同發展。", "Coordinated growth.")
    cloze = find_cloze(xietong(ex))
    assert cloze is not None
    assert cloze.form == "協同"
    assert cloze.sentence == f"京津冀{BLANK}發展。"


def test_typed_hanzi_simplified_or_traditional() -> None:
    e = xietong(EX_WITH)
    assert check_cloze("协同", e).verdict == "correct"
    assert check_cloze(" 協同 ", e).verdict == "correct"
    assert check_cloze("协同。", e).verdict == "correct"
    wrong = check_cloze("协调", e)
    assert wrong.verdict == "wrong" and wrong.mode == "hanzi"
    assert check_cloze("协", e).verdict == "wrong"


def test_typed_pinyin_checked_with_tone_only_reported() -> None:
    e = xietong(EX_WITH)
    right = check_cloze("xie2tong2", e)
    assert right.verdict == "correct" and right.mode == "pinyin"
    assert right.pinyin is not None and right.pinyin.correct
    assert check_cloze("xietong", e).verdict == "tone_only"
    assert check_cloze("xie2tiao2", e).verdict == "wrong"


def test_other_readings_accepted_when_given() -> None:
    e = Entry("行", "行", "xíng", "to walk", examples=(Example("银行", "bank"),))
    assert check_cloze("hang2", e).verdict == "wrong"
    assert check_cloze("hang2", e, ["xíng", "háng"]).verdict == "correct"


def test_hanzi_detection() -> None:
    assert is_hanzi_answer("协同")
    assert is_hanzi_answer("xie协")
    assert not is_hanzi_answer("xié tóng")
    assert not is_hanzi_answer("lv4")
