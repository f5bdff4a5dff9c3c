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


def test_a_dotted_name_keeps_the_sound_words_the_segmenter_cut_from_it() -> None:
    from tutor.mining.persons import join_dotted

    assert join_dotted(["史蒂夫", "·", "麦", "奎因", "说"]) == ["史蒂夫·麦奎因", "说"]
    assert join_dotted(["伊斯", "瓦", "·", "昌德拉", "说"]) == ["伊斯瓦·昌德拉", "说"]
    assert join_dotted(["总统", "哈桑", "·", "鲁", "哈尼", "表示"]) == [
        "总统",
        "哈桑·鲁哈尼",
        "表示",
    ]


def test_a_dotted_name_takes_its_other_parts_never_a_title() -> None:
    from tutor.mining.nameparts import NAME_PART, whole_names
    from tutor.mining.pipeline import using
    from tutor.mining.resources import en_tokens

    toks = en_tokens("Administrator Peter Gaynor smiled")
    got = whole_names(["彼得·盖纳", "微笑"], toks, {(0, 1): 0.4, (1, 3): 1.0})
    assert got == {(0, 1): 0.4, (0, 2): NAME_PART, (1, 3): 1.0}  # "Gaynor", not "Administrator"
    nelson = en_tokens("Ted Nelson came up with it")
    assert whole_names(["泰德·尼尔森"], nelson, {(0, 1): 0.4})[(0, 0)] == NAME_PART
    with using({"whole_name"}):
        assert whole_names(["泰德·尼尔森"], nelson, {(0, 1): 0.4}) == {(0, 1): 0.4}


def test_a_dotted_name_is_mined_whole() -> None:
    from tutor.mining import mine
    from tutor.model import SegmentPair

    pair = SegmentPair(
        "泰德·尼尔森提出了超文本的原始观点",
        "Ted Nelson came up with the original idea of hypertext —",
        "t",
        1,
        0,
    )
    assert ("泰德·尼尔森", "Ted Nelson") in {(e.hanzi, e.english) for e in mine([pair]).entries}
