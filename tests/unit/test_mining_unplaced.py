"""Rule ``unplaced_word``: a word the translation does not show is no entry unless asked."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.unplaced import FALLBACK_CONFIDENCE
from tutor.model import SegmentPair

PAIR = SegmentPair("他昨天买了一辆自行车。", "He got a bike.", "t", 1, 0)


def test_a_word_nothing_in_the_english_renders_is_left_out() -> None:
    result = mine([PAIR], workers=1)
    assert {e.hanzi: e.english for e in result.entries} == {"自行车": "bike"}
    assert result.low == []


def test_switched_off_it_waits_for_review_with_its_first_sense() -> None:
    result = mine([PAIR], workers=1, disable={"unplaced_word"})
    low = {e.hanzi: e for e in result.low}
    assert low["昨天"].english == "yesterday"
    assert low["昨天"].confidence == FALLBACK_CONFIDENCE
    assert {e.hanzi for e in result.entries} == {"自行车"}
