"""Statistical links fill the gaps knowledge leaves and never spoil its links."""

from __future__ import annotations

from collections.abc import Sequence

from tutor.mining import mine
from tutor.mining.links import link
from tutor.mining.resources import en_tokens
from tutor.mining.statlinks import merge
from tutor.model import Entry, SegmentPair

EN = "We built closer ties across the Shanghai-Hangzhou area."
# 0 We 1 built 2 closer 3 ties 4 across 5 the 6 Shanghai 7 - 8 Hangzhou 9 area 10 .
ZH = ["沪杭", "更加", "紧密", "提升", "合作", "。"]
KNOWN = {(0, 6): 1.0, (0, 8): 1.0}


def test_no_link_into_the_english_of_a_knowledge_linked_word() -> None:
    got = merge(KNOWN, {(4, 7)}, 0.6, ZH, en_tokens(EN))
    assert got == KNOWN  # the hyphen inside "Shanghai-Hangzhou" belongs to 沪杭


def test_no_link_for_adverbs_or_to_function_words() -> None:
    toks = en_tokens(EN)
    assert merge(KNOWN, {(1, 3)}, 0.6, ZH, toks) == KNOWN  # 更加 is an adverb
    assert merge(KNOWN, {(4, 5)}, 0.6, ZH, toks) == KNOWN  # "the" is no translation
    assert merge(KNOWN, {(5, 10)}, 0.6, ZH, toks) == KNOWN  # punctuation


def test_a_linked_word_keeps_its_links() -> None:
    got = merge(KNOWN, {(0, 9), (0, 6)}, 0.6, ZH, en_tokens(EN))
    assert got == KNOWN


def test_only_links_the_dictionary_backs_are_added() -> None:
    toks = en_tokens("They upgraded and pursued the work.")
    zh = ["提升", "紧密"]
    got = merge({}, {(0, 1), (1, 4)}, 0.6, zh, toks)
    assert got == {(0, 1): 0.6}  # 升级 "upgrade" shares 升; nothing backs 紧密 -> "pursued"


def test_an_unknown_word_links_only_to_a_capitalised_word() -> None:
    toks = en_tokens("We flew to Aspen and saw aspen trees.")
    assert merge({}, {(0, 3)}, 0.6, ["阿斯彭"], toks) == {(0, 3): 0.6}
    assert merge({}, {(0, 6)}, 0.6, ["阿斯彭"], toks) == {}


def _fake(spoil: dict[str, str]):  # type: ignore[no-untyped-def]
    """An aligner linking each Chinese word in ``spoil`` to the given English token."""

    def align(pairs: Sequence[tuple[Sequence[str], Sequence[str]]]):  # type: ignore[no-untyped-def]
        out = []
        for zh, en in pairs:
            links = set()
            for i, w in enumerate(zh):
                if w in spoil and spoil[w] in en:
                    links.add((i, list(en).index(spoil[w])))
            out.append(frozenset(links))
        return out

    return align


def _mined(aligner, zh: str, en: str) -> dict[str, Entry]:  # type: ignore[no-untyped-def]
    result = mine([SegmentPair(zh, en, "t.txt", 1, 0)], aligner=aligner, min_confidence=0.0)
    return {e.hanzi: e for e in result.entries}


def test_the_aligner_does_not_glue_the_next_word_into_a_linked_one() -> None:
    zh, en = "沪杭更加紧密合作。", "The Shanghai-Hangzhou region built closer ties."
    plain = _mined(None, zh, en)
    spoiled = _mined(_fake({"更加": "-", "紧密": "built"}), zh, en)
    assert "沪杭" in plain
    assert spoiled["沪杭"].english == plain["沪杭"].english
    assert "沪杭更加" not in spoiled and "紧密" not in spoiled


def test_knowledge_and_diagonal_fill_go_before_the_aligner() -> None:
    # knowledge gives 战略 -> "strategic"; the fill pairs 定位 with "status" beside it, and
    # the aligner's guess that 落实 is "status" no longer takes the word away
    zh, en = "落实战略定位,", "leveraging its strategic status,"
    got = _mined(_fake({"落实": "status"}), zh, en)
    assert got["战略定位"].english == "strategic status"
    assert "落实" not in got or got["落实"].english != "status"
    assert set(link(["落实", "战略", "定位"], en_tokens(en))) == {(1, 2)}
