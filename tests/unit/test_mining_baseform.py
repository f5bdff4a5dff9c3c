"""The English of an entry in the dictionary's form of the word the translator used."""

from __future__ import annotations

import pytest

from tutor.mining import mine
from tutor.mining.baseform import BASE_FORM, rebase
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
        ("分钟", "minutes", "minutes"),  # a noun keeps the number the text gave it
        ("孩子", "children", "children"),
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
