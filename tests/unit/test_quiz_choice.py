"""Multiple choice: four distinct options, look-alike distractors, never a synonym."""

from __future__ import annotations

import random
from collections import Counter

from tutor.model import Entry
from tutor.quiz.choice import (
    are_synonyms,
    can_make_choice,
    content_words,
    make_choice,
    option_label,
    pick_distractors,
)


def entry(
    hanzi: str,
    pinyin: str,
    english: str,
    senses: tuple[str, ...] = (),
    kind: str = "word",
    position: int = 0,
) -> Entry:
    return Entry(hanzi, hanzi, pinyin, english, senses, kind=kind, position=position)  # type: ignore[arg-type]


XIETONG = entry("协同", "xié tóng", "coordinated", ("to cooperate", "in coordination with"))
SYNONYMS = [
    entry("配合", "pèi hé", "to act in concert", ("to coordinate", "to act in concert")),
    entry("协作", "xié zuò", "collaboration", ("to cooperate", "to collaborate")),
    entry("协调", "xié tiáo", "coordination", ("to coordinate", "to harmonize")),
]
TWO_CHAR_WORDS = [
    entry("银行", "yín háng", "bank", ("bank",)),
    entry("苹果", "píng guǒ", "apple", ("apple",)),
    entry("火车", "huǒ chē", "train", ("train",)),
    entry("医生", "yī shēng", "doctor", ("doctor",)),
    entry("老师", "lǎo shī", "teacher", ("teacher",)),
    entry("电脑", "diàn nǎo", "computer", ("computer",)),
    entry("天气", "tiān qì", "weather", ("weather",)),
]
OTHER_LENGTHS = [
    entry("绿", "lǜ", "green", ("green",)),
    entry("书", "shū", "book", ("book",)),
    entry("自行车", "zì xíng chē", "bicycle", ("bicycle", "bike")),
    entry("大熊猫", "dà xióng māo", "giant panda", ("giant panda",)),
]
NAMES = [
    entry("西安", "Xī ān", "Xi'an", ("Xi'an, capital of Shaanxi province",), kind="name"),
    entry("上海", "Shàng hǎi", "Shanghai", ("Shanghai municipality",), kind="name"),
    entry("广州", "Guǎng zhōu", "Guangzhou", ("Guangzhou, city in Guangdong",), kind="name"),
    entry("长城", "Cháng chéng", "Great Wall", ("the Great Wall",), kind="name"),
]
DECK = [XIETONG, *SYNONYMS, *TWO_CHAR_WORDS, *OTHER_LENGTHS, *NAMES]


def test_four_distinct_options_with_the_answer_at_answer_index() -> None:
    for seed in range(30):
        choice = make_choice(XIETONG, DECK, random.Random(seed))
        assert choice is not None
        assert len(choice.options) == 4
        assert len(set(choice.options)) == 4
        assert choice.options[choice.answer_index] == "coordinated"
        assert choice.entries[choice.answer_index] is XIETONG
        assert sum(e is XIETONG for e in choice.entries) == 1


def test_never_a_synonym_of_the_answer() -> None:
    banned = {e.hanzi for e in SYNONYMS}
    for seed in range(100):
        choice = make_choice(XIETONG, DECK, random.Random(seed))
        assert choice is not None
        assert not banned & {e.hanzi for e in choice.entries}


def test_synonym_detection_uses_senses_and_stems() -> None:
    assert are_synonyms(XIETONG, SYNONYMS[0])  # coordinate ~ coordination
    assert are_synonyms(XIETONG, SYNONYMS[1])  # to cooperate in both
    assert not are_synonyms(XIETONG, TWO_CHAR_WORDS[0])
    develop = entry("发达", "fā dá", "developed", ("developed (country etc)",))
    progress = entry("进展", "jìn zhǎn", "development", ("to make progress",))
    assert are_synonyms(develop, progress)  # developed ~ development


def test_function_words_and_dictionary_boilerplate_do_not_make_synonyms() -> None:
    a = entry("喜欢", "xǐ huan", "to like", ("to like sb or sth",))
    b = entry("咖啡", "kā fēi", "coffee", ("coffee (loanword)", "CL:杯[bei1]"))
    assert not are_synonyms(a, b)
    assert "sth" not in content_words(a)
    assert not are_synonyms(NAMES[0], NAMES[2])  # "capital", "province", "city" are boilerplate


def test_same_kind_and_same_length_preferred() -> None:
    for seed in range(50):
        wrong = pick_distractors(XIETONG, DECK, random.Random(seed))
        assert len(wrong) == 3
        assert all(e.kind == "word" and len(e.hanzi) == 2 for e in wrong)


def test_names_get_name_distractors() -> None:
    xian = NAMES[0]
    for seed in range(20):
        wrong = pick_distractors(xian, DECK, random.Random(seed))
        assert {e.hanzi for e in wrong} == {"上海", "广州", "长城"}


def test_falls_back_to_other_kinds_and_lengths_when_needed() -> None:
    deck = [XIETONG, *NAMES[:2], *OTHER_LENGTHS[:1], *OTHER_LENGTHS[2:]]
    # English options: the kind matters most, so words of other lengths come first
    wrong = pick_distractors(XIETONG, deck, random.Random(1), show="english")
    assert {e.hanzi for e in wrong} == {"绿", "自行车", "大熊猫"}
    # hanzi options: the same length matters most, so the two-character names come first
    wrong = pick_distractors(XIETONG, deck, random.Random(1), show="hanzi")
    assert len(wrong) == 3
    assert {e.hanzi for e in wrong} >= {"西安", "上海"}


def test_deterministic_with_the_rng_and_varied_across_seeds() -> None:
    first = make_choice(XIETONG, DECK, random.Random(7))
    again = make_choice(XIETONG, DECK, random.Random(7))
    assert first == again
    positions = Counter()
    option_sets = set()
    for seed in range(200):
        choice = make_choice(XIETONG, DECK, random.Random(seed))
        assert choice is not None
        positions[choice.answer_index] += 1
        option_sets.add(frozenset(choice.options))
    assert set(positions) == {0, 1, 2, 3}
    assert min(positions.values()) > 20
    assert len(option_sets) > 5


def test_duplicate_labels_never_appear_twice() -> None:
    happy = [
        entry("高兴", "gāo xìng", "happy", ("happy",)),
        entry("快乐", "kuài lè", "happy", ("happy", "merry")),
        entry("愉快", "yú kuài", "Happy", ("cheerful",)),
    ]
    deck = [XIETONG, *happy, TWO_CHAR_WORDS[0], TWO_CHAR_WORDS[1]]
    for seed in range(30):
        choice = make_choice(XIETONG, deck, random.Random(seed))
        assert choice is not None
        labels = [o.lower() for o in choice.options]
        assert len(labels) == len(set(labels))
        assert labels.count("happy") == 1


def test_distractors_avoid_being_synonyms_of_each_other_when_possible() -> None:
    happy = [
        entry("高兴", "gāo xìng", "glad", ("happy",)),
        entry("快乐", "kuài lè", "joyful", ("happy",)),
    ]
    deck = [XIETONG, *happy, *TWO_CHAR_WORDS]
    for seed in range(30):
        wrong = pick_distractors(XIETONG, deck, random.Random(seed))
        assert not {"高兴", "快乐"} <= {e.hanzi for e in wrong}


def test_too_small_a_deck_gives_no_choice() -> None:
    deck = [XIETONG, *SYNONYMS, TWO_CHAR_WORDS[0], TWO_CHAR_WORDS[1]]
    assert not can_make_choice(XIETONG, deck)
    assert make_choice(XIETONG, deck, random.Random(0)) is None
    assert can_make_choice(XIETONG, DECK)


def test_hanzi_options_for_cloze_choosing() -> None:
    choice = make_choice(XIETONG, DECK, random.Random(3), show="hanzi")
    assert choice is not None
    assert choice.options[choice.answer_index] == "协同"
    assert all(len(o) == 2 for o in choice.options)


def test_option_label_uses_first_rendering_then_senses() -> None:
    e = entry("协同", "xié tóng", "coordinated; in concert", ("to cooperate",))
    assert option_label(e, "english") == "coordinated"
    assert option_label(entry("协同", "xié tóng", "", ("to cooperate",)), "english") == (
        "to cooperate"
    )
    assert option_label(e, "hanzi") == "协同"
