"""A particle or preposition the segmenter glued to a word is split off again."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.glued import split_glued
from tutor.model import SegmentPair


def test_a_glued_grammatical_character_is_split_off() -> None:
    assert split_glued(["耶和华", "神用", "地上"]) == ["耶和华", "神", "用", "地上"]
    assert split_glued(["神在", "东方"]) == ["神", "在", "东方"]


def test_dictionary_words_and_names_stay_whole() -> None:
    words = ["我们", "在", "北京", "用", "的确", "以诺"]  # 的确 is a word, 以诺 a name
    assert split_glued(words) == words


def test_no_fragment_of_a_name_and_a_preposition_is_mined() -> None:
    pair = SegmentPair(
        "耶和华神用地上的尘土造人。",
        "And the LORD God formed man of the dust of the ground.",
        "t",
        1,
        0,
    )
    on, off = mine([pair], workers=1), mine([pair], workers=1, disable={"glued_particle"})
    got = {e.hanzi for e in on.entries + on.low}
    assert "神用" not in got and "耶和华神用" not in got
    assert "耶和华神用" in {e.hanzi for e in off.entries + off.low}  # what the rule prevents


def test_a_place_word_after_a_noun_is_split_off() -> None:
    assert split_glued(["到", "了", "草地上", "。"]) == ["到", "了", "草地", "上", "。"]
    assert split_glued(["房间里"]) == ["房间", "里"]
    assert split_glued(["满天下", "家里", "心中"]) == [
        "满天下",
        "家里",
        "心中",
    ]  # listed or no noun


def test_the_noun_before_a_place_word_is_mined() -> None:
    pair = SegmentPair(
        "我们就到了小区外的草地上。", "We got to the meadow outside our estate.", "t", 1, 0
    )
    on = {(e.hanzi, e.english) for e in mine([pair], workers=1).entries}
    assert ("草地", "meadow") in on
    off = mine([pair], workers=1, disable={"glued_localizer"})
    assert "草地" not in {e.hanzi for e in off.entries + off.low}


def test_an_aspect_particle_after_a_verb_is_split_off_though_jieba_lists_the_two() -> None:
    assert split_glued(["我", "看过", "那部", "电影"]) == ["我", "看", "过", "那部", "电影"]
    assert split_glued(["暗恋", "着"]) == ["暗恋", "着"]  # apart already
    assert split_glued(["来着"]) == ["来着"]  # CC-CEDICT lists it


def test_mining_teaches_the_verb_not_the_verb_and_its_particle() -> None:
    pair = SegmentPair("我看过那部电影。", "I have seen that movie.", "t", 1, 0)
    result = mine([pair], workers=1)
    got = {e.hanzi: e.english for e in result.entries}
    assert "看过" not in got and got["看"] == "see"


def test_an_opener_is_split_off_a_word_the_english_renders_by_the_rest() -> None:
    from tutor.mining.glued import split_openers
    from tutor.mining.resources import en_tokens

    assert split_openers(["这", "太贵", "了"], en_tokens("This is too expensive.")) == [
        "这",
        "太",
        "贵",
        "了",
    ]
    # the English does not render the rest: the word stays as the segmenter cut it
    assert split_openers(["太贵", "了"], en_tokens("I can't afford it.")) == ["太贵", "了"]
    # 最 stays: English writes the degree in the word's form
    assert split_openers(["最大"], en_tokens("the largest")) == ["最大"]


def test_mining_teaches_the_word_not_the_pronoun_and_the_word() -> None:
    pair = SegmentPair("这个房间太暗了。", "This room is too dark.", "t", 1, 0)
    got = {e.hanzi: e.english for e in mine([pair], workers=1).entries}
    assert "太暗" not in got and got["暗"] == "dark"
