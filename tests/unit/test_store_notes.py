"""Notes: upserting mined entries, re-mining without losing history, export order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tutor.errors import DeckNotFound
from tutor.model import Entry, Example
from tutor.store import Store

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def entry(i: int, **changes: object) -> Entry:
    base = Entry(
        hanzi=f"词{i}",
        traditional=f"詞{i}",
        pinyin="cí",
        english=f"word {i}",
        senses=("word", "term"),
        kind="word",
        confidence=0.8,
        examples=(Example(f"这是词{i}。", f"This is word {i}."),),
        position=i,
        hsk_level=3,
        frequency=1.5,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


def test_new_entries_get_a_note_and_two_new_cards(store: Store) -> None:
    deck = store.ensure_deck("report", "report.txt")
    result = store.upsert_entries(deck, [entry(i) for i in range(5)], NOW)
    assert (result.added, result.updated, result.unchanged) == (5, 0, 0)
    rows = store.db.execute("SELECT template, state FROM cards ORDER BY id").fetchall()
    assert len(rows) == 10
    assert {t for t, _ in rows} == {"recognition", "recall"}
    assert {s for _, s in rows} == {"new"}


def test_upsert_is_idempotent(store: Store) -> None:
    deck = store.ensure_deck("report")
    items = [entry(i) for i in range(5)]
    store.upsert_entries(deck, items, NOW)
    again = store.upsert_entries(deck, items, NOW)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert store.db.execute("SELECT count(*) FROM notes").fetchone()[0] == 5
    assert store.db.execute("SELECT count(*) FROM cards").fetchone()[0] == 10


def test_remining_updates_fields_and_keeps_cards_and_reviews(store: Store) -> None:
    deck = store.ensure_deck("report")
    store.upsert_entries(deck, [entry(i) for i in range(3)], NOW)
    card = store.next_card(deck, NOW)
    assert card is not None
    store.record_review(card.card_id, 3, NOW, 1000)
    state_before = store.card(card.card_id).srs
    changed = [entry(0, english="a new rendering"), entry(1), entry(2), entry(3)]
    result = store.upsert_entries(deck, changed, NOW)
    assert (result.added, result.updated, result.unchanged) == (1, 1, 2)
    again = store.card(card.card_id)
    assert again.english == "a new rendering"
    assert again.srs == state_before
    assert store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    assert store.db.execute("SELECT count(*) FROM notes").fetchone()[0] == 4


def test_same_hanzi_in_two_decks_is_two_notes(store: Store) -> None:
    a, b = store.ensure_deck("a"), store.ensure_deck("b")
    store.upsert_entries(a, [entry(1)], NOW)
    store.upsert_entries(b, [entry(1)], NOW)
    assert store.db.execute("SELECT count(*) FROM notes").fetchone()[0] == 2
    assert store.known_hanzi() == {"词1"}


def test_duplicate_hanzi_in_one_batch_is_stored_once(store: Store) -> None:
    deck = store.ensure_deck("d")
    result = store.upsert_entries(deck, [entry(1), entry(1, english="other")], NOW)
    assert result.added == 1
    assert store.entries(deck)[0].english == "word 1"


def test_entries_round_trip_in_position_order(store: Store) -> None:
    deck = store.ensure_deck("d")
    items = [entry(i, position=10 - i) for i in range(4)]
    store.upsert_entries(deck, items, NOW)
    out = store.entries(deck)
    assert [e.hanzi for e in out] == ["词3", "词2", "词1", "词0"]
    assert out[-1] == items[0]


def test_failed_upsert_leaves_the_database_unchanged(store: Store) -> None:
    deck = store.ensure_deck("d")
    store.upsert_entries(deck, [entry(0)], NOW)

    def items() -> object:
        yield entry(1)
        yield entry(2)
        raise RuntimeError("mining failed half way")

    with pytest.raises(RuntimeError):
        store.upsert_entries(deck, items(), NOW)  # type: ignore[arg-type]
    assert [e.hanzi for e in store.entries(deck)] == ["词0"]
    assert store.db.execute("SELECT count(*) FROM cards").fetchone()[0] == 2


def test_unknown_deck_lists_the_decks(store: Store) -> None:
    store.ensure_deck("report")
    store.ensure_deck("news")
    with pytest.raises(DeckNotFound) as caught:
        store.deck_id("nope")
    assert "nope" in str(caught.value)
    assert "news" in str(caught.value) and "report" in str(caught.value)
    assert store.deck_id("news") == store.ensure_deck("news")
