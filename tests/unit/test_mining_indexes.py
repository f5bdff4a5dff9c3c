"""The per-clause indexes mining builds for speed find what a plain scan finds."""

from __future__ import annotations

from tutor.mining.links import _name_links, spellings
from tutor.mining.resources import en_tokens


def test_names_by_pinyin_through_the_spelling_index() -> None:
    toks = en_tokens("The Yanqi Lake venue hosted Yin Yong and Xiong'an guests.")
    index = spellings(toks)
    assert index["xiongan"] == [8]
    assert _name_links("雁栖湖", toks, index) == {1: 1.0}  # "Yanqi": two syllables
    assert _name_links("殷勇", toks, index) == {5: 1.0, 6: 1.0}  # a run of one-syllable names
    assert _name_links("雄安", toks, index) == {8: 1.0}
    assert _name_links("雁栖湖", toks) == _name_links("雁栖湖", toks, index)


def test_a_lone_syllable_is_a_name_only_capitalised_and_beside_another() -> None:
    assert _name_links("殷勇", en_tokens("yin yong came")) == {}
    assert _name_links("殷勇", en_tokens("Mr Yin came")) == {}
    assert _name_links("北京", en_tokens("In beijing today")) == {1: 1.0}
    assert _name_links("2024年", en_tokens("In 2024 it rained")) == {}
