"""Choosing what reaches a deck: verdicts, --max-level, --limit and the new-card order."""

from __future__ import annotations

import pytest

from tutor.curate import Curated, Selection, apply_judgements, in_order, select
from tutor.model import Entry


def entry(
    hanzi: str, english: str = "x", level: int | None = 1, freq: float = 3.0, pos: int = 0
) -> Entry:
    return Entry(
        hanzi=hanzi,
        traditional=hanzi,
        pinyin="",
        english=english,
        confidence=0.9,
        position=pos,
        hsk_level=level,
        frequency=freq,
    )


def test_rejected_pairs_go_and_accepted_low_pairs_come_in() -> None:
    high = [entry("甲", "first", pos=0), entry("乙", "Second ", pos=1)]
    low = [entry("丙", "third", pos=2), entry("丁", "fourth", pos=3)]
    got = apply_judgements(high, low, {"丁": ["Fourth"]}, {("乙", "second"), ("丙", "third")})
    assert [(e.hanzi, e.confidence) for e in got.entries] == [("甲", 0.9), ("丁", 1.0)]
    assert got.low == [] and (got.rejected, got.accepted) == (2, 1)


def test_an_accepted_pair_is_only_the_pair() -> None:
    got = apply_judgements([], [entry("丁", "other")], {"丁": ["fourth"]}, set())
    assert got.entries == [] and [e.english for e in got.low] == ["other"]


def test_max_level_and_unlevelled() -> None:
    items = [entry("一", level=1), entry("四", level=4), entry("名", level=None)]
    curated = Curated(entries=items, low=[entry("二", level=2), entry("五", level=5)])
    got = select(curated, Selection(max_level=3))
    assert [e.hanzi for e in got.entries] == ["一"]
    assert [e.hanzi for e in got.low] == ["二"]
    assert got.filtered == 3
    kept = select(curated, Selection(max_level=3, keep_unlevelled=True))
    assert [e.hanzi for e in kept.entries] == ["一", "名"]


def test_limit_keeps_the_most_frequent_in_source_order() -> None:
    items = [entry(h, freq=f, pos=i) for i, (h, f) in enumerate([("甲", 2), ("乙", 5), ("丙", 4)])]
    got = select(Curated(entries=items, low=[]), Selection(limit=2))
    assert [e.hanzi for e in got.entries] == ["乙", "丙"]
    assert select(Curated(entries=items, low=[]), Selection(limit=0)).entries == []


def test_orders() -> None:
    items = [
        entry("甲", level=None, freq=1, pos=0),
        entry("乙", level=3, freq=5, pos=1),
        entry("丙", level=1, freq=4, pos=2),
    ]
    assert [e.hanzi for e in in_order(items, "source")] == ["甲", "乙", "丙"]
    assert [e.hanzi for e in in_order(items, "frequency")] == ["乙", "丙", "甲"]
    assert [e.hanzi for e in in_order(items, "level")] == ["丙", "乙", "甲"]


@pytest.mark.parametrize(
    "kwargs", [{"max_level": 0}, {"max_level": 10}, {"limit": -1}, {"order": "random"}]
)
def test_bad_selection(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Selection(**kwargs)  # type: ignore[arg-type]
