"""A free compound the segmenter made of dictionary words is also read as its words."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.compounds import compounds
from tutor.model import SegmentPair


def _pair(zh: str, en: str) -> SegmentPair:
    return SegmentPair(zh, en, "t", 1, 0)


def test_a_compound_the_dictionary_lacks_is_cut_into_its_words() -> None:
    assert compounds(["香港政府", "缩小", "了"]) == {0: ("香港", "政府")}
    assert compounds(["说", "科学论文"]) == {1: ("科学", "论文")}


def test_dictionary_words_two_character_words_and_names_stay_whole() -> None:
    words = ["中华人民共和国", "计算机", "哈腓拉", "希尔薇", "电话"]  # listed; names; short
    assert compounds(words) == {}


def test_a_three_character_word_is_cut_into_a_word_and_a_character() -> None:
    assert compounds(["电话响", "了"]) == {0: ("电话", "响")}
    assert compounds(["这时候"]) == {0: ("这", "时候")}  # the commoner word of two cuts


def test_a_word_glued_to_a_character_is_mined() -> None:
    pair = _pair("在我洗澡的时候，电话响了。", "I was having a bath when the telephone rang.")
    on = {(e.hanzi, e.english) for e in mine([pair], workers=1).entries}
    off = {e.hanzi for e in mine([pair], workers=1, disable={"free_compound"}).entries}
    assert ("电话", "telephone") in on and "电话" not in off


def test_a_word_inside_a_free_compound_is_mined() -> None:
    pair = _pair(
        "香港政府缩小了国庆庆祝活动的规模。",
        "The Hong Kong government has scaled down National Day celebrations.",
    )
    got = {(e.hanzi, e.english) for e in mine([pair], workers=1).entries}
    assert ("香港", "Hong Kong") in got
    off = mine([pair], workers=1, disable={"free_compound"})
    assert "香港" not in {e.hanzi for e in off.entries + off.low}  # what the rule adds


def test_the_whole_compound_is_still_mined_where_it_is_one_unit() -> None:
    pair = _pair("因为那时候人们对计算机技术一无所知", "people knew nothing of computing")
    on = {e.hanzi for e in mine([pair], workers=1).entries}
    off = {e.hanzi for e in mine([pair], workers=1, disable={"free_compound"}).entries}
    assert "计算机技术" in off and "计算机技术" in on


def test_a_piece_linked_only_by_position_is_not_mined() -> None:
    pair = _pair(
        "7 月份，该委员会的议员得出结论，认为目前的养狗法与目的不切合。",
        "In July, the committee's MSPs concluded current dog control legislation is not fit "
        "for purpose.",
    )
    got = {(e.hanzi, e.english) for e in mine([pair], workers=1).entries}
    assert not any(h == "得出" for h, _ in got)


def test_explain_tells_a_piece_the_compound_it_was_read_in() -> None:
    from tutor.mining.explain import explain

    pair = _pair(
        "香港政府缩小了国庆庆祝活动的规模。",
        "The Hong Kong government has scaled down National Day celebrations.",
    )
    lines = explain([pair], "香港")
    assert "  segment rule free_compound on 香港政府: fires: read as 香港 / 政府" in lines
    assert lines[-1].startswith("  => kept: name 'Hong Kong'")
