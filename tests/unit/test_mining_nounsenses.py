"""Rule ``noun_sense``: a noun keeps what its noun senses found over its verb senses' English."""

from __future__ import annotations

from tutor.mining import mine
from tutor.model import SegmentPair

PROFESSOR = SegmentPair(
    "艾琳教授的课通常很有趣。", "Professor Eileen's lectures are usually interesting.", "t", 1, 0
)


def _english(pair: SegmentPair, disable: frozenset[str] = frozenset()) -> dict[str, str]:
    result = mine([pair], workers=1, disable=disable)
    return {e.hanzi: e.english for e in [*result.entries, *result.low]}


def test_a_noun_takes_the_english_of_its_noun_sense() -> None:
    assert _english(PROFESSOR)["教授"] == "professor"
    assert _english(PROFESSOR, frozenset({"noun_sense"}))["教授"] == "lecture"


def test_a_noun_sense_token_another_word_links_is_left_to_it() -> None:
    from tutor.mining.nounsenses import prefer_nouns

    # 抽奖 "to draw a prize; lottery": "lottery" (9) is also 彩票's, so "drawing" (10) stays
    cand = [{9: 0.25}, {9: 1.0, 10: 1.0}]
    prefer_nouns(["彩票", "抽奖"], cand, {1: {10}})
    assert cand[1] == {9: 1.0, 10: 1.0}
    # 教授 alone on "Professor" (0): its verb sense's "lectures" (3) goes
    cand = [{0: 1.0, 3: 1.0}, {}]
    prefer_nouns(["教授", "课"], cand, {0: {3}})
    assert cand[0] == {0: 1.0}
