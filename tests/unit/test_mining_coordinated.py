"""Rule ``coordinated``: the other half of "A 和 B" takes the English across "and"."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining import resources as res
from tutor.mining.coordinated import STRENGTH, coordinated
from tutor.model import SegmentPair


def _found(zh: str, en: str, off: frozenset[str] = frozenset()) -> dict[str, str]:
    result = mine([SegmentPair(zh, en, "t", 1, 0)], workers=1, disable=off)
    return {e.hanzi: e.english for e in result.entries + result.low}


def test_the_word_after_or_takes_the_english_after_or() -> None:
    zh, en = (
        "这是一种可以在电脑或游戏机上玩的游戏。",
        "It's a kind of videogame you can play on your computer or a console.",
    )
    assert _found(zh, en).get("游戏机") == "console"
    assert _found(zh, en, frozenset({"coordinated"})).get("游戏机") != "console"


def test_either_side_of_the_conjunction_is_found() -> None:
    en = res.en_tokens("privileges and immunities")
    assert coordinated(["特权", "或", "豁免"], en, {(0, 0): 1.0}) == {(0, 0): 1.0, (2, 2): STRENGTH}
    assert coordinated(["豁免", "或", "特权"], en, {(2, 2): 1.0}) == {(2, 2): 1.0, (0, 0): STRENGTH}


def test_a_list_is_linked_item_by_item() -> None:
    en = res.en_tokens("privileges, immunities and perks")
    got = coordinated(["特权", "、", "豁免", "和", "待遇"], en, {(0, 0): 1.0})
    assert got == {(0, 0): 1.0, (2, 2): STRENGTH, (4, 4): STRENGTH}


def test_a_word_that_only_begins_an_item_is_left_alone() -> None:
    # 行政 begins 行政机构 ("authority"); "alleged" begins "alleged sale"
    en = res.en_tokens("jurisdiction or authority")
    assert coordinated(["管辖区", "或", "行政", "机构"], en, {(0, 0): 1.0}) == {(0, 0): 1.0}
    en = res.en_tokens("adoptions and the alleged sale of eggs")
    zh = ["收养", "和", "贩卖", "人类", "卵子"]
    assert (2, 3) not in coordinated(zh, en, {(0, 0): 1.0, (4, 6): 1.0})


def test_the_head_of_a_longer_item_or_a_lone_character_is_left_alone() -> None:
    en = res.en_tokens("seeing a psychiatrist and taking medication")
    zh = ["看", "精神病", "医生", "和", "服用", "药物"]
    links = {(0, 0): 1.0, (4, 4): 1.0, (5, 5): 1.0}
    assert coordinated(zh, en, links) == links
    en = res.en_tokens("speak French and English")
    links = {(0, 0): 1.0, (3, 3): 1.0}
    assert coordinated(["说法", "语", "和", "英语"], en, links) == links


def test_a_word_whose_sense_is_written_elsewhere_is_not_placed() -> None:
    # 豁免's own sense "exemption" is in the clause: the word's English is there
    en = res.en_tokens("privileges and immunities and an exemption")
    assert (2, 2) not in coordinated(["特权", "或", "豁免"], en, {(0, 0): 1.0})


def test_only_a_listing_comma_joins_without_and() -> None:
    en = res.en_tokens("privileges, immunities")
    assert coordinated(["特权", "或", "豁免"], en, {(0, 0): 1.0}) == {(0, 0): 1.0}


def test_a_preposition_is_no_conjunction() -> None:
    en = res.en_tokens("talk with the teacher and the staff")
    assert coordinated(["跟", "老师", "谈"], en, {(1, 3): 1.0}) == {(1, 3): 1.0}
