"""Learner-approved and rejected pairs from earlier runs steer what mining links and outputs."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.lexicon import Lexicon
from tutor.model import Entry, SegmentPair


def _pairs(*texts: tuple[str, str]) -> list[SegmentPair]:
    return [SegmentPair(zh, en, "test.txt", n + 1, n) for n, (zh, en) in enumerate(texts)]


def _all(result) -> dict[str, Entry]:
    return {e.hanzi: e for e in [*result.entries, *result.low]}


ALLEYS = _pairs(("改造老旧小区。", "We renovated run-down residential compounds."))


def test_approved_pair_spanning_several_words_is_linked_and_kept() -> None:
    without = _all(mine(ALLEYS, aligner=None))
    assert "老旧小区" not in without
    got = mine(ALLEYS, aligner=None, lexicon={"老旧小区": ["run-down residential compounds"]})
    entry = {e.hanzi: e for e in got.entries}["老旧小区"]
    assert entry.english == "run-down residential compounds"
    assert entry.confidence >= 0.9


def test_approved_rendering_beats_the_dictionary_for_a_word() -> None:
    pairs = _pairs(("他腾退了房子。", "He vacated the house."))
    got = _all(mine(pairs, aligner=None, lexicon={"腾退": ["vacate"]}))
    assert got["腾退"].english == "vacate"
    assert got["腾退"].confidence >= 0.9


def test_approved_rendering_absent_from_the_english_changes_nothing() -> None:
    pairs = _pairs(("我们拆除违法建设。", "We demolished illegal structures."))
    plain = _all(mine(pairs, aligner=None))
    steered = _all(mine(pairs, aligner=None, lexicon={"拆除": ["pull down"]}))
    assert steered["拆除"].english == plain["拆除"].english == "demolish"


def test_rejected_rendering_falls_back_to_the_next_one() -> None:
    pairs = _pairs(
        ("我们拆除违法建设。", "We demolished illegal structures."),
        ("我们拆除违法建设。", "We demolished illegal structures."),
        ("他们拆除了护栏。", "They removed the guardrails."),
    )
    plain = _all(mine(pairs, aligner=None))["拆除"]
    assert plain.english.split("; ")[0] == "demolish"
    got = _all(mine(pairs, aligner=None, rejected=[("拆除", "Demolish")]))["拆除"]
    assert got.english == "remove"


def test_rejecting_every_rendering_drops_the_entry() -> None:
    pairs = _pairs(("我们拆除违法建设。", "We demolished illegal structures."))
    got = _all(mine(pairs, aligner=None, rejected=[("违法建设", "illegal structures")]))
    assert "违法建设" not in got
    assert "拆除" in got  # other entries are untouched


def test_rejected_deck_line_rejects_each_rendering() -> None:
    lex = Lexicon(rejected=[("工作机制", "work mechanism; working mechanism")])
    assert lex.rejects("工作机制", "Working  Mechanism")
    assert not lex.rejects("机制", "work mechanism")


def test_spans_find_runs_of_words_shortest_first() -> None:
    lex = Lexicon({"背街小巷": ["backstreets and alleys"], "小巷": ["alley"]})
    assert list(lex.spans(["精细化", "背街", "小巷", "1730"])) == [
        (2, 1, "小巷"),
        (1, 2, "背街小巷"),
    ]
    assert not Lexicon({"x": []})


def test_senses_lead_with_the_texts_reading_and_end_with_measure_words() -> None:
    from tutor.mining.rank import _senses

    walk = _senses("行", "xíng")
    assert walk[0] == "to walk" and "row" not in walk  # the other reading's senses come after
    assert _senses("行", "háng")[0] == "row"
    assert _senses("乐", "yuè") == ("music", "(lè) happy", "cheerful", "to laugh")
    assert _senses("河", "hé") == ("river", "measure word 条 (tiáo), 道 (dào)")
