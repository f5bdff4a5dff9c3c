"""Rule ``turned_round``: a phrase whose English reads it backwards over a preposition is a
verb or adjective with what it governs, not a term, unless a noun heads it."""

from __future__ import annotations

from tutor.mining import mine
from tutor.model import SegmentPair


def _found(zh: str, en: str, off: frozenset[str] = frozenset()) -> dict[str, str]:
    result = mine([SegmentPair(zh, en, "t", 1, 0)], workers=1, disable=off)
    return {e.hanzi: e.english for e in result.entries + result.low}


def test_a_phrase_read_backwards_over_a_preposition_is_dropped() -> None:
    zh, en = "他对车祸有责任。", "He is responsible for the car accident."
    off = frozenset({"turned_round"})
    assert "车祸有责任" not in _found(zh, en)
    assert _found(zh, en, off).get("车祸有责任") == "responsible for the car accident"
    assert _found(zh, en).get("车祸") == "car accident"


def test_a_head_and_its_owner_turned_round_over_of_is_kept() -> None:
    zh, en = "她是众生之母。", "She was the mother of all living."
    assert _found(zh, en).get("众生之母") == "mother of all living"


def test_a_noun_head_english_turns_round_is_kept() -> None:
    zh, en = "扎实推进国际交往中心建设，", "We strengthened the center for international exchanges."
    got = _found(zh, en)
    assert got.get("国际交往中心") == "center for international exchanges"
