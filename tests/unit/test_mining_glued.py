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
    got = {e.hanzi for e in mine([pair], workers=1).entries + mine([pair], workers=1).low}
    assert "神用" not in got and "耶和华神用" not in got
    off = {e.hanzi for e in mine([pair], workers=1, disable={"glued_particle"}).entries}
    assert "耶和华神用" in off  # what the rule prevents
