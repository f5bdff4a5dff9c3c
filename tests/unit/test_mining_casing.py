"""Renderings keep the translator's capital for proper nouns, and only for them."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.glosses import capitalised
from tutor.model import Entry, SegmentPair


def _mine(*texts: tuple[str, str]) -> dict[str, Entry]:
    pairs = [SegmentPair(zh, en, "t.txt", n + 1, n) for n, (zh, en) in enumerate(texts)]
    result = mine(pairs, aligner=None, min_confidence=0.0)
    return {e.hanzi: e for e in [*result.entries, *result.low]}


def test_the_dictionary_capitalises_place_names_and_not_exclamations() -> None:
    assert "shanghai" in capitalised("上海")
    assert "hurry" not in capitalised("快点")  # "Hurry up!" is a sentence, not a name
    assert "shanghai" in capitalised("沪宁")  # unknown word: its characters (沪 is Shanghai)


def test_a_name_at_the_start_of_a_sentence_keeps_its_capital() -> None:
    got = _mine(("上海很大。", "Shanghai is big."))
    assert got["上海"].english == "Shanghai"


def test_a_foreign_name_at_the_start_of_a_sentence_keeps_its_capital() -> None:
    got = _mine(
        ("格雷厄姆葛林是我最喜歡的作家之一。", "Graham Greene is a favorite author of mine.")
    )
    assert got["格雷厄姆"].english == "Graham"  # no dictionary entry: it sounds like the name


def test_a_common_word_at_the_start_of_a_sentence_is_lower_cased() -> None:
    got = _mine(("猫很大。", "Cats are big."))
    assert got["猫"].english == "cat"  # lower-cased, and in the singular


def test_a_name_inside_a_phrase_keeps_its_capital() -> None:
    got = _mine(("我们参观了上海博物馆。", "We visited the museum of Shanghai."))
    assert got["上海博物馆"].english == "museum of Shanghai"


def test_a_common_word_capitalised_inside_a_name_reads_lower_case() -> None:
    got = _mine(("他去了博物馆。", "He went to the Museum."))
    assert got["博物馆"].english == "museum"


def test_a_title_case_heading_lower_cases_common_words() -> None:
    got = _mine(("城市图书馆工作回顾", "Review Of City Library Work"))
    assert got["图书馆"].english == "library"
