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


def test_a_foreign_name_written_with_the_middle_dot_is_one_word() -> None:
    from tutor.mining.persons import join_dotted

    assert join_dotted(["蒂姆", "即", "英国人", "蒂姆", "·", "伯纳斯", "-", "李"]) == [
        "蒂姆",
        "即",
        "英国人",
        "蒂姆·伯纳斯-李",
    ]
    assert join_dotted(["北京", "-", "天津"]) == ["北京", "-", "天津"]  # no dot: no name
    assert join_dotted(["a", "·", "b"]) == ["a", "·", "b"]
    assert is_person("托马斯·库克")


def test_a_dotted_name_is_mined_whole_with_its_capitals() -> None:
    from tutor.mining import mine
    from tutor.model import SegmentPair

    pair = SegmentPair("比尔·盖茨也许更有名。", "Bill Gates is perhaps more famous.", "t", 1, 0)
    got = {e.hanzi: e for e in mine([pair]).entries}
    assert got["比尔·盖茨"].english == "Bill Gates" and got["比尔·盖茨"].kind == "name"
    pence = SegmentPair("副总统迈克·彭斯说。", "Vice President Mike Pence said.", "t", 1, 0)
    got = {e.hanzi: e for e in mine([pence]).entries}
    assert got["迈克·彭斯"].english == "Mike Pence"  # not the dictionary's "vice president"
    assert got["副总统"].english.lower() == "vice president"
