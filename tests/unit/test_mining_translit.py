"""Foreign names written by sound are linked to the English name they sound like."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.translit import join_sounded, sounds_like
from tutor.model import SegmentPair


def test_names_sound_like_their_transliterations() -> None:
    for hanzi, name in [("塞特", "Seth"), ("伊甸", "Eden"), ("玛土撒拉", "Methuselah")]:
        assert sounds_like(hanzi, name) >= 0.8, (hanzi, name)
    assert sounds_like("拉麦", "Lamech") == 1.0  # the final consonant Chinese leaves out
    assert sounds_like("伊甸", "garden") < 0.8
    assert sounds_like("雅弗", "father") < 0.8


def test_a_transliterated_name_becomes_a_name_card() -> None:
    zh = "亚当又与妻子同房，她就生了一个儿子，起名叫塞特。"
    en = "And Adam knew his wife again; and she bare a son, and called his name Seth."
    pair = SegmentPair(zh, en, "t", 1, 0)
    got = {e.hanzi: e for e in mine([pair]).entries}
    assert got["塞特"].english == "Seth" and got["塞特"].kind == "name"
    off = {e.hanzi: e for e in mine([pair], disable={"sounds_like"}).entries}
    assert "塞特" not in off or off["塞特"].kind != "name"  # by position only: a plain word


def test_a_common_word_at_the_start_of_a_sentence_is_no_name() -> None:
    pair = SegmentPair("塞特说好。", "Said Seth: good.", "t", 1, 0)
    got = {e.hanzi: e.english for e in mine([pair]).entries + mine([pair]).low}
    assert got.get("塞特") != "Said"


def test_a_name_that_opens_with_a_vowel_keeps_that_vowel() -> None:
    for hanzi, name in [("以诺", "Enoch"), ("雅弗", "Japheth"), ("亚述", "Assyria")]:
        assert sounds_like(hanzi, name) == 1.0, (hanzi, name)
    assert sounds_like("以诺", "North") < 0.8  # the opening vowel is part of the name


def test_a_name_cut_apart_by_the_segmenter_is_joined_again() -> None:
    from tutor.mining.resources import en_tokens

    toks = en_tokens("And Enoch begat Methuselah:")
    assert join_sounded(["生", "了", "玛土", "撒拉", "。"], toks) == ["生", "了", "玛土撒拉", "。"]
    cain = en_tokens("And Cain knew his wife")
    assert join_sounded(["该隐", "与", "妻子"], cain) == ["该隐", "与", "妻子"]  # 与 stays apart
    assert join_sounded(["在", "北京市"], en_tokens("We live in Beijing")) == ["在", "北京市"]


def test_a_joined_name_becomes_one_card() -> None:
    pair = SegmentPair("以诺生了玛土撒拉。", "And Enoch begat Methuselah.", "t", 1, 0)
    got = {e.hanzi: e for e in mine([pair], workers=1).entries}
    assert got["玛土撒拉"].english == "Methuselah"
    off = {e.hanzi for e in mine([pair], workers=1, disable={"sounds_like"}).entries}
    assert "玛土撒拉" not in off


def test_an_r_after_a_vowel_and_a_w_initial_sound_as_chinese_writes_them() -> None:
    for hanzi, name in [
        ("桑伯格", "Thunberg"),  # the r of "berg" is not written
        ("罗伯特", "Robert"),
        ("瓦拉德卡", "Varadkar"),  # wa for Va
        ("希尔薇", "Sylvie"),  # wei for vie
    ]:
        assert sounds_like(hanzi, name) == 1.0, (hanzi, name)
    assert sounds_like("德里", "Derry") == 1.0  # a doubled r is heard
    assert sounds_like("瓦拉德卡", "Warsaw") < 0.8


def test_single_characters_and_a_leading_grammatical_word_join_into_a_name() -> None:
    from tutor.mining.resources import en_tokens

    toks = en_tokens("And Enos lived ninety years, and begat Cainan:")
    assert join_sounded(["以", "挪士", "活到", "九十岁"], toks)[0] == "以挪士"
    assert join_sounded(["生", "了", "该", "南"], toks)[-1] == "该南"
    # a single character that completes the name's last sound
    assert join_sounded(["我", "和", "希尔", "薇"], en_tokens("I know Sylvie well")) == [
        "我",
        "和",
        "希尔薇",
    ]


def test_a_grammatical_word_stays_apart_when_the_name_is_whole_without_it() -> None:
    from tutor.mining.resources import en_tokens

    toks = en_tokens("He met Obama and the Obama Foundation")
    assert join_sounded(["他", "与", "奥巴马", "见面"], toks)[1:3] == ["与", "奥巴马"]


def test_a_name_another_word_of_the_clause_stands_for_is_not_joined_again() -> None:
    from tutor.mining.resources import en_tokens

    toks = en_tokens("But Trump and Indian leaders praise Gandhi today")
    words = ["特朗普", "和", "印度", "总理", "对", "甘地"]
    assert join_sounded(words, toks) == words  # 和印度 sounds like Gandhi, but 甘地 is Gandhi
