"""One window of a long pair is aligned as ``realign`` would, only faster."""

from __future__ import annotations

from tutor.corpus.overlap import DictionaryOverlap
from tutor.corpus.realign import Sentence, align_documents
from tutor.corpus.windowalign import align_window

ZH = ["我有一只猫。", "猫很小。", "它喜欢吃鱼，也喜欢睡觉。", "我们住在北京。"]
EN = [
    "I have a cat.",
    "The cat is small.",
    "It likes eating fish.",
    "It also likes to sleep.",
    "We live in Beijing.",
]
SENSES = {"猫": ["cat"], "鱼": ["fish"], "睡觉": ["to sleep"], "北京": ["Beijing"], "小": ["small"]}


def _overlap() -> DictionaryOverlap:
    def segment(text: str) -> list[str]:
        words, k = [], 0
        while k < len(text):
            size = 2 if text[k : k + 2] in SENSES else 1
            words.append(text[k : k + size])
            k += size
        return words

    return DictionaryOverlap(
        lambda w: SENSES.get(w, []),
        segment,
        lambda t: [w.strip(".,").lower() for w in t.split() if len(w.strip(".,")) > 3],
    )


def _shapes(beads: list[tuple[list[Sentence], list[Sentence]]]) -> list[tuple[int, int]]:
    return [(len(z), len(e)) for z, e in beads]


def test_a_whole_window_aligns_as_realign_does() -> None:
    overlap = _overlap()
    ratio = sum(map(len, EN)) / sum(len(z) for z in ZH)
    expected = align_documents([Sentence(z, 1) for z in ZH], [Sentence(e, 1) for e in EN], overlap)
    assert align_window(ZH, EN, ratio, overlap) == _shapes(expected)
    assert align_window(ZH, EN, ratio, overlap) == [(1, 1), (1, 1), (1, 2), (1, 1)]


def test_a_window_read_past_its_chinese_ends_where_it_fits() -> None:
    ratio = sum(map(len, EN)) / sum(len(z) for z in ZH)
    more = [*EN, "This sentence belongs to the next window.", "So does this one."]
    shapes = align_window(ZH, more, ratio, _overlap(), whole=False)
    assert shapes == [(1, 1), (1, 1), (1, 2), (1, 1)]


def test_without_a_dictionary_lengths_decide() -> None:
    ratio = sum(map(len, EN)) / sum(len(z) for z in ZH)
    shapes = align_window(ZH, EN, ratio, None)
    assert sum(x for x, _ in shapes) == len(ZH)
    assert sum(y for _, y in shapes) == len(EN)


def test_an_empty_side_leaves_every_sentence_unpaired() -> None:
    assert align_window(ZH[:2], [], 2.0, None) == [(1, 0), (1, 0)]
    assert align_window([], EN[:1], 2.0, None) == [(0, 1)]
