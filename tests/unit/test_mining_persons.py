"""Names: a title and a person's name are two units, and a name cut short is none
(hand-made pairs)."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.persons import is_person, title_and_name
from tutor.model import Entry, SegmentPair


def _mine(*texts: tuple[str, str]) -> dict[str, Entry]:
    pairs = [SegmentPair(zh, en, "t.txt", n + 1, n) for n, (zh, en) in enumerate(texts)]
    result = mine(pairs, aligner=None)
    return {e.hanzi: e for e in [*result.entries, *result.low]}


def test_persons_by_dictionary_tag_and_sound_characters() -> None:
    assert is_person("丹尼尔") and is_person("汤姆")  # "(name)" in the dictionary
    assert is_person("乔登")  # unknown, written in the characters of foreign names
    assert not is_person("星巴克") and not is_person("小说家") and not is_person("局长")


def test_a_title_before_a_name_is_no_unit() -> None:
    assert title_and_name(["律师", "丹尼尔"])
    assert title_and_name(["伊朗", "总统", "汤姆"])
    assert not title_and_name(["托马斯", "库克"])  # names alone
    assert not title_and_name(["星巴克", "咖啡"])  # a company's name and a noun
    assert not title_and_name(["丹尼尔", "奖"])  # a thing named after a person


def test_mining_keeps_the_title_and_the_name_apart() -> None:
    got = _mine(("警察局局长丹尼尔在声明中说。", "Police Chief Daniel said in a statement."))
    assert "警察局局长丹尼尔" not in got and "局长丹尼尔" not in got
    assert got["丹尼尔"].english == "Daniel"


def test_a_name_cut_short_by_the_segmenter_is_dropped() -> None:
    got = _mine(
        ("美国能源信息署发布了报告。", "The Energy Information Administration released a report.")
    )
    assert "美国能源信息" not in got  # its English stops before "Administration"
    assert "信息" in got


def test_a_title_before_a_name_stays_a_term() -> None:
    got = _mine(("警察局局长丹尼尔在声明中说。", "Police Chief Daniel said in a statement."))
    assert "警察局局长" in got
