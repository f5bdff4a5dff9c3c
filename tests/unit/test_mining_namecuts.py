"""A name the segmenter glued to the word beside it is cut free by the English's names."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.namecuts import cut_names
from tutor.mining.resources import en_tokens
from tutor.model import SegmentPair


def test_a_name_glued_to_the_next_character_is_cut_free() -> None:
    toks = en_tokens("And Lamech took unto him two wives.")
    assert cut_names(["拉麦娶", "了", "两个", "妻"], toks) == ["拉麦", "娶", "了", "两个", "妻"]


def test_a_name_glued_after_a_verb_is_cut_free() -> None:
    toks = en_tokens("And Mahalaleel lived, and begat Jared.")
    assert cut_names(["玛勒列", "生雅列"], toks) == ["玛勒列", "生", "雅列"]


def test_a_name_needing_the_character_before_it_is_joined_to_it() -> None:
    toks = en_tokens("it compasseth the whole land of Havilah")
    assert cut_names(["环绕", "哈", "腓拉全", "地"], toks) == ["环绕", "哈腓拉", "全", "地"]


def test_names_whole_and_words_without_a_name_in_the_english_stay() -> None:
    whole = ["克利夫顿", "说"]  # "Clifton" is the whole word, not 利夫顿
    assert cut_names(whole, en_tokens("Clifton said")) == whole
    assert cut_names(["拉麦娶"], en_tokens("and he took two wives")) == ["拉麦娶"]


def test_the_name_is_mined_only_with_the_rule() -> None:
    pair = SegmentPair(
        "第一道名叫比逊，就是环绕哈腓拉全地的。",
        "The name of the first is Pison: that is it which compasseth the whole land of Havilah",
        "t",
        1,
        0,
    )
    on = mine([pair], workers=1)
    off = mine([pair], workers=1, disable={"glued_name"})
    assert ("哈腓拉", "Havilah") in {(e.hanzi, e.english) for e in on.entries + on.low}
    assert "哈腓拉" not in {e.hanzi for e in off.entries + off.low}
