"""Sentence and clause splitting, and aligning the clauses of a paragraph pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.corpus import align_clauses, example_for, read_pairs
from tutor.corpus.overlap import DictionaryOverlap, default_overlap
from tutor.corpus.sentences import split_en, split_zh, split_zh_commas


def test_split_en_respects_decimals_abbreviations_and_quotes() -> None:
    text = (
        "We demolished 23.15 million square meters. Dr. Smith met the U.S. team; "
        'then they left! "Stop." He said. "Why?" she asked. J. K. Rowling wrote it.'
    )
    assert split_en(text) == [
        "We demolished 23.15 million square meters.",
        "Dr. Smith met the U.S. team;",
        "then they left!",
        '"Stop."',
        "He said.",
        '"Why?" she asked.',
        "J. K. Rowling wrote it.",
    ]


def test_split_zh_keeps_closing_quotes_and_ascii_semicolons() -> None:
    text = "优化首都功能,严格规划执行;实施行动计划。他说：“走吧！”然后走了"
    assert split_zh(text) == [
        "优化首都功能,严格规划执行;",
        "实施行动计划。",
        "他说：“走吧！”",
        "然后走了",
    ]
    assert split_zh_commas("优化首都功能,坚持规划，完善制度") == [
        "优化首都功能,",
        "坚持规划，",
        "完善制度",
    ]


def _toy_overlap() -> DictionaryOverlap:
    senses = {
        "猫": ["cat"],
        "睡觉": ["to sleep"],
        "狗": ["dog"],
        "跑": ["to run"],
        "鸟": ["bird"],
        "唱歌": ["to sing"],
    }
    words = sorted(senses, key=len, reverse=True)

    def segment(text: str) -> list[str]:
        out, i = [], 0
        while i < len(text):
            word = next((w for w in words if text.startswith(w, i)), text[i])
            out.append(word)
            i += len(word)
        return out

    def lemmas(text: str) -> list[str]:
        return [w.strip(".,;").lower().removesuffix("s") for w in text.split() if len(w) > 2]

    return DictionaryOverlap(lambda w: senses.get(w, []), segment, lemmas)


def test_lexical_overlap_decides_a_two_to_one_split() -> None:
    zh = "猫在睡觉。狗在跑，鸟在唱歌。"
    en = "The cat sleeps. The dog runs. The bird sings."
    assert align_clauses(zh, en, _toy_overlap()) == [
        ("猫在睡觉。", "The cat sleeps."),
        ("狗在跑，", "The dog runs."),
        ("鸟在唱歌。", "The bird sings."),
    ]


def test_a_paragraph_seen_again_is_remembered_per_scorer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    zh = "猫在睡觉。狗在跑，鸟在唱歌。"
    en = "The cat sleeps. The dog runs. The bird sings."
    scorer = _toy_overlap()
    first = align_clauses(zh, en, scorer)
    first.append(("改了", "changed"))  # the caller's list is its own
    monkeypatch.setattr("tutor.corpus.clauses._align", lambda *a: pytest.fail("aligned again"))
    again = align_clauses(f" {zh}", en, scorer)
    assert again == first[:-1]
    assert len(again) == 3
    # another scorer's alignments are its own: a fresh one aligns (and here, fails loudly)
    with pytest.raises(pytest.fail.Exception):
        align_clauses(zh, en, _toy_overlap())


def test_unrelated_sentences_fall_back_to_the_whole_paragraph() -> None:
    zh = "猫在睡觉。狗在跑。"
    en = "The weather was cold. Nobody came."
    assert align_clauses(zh, en, _toy_overlap()) == [(zh, en)]


def test_single_sentences_stay_whole() -> None:
    assert align_clauses("  猫在睡觉。 ", "The cat sleeps.", _toy_overlap()) == [
        ("猫在睡觉。", "The cat sleeps.")
    ]


def test_length_only_alignment_without_a_scorer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tutor.corpus.clauses.default_overlap", lambda: None)
    zh = "今天我们去了北京的一个很大的公园。很好。"
    en = "Today we went to a very big park in Beijing with all of our friends. It was good."
    assert align_clauses(zh, en) == [
        (
            "今天我们去了北京的一个很大的公园。",
            "Today we went to a very big park in Beijing with all of our friends.",
        ),
        ("很好。", "It was good."),
    ]


def test_example_for_picks_the_shortest_pair_with_the_word() -> None:
    pairs = [
        ("猫在睡觉，狗在跑。", "The cat sleeps and the dog runs."),
        ("猫在睡觉。", "The cat sleeps."),
        ("猫小。", "Kittens are small."),
    ]
    assert example_for("猫", None, pairs) == ("猫小。", "Kittens are small.")
    assert example_for("猫", "cat", pairs) == ("猫在睡觉。", "The cat sleeps.")
    assert example_for("鸟", None, pairs) is None


@pytest.fixture(scope="module")
def seed_paragraphs() -> dict[int, tuple[str, str]]:
    seed = Path(__file__).resolve().parents[2] / "decks" / "beijing-2024-report.txt"
    if default_overlap() is None:
        pytest.skip("tutor.lang is not available")
    return {p.line: (p.zh, p.en) for p in read_pairs(seed)}


def _partner(pairs: list[tuple[str, str]], zh_clause: str) -> str:
    (en,) = [e for z, e in pairs if zh_clause in z]
    return en


def test_seed_clause_lands_with_its_translation(
    seed_paragraphs: dict[int, tuple[str, str]],
) -> None:
    pairs = align_clauses(*seed_paragraphs[17])
    assert len(pairs) >= 3
    en = _partner(pairs, "在京登记落户国际组织机构增至115家")
    assert "The number of international organizations" in en and "115" in en
    assert "Yanqi Lake" not in en and "Belt and Road" not in en
    en = _partner(pairs, "雁栖湖国际会都实现扩容提升")
    assert "Yanqi Lake International Conference Resort" in en


def test_seed_comma_clause_gets_a_sentence_sized_example(
    seed_paragraphs: dict[int, tuple[str, str]],
) -> None:
    pairs = align_clauses(*seed_paragraphs[19])
    en = _partner(pairs, "拆除违法建设2315万平方米")
    assert "23.15 million square meters of illegal structures" in en
    assert len(en) < len(seed_paragraphs[19][1]) / 2
    en = _partner(pairs, "精细化治理提升背街小巷1730条")
    assert "1,730 backstreets and alleys" in en and "23.15" not in en


@pytest.mark.parametrize("line", [1, 9, 11, 13, 15, 17, 19, 21, 23])
def test_seed_alignment_covers_every_paragraph_in_order(
    seed_paragraphs: dict[int, tuple[str, str]], line: int
) -> None:
    zh, en = seed_paragraphs[line]
    pairs = align_clauses(zh, en)
    assert "".join(z for z, _ in pairs).replace(" ", "") == zh.replace(" ", "")
    assert " ".join(e for _, e in pairs).split() == en.split()
