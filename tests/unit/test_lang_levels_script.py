"""HSK levels, word frequency and script detection/conversion."""

from __future__ import annotations

from tutor.lang.levels import BAND, hsk_label, hsk_level, zipf_frequency
from tutor.lang.script import (
    chinese_ratio,
    has_chinese,
    has_latin,
    is_cjk_punct,
    is_hanzi,
    to_simplified,
    to_traditional,
)


def test_hsk_levels() -> None:
    assert hsk_level("我") == 1
    assert hsk_level("发展") is not None and 1 <= hsk_level("发展") <= BAND  # type: ignore[operator]
    assert hsk_level("發展") == hsk_level("发展")  # traditional looked up as simplified
    assert hsk_level("殷勇") is None
    assert hsk_level("") is None
    assert hsk_label(BAND) == "7-9" and hsk_label(3) == "3"


def test_hsk_standard_can_be_chosen() -> None:
    assert hsk_level("发展", standard="2021") is not None


def test_zipf_frequency_orders_common_before_rare() -> None:
    assert zipf_frequency("的") > zipf_frequency("发展") > zipf_frequency("雁栖湖") >= 0.0
    assert zipf_frequency("") == 0.0


def test_is_hanzi() -> None:
    assert is_hanzi("中") and is_hanzi("〇") and is_hanzi("𠀀")
    assert not is_hanzi("，") and not is_hanzi("a") and not is_hanzi("中国") and not is_hanzi("")
    assert is_cjk_punct("，") and is_cjk_punct("。") and not is_cjk_punct("中")


def test_script_detection() -> None:
    assert has_chinese("GDP增长") and not has_chinese("GDP growth, 5.2%")
    assert has_latin("GDP增长") and not has_latin("增长5.2%")
    assert chinese_ratio("2024年") == 1.0
    assert chinese_ratio("GDP增长") == 2 / 5
    assert chinese_ratio("12345 ...") == 0.0


def test_conversion() -> None:
    assert to_traditional("协同发展") == "協同發展"
    assert to_simplified("協同發展") == "协同发展"
    assert to_simplified("Hello") == "Hello"
