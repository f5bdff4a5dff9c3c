"""Dictionary senses as English patterns: a sense's qualifier may be part of the phrase."""

from __future__ import annotations

from tutor.mining.glosses import glosses
from tutor.mining.lexicon import Lexicon
from tutor.mining.links import link
from tutor.mining.resources import en_tokens


def _texts(word: str) -> set[str]:
    return {g.text for g in glosses(word)}


def test_a_qualifier_in_parentheses_is_also_read_as_part_of_the_phrase() -> None:
    assert {"temperature", "body temperature"} <= _texts("体温")  # "(body) temperature"


def test_a_field_label_in_parentheses_is_never_part_of_the_phrase() -> None:
    labelled = [g for g in _texts("本书") | _texts("上") if g.split()[0] in {"literary", "old"}]
    assert labelled == []
    assert not any(t.startswith(("directional", "noun suffix")) for t in _texts("上"))


def test_the_whole_phrase_is_linked_where_the_text_says_it() -> None:
    tokens = en_tokens("Her body temperature is normal")
    links = link(["她", "的", "体温", "正常"], tokens, Lexicon())
    linked = {tokens[j].text for i, j in links if i == 2}
    assert linked == {"body", "temperature"}


def _linked(zh: list[str], en: str, i: int) -> set[str]:
    tokens = en_tokens(en)
    return {tokens[j].text for k, j in link(zh, tokens, Lexicon()) if k == i}


def test_a_compound_written_open_matches_a_closed_gloss() -> None:
    assert _linked(["全屏"], "Full screen", 0) == {"Full", "screen"}  # "fullscreen"
    assert _linked(["访问", "网站"], "Visit the web site", 1) == {"web", "site"}  # "website"
    assert _linked(["全屏", "模式"], "full-screen mode", 0) == {"full", "screen"}


def test_a_compound_written_closed_matches_an_open_gloss_whole() -> None:
    tokens = en_tokens("Open the webpage")
    links = link(["打开", "网页"], tokens, Lexicon())  # "web page"
    assert links[(1, 2)] >= 0.9  # the whole gloss, not a word inside a compound (0.6)


def test_cross_references_and_notes_never_become_english() -> None:
    junk = ("]", "[", "abbr. for", "Tw", "CL:")
    for word in ("英国", "哈", "克", "大生", "梦", "多"):
        texts = _texts(word)
        assert texts and not any(j in t or t == j for t in texts for j in junk), (word, texts)
    assert "Kazakhstan" in _texts("哈") and "Croatia" in _texts("克")
    assert "United Kingdom" in _texts("英国") and "university student" in _texts("大生")


def test_words_of_two_senses_side_by_side_render_the_word() -> None:
    # CC-CEDICT 车祸: "traffic accident; car crash"; the text says "car accident"
    zh = ["喝醉", "的", "驾驶员", "对", "车祸", "有", "责任", "。"]
    got = _linked(zh, "A drunk driver was responsible for the car accident.", 4)
    assert got == {"car", "accident"}


def test_an_optional_word_or_a_single_or_makes_longer_phrases() -> None:
    assert {"last bus", "last train"} <= _texts("末班车")  # "last bus or train"
    assert "spend time" in _texts("度过")  # "to spend (time)"
    assert not any("somewhere" in t for t in _texts("去"))  # "(somewhere)" is no English


def test_the_longer_phrase_is_linked_where_the_text_writes_it() -> None:
    assert _linked(["一起", "度过"], "spending time together", 1) == {"spending", "time"}


def test_an_acronym_is_a_word_in_the_text_and_in_the_dictionary() -> None:
    tokens = en_tokens("In the U.S., the US and us")
    assert [(t.text, t.lemma, t.is_content) for t in tokens if t.text[0] in "Uu"] == [
        ("U.S.", "us", True),
        ("US", "us", True),
        ("us", "we", False),
    ]
    assert "US" in _texts("美国")
    assert _linked(["在", "美国"], "In the U.S., most people vote", 1) == {"U.S."}
    shouted = en_tokens("TERMS OF US")  # a heading in capitals has no acronyms
    assert not shouted[-1].is_content
