"""Rule ``listed_word``: a dictionary word cut in two is joined where the English says it."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining import resources as res
from tutor.mining.pipeline import using
from tutor.mining.relisted import join_listed
from tutor.model import SegmentPair


def _found(zh: str, en: str, off: frozenset[str] = frozenset()) -> dict[str, str]:
    result = mine([SegmentPair(zh, en, "t", 1, 0)], workers=1, disable=off)
    return {e.hanzi: e.english for e in result.entries + result.low}


def test_pieces_are_joined_when_only_the_whole_word_says_the_english() -> None:
    en = res.en_tokens("I am very homesick.")
    assert join_listed(["我", "很", "想", "家"], en) == ["我", "很", "想家"]
    en = res.en_tokens("Inequality is growing.")
    assert join_listed(["日益", "不", "平等"], en) == ["日益", "不平等"]


def test_pieces_stay_apart_when_a_piece_says_the_english() -> None:
    # "think of home": 想 and 家 say it themselves; no English at all says nothing
    assert join_listed(["想", "家"], res.en_tokens("I think of home.")) == ["想", "家"]
    assert join_listed(["想", "家"], res.en_tokens("Yes.")) == ["想", "家"]
    with using({"listed_word"}):
        assert join_listed(["想", "家"], res.en_tokens("homesick")) == ["想", "家"]


def test_a_joined_word_is_mined_with_the_english_of_the_whole() -> None:
    zh, en = "这本书很有价值。", "This book is very valuable."
    assert _found(zh, en).get("有价值") == "valuable"
    assert "有价值" not in _found(zh, en, frozenset({"listed_word"}))
