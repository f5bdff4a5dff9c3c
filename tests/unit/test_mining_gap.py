"""Rule ``bounded_gap``: a word is linked to the English its neighbours leave between them."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining import resources as res
from tutor.mining.grow import GAP, between
from tutor.mining.rank import Tally, _Rendering, build_entry
from tutor.model import SegmentPair


def _pairs(*rows: tuple[str, str]) -> list[SegmentPair]:
    return [SegmentPair(zh, en, "t", n, 0) for n, (zh, en) in enumerate(rows, 1)]


def _kept(rows: list[SegmentPair], off: frozenset[str] = frozenset()) -> dict[str, str]:
    return {e.hanzi: e.english for e in mine(rows, workers=1, disable=off).entries}


def test_a_word_between_two_linked_neighbours_takes_the_english_between() -> None:
    rows = _pairs(("她做了一个很棒的蛋糕。", "She made a great cake."))
    assert _kept(rows).get("很棒") == "great"
    assert "很棒" not in _kept(rows, frozenset({"bounded_gap"}))


def test_a_clause_of_one_word_takes_its_whole_english() -> None:
    rows = _pairs(("菱形", "Diamond"), ("文字", "Text"))
    kept = _kept(rows)
    assert kept.get("菱形") == "diamond" and kept.get("文字") == "text"
    off = _kept(rows, frozenset({"bounded_gap"}))
    assert off.get("菱形") != "diamond" and off.get("文字") != "text"


def test_a_conjunction_between_keeps_the_gap_on_its_own_side() -> None:
    # English put 责任's "Liability" after "and"; the gap before "and" is 免责声明's
    rows = _pairs(
        (
            "第五条 免责声明及责任限制条款",
            "Section 5 – Disclaimer of Warranties and Limitation of Liability.",
        )
    )
    result = mine(rows, workers=1)
    assert not any(
        e.hanzi == "责任" and "warrant" in e.english for e in result.entries + result.low
    )


def test_a_long_gap_or_an_adverb_is_not_placed() -> None:
    en = res.en_tokens("previous meetings")
    assert between(["此前", "会议"], en, {(1, 1): 1.0}) == {(1, 1): 1.0}  # an adverb of time
    assert between(["新", "会议"], en, {(1, 1): 1.0}) == {(1, 1): 1.0, (0, 0): GAP}
    long = res.en_tokens("a cake that everyone in the village loved")
    assert between(["好吃", "蛋糕"], long, {(1, 1): 1.0}) == {(1, 1): 1.0}


def _rendering(text: str, count: int, strength: float, placed: bool) -> _Rendering:
    rules = {"bounded_gap": count} if placed else {}
    return _Rendering(count, strength, {text: count}, rules)


def test_a_placed_rendering_is_chosen_only_when_nothing_else_renders_the_word() -> None:
    t = Tally("喜欢", 0, seen=4)
    t.renderings = {
        frozenset({"favourite"}): _rendering("favourite", 3, 1.8, placed=True),
        frozenset({"like"}): _rendering("like", 1, 1.0, placed=False),
    }
    entry = build_entry(t)
    assert entry is not None and entry.english == "like"  # not "favourite", nor "like; favourite"
    t.renderings = {frozenset({"favourite"}): _rendering("favourite", 3, 1.8, placed=True)}
    entry = build_entry(t)
    assert entry is not None and entry.english == "favourite"
