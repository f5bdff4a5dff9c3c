"""A clause written in traditional characters is cut as the same clause in simplified ones."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining import resources as res
from tutor.model import SegmentPair


def _english(zh: str, en: str) -> dict[str, str]:
    result = mine([SegmentPair(zh, en, "t", 1, 0)], workers=1)
    return {e.hanzi: e.english for e in [*result.entries, *result.low]}


def test_a_traditional_clause_yields_the_words_of_its_simplified_twin() -> None:
    traditional = _english(
        "我寄給你一個航空郵件生日禮物。", "I'm sending you a birthday present by airmail."
    )
    simplified = _english(
        "我寄给你一个航空邮件生日礼物。", "I'm sending you a birthday present by airmail."
    )
    assert traditional == simplified
    assert traditional["寄给"] == "send" and traditional["生日礼物"] == "birthday present"


def test_a_simplified_clause_with_a_character_both_scripts_use_is_cut_as_written() -> None:
    got = _english("舞台上有著名音乐家吗？", "Are there any famous musicians on the stage?")
    assert got["著名"] == "famous"  # not 有着 / 名: 著 is simplified too


def test_characters_only_traditional_script_writes_are_told_apart() -> None:
    assert res.traditional_only("個") and res.traditional_only("經")
    assert not res.traditional_only("著") and not res.traditional_only("个")


def test_the_english_after_a_time_word_is_not_placed_on_another_word() -> None:
    got = _english("這家銀行一週前被搶劫。", "The bank was held up a week ago.")
    assert got.get("抢劫") != "ago"
