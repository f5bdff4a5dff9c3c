"""Terms are noun phrases or set phrases, not a verb and its object (hand-made pairs,
knowledge links only)."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.glosses import noun_lemmas, verb_mostly
from tutor.mining.resources import en_tokens
from tutor.mining.termshape import termlike, verb_led, verb_object_word
from tutor.model import Entry, SegmentPair


def _mine(*texts: tuple[str, str]) -> dict[str, Entry]:
    pairs = [SegmentPair(zh, en, "t.txt", n + 1, n) for n, (zh, en) in enumerate(texts)]
    result = mine(pairs, aligner=None)
    return {e.hanzi: e for e in [*result.entries, *result.low]}


def test_the_dictionary_tells_verbs_from_words_that_are_nouns_too() -> None:
    assert verb_mostly("carry") and verb_mostly("sell") and verb_mostly("warn")
    assert not verb_mostly("work") and not verb_mostly("export") and not verb_mostly("campaign")


def test_a_verb_followed_by_a_function_word_leads_a_verb_phrase() -> None:
    zh, en = ["检查", "电视"], en_tokens("He checked the TV")
    assert verb_led(zh, en, {0: [1], 1: [3]}, False, 0, 1)


def test_a_verb_written_as_a_modifier_leads_a_term() -> None:
    # 工作机制 "working mechanism": a participle right before its noun
    zh, en = ["工作", "机制"], en_tokens("a working mechanism")
    assert not verb_led(zh, en, {0: [1], 1: [2]}, False, 0, 1)
    # written after the noun it goes with: an English compound
    zh, en = ["贩卖", "毒品"], en_tokens("drug trafficking")
    assert not verb_led(zh, en, {0: [1], 1: [0]}, False, 0, 1)


def test_a_verb_before_a_name_is_no_term() -> None:
    zh, en = ["资助", "伊朗"], en_tokens("They subsidize Iran")
    assert verb_led(zh, en, {0: [1], 1: [2]}, False, 0, 1)


def test_an_unknown_word_with_an_aspect_particle_leads_a_verb_phrase() -> None:
    got = _mine(("你不需要随身带着午餐。", "You don't need to carry lunch with you."))
    assert "带着午餐" not in got
    assert got["午餐"].english == "lunch"


def test_verb_and_object_found_by_the_translation() -> None:
    got = _mine(("他喜欢谈论天气。", "He likes to talk about the weather."))
    assert "谈论天气" not in got and got["天气"].english == "weather"
    got = _mine(("这是一个工作机制。", "This is a working mechanism."))
    assert got["工作机制"].english == "working mechanism"


def test_a_segmenters_verb_object_word_is_no_term() -> None:
    en = en_tokens("He finished his homework")
    assert verb_object_word("做完作业", en, 1, 3)
    en = en_tokens("a crisis of trust")
    assert not verb_object_word("信任危机", en, 1, 3)  # the English starts with the noun


def test_a_mis_cut_neither_knows_leads_a_verb_phrase_by_the_english() -> None:
    # the segmenter's 我见 / 过狗: unknown to both, the English reads verb + "a" + noun
    zh, en = ["我见", "过狗"], en_tokens("I saw a dog")
    assert verb_led(zh, en, {0: [1], 1: [3]}, False, 0, 1)


def test_a_head_tagged_as_a_verb_is_a_noun_when_the_english_renders_its_noun_sense() -> None:
    from tutor.mining.termshape import termlike

    words = ["国际", "协定"]  # jieba tags 协定 a verb; CC-CEDICT also has "agreement"
    toks = en_tokens("international agreements")
    assert termlike(words, toks, 0, 1, False)
    assert not termlike(words, en_tokens("international agree"), 0, 1, False)


def test_a_verb_head_rendered_by_its_verbs_noun_ends_a_term() -> None:
    # 修改 "to amend; to alter; to modify" has no noun sense: "modifications" is made from one
    assert termlike(["技术", "修改"], en_tokens("technical modifications"), 0, 1, False)
    assert not termlike(["技术", "修改"], en_tokens("technically modify"), 0, 1, False)
    assert not termlike(["技术", "修改"], en_tokens("technical changes"), 0, 1, False)


def test_an_english_head_before_of_is_the_head_a_term_ends_in() -> None:
    # "Limitation of Liability": the head comes first, 限制's noun of "to limit"
    assert termlike(["责任", "限制"], en_tokens("limitation of liability"), 0, 2, False)
    # a participle is no noun sense: 名叫 "named" does not end 第二道河名叫 "name of the river"
    assert "name" not in noun_lemmas("名叫")
    assert not termlike(["第二道", "河", "名叫"], en_tokens("name of the river"), 0, 3, False)


def test_a_verb_the_english_writes_as_its_noun_modifies_a_term() -> None:
    pair = SegmentPair(
        "民主党人启动了弹劾调查。", "The Democrats launched an impeachment inquiry.", "t", 1, 0
    )
    got = {e.hanzi: e.english for e in mine([pair], workers=1).entries}
    assert got["弹劾调查"] == "impeachment inquiry"
    off = mine([pair], workers=1, disable={"termlike"}).entries
    assert "弹劾调查" in {e.hanzi for e in off}  # the rule is what decides
