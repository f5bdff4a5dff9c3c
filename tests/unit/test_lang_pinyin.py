"""Pinyin readings, spelling conversions and names as English text writes them."""

from __future__ import annotations

import os
from importlib.util import find_spec

import pytest

from tutor.lang import pinyin, syllable_table
from tutor.lang.pinyin import (
    marks_to_numbered,
    name_forms,
    numbered_to_marks,
    pinyin_for,
    pinyin_to_name,
    split_syllables,
    strip_tones,
    syllables,
    tones,
)


@pytest.mark.parametrize(
    ("numbered", "marks"),
    [
        ("xie2 tong2", "xié tóng"),
        ("Bei3 jing1", "Běi jīng"),
        ("lu:4", "lǜ"),
        ("lv4", "lǜ"),
        ("nu:3 er2", "nǚ ér"),
        ("Lu:3", "Lǚ"),
        ("ma5", "ma"),
        ("gou3", "gǒu"),  # o of "ou"
        ("gui4", "guì"),  # last vowel
        ("liu2", "liú"),
        ("na3 r5", "nǎr"),  # erhua joins its syllable
        ("er4", "èr"),
        ("xie2tong2", "xiétóng"),  # unspaced stays unspaced
        ("san1 C", "sān C"),  # non-pinyin tokens pass through
    ],
)
def test_numbered_to_marks(numbered: str, marks: str) -> None:
    assert numbered_to_marks(numbered) == marks


@pytest.mark.parametrize(
    ("marks", "numbered"),
    [
        ("xié tóng", "xie2 tong2"),
        ("xiétóng", "xie2 tong2"),
        ("nǐ hǎo ma", "ni3 hao3 ma5"),
        ("lǜ", "lu:4"),
        ("Xī'ān", "Xi1 an1"),
        ("nǎr", "nar3"),
        ("xie2tong2", "xie2 tong2"),
        ("lv4", "lu:4"),
    ],
)
def test_marks_to_numbered(marks: str, numbered: str) -> None:
    assert marks_to_numbered(marks) == numbered


def test_round_trip_over_dictionary_readings() -> None:
    for numbered in ("zhong1 guan1 cun1", "fa1 zhan3", "nu:3 hai2", "yi1 ding4", "lu:e4"):
        marks = numbered_to_marks(numbered)
        assert marks_to_numbered(marks) == numbered


def test_syllables_and_tones() -> None:
    assert syllables("xié tóng fā zhǎn") == ["xié", "tóng", "fā", "zhǎn"]
    assert syllables("zhongguancun") == ["zhong", "guan", "cun"]
    assert syllables("Xī'ān") == ["Xī", "ān"]
    assert tones("nǐ hǎo ma") == [3, 3, 5]
    assert tones("xie2tong2") == [2, 2]
    assert tones("lu:4 se4") == [4, 4]


def test_split_prefers_no_inner_vowel_start() -> None:
    # pinyin writes fang'an with an apostrophe, so bare "fangan" is fan + gan
    assert split_syllables("fangan") == ["fan", "gan"]
    assert split_syllables("fang'an") == ["fang", "an"]
    assert split_syllables("xian") == ["xian"]
    assert split_syllables("hello") == ["hello"]  # not pinyin: left whole


def test_a_cached_split_is_the_same_and_a_fresh_list_each_time() -> None:
    first = split_syllables("xiétóng")
    first.append("changed by the caller")
    assert split_syllables("xiétóng") == ["xié", "tóng"]
    assert split_syllables("xiétóng") is not split_syllables("xiétóng")
    assert syllables("xiétóng xiétóng") == ["xié", "tóng", "xié", "tóng"]


def test_syllables_read_from_pypinyin_json_are_those_of_its_module() -> None:
    spec = find_spec("pypinyin")
    assert spec is not None and spec.submodule_search_locations
    path = os.path.join(list(spec.submodule_search_locations)[0], "pinyin_dict.json")
    if not os.path.isfile(path):
        pytest.skip("this pypinyin keeps its table in Python source")
    from_json = syllable_table.build(path, lambda r: pinyin._unmark(r)[0])
    assert from_json == syllable_table.build(None, lambda r: pinyin._unmark(r)[0])
    assert from_json == pinyin._valid_syllables()
    assert {"lü", "zhuang", "er", "hng"} <= from_json


def test_strip_tones() -> None:
    assert strip_tones("lǜ sè") == "lü se"
    assert strip_tones("xie2 tong2") == "xie tong"
    assert strip_tones("lv4") == "lü"
    assert strip_tones("Běi jīng") == "Bei jing"


def test_reading_from_dictionary() -> None:
    assert pinyin_for("北京") == "Běi jīng"  # proper name keeps CC-CEDICT's capitals
    assert pinyin_for("发展") == "fā zhǎn"
    assert pinyin_for("银行") == "yín háng"
    assert pinyin_for("行人") == "xíng rén"
    assert pinyin_for("哪儿") == "nǎr"


def test_reading_of_unlisted_text() -> None:
    assert pinyin_for("协同发展") == "xié tóng fā zhǎn"
    assert pinyin_for("2315万平方米").startswith("2315 ")
    assert pinyin_for("") == ""


def test_polyphone_single_character_prefers_common_reading() -> None:
    assert pinyin_for("行") == "xíng"
    assert pinyin_for("殷") == "yīn"  # not the surname entry's capital


@pytest.mark.parametrize(
    ("hanzi", "name"),
    [
        ("北京", "Beijing"),
        ("中关村", "Zhongguancun"),
        ("雄安", "Xiong'an"),
        ("西安", "Xi'an"),
        ("殷勇", "Yin Yong"),
        ("习近平", "Xi Jinping"),
        ("欧阳修", "Ouyang Xiu"),
        ("王府井", "Wangfujing"),
    ],
)
def test_pinyin_to_name(hanzi: str, name: str) -> None:
    assert pinyin_to_name(hanzi) == name


def test_name_person_override() -> None:
    assert pinyin_to_name("殷勇", person=False) == "Yinyong"
    assert pinyin_to_name("王府井", person=True) == "Wang Fujing"


def test_name_forms_cover_common_spellings() -> None:
    assert "Xian" in name_forms("西安")
    forms = name_forms("殷勇")
    assert forms[0] == "Yin Yong" and "Yin-yong" in forms
    lu = name_forms("吕布")
    assert "Lü Bu" in lu and "Lu Bu" in lu


def test_sentence_reading_uses_context_for_polyphones() -> None:
    assert pinyin_for("我吃了饭") == "wǒ chī le fàn"
    assert pinyin_for("我了解他").split()[1:3] == ["liǎo", "jiě"]
    assert pinyin_for("银行行长") == "yín háng háng zhǎng"


def test_unknown_word_keeps_inner_dictionary_readings() -> None:
    # jieba knows 中关村科技园区 as one word, CC-CEDICT does not; 中关村 keeps its capitals
    assert pinyin_for("中关村科技园区").startswith("Zhōng guān cūn ")
