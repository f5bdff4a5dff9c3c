"""The daily queue, through the store: order, limits, suspended/known/buried cards."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tutor.model import Entry
from tutor.srs import DeckSettings, Rating
from tutor.store import Store

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, defaults=DeckSettings(day_offset_minutes=0)) as opened:
        yield opened


def fill(store: Store, count: int) -> int:
    deck = store.ensure_deck("d")
    items = [
        Entry(f"字{i}", "", "zì", f"w{i}", position=i, frequency=float(i), hsk_level=3 - i % 3)
        for i in range(count)
    ]
    store.upsert_entries(deck, items, NOW)
    return deck


def study(store: Store, deck: int, now: datetime, rating: Rating = Rating.Good) -> list[str]:
    """Grade whatever comes next until the queue is empty; returns hanzi/template seen."""
    seen = []
    while (card := store.next_card(deck, now)) is not None:
        seen.append(f"{card.hanzi}/{card.template}")
        store.record_review(card.card_id, rating, now, 100)
        now += timedelta(seconds=1)
        assert len(seen) < 500
    return seen


def test_new_cards_follow_source_order_and_stop_at_the_daily_limit(store: Store) -> None:
    deck = fill(store, 40)
    seen = study(store, deck, NOW, Rating.Easy)
    assert len(seen) == 20  # default limit, siblings buried so 20 different notes
    assert seen[:3] == ["字0/recognition", "字1/recognition", "字2/recognition"]
    assert store.decks(NOW)[0].new == 0
    tomorrow = NOW + timedelta(days=1)
    assert store.decks(tomorrow)[0].new == 20
    assert store.next_card(deck, tomorrow) is not None


def test_learning_due_comes_before_new(store: Store) -> None:
    deck = fill(store, 5)
    first = store.next_card(deck, NOW)
    assert first is not None
    store.record_review(first.card_id, Rating.Again, NOW, 100)  # due again in 1 minute
    second = store.next_card(deck, NOW + timedelta(seconds=10))
    assert second is not None and second.state == "new"
    again = store.next_card(deck, NOW + timedelta(minutes=2))
    assert again is not None and again.card_id == first.card_id


def test_learning_card_shown_ahead_when_nothing_else_is_left(store: Store) -> None:
    deck = fill(store, 1)
    store.update_settings(deck, new_per_day=1)
    first = store.next_card(deck, NOW)
    assert first is not None
    store.record_review(first.card_id, Rating.Again, NOW, 100)
    ahead = store.next_card(deck, NOW + timedelta(seconds=5))
    assert ahead is not None and ahead.card_id == first.card_id
    # the card shown ahead counts as left to study, so the progress line never reads 0 over it
    assert store.decks(NOW + timedelta(seconds=5))[0].learning == 1
    store.update_settings(deck, learn_ahead_minutes=0)
    assert store.decks(NOW + timedelta(seconds=5))[0].learning == 0
    assert store.next_card(deck, NOW + timedelta(seconds=5)) is None


def test_reviews_due_come_before_new_and_respect_the_review_limit(store: Store) -> None:
    deck = fill(store, 30)
    study(store, deck, NOW, Rating.Easy)  # 20 cards graduate
    later = NOW + timedelta(days=365)
    summary = store.decks(later)[0]
    assert summary.due == 20 and summary.learning == 0
    card = store.next_card(deck, later)
    assert card is not None and card.state == "review"
    store.update_settings(deck, reviews_per_day=3, new_per_day=0)
    seen = study(store, deck, later, Rating.Good)
    assert len(seen) == 3


def test_suspended_and_known_cards_are_skipped(store: Store) -> None:
    deck = fill(store, 2)
    ids = [r[0] for r in store.db.execute("SELECT id FROM cards ORDER BY id")]
    store.db.execute("UPDATE cards SET suspended = 1 WHERE id = ?", [ids[0]])
    store.db.execute("UPDATE cards SET known = 1 WHERE id = ?", [ids[2]])
    card = store.next_card(deck, NOW)
    assert card is not None and card.card_id == ids[1]


@pytest.mark.parametrize(
    ("order", "first"), [("source", "字0"), ("frequency", "字9"), ("level", "字2")]
)
def test_new_card_order_setting(store: Store, order: str, first: str) -> None:
    deck = fill(store, 10)
    store.update_settings(deck, new_order=order)
    card = store.next_card(deck, NOW)
    assert card is not None and card.hanzi == first


def test_deck_counts(store: Store) -> None:
    deck = fill(store, 30)
    (summary,) = store.decks(NOW)
    assert (summary.id, summary.new, summary.learning, summary.due, summary.total) == (
        deck,
        20,
        0,
        0,
        60,
    )
    card = store.next_card(deck, NOW)
    assert card is not None
    store.record_review(card.card_id, Rating.Again, NOW, 100)
    (summary,) = store.decks(NOW + timedelta(minutes=5))
    assert (summary.new, summary.learning) == (19, 1)
