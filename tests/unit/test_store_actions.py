"""Card actions, settings storage, stats and next_due."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.store_support import add_words
from tutor.errors import TutorError
from tutor.model import Entry
from tutor.srs import DeckSettings, Rating, parse_steps
from tutor.store import Store

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, defaults=DeckSettings(day_offset_minutes=0)) as opened:
        yield opened


def fill(store: Store, count: int, name: str = "d") -> int:
    return add_words(store, count, name=name)


def test_suspend_bury_and_known_take_cards_out_of_the_queue(store: Store) -> None:
    deck = fill(store, 2)
    first = store.next_card(deck, NOW)
    assert first is not None
    assert store.suspend(first.card_id).suspended
    second = store.next_card(deck, NOW)
    assert second is not None and second.card_id != first.card_id
    buried = store.bury(second.card_id, NOW)
    assert buried.buried_until == datetime(2024, 5, 2, 4, tzinfo=UTC)
    third = store.next_card(deck, NOW)
    assert third is not None and third.note_id != first.note_id
    store.mark_known(third.note_id)
    assert store.next_card(deck, NOW) is None
    assert store.next_card(deck, NOW + timedelta(days=1)).card_id == second.card_id  # type: ignore[union-attr]
    store.suspend(first.card_id, False)
    assert store.next_card(deck, NOW).card_id == first.card_id  # type: ignore[union-attr]


def test_flag_and_bad_flag(store: Store) -> None:
    deck = fill(store, 1)
    card = store.next_card(deck, NOW)
    assert card is not None
    assert store.set_flag(card.card_id, 2).flag == 2
    with pytest.raises(TutorError):
        store.set_flag(card.card_id, 9)
    with pytest.raises(TutorError):
        store.suspend(99999)


def test_edited_english_survives_remining(store: Store) -> None:
    deck = fill(store, 2)
    card = store.next_card(deck, NOW)
    assert card is not None
    store.edit_english(card.note_id, "  my own   words ")
    assert store.card(card.card_id).english == "my own words"
    store.upsert_entries(deck, [Entry("字0", "", "zì", "miner's new text", position=0)])
    assert store.card(card.card_id).english == "my own words"
    with pytest.raises(TutorError):
        store.edit_english(card.note_id, "   ")


def test_settings_are_stored_per_deck_and_change_the_scheduler(store: Store) -> None:
    a, b = fill(store, 1, "a"), fill(store, 1, "b")
    store.update_settings(a, learning_steps=parse_steps("2m"), desired_retention=0.85)
    assert store.settings(a).learning_steps == (timedelta(minutes=2),)
    assert store.settings(b) == store.defaults
    card = store.next_card(a, NOW)
    assert card is not None
    assert store.preview(card.card_id, NOW)[Rating.Again] == timedelta(minutes=2)
    with pytest.raises(ValueError):
        store.update_settings(a, desired_retention=2.0)
    assert store.settings(a).desired_retention == 0.85
    reopened = Store.open(store.path, defaults=store.defaults)
    assert reopened.settings(a).learning_steps == (timedelta(minutes=2),)
    reopened.close()


def test_known_hanzi_excludes_the_deck_being_mined(store: Store) -> None:
    fill(store, 2, "a")
    b = store.ensure_deck("b")
    store.upsert_entries(b, [Entry("新", "", "xīn", "new")])
    assert store.known_hanzi() == {"字0", "字1", "新"}
    assert store.known_hanzi(exclude_deck="b") == {"字0", "字1"}


def test_stats_counts_reviews_retention_and_forecast(store: Store) -> None:
    deck = fill(store, 5)
    when = NOW
    for _ in range(3):
        card = store.next_card(deck, when)
        assert card is not None
        store.record_review(card.card_id, Rating.Easy, when, 2000)
        when += timedelta(seconds=30)
    data = store.stats(deck, NOW + timedelta(hours=1), days=30)
    assert data["cards"]["review"] == 3  # type: ignore[index]
    assert data["reviews_total"] == 3
    per_day = data["reviews_per_day"]
    assert per_day[-1] == {"date": "2024-05-01", "reviews": 3}  # type: ignore[index]
    assert len(per_day) == 30  # type: ignore[arg-type]
    assert sum(d["due"] for d in data["forecast"]) == 3  # type: ignore[union-attr, index]
    assert data["true_retention"] is None  # no review-state reviews yet
    due = store.next_due(deck)
    assert due is not None and due > NOW + timedelta(days=1)
    later = due + timedelta(hours=1)
    card = store.next_card(deck, later)
    assert card is not None and card.state == "review"
    store.record_review(card.card_id, Rating.Again, later, 1000)
    assert store.stats(deck, later)["true_retention"] == 0.0
