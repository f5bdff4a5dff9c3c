"""Rules found by judging random mined pairs: negation, tag questions, clause fragments,
stray links, verb senses inside names (hand-made pairs, knowledge links only)."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.glosses import negates
from tutor.mining.links import link
from tutor.mining.resources import en_tokens
from tutor.mining.statlinks import merge
from tutor.mining.strays import stray_words
from tutor.mining.termshape import noun_like as _noun_like
from tutor.model import Entry, SegmentPair


def _mine(*texts: tuple[str, str], disable: frozenset[str] = frozenset()) -> dict[str, Entry]:
    pairs = [SegmentPair(zh, en, "t.txt", n + 1, n) for n, (zh, en) in enumerate(texts)]
    result = mine(pairs, aligner=None, disable=disable)
    return {e.hanzi: e for e in [*result.entries, *result.low]}


def test_words_carrying_a_negation_are_told_apart() -> None:
    assert negates("不论") and negates("没用")
    assert not negates("非常") and not negates("别人") and not negates("未来")


def test_a_negating_word_keeps_the_english_negation() -> None:
    got = _mine(("不论他说什么，我都不听。", "No matter what he says, I will not listen."))
    assert got["不论"].english == "no matter"
    got = _mine(("这把钥匙没用。", "This key is of no use."))
    assert got["没用"].english == "no use"


def test_a_word_without_negation_does_not_take_the_english_one() -> None:
    got = _mine(("这座城市没有公园。", "The city has no park."))
    assert got["公园"].english == "park"


def test_contracted_auxiliaries_render_nothing() -> None:
    toks = en_tokens("He isn't tall, isn’t he?")
    assert not any(t.is_content for t in toks if t.low in ("isn't",))
    assert [t.low for t in toks].count("isn't") == 2
    pair = ("他很高，不是吗？", "He is tall, isn't he?")
    assert "不是吗" not in _mine(pair)  # the English tag is not its translation: nothing renders it
    tag = _mine(pair, disable=frozenset({"unplaced_word"}))["不是吗"]  # the dictionary's, held
    assert tag.english == "isn't that so?" and tag.confidence < 0.5


def test_a_verb_the_segmenter_tags_as_a_place_does_not_end_a_term() -> None:
    assert not _noun_like("长大")
    assert _noun_like("建设") and _noun_like("北京") and _noun_like("公园")
    got = _mine(("那个孩子长大后当了医生。", "The boy grew up to be a doctor."))
    assert "孩子长大" not in got


def test_a_link_far_outside_its_neighbours_english_is_a_stray() -> None:
    # the neighbours' English lies ten tokens apart; the middle word's lies far before both
    assert stray_words({(0, 40): 1.0, (1, 24): 1.0, (2, 50): 1.0}) == {1}
    assert stray_words({(0, 40): 1.0, (1, 45): 1.0, (2, 50): 1.0}) == set()
    assert stray_words({(0, 10): 1.0, (1, 24): 1.0, (2, 50): 1.0}) == set()  # neighbours apart


def test_a_statistical_link_that_strays_is_dropped() -> None:
    zh = ["开通", "运营", "北京"]
    en = en_tokens(
        "The railway was put into service and the park in the new area of the town that lies"
        " north of the river was opened for Beijing"
    )
    opened = next(j for j, t in enumerate(en) if t.low == "opened")
    service = next(j for j, t in enumerate(en) if t.low == "service")
    beijing = len(en) - 1
    links = {(0, opened): 1.0, (2, beijing): 1.0}
    assert (1, service) not in merge(links, [(1, service)], 0.6, zh, en)
    near = {(0, 3): 1.0, (2, 7): 1.0}
    assert (1, service) in merge(near, [(1, service)], 0.6, zh, en)


def test_a_verb_sense_is_not_found_inside_a_name() -> None:
    en = en_tokens("They read the Development Control Plan.")
    assert link(["开展"], en) == {}
    en = en_tokens("They develop the plan.")
    assert link(["开展"], en)


def test_an_adverb_found_only_through_one_character_is_held_back() -> None:
    got = _mine(("我们事先修好了车。", "We repaired the car first."))
    assert got["事先"].confidence < 0.5
    got = _mine(("早晨我去跑步。", "I go running in the morning."))
    assert got["早晨"].english == "morning" and got["早晨"].confidence >= 0.5


def test_a_term_does_not_end_in_a_word_the_dictionary_has_only_as_a_verb() -> None:
    assert not _noun_like("戒酒") and not _noun_like("开着")
    assert _noun_like("服务") and _noun_like("咖啡")  # a verb with a noun sense; a noun
    got = _mine(("我已经戒烟戒酒了。", "I have given up smoking and drinking."))
    assert "戒烟戒酒" not in got
