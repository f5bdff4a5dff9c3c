"""Mining behaviour on small hand-made sentence pairs (knowledge links only, no statistics)."""

from __future__ import annotations

import pytest

from tutor.mining import MineResult, mine
from tutor.model import Entry, SegmentPair


def _pairs(*texts: tuple[str, str]) -> list[SegmentPair]:
    return [SegmentPair(zh, en, "test.txt", n + 1, n) for n, (zh, en) in enumerate(texts)]


def _by_hanzi(result: MineResult) -> dict[str, Entry]:
    return {e.hanzi: e for e in result.entries}


@pytest.fixture(scope="module")
def city() -> MineResult:
    return mine(
        _pairs(
            ("北京市市长殷勇讲话。", "Yin Yong, Mayor of Beijing, spoke."),
            (
                "我们拆除违法建设2315万平方米。",
                "We demolished 23.15 million square meters of illegal structures.",
            ),
            ("今年继续拆除违法建设。", "This year we continued to demolish illegal structures."),
            ("雁栖湖很美。", "Yanqi Lake is beautiful."),
            (
                "图书馆很大,我们在那里学习,每天都去公园散步。",
                "The library is big, we study there and walk in the park every day.",
            ),
            ("他在图书馆看书了。", "He read books in the library."),
        ),
        aligner=None,
    )


def test_name_found_by_pinyin(city: MineResult) -> None:
    entries = _by_hanzi(city)
    assert entries["殷勇"].english == "Yin Yong"
    assert entries["殷勇"].kind == "name"
    assert entries["雁栖湖"].english.split("; ")[0] == "Yanqi Lake"
    assert entries["雁栖湖"].kind == "name"


def test_measure_keeps_number_and_unit(city: MineResult) -> None:
    entry = {e.hanzi: e for e in city.entries + city.low}["2315万平方米"]  # held: a free phrase
    assert entry.kind == "measure"
    assert entry.english == "23.15 million square meters"


def test_term_from_consistent_phrase_pair(city: MineResult) -> None:
    entry = _by_hanzi(city)["违法建设"]
    assert entry.kind == "term"
    assert entry.english == "illegal structures"
    # no clause-sized fragments: a verb with its object is not a term
    assert "拆除违法建设" not in _by_hanzi(city)


def test_english_comes_from_the_text_not_the_dictionary(city: MineResult) -> None:
    entry = _by_hanzi(city)["拆除"]
    # CC-CEDICT's first sense is "to tear down"; the translator wrote "demolished"
    assert entry.english == "demolish"
    assert any("demolish" in s for s in entry.senses)
    assert entry.pinyin == "chāi chú"


def test_function_words_numbers_and_punctuation_skipped(city: MineResult) -> None:
    hanzi = {e.hanzi for e in city.entries + city.low}
    for word in ("的", "了", "在", "我们", "他", "很", "。", "2315万", "都"):
        assert word not in hanzi


def test_example_is_the_shortest_clause(city: MineResult) -> None:
    entry = _by_hanzi(city)["图书馆"]
    assert entry.examples[0].zh == "他在图书馆看书了。"
    assert entry.examples[0].en == "He read books in the library."


def test_entries_ordered_by_first_appearance(city: MineResult) -> None:
    order = [e.hanzi for e in city.entries]
    assert order.index("殷勇") < order.index("拆除") < order.index("雁栖湖") < order.index("公园")
    assert [e.position for e in city.entries] == sorted(e.position for e in city.entries)


def test_unrendered_word_is_left_out_or_kept_for_review_with_the_dictionary() -> None:
    pairs = _pairs(("护栏很高。", "It is tall."))
    result = mine(pairs, aligner=None, min_confidence=0.5)
    assert "护栏" not in {e.hanzi for e in result.entries + result.low}
    result = mine(pairs, aligner=None, min_confidence=0.5, disable={"unplaced_word"})
    low = {e.hanzi: e for e in result.low}
    assert "护栏" in low
    assert low["护栏"].english == "guardrail"
    assert low["护栏"].confidence < 0.5
    assert "护栏" not in {e.hanzi for e in result.entries}


def test_known_words_are_not_added_again() -> None:
    pairs = _pairs(("我们拆除护栏。", "We removed the guardrails."))
    result = mine(pairs, aligner=None, known={"护栏"})
    assert "护栏" not in {e.hanzi for e in result.entries + result.low}
    assert result.skipped_known == 1
    assert "拆除" in {e.hanzi for e in result.entries}


def test_progress_reports_pairs_done() -> None:
    calls: list[tuple[int, int | None]] = []
    mine(
        _pairs(("护栏很高。", "The guardrail is tall."), ("公园很大。", "The park is big.")),
        aligner=None,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls[-1] == (2, 2)


def test_confidence_in_range_and_json_shape(city: MineResult) -> None:
    for e in city.entries:
        assert 0.0 < e.confidence <= 1.0
        data = e.to_json()
        assert set(data) >= {"hanzi", "traditional", "pinyin", "english", "senses", "kind"}
        assert len(e.english.split("; ")) <= 3
