"""Place names with generic endings, in the forms English text writes them."""

from __future__ import annotations

from tutor.lang.names import FEATURE_WORDS, name_forms, split_feature
from tutor.lang.pinyin import name_forms as reexported


def test_split_feature_takes_the_longest_ending() -> None:
    assert split_feature("雁栖湖") == ("雁栖", "湖")
    assert split_feature("雄安新区") == ("雄安", "新区")
    assert split_feature("中关村科技园") == ("中关村", "科技园")
    assert split_feature("泰山") is None  # too short to leave a name
    assert split_feature("发展") is None


def test_place_forms_translate_the_ending_first() -> None:
    assert name_forms("雁栖湖")[:2] == ["Yanqi Lake", "Lake Yanqi"]
    assert name_forms("雄安新区")[0] == "Xiong'an New Area"
    assert "Zhongguancun Science Park" in name_forms("中关村科技园")
    assert "Beijing" in name_forms("北京市")
    assert "Chang'an Avenue" in name_forms("长安街")


def test_people_and_plain_places_unchanged() -> None:
    assert name_forms("殷勇")[0] == "Yin Yong"
    assert name_forms("北京") == ["Beijing"]


def test_feature_table_is_well_formed() -> None:
    for ending, english in FEATURE_WORDS.items():
        assert ending and english and all(e[:1].isupper() for e in english)


def test_pinyin_module_still_exports_names() -> None:
    assert reexported is name_forms
