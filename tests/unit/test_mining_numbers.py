"""Numbers on both sides reduce to values, so they can anchor word links."""

from __future__ import annotations

import pytest

from tutor.mining.numbers import en_number_spans, split_numbers, zh_value
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
