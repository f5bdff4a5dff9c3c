"""Typed pinyin: every spelling learners use, and the per-syllable verdict."""

from __future__ import annotations

import pytest

from tutor.quiz.pinyin_answer import check_pinyin, parse_pinyin

XIETONG = "xié tóng"  # 协同


@pytest.mark.parametrize(
    "answer",
    [
        "xie2tong2",
        "xie2 tong2",
        "xiétóng",
        "xié tóng",
        "XIE2TONG2",
        "  Xie2   Tong2 ",
        "xie2-tong2",
    ],
)
def test_xietong_spellings_are_correct(answer: str) -> None:
    assert check_pinyin(answer, XIETONG).verdict == "correct"


@pytest.mark.parametrize("answer", ["xietong", "xie tong", "xie1tong2", "xie2tong4", "xiětōng"])
def test_xietong_with_wrong_or_missing_tones_is_tone_only(answer: str) -> None:
    result = check_pinyin(answer, XIETONG)
    assert result.verdict == "tone_only"
    assert [s.syllable_ok for s in result.syllables] == [True, True]


def test_tone_only_breakdown_marks_the_wrong_syllable() -> None:
    result = check_pinyin("xie2tong4", XIETONG)
    first, second = result.syllables
    assert (first.expected, first.given, first.expected_tone, first.given_tone) == (
        "xie",
        "xie",
        2,
        2,
    )
    assert first.ok and not second.ok
    assert (second.expected_tone, second.given_tone) == (2, 4)
    assert second.expected_marked == "tóng"
    assert second.given_marked == "tòng"


@pytest.mark.parametrize("answer", ["lv4", "lu:4", "lǜ", "LV4", "lü4", "lu:4 "])
def test_u_umlaut_spellings(answer: str) -> None:
    assert check_pinyin(answer, "lǜ").verdict == "correct"  # 绿


def test_plain_u_is_a_different_syllable_from_u_umlaut() -> None:
    result = check_pinyin("lu4", "lǜ")
    assert result.verdict == "wrong"
    assert result.syllables[0].given == "lu"
    assert result.syllables[0].expected == "lü"


def test_umlaut_reading_in_numbered_dictionary_form() -> None:
    assert check_pinyin("lv4", "lu:4").verdict == "correct"


@pytest.mark.parametrize("answer", ["de", "de5", "de0", "DE"])
def test_neutral_tone_as_5_0_or_nothing(answer: str) -> None:
    assert check_pinyin(answer, "de").verdict == "correct"


def test_neutral_tone_typed_as_a_tone_is_tone_only() -> None:
    assert check_pinyin("de2", "de").verdict == "tone_only"


@pytest.mark.parametrize("answer", ["xi1an1", "xi1 an1", "Xī'ān", "xī'ān", "XI1AN1"])
def test_xian_apostrophe_and_numbers(answer: str) -> None:
    assert check_pinyin(answer, "Xī ān").verdict == "correct"  # 西安


def test_xian_without_tones_is_tone_only_with_two_syllables() -> None:
    result = check_pinyin("Xi'an", "Xī ān")
    assert result.verdict == "tone_only"
    assert [s.given for s in result.syllables] == ["xi", "an"]


def test_run_together_letters_follow_the_expected_split() -> None:
    # "xian" alone would be one syllable; against 西安 it is read as xi + an
    assert check_pinyin("xi1an1", "xī'ān").verdict == "correct"
    result = check_pinyin("xian1", "Xī ān")
    assert [s.given for s in result.syllables] == ["xi", "an"]
    assert result.verdict == "tone_only"


def test_one_syllable_xian_is_still_one_syllable() -> None:
    assert check_pinyin("xian1", "xiān").verdict == "correct"  # 先


@pytest.mark.parametrize(
    ("answer", "reading"),
    [
        ("xie2tang2", XIETONG),
        ("shi2tong2", XIETONG),
        ("xie2", XIETONG),
        ("xie2tong2fa1", XIETONG),
        ("", XIETONG),
        ("协同", XIETONG),
        ("lu4", "lǜ"),
        ("da4", "de"),
    ],
)
def test_wrong_syllables(answer: str, reading: str) -> None:
    assert check_pinyin(answer, reading).verdict == "wrong"


def test_missing_syllable_is_shown_as_empty() -> None:
    result = check_pinyin("xie2", XIETONG)
    assert len(result.syllables) == 2
    assert result.syllables[1].given == "" and result.syllables[1].given_tone == 0
    assert result.syllables[0].ok


def test_extra_syllable_is_shown_against_nothing() -> None:
    result = check_pinyin("xie2 tong2 fa1", XIETONG)
    assert result.verdict == "wrong"
    assert result.syllables[2].expected == "" and result.syllables[2].given == "fa"


def test_typo_in_run_together_input_points_at_the_bad_syllable() -> None:
    result = check_pinyin("xietomg", XIETONG)
    assert [s.given for s in result.syllables] == ["xie", "tomg"]
    assert [s.syllable_ok for s in result.syllables] == [True, False]


def test_any_dictionary_reading_is_accepted() -> None:
    readings = ["xíng", "háng"]  # 行
    assert check_pinyin("hang2", readings).verdict == "correct"
    assert check_pinyin("xing2", readings).verdict == "correct"
    best = check_pinyin("hang4", readings)
    assert best.verdict == "tone_only" and best.reading == "háng"
    assert check_pinyin("hen3", readings).verdict == "wrong"


def test_no_reading_is_an_error() -> None:
    with pytest.raises(ValueError):
        check_pinyin("xie2", [])


def test_ju_qu_xu_yu_accept_u_umlaut_spellings() -> None:
    assert check_pinyin("jv2", "jú").verdict == "correct"
    assert check_pinyin("xu:e2", "xué").verdict == "correct"


def test_lue_is_read_as_lüe() -> None:
    assert check_pinyin("lue4", "lüè").verdict == "correct"


def test_erhua_joined_or_apart() -> None:
    for answer in ("nar3", "na3r", "na3 r5", "nǎr"):
        assert check_pinyin(answer, "nǎr").verdict == "correct", answer
    assert check_pinyin("nar3", "na3 r5").verdict == "correct"


def test_capitalised_name_reading() -> None:
    assert check_pinyin("beijing", "Běi jīng").verdict == "tone_only"
    assert check_pinyin("Bei3jing1", "Běi jīng").verdict == "correct"


def test_breve_typed_for_caron_counts_as_third_tone() -> None:
    assert check_pinyin("hăo", "hǎo").verdict == "correct"


def test_parse_pinyin_marks_and_digits() -> None:
    assert parse_pinyin("xiétóng") == [("xie", 2), ("tong", 2)]
    assert parse_pinyin("nǚ'ér") == [("nü", 3), ("er", 2)]
    assert parse_pinyin("ma") == [("ma", 5)]
