"""The English of an entry in the dictionary's form of the word the translator used."""

from __future__ import annotations

import pytest

from tutor.mining import mine
from tutor.mining.baseform import BASE_FORM, counted, rebase
from tutor.model import Entry, SegmentPair


def _mine(zh: str, en: str, **how: object) -> dict[str, Entry]:
    result = mine([SegmentPair(zh, en, "t.txt", 1, 0)], workers=1, **how)  # type: ignore[arg-type]
    return {e.hanzi: e for e in [*result.entries, *result.low]}


@pytest.mark.parametrize(
    ("hanzi", "written", "kept"),
    [
        ("定义", "defines", "define"),  # third person
        ("学习", "studied", "study"),  # -ied
        ("编程", "programmed", "program"),  # doubled consonant
        ("借钱", "lent the money", "lend the money"),  # irregular past, through the lemma
        ("失望", "disappointed", "disappointed"),  # the senses write the adjective
        ("分钟", "minutes", "minute"),  # a noun's plural is the translator's, not the word's
        ("孩子", "children", "child"),  # an irregular plural, through the lemma
        ("图片", "pictures", "picture"),
        ("古老", "oldest", "oldest"),  # an adjective keeps the degree the text used
        ("定义", "Defines", "Define"),  # the first letter's case stays
    ],
)
def test_a_word_is_put_in_the_form_the_dictionary_writes(
    hanzi: str, written: str, kept: str
) -> None:
    assert rebase(hanzi, written) == kept


@pytest.mark.parametrize(
    ("hanzi", "kind", "written"),
    [
        ("孩子们", "word", "children"),  # 们 carries the plural
        ("三本书", "term", "three books"),  # so does a number
        ("技术措施", "term", "Technological Measures"),  # a title as the text defines it
        ("史密斯", "name", "Smiths"),
        ("条件", "word", "terms and conditions"),  # a set pair
    ],
)
def test_plurals_the_chinese_carries_titles_and_names_are_left_alone(
    hanzi: str, kind: str, written: str
) -> None:
    assert not BASE_FORM.check(hanzi, kind, written)


def test_mining_writes_the_base_form_and_the_rule_can_be_switched_off() -> None:
    pair = ("她每天定义新词。", "She defines new words every day.")
    assert _mine(*pair)["定义"].english == "define"
    assert _mine(*pair, disable={"base_form"})["定义"].english == "defines"


def test_two_renderings_that_share_a_base_form_are_shown_once() -> None:
    result = mine(
        [
            SegmentPair("你很幸运找到了它。", "You were lucky that you found it.", "t.txt", 1, 0),
            SegmentPair("汤姆找到我们没有问题。", "Tom has no trouble finding us.", "t.txt", 2, 1),
        ],
        workers=1,
    )
    got = {e.hanzi: e for e in [*result.entries, *result.low]}
    assert got["找到"].english == "find"


@pytest.mark.parametrize(
    ("zh", "hanzi", "expected"),
    [
        ("他有三个孩子。", "孩子", True),  # a number and its measure word
        ("在京国际组织增至115家", "家", True),
        ("各项服务不断完善", "服务", True),  # a word of quantity
        ("这些图片很好看", "图片", True),
        ("他有一个孩子。", "孩子", False),  # one is no plural
        ("2024年服务更好", "服务", False),  # a year is no count
        ("这十分重要", "重要", False),  # 十分 "very" counts nothing
        ("孩子在玩", "孩子", False),
    ],
)
def test_a_unit_is_counted_only_where_the_chinese_counts_it(
    zh: str, hanzi: str, expected: bool
) -> None:
    assert counted(zh, hanzi) is expected


def test_a_noun_counted_in_the_chinese_keeps_its_plural_and_one_that_is_not_loses_it() -> None:
    many = _mine("我有三个孩子。", "I have three children.")
    assert many["孩子"].english == "children"
    some = _mine("孩子们在花园里玩。", "The children play in the garden.")
    assert some["孩子们"].english == "children"
    plain = _mine("孩子喜欢这本书。", "Children like this book.")
    assert plain["孩子"].english == "child"
    assert (
        _mine("孩子喜欢这本书。", "Children like this book.", disable={"base_form"})["孩子"].english
        == "children"
    )


def test_a_state_the_dictionary_writes_as_a_participle_keeps_that_form() -> None:
    got = _mine("蒂姆感到非常惊奇", "And Tim was amazed.")  # 惊奇 "to be amazed"
    assert got["惊奇"].english == "amazed"
    assert _mine("他昨天被捕了", "He was arrested yesterday.")["被捕"].english == "arrested"
    assert _mine("他们拆除了旧房子", "They demolished the old house.")["拆除"].english == "demolish"
