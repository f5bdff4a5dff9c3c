"""Terms a text defines by recurring use (the rule ``recurring_term``)."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining import resources as res
from tutor.mining.ownwords import recurring_words
from tutor.mining.recurring import Clause, fill_terms, part_of_term, recurring_terms
from tutor.model import SegmentPair

# 授权作品 is no CC-CEDICT word and no link joins it to "Licensed Material" in these clauses:
# only recurrence pairs them, five times and never apart
LICENSED = [
    ("您可以复制授权作品。", "You may reproduce the Licensed Material."),
    ("授权作品受到著作权保护。", "The Licensed Material is protected by copyright."),
    ("您不得修改授权作品。", "You may not modify the Licensed Material."),
    ("许可人提供授权作品。", "The licensor offers the Licensed Material."),
    ("您可以分享授权作品。", "You may share the Licensed Material."),
    ("他们喜欢这本书。", "They like this book."),
]


def _pairs(rows: list[tuple[str, str]]) -> list[SegmentPair]:
    return [SegmentPair(zh, en, "test", n + 1, n) for n, (zh, en) in enumerate(rows)]


def _entries(rows: list[tuple[str, str]], **kw: object) -> dict[str, str]:
    result = mine(_pairs(rows), workers=1, **kw)  # type: ignore[arg-type]
    return {e.hanzi: e.english for e in [*result.entries, *result.low]}


def test_a_compound_the_text_repeats_with_one_english_becomes_a_term() -> None:
    assert not res.entries("授权作品")
    found = _entries(LICENSED)
    assert found.get("授权作品") == "Licensed Material"
    assert "授权作品" not in _entries(LICENSED, disable={"recurring_term", "recurring_word"})


def test_seen_twice_is_not_enough() -> None:
    assert "授权作品" not in _entries(LICENSED[:2] + LICENSED[5:])


def test_the_run_that_recurs_with_the_term_wins_over_a_more_frequent_word() -> None:
    # "license" is with 授权作品 once more than "Licensed Material" is, but every "Public
    # License" holds it too: only the longer run recurs with the term and hardly ever apart
    rows = [
        *LICENSED[:5],
        ("您可以复制授权作品。", "You may copy it under this license."),
        *[(f"第{n}条公共许可协议适用。", f"Public License section {n} applies.") for n in "一二三"],
        ("第四条公共许可协议适用。", "Public License section four applies."),
        ("第五条公共许可协议适用。", "Public License section five applies."),
    ]
    assert _entries(rows).get("授权作品") == "Licensed Material"


def _clauses(
    rows: list[tuple[str, str]], links: dict[int, dict[tuple[int, int], float]]
) -> list[Clause]:
    out = []
    for n, (zh, en) in enumerate(rows):
        words = zh.split()
        out.append(Clause(words, res.en_tokens(en), en, links.get(n, {})))
    return out


def test_an_english_that_varies_defines_no_term() -> None:
    rows = [
        ("他 喜欢 蓝色 小猫", "He likes the blue kitten"),
        ("她 喜欢 蓝色 小猫", "She adores the azure cat"),
        ("我们 喜欢 蓝色 小猫", "We love the navy kitty"),
        ("你们 喜欢 蓝色 小猫", "You enjoy the cobalt pet"),
    ]
    assert recurring_terms(_clauses(rows, {})) == {}


def test_a_dictionary_sense_across_the_runs_vetoes_the_term_in_that_clause() -> None:
    rows = [("喜欢 蓝色 小猫", "likes the blue kitten")] * 4
    # 蓝色 -> "blue" by the dictionary (strength 1.0); the text pairs 蓝色小猫 with "kitten"
    clause = _clauses(rows, {0: {(1, 2): 1.0}})[0]
    links, applied = fill_terms(clause, {"蓝色小猫": "kitten"})
    assert (links, applied) == ({(1, 2): 1.0}, [])
    weak = _clauses(rows, {0: {(1, 2): 0.3}})[0]  # a guess gives way, and the gap is filled
    links, applied = fill_terms(weak, {"蓝色小猫": "kitten"})
    assert applied == ["蓝色小猫"]
    kitten = [t.text for t in weak.tokens].index("kitten")
    assert (1, 2) not in links and (2, kitten) in links


def test_a_term_is_kept_whole() -> None:
    assert part_of_term("著作权与类似", 3, ["著作权与类似权利"])
    assert not part_of_term("权利", 1, ["著作权与类似权利"])  # its words stay cards
    assert not part_of_term("著作权与类似权利", 4, ["著作权与类似权利"])


LIABILITY = [  # 责任 is "responsibility; blame; duty" in CC-CEDICT; this text says "liability"
    ("许可人不承担任何责任。", "The Licensor has no liability."),
    ("责任限于直接损失。", "Liability is limited to direct losses."),
    ("您承担全部责任。", "You bear all liability."),
    ("我们不接受责任。", "We accept no liability."),
    ("他们喜欢这本书。", "They like this book."),
]


def test_a_word_the_text_renders_its_own_way_each_time_gets_that_rendering() -> None:
    assert "liability" not in " ".join(s for e in res.entries("责任") for s in e.senses)
    assert _entries(LIABILITY).get("责任") == "liability"
    # bounded_gap places "liability" between 责任's neighbours too: off, to see this rule alone
    off = {"recurring_word", "bounded_gap"}
    assert _entries(LIABILITY, disable={"bounded_gap"}).get("责任") == "liability"
    assert _entries(LIABILITY, disable=off).get("责任") != "liability"


def test_a_word_whose_own_sense_is_in_the_english_is_not_renamed() -> None:
    rows = [
        ("他 之后 离开", "after that he left home"),
        ("我们 之后 离开", "after that we left home"),
        ("你们 之后 离开", "after that you left home"),
    ]
    clauses = _clauses(rows, {0: {(0, 2): 1.0}, 1: {(0, 2): 1.0}, 2: {(0, 2): 1.0}})
    assert "之后" not in recurring_words(clauses)  # "after" is its own sense, lost to a rival
