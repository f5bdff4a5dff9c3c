"""The per-clause indexes mining builds for speed find what a plain scan finds."""

from __future__ import annotations

import pickle

from tutor.mining.namelinks import name_links, spellings
from tutor.mining.phrases import Candidate
from tutor.mining.rank import Tally, build_entry
from tutor.mining.resources import en_tokens


def test_names_by_pinyin_through_the_spelling_index() -> None:
    toks = en_tokens("The Yanqi Lake venue hosted Yin Yong and Xiong'an guests.")
    index = spellings(toks)
    assert index["xiongan"] == [8]
    assert name_links("雁栖湖", toks, index) == {1: 1.0}  # "Yanqi": two syllables
    assert name_links("殷勇", toks, index) == {5: 1.0, 6: 1.0}  # a run of one-syllable names
    assert name_links("雄安", toks, index) == {8: 1.0}
    assert name_links("雁栖湖", toks) == name_links("雁栖湖", toks, index)


def test_a_lone_syllable_is_a_name_only_capitalised_and_beside_another() -> None:
    assert name_links("殷勇", en_tokens("yin yong came")) == {}
    assert name_links("殷勇", en_tokens("Mr Yin came")) == {}
    assert name_links("北京", en_tokens("In beijing today")) == {1: 1.0}
    assert name_links("2024年", en_tokens("In 2024 it rained")) == {}


def _cand(kind: str, english: str | None, strength: float) -> Candidate:
    key = frozenset(english.split()) if english else frozenset()
    return Candidate("雁栖湖", english, key, strength, kind, 1)


def test_tally_merge_is_add_in_order_and_travels_as_plain_data() -> None:
    seen = [
        (_cand("name", "Yanqi Lake", 1.0), ("雁栖湖很美", "Yanqi Lake is lovely")),
        (_cand("word", "lake", 0.5), ("湖", "the lake")),
        (_cand("name", "Yanqi Lake", 0.9), ("在雁栖湖", "at Yanqi Lake")),
        (_cand("word", None, 0.0), ("雁栖湖", "it")),
    ]
    whole = Tally("雁栖湖", 0)
    for cand, ex in seen:
        whole.add(cand, ex)
    first, second = Tally("雁栖湖", 0), Tally("雁栖湖", 5)
    for cand, ex in seen[:2]:
        first.add(cand, ex)
    for cand, ex in seen[2:]:
        second.add(cand, ex)
    first.merge(pickle.loads(pickle.dumps(second)))
    assert first == whole
    assert whole.example == ("湖", "the lake")  # the shortest clause pair
    assert [zh for zh, _ in whole.examples] == ["湖", "雁栖湖", "在雁栖湖", "雁栖湖很美"]
    assert type(whole.kinds) is dict and list(whole.kinds) == ["name", "word"]
    entry = build_entry(whole)
    assert entry is not None and entry.english.startswith("Yanqi Lake")
    assert entry.kind == "name" and entry.examples[0].en == "the lake"


def test_a_tally_keeps_the_four_shortest_distinct_examples() -> None:
    tally = Tally("湖", 0)
    for zh in ["湖边的长椅很旧", "湖", "湖水", "湖", "大湖", "一个很大的湖", "湖面"]:
        tally.add(_cand("word", "lake", 1.0), (zh, "the lake"))
    assert [zh for zh, _ in tally.examples] == ["湖", "湖水", "大湖", "湖面"]
