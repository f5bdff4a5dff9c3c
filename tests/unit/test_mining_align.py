"""Behaviour of the word aligner on small hand-made pairs (never benchmark gold)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.errors import InputError
from tutor.mining.align import align, align_file_lines, align_scored
from tutor.mining.align.anchors import anchors, en_values
from tutor.mining.align.priors import lexical_priors
from tutor.mining.align.symmetrize import grow_diag_final_and, intersection

PAIRS = [
    ("我 喜欢 苹果 。".split(), "I like apples .".split()),
    ("记者 任 峰 报道 。".split(), "reporter Ren Feng reports .".split()),
    ("北京 建成 2315万 平方米 绿地 。".split(),
     "Beijing built 23.15 million square meters of green space .".split()),
    ("5月 22日 , 他 去 了 学校 。".split(), "On May 22 , he went to school .".split()),
    ("这 是 一 本 好 书 。".split(), "this is a good book .".split()),
    ("我们 保护 环境 。".split(), "we protect the environment .".split()),
]  # fmt: skip


@pytest.fixture(scope="module")
def links() -> list[frozenset[tuple[int, int]]]:
    return align(PAIRS, background=False)


def test_dictionary_words_link(links: list[frozenset[tuple[int, int]]]) -> None:
    assert (2, 2) in links[0]  # 苹果 - apples
    assert (1, 1) in links[0]  # 喜欢 - like
    assert (5, 4) in links[4]  # 书 - book
    assert (2, 3) in links[5]  # 环境 - environment


def test_names_link_by_pinyin(links: list[frozenset[tuple[int, int]]]) -> None:
    assert {(1, 1), (2, 2)} <= links[1]


def test_numbers_and_dates_link(links: list[frozenset[tuple[int, int]]]) -> None:
    assert {(2, 2), (2, 3)} <= links[2]  # 2315万 - 23.15 million
    assert (0, 1) in links[3]  # 5月 - May
    assert (1, 2) in links[3]  # 22日 - 22


def test_punctuation_links(links: list[frozenset[tuple[int, int]]]) -> None:
    assert (3, 3) in links[0]
    assert (2, 3) in links[3]


def test_wrong_pairings_stay_out(links: list[frozenset[tuple[int, int]]]) -> None:
    assert (2, 1) not in links[0]  # 苹果 is not "like"
    assert (0, 2) not in links[1]  # 记者 is not "Feng"


def test_same_input_same_links(links: list[frozenset[tuple[int, int]]]) -> None:
    assert align(PAIRS, background=False) == links


def test_background_keeps_short_input_aligned() -> None:
    got = align(PAIRS[:2], background=True)
    assert (2, 2) in got[0] and {(1, 1), (2, 2)} <= got[1]


def test_scores_are_probabilities() -> None:
    scored = align_scored(PAIRS[:1], background=False)[0]
    assert scored and all(0.0 < p <= 1.0 for p in scored.values())
    assert scored[(2, 2)] >= 0.5


def test_file_lines_print_pharaoh() -> None:
    lines = [" ".join(z) + " ||| " + " ".join(e) for z, e in PAIRS[:2]] + [""]
    out = list(align_file_lines(lines, path="pairs.txt"))
    assert len(out) == 3 and out[2] == ""
    assert "2-2" in out[0].split()
    assert all(tok.count("-") == 1 for tok in out[0].split())


@pytest.mark.parametrize("bad", ["我 喜欢 苹果", "我 ||| like ||| x", " ||| I like apples"])
def test_malformed_line_names_file_and_line(bad: str) -> None:
    lines = ["我 ||| I", bad]
    with pytest.raises(InputError) as err:
        list(align_file_lines(lines, path=Path("in.txt")))
    assert str(err.value).startswith("in.txt:2: ")


def test_priors_come_from_dictionary_senses() -> None:
    from tutor.lang.cedict import load_cedict

    pri = lexical_priors(load_cedict(), ["苹果", "绿地公园"], {"apple", "park", "green", "like"})
    assert ("苹果", "apple") in pri and ("苹果", "like") not in pri
    assert ("绿地公园", "park") in pri  # from the dictionary word inside the compound
    assert pri[("苹果", "apple")] > pri[("绿地公园", "park")]


def test_anchor_numbers_and_months() -> None:
    assert en_values(["23.15", "million", "and", "22nd"]) == [(0, 2, 23150000.0), (3, 4, 22.0)]
    got = anchors(["3月", "有", "二十", "人"], ["twenty", "people", "in", "March"])
    assert (0, 3) in got and (2, 0) in got


def test_symmetrisation() -> None:
    fwd = {(0, 0), (1, 1), (2, 1)}
    rev = {(0, 0), (1, 1), (2, 2)}
    assert intersection(fwd, rev) == {(0, 0), (1, 1)}
    assert grow_diag_final_and(fwd, rev) == {(0, 0), (1, 1), (2, 1), (2, 2)}


def test_grow_adds_one_directions_multiword_links_next_to_agreed_ones() -> None:
    import numpy as np

    from tutor.mining.align.symmetrize import grow_posteriors

    fwd = np.zeros((3, 5))
    rev = np.zeros((3, 5))
    fwd[0, :3] = [0.9, 0.8, 0.7]  # en 0, 1, 2 each pick zh 0 ("Xinhua News Agency")
    rev[0, 0] = 0.9  # zh 0 can pick one English word only
    fwd[1, 4] = rev[1, 4] = 0.9
    rev[2, 0] = 0.6  # one direction alone, next to no agreed link
    got = grow_posteriors((fwd + rev) / 2, fwd, rev, 0.5, 0.5)
    assert got == {(0, 0), (0, 1), (0, 2), (1, 4)}
    assert grow_posteriors((fwd + rev) / 2, fwd, rev, 0.5, 1.0) == {(0, 0), (1, 4)}


def test_crossing_tells_corresponding_splits() -> None:
    from tutor.mining.align.anchors import crossing

    straight = [(0, 0), (1, 1), (3, 3), (4, 4)]
    assert crossing(straight, 2, 2) == 0.0
    assert crossing(straight, 0, 4) == 1.0  # zh 0 splits before all links, en 4 after


def test_function_word_senses_prime_function_words() -> None:
    from tutor.lang.cedict import load_cedict
    from tutor.mining.align.priors import function_keys

    cedict = load_cedict()
    assert {"of", "'s"} <= function_keys(cedict, "的")
    assert "the" not in function_keys(cedict, "的")
    assert function_keys(cedict, "苹果") == frozenset()  # content words: gloss_keys' job
    pri = lexical_priors(cedict, ["的", "苹果"], {"of", "the", "apple"})
    assert ("的", "of") in pri and ("的", "the") not in pri
    assert pri[("的", "of")] < pri[("苹果", "apple")]


def test_dictionary_phrase_anchors_every_word_of_the_sense() -> None:
    from tutor.lang.cedict import load_cedict

    cedict = load_cedict()
    got = anchors("援助 一千 美元 。".split(), "aid of 1,000 US dollars .".split(), cedict)
    assert {(2, 3), (2, 4)} <= set(got)
    got = anchors("新华社 记者".split(), "Xinhua News Agency reporter".split(), cedict)
    assert {(0, 0), (0, 1), (0, 2)} <= set(got) and (1, 0) not in got
    assert not any(
        i == 2 for i, _ in anchors("援助 一千 美元".split(), "aid to us".split(), cedict)
    )


def test_name_anchor_takes_one_copy_and_skips_function_words() -> None:
    got = anchors("上海 和 北京".split(), "Shanghai and Beijing , he said , like Shanghai".split())
    assert (0, 0) in got and (0, 8) not in got
    assert (2, 2) in got
    assert not any(i == 1 for i, _ in got)  # 和 "He" is not the pronoun
