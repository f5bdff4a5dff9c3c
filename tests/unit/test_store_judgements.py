"""Learner verdicts on mined pairs and the pending low-confidence list, in the store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tutor.model import Entry, Example
from tutor.store import Store

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)


def entry(hanzi: str, english: str, confidence: float = 0.3, position: int = 0) -> Entry:
    return Entry(
        hanzi=hanzi,
        traditional=hanzi,
        pinyin="x",
        english=english,
        senses=("a sense",),
        kind="word",
        confidence=confidence,
        examples=(Example(f"{hanzi}。", f"{english}."),),
        position=position,
        hsk_level=3,
        frequency=4.5,
    )


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as s:
        yield s


def test_migration_creates_tables(store: Store) -> None:
    assert {"judgements", "pending_low"} <= set(store.db.table_names())
    assert store.judgements() == ({}, set())


def test_judge_accept_and_reject(store: Store) -> None:
    deck = store.ensure_deck("d")
    store.judge(deck, "增长", "growth", "accepted", now=T0)
    store.judge(deck, "增长", "grow", "accepted", now=T0 + timedelta(seconds=1))
    store.judge(deck, "倍", "-fold", "rejected", now=T0)
    lexicon, rejected = store.judgements()
    assert lexicon == {"增长": ["growth", "grow"]}
    assert rejected == {("倍", "-fold")}


def test_latest_verdict_wins_ignoring_case_and_spaces(store: Store) -> None:
    deck = store.ensure_deck("d")
    store.judge(deck, "倍", "-fold", "rejected", now=T0)
    store.judge(deck, "倍", "  -FOLD ", "accepted", now=T0 + timedelta(seconds=1))
    lexicon, rejected = store.judgements()
    assert lexicon == {"倍": ["-FOLD"]}
    assert rejected == set()


@pytest.mark.parametrize(
    ("hanzi", "english", "verdict"),
    [("倍", "-fold", "maybe"), ("", "x", "accepted"), ("倍", "  ", "rejected")],
)
def test_bad_judgement_raises_and_stores_nothing(
    store: Store, hanzi: str, english: str, verdict: str
) -> None:
    with pytest.raises(ValueError):
        store.judge(None, hanzi, english, verdict)
    assert store.judgements() == ({}, set())


def test_pending_low_round_trip_and_order(store: Store) -> None:
    deck = store.ensure_deck("d")
    low = [entry("元", "yuan", 0.2, position=1), entry("倍", "-fold", 0.4, position=2)]
    assert store.set_pending_low(deck, low, now=T0) == 2
    got = store.pending_low(deck)
    assert [e.hanzi for e in got] == ["倍", "元"]  # most confident first
    assert got[1] == low[0]  # every field survives the round trip


def test_pending_low_is_replaced_per_deck_and_run(store: Store) -> None:
    a, b = store.ensure_deck("a"), store.ensure_deck("b")
    store.set_pending_low(a, [entry("元", "yuan")])
    store.set_pending_low(b, [entry("倍", "-fold")])
    store.set_pending_low(a, [entry("增长", "grow")])
    assert [e.hanzi for e in store.pending_low(a)] == ["增长"]
    assert [e.hanzi for e in store.pending_low(b)] == ["倍"]


def test_pending_low_leaves_out_judged_pairs_and_deck_notes(store: Store) -> None:
    deck = store.ensure_deck("d")
    store.upsert_entries(deck, [entry("元", "yuan", 0.9)])
    store.judge(deck, "倍", "-Fold", "rejected")
    kept = store.set_pending_low(
        deck, [entry("元", "yuan"), entry("倍", "-fold"), entry("倍数", "multiple")]
    )
    assert kept == 1
    assert [e.hanzi for e in store.pending_low(deck)] == ["倍数"]


def test_judging_removes_the_pair_from_pending(store: Store) -> None:
    a, b = store.ensure_deck("a"), store.ensure_deck("b")
    store.set_pending_low(a, [entry("倍", "-fold")])
    store.set_pending_low(b, [entry("倍", "-fold"), entry("元", "yuan")])
    store.judge(a, "倍", "-fold", "rejected")
    assert store.pending_low(a) == []
    assert [e.hanzi for e in store.pending_low(b)] == ["元"]


def test_judgements_outlive_their_deck(store: Store) -> None:
    deck = store.ensure_deck("d")
    store.set_pending_low(deck, [entry("元", "yuan")])
    store.judge(deck, "倍", "-fold", "rejected")
    store.db.execute("DELETE FROM decks WHERE id = ?", [deck])
    assert store.judgements() == ({}, {("倍", "-fold")})
    assert store.db.execute("SELECT COUNT(*) FROM pending_low").fetchone()[0] == 0
