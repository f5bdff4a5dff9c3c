"""Mining the bundled report: checks of the result's own consistency with the text.

The F1 against the gold list is measured by bench/mine_seed.py; these tests need nothing from
outside the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tutor.corpus import read_pairs
from tutor.lang.english import lemma
from tutor.mining import MineResult, mine
from tutor.model import SegmentPair


@pytest.fixture(scope="module")
def seed_pairs() -> list[SegmentPair]:
    from tests.conftest import BUNDLED

    return list(read_pairs(Path(BUNDLED)))


@pytest.fixture(scope="module")
def mined(seed_pairs: list[SegmentPair]) -> MineResult:
    return mine(seed_pairs, aligner=None)


def _english_words(pairs: list[SegmentPair]) -> set[str]:
    words = set()
    for p in pairs:
        for w in re.findall(r"[A-Za-z]+(?:['-][A-Za-z]+)*|\d[\d,.]*", p.en):
            words.add(w.lower())
            words.add(lemma(w))
            words.update(x.lower() for x in re.split(r"[-']", w))
    return words


def test_seed_yields_a_deck_of_every_kind(mined: MineResult) -> None:
    assert len(mined.entries) >= 80
    kinds = {e.kind for e in mined.entries}
    assert kinds >= {"word", "term", "name", "measure"}


def test_seed_english_is_found_in_the_translation(
    mined: MineResult, seed_pairs: list[SegmentPair]
) -> None:
    words = _english_words(seed_pairs)
    found = 0
    for e in mined.entries:
        first = e.english.split("; ")[0]
        parts = re.findall(r"[A-Za-z]+(?:['-][A-Za-z]+)*|\d[\d,.]*", first)
        if parts and all(p.lower() in words for p in parts):
            found += 1
    assert found >= 0.97 * len(mined.entries)


def test_seed_examples_contain_their_entry(mined: MineResult) -> None:
    for e in mined.entries:
        assert e.examples, e.hanzi
        assert e.hanzi in e.examples[0].zh
        # a clause, not the whole paragraph, wherever the paragraph was split
    lengths = [len(e.examples[0].zh) for e in mined.entries]
    assert sorted(lengths)[len(lengths) // 2] < 80


def test_seed_names_and_measures(mined: MineResult) -> None:
    entries = {e.hanzi: e for e in mined.entries}
    assert entries["中关村"].english == "Zhongguancun"
    assert entries["中关村"].kind == "name"
    measures = [e for e in mined.entries + mined.low if e.kind == "measure"]
    assert any(e.english == "2,282 hectares" for e in measures)


def test_seed_skips_function_words(mined: MineResult) -> None:
    hanzi = {e.hanzi for e in mined.entries + mined.low}
    assert not hanzi & {"的", "和", "在", "等", "了", "以", "为"}
