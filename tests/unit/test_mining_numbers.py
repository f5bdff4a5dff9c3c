"""Numbers on both sides reduce to values, so they can anchor word links."""

from __future__ import annotations

import pytest

from tutor.mining.numbers import en_number_spans, split_numbers, zh_count, zh_value
from tutor.mining.resources import en_tokens


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("2315万", 23_150_000),
        ("748.7亿", 74_870_000_000),
        ("20.4万", 204_000),
        ("1万余", 10_000),
        ("十六", 16),
        ("第四", 4),
        ("三千五百", 3500),
        ("115", 115),
    ],
)
def test_zh_value(token: str, value: float) -> None:
    assert zh_value(token) == pytest.approx(value)


@pytest.mark.parametrize("token", ["北京", "万", "第", ""])
def test_zh_value_none_for_words(token: str) -> None:
    assert zh_value(token) is None


def test_en_number_spans_include_scale_words() -> None:
    toks = en_tokens("We demolished 23.15 million square meters and 2,282 hectares, the fourth.")
    values = [(toks[a].text, b - a, v) for a, b, v in en_number_spans(toks)]
    assert values == [("23.15", 2, 23_150_000), ("2,282", 1, 2282), ("fourth", 1, 4)]


def test_split_numbers_keeps_the_number_whole() -> None:
    assert split_numbers("拆除2315万平方米", ["拆除", "2315", "万平方米"]) == [
        "拆除",
        "2315万",
        "平方米",
    ]


def test_zh_percent() -> None:
    from tutor.mining.numbers import zh_percent

    assert zh_percent("百分之五十") == 50 and zh_percent("百分之3.5") == pytest.approx(3.5)
    assert zh_percent("百分之") is None and zh_percent("五十") is None


def test_tens_in_words_have_values() -> None:
    assert [v for _, _, v in en_number_spans(en_tokens("fifty ninety"))] == [50, 90]


def _mined(zh: str, en: str) -> dict:
    from tutor.mining import mine
    from tutor.model import SegmentPair

    result = mine([SegmentPair(zh, en, "t.txt", 1, 0)], aligner=None)
    return {e.hanzi: e for e in [*result.entries, *result.low]}


@pytest.mark.parametrize(
    ("zh", "en", "hanzi", "english"),
    [
        (
            "第一印象决定了百分之五十。",
            "First impressions determine 50 percent.",
            "百分之五十",
            "50 percent",
        ),
        # a count in characters keeps the number its English writes in digits
        (
            "从北京来的班机延迟二十分钟。",
            "The plane from Beijing arrived 20 minutes late.",
            "二十分钟",
            "20 minutes",
        ),
    ],
)
def test_a_number_word_is_a_measure_rendered_with_its_number(
    zh: str, en: str, hanzi: str, english: str
) -> None:
    got = _mined(zh, en)
    assert got[hanzi].english == english and got[hanzi].kind == "measure"


def test_a_number_with_its_measure_word_alone_is_no_entry() -> None:
    got = _mined("其中一只是公的，另外两只是母的。", "One is male and the other two are female.")
    assert "两只" not in got
    got = _mined("我有两只猫。", "I have two cats.")
    assert got["两只猫"].english == "two cats" and got["两只猫"].kind == "measure"
    got = _mined("我在那里住了三天。", "I stayed there for three days.")
    assert got["三天"].kind == "measure"


def test_a_dictionary_word_rendered_by_a_bare_number_is_held_back() -> None:
    got = _mined("两者都很重要。", "The two are important.")
    assert got["两者"].confidence < 0.5


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("nine hundred and twelve years", [(0, 4, 912)]),
        ("eight hundred ninety and five years", [(0, 5, 895)]),
        ("an hundred and five years", [(0, 4, 105)]),
        ("two thousand three hundred and fifteen", [(0, 6, 2315)]),
        ("twenty-one men", [(0, 3, 21)]),
        ("one and two", [(0, 1, 1), (2, 3, 2)]),
        ("ten and two", [(0, 1, 10), (2, 3, 2)]),
    ],
)
def test_numbers_spelled_out_are_read_whole(text: str, spans: list[tuple[int, int, int]]) -> None:
    assert en_number_spans(en_tokens(text)) == spans


@pytest.mark.parametrize(
    ("words", "joined"),
    [
        (["共活", "了", "九百", "一", "十二岁"], ["共活", "了", "九百一十二岁"]),
        (["八百", "九十五岁"], ["八百九十五岁"]),
        (["九百", "零", "五岁"], ["九百零五岁"]),
        (["三百", "一起"], ["三百", "一起"]),
        (["一", "十分"], ["一", "十分"]),
        (["万一", "五岁"], ["万一", "五岁"]),
    ],
)
def test_a_number_the_segmenter_cut_is_joined(words: list[str], joined: list[str]) -> None:
    from tutor.mining.numbercuts import join_numbers

    assert join_numbers(words) == joined


def test_switched_off_the_pieces_stay_apart() -> None:
    from tutor.mining.numbercuts import join_numbers
    from tutor.mining.pipeline import using

    with using({"whole_number"}):
        assert join_numbers(["八百", "九十五岁"]) == ["八百", "九十五岁"]


def test_a_whole_number_is_linked_to_its_english() -> None:
    mined = _mined(
        "塞特共活了九百一十二岁就死了。",
        "And all the days of Seth were nine hundred and twelve years: and he died.",
    )
    assert "十二岁" not in mined
    assert mined["九百一十二岁"].english == "nine hundred and twelve years"


@pytest.mark.parametrize(
    ("token", "count"),
    [
        ("二十分钟", (20, "分钟")),  # a unit of two characters
        ("30光年", (30, "光年")),
        ("三个月", (3, "月")),  # 个 and a unit of one
        ("三天", (3, "天")),
        ("二十面体", None),  # the dictionary lists it whole: "icosahedron"
        ("第一夫人", None),  # "First Lady"
    ],
)
def test_a_number_and_its_unit_are_read_as_a_count(
    token: str, count: tuple[float, str] | None
) -> None:
    assert zh_count(token) == count


def test_a_number_and_measure_word_whose_english_writes_no_number_is_no_card() -> None:
    got = _mined("一名摄影师来我们家", "a professional photographer came to the house.")
    assert "一名" not in got
    kept = _mined("他活到一百岁。", "He lived to be a hundred years old.")
    assert kept["一百岁"].english == "hundred years old"
