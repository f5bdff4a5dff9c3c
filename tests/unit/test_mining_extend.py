"""Unknown compounds stretch over the word their leftover characters translate; glued
prepositions do not lend a word the meaning of its rest."""

from __future__ import annotations

from tutor.mining.grow import extend
from tutor.mining.links import EXTEND
from tutor.mining.resources import en_tokens


def test_the_leftover_character_takes_the_word_beside_it() -> None:
    toks = en_tokens("a new science park opened")  # 0 a 1 new 2 science 3 park 4 opened
    got = extend(["新", "科技园", "开放"], toks, {(0, 1): 1.0, (1, 2): 0.8})
    assert got[(1, 3)] == EXTEND  # 园 as in 公园 "park"


def test_stretches_over_and_to_a_second_backed_word() -> None:
    toks = en_tokens("land for urban and rural construction")
    got = extend(["城乡建房"], toks, {(0, 5): 0.8})
    assert {j for _, j in got} == {2, 4, 5}  # 乡 "rural", then 城 "urban"


def test_no_stretch_without_a_leftover_character_or_onto_a_neighbour() -> None:
    toks = en_tokens("a new science park opened")
    assert extend(["科技"], toks, {(0, 2): 1.0}) == {(0, 2): 1.0}  # a dictionary word
    taken = {(0, 2): 0.8, (1, 3): 1.0}
    assert extend(["科技园", "公园"], toks, taken) == taken  # "park" is another word's
    sandwich = en_tokens("science park garden")
    links = {(0, 0): 0.8, (1, 2): 1.0}
    assert extend(["科技园", "花园"], sandwich, links) == links  # "park" lies between two words


def test_a_preposition_glued_to_the_next_word_keeps_its_pieces_below_the_threshold() -> None:
    from tutor.mining import mine
    from tutor.model import SegmentPair

    pair = SegmentPair("请把手放在桌子上。", "Please put your hand on the table.", "t.txt", 1, 0)
    result = mine([pair], aligner=None)
    kept = {e.hanzi: e.english for e in result.entries}
    assert kept.get("把手") != "hand"
    assert all(e.confidence < 0.5 for e in result.low if e.hanzi == "把手")


def test_an_unknown_compound_rendered_by_part_of_it_is_held_back() -> None:
    from tutor.mining import mine
    from tutor.model import SegmentPair

    def mined(zh: str, en: str) -> dict:
        result = mine([SegmentPair(zh, en, "t.txt", 1, 0)], aligner=None)
        return {e.hanzi: e for e in [*result.entries, *result.low]}

    got = mined("在人际交往中要诚实。", "When people meet, they should be honest.")
    assert got["人际交往"].confidence < 0.5  # "meet" renders 交往, nothing renders 人际
    got = mined("英国政府错过了截止日期。", "The British government missed the deadline.")
    assert got["英国政府"].english == "British government"
    assert got["英国政府"].confidence >= 0.5  # "British" renders 英国 through 英国 "Britain"
