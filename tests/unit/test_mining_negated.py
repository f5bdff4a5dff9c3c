"""Rule ``negated_form``: a negator and a word, linked to the English word negating it."""

from __future__ import annotations

from tutor.mining import mine
from tutor.model import SegmentPair

PAIR = SegmentPair(
    "许可人授予您免费、不可撤销的许可。",
    "The Licensor grants You a royalty-free, irrevocable license.",
    "t",
    1,
    0,
)


def _english(pair: SegmentPair, disable: frozenset[str] = frozenset()) -> dict[str, str]:
    result = mine([pair], workers=1, disable=disable)
    return {e.hanzi: e.english for e in [*result.entries, *result.low]}


def test_a_negated_word_is_one_card_with_the_negating_english() -> None:
    assert _english(PAIR)["不可撤销"] == "irrevocable"


def test_switched_off_the_pair_is_no_card() -> None:
    assert "不可撤销" not in _english(PAIR, frozenset({"negated_form"}))


def test_an_english_word_negating_no_sense_of_the_word_is_not_linked() -> None:
    other = SegmentPair("他不可撤销。", "He is unhappy.", "t", 1, 0)
    assert "不可撤销" not in _english(other)
