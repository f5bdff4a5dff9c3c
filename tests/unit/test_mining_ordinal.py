"""Rule ``ordinal_led``: a phrase opening with an ordinal is a card only when it is a name the
English writes with that number."""

from __future__ import annotations

from tutor.mining import mine
from tutor.model import SegmentPair

PAIRS = [
    SegmentPair("第一条 定义", "Section 1 – Definitions.", "t", 1, 0),
    SegmentPair("第二道河名叫基训。", "And the name of the second river is Gihon.", "t", 2, 0),
    SegmentPair("第四使馆区开工。", "The Fourth Embassy Area started.", "t", 3, 0),
]


def _english(disable: frozenset[str] = frozenset()) -> dict[str, str]:
    result = mine(PAIRS, workers=1, disable=disable)
    return {e.hanzi: e.english for e in [*result.entries, *result.low]}


def test_a_section_number_glued_to_its_heading_is_no_card() -> None:
    got = _english()
    assert "第一条定义" not in got
    assert got["定义"] == "definition"


def test_an_ordinal_counting_with_a_measure_word_makes_no_term() -> None:
    assert "第二道河" not in _english()


def test_a_name_the_english_writes_with_its_number_stays() -> None:
    assert _english()["第四使馆区"] == "Fourth Embassy Area"


def test_switched_off_the_phrases_come_back() -> None:
    got = _english(frozenset({"ordinal_led"}))
    assert got["第一条定义"] == "Definitions" and got["第二道河"] == "second river"
