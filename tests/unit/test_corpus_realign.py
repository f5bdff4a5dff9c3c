"""Two texts laid out differently are aligned by sentence, keeping sentences and lines whole."""

from __future__ import annotations

import pytest

import tutor.corpus.realign as realign
from tutor.corpus.overlap import default_overlap
from tutor.corpus.realign import Sentence, align_documents, by_lines, joined

# Genesis 1:9-10 (CUV, KJV). The KJV verse 10 has a ;-clause whose first half ("called the dry
# land Earth") shares words with verse 9, which pulls it there when clauses are free to part.
ZH = [
    "神说，天下的水要聚在一处，使旱地露出来。事就这样成了。",
    "神称旱地为地，称水的聚处为海。神看着是好的。",
]
EN = [
    "And God said, Let the waters under the heaven be gathered together unto one place, and let"
    " the dry land appear: and it was so. And God called the dry land Earth; and the gathering"
    " together of the waters called he Seas: and God saw that it was good."
]


def _sentences(lines: list[str], split: object) -> list[Sentence]:
    return [Sentence(s, n) for n, line in enumerate(lines, 1) for s in split(line)]  # type: ignore[operator]


def _pairs() -> list[tuple[str, str]]:
    from tutor.corpus.sentences import split_en, split_zh

    zh, en = _sentences(ZH, split_zh), _sentences(EN, split_en)
    return [joined(b) for b in by_lines(align_documents(zh, en, default_overlap()), 0)]


def test_a_sentence_is_not_cut_between_its_clauses() -> None:
    got = _pairs()
    assert got[1][1].startswith("And God called the dry land Earth;")
    assert got[0][1].endswith("and it was so.")


def test_without_the_clause_cost_the_clause_goes_astray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(realign, "WEAK_CUT", 0.0)
    assert _pairs()[1][1].startswith("and the gathering")  # what the cost is there to prevent


def test_a_bead_pays_for_each_line_break_inside_it_and_still_joins_where_needed() -> None:
    from tutor.corpus.sentences import split_en, split_zh

    zh_lines = ["他来了。他坐下了。", "我们吃饭。"]
    en_lines = ["He came.", "He sat down. We ate."]
    zh, en = _sentences(zh_lines, split_zh), _sentences(en_lines, split_en)
    cost = realign._Cost(zh, en, None)
    assert cost.joins(0, 2, 0, 1) == 0.0  # within a line on either side
    assert cost.joins(1, 3, 2, 3) == realign.LINE_JOIN  # across a Chinese line break
    assert cost.joins(1, 3, 0, 3) == 2 * realign.LINE_JOIN  # and across an English one
    got = [joined(b) for b in by_lines(align_documents(zh, en, default_overlap()), 0)]
    assert got == [("他来了。他坐下了。", "He came. He sat down."), ("我们吃饭。", "We ate.")]
