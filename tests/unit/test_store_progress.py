"""Reviews today, the streak of study days, the next review and the next new-card unlock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.store_support import add_words
from tutor.srs import DeckSettings, Rating
from tutor.store import Store
from tutor.store.upcoming import Upcoming, upcoming

START = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)


def test_today_streak_and_next_due_follow_the_reviews(db_path: Path) -> None:
    with Store.open(db_path, defaults=DeckSettings(day_offset_minutes=0)) as store:
        deck = add_words(store, 9, START)
        first = store.progress(START)
        assert (first.today, first.streak) == (0, 0)
        assert upcoming(store, START).review is None
        for day in (0, 1, 2, 4, 5):  # a gap on day 3
            now = START + timedelta(days=day)
            card = store.next_card(deck, now)
            assert card is not None
            last = store.record_review(card.card_id, Rating.Good, now, 1000)
        done = store.progress(START + timedelta(days=5, hours=1))
        assert (done.today, done.streak) == (1, 2)  # days 4 and 5
        assert upcoming(store, START + timedelta(days=5, hours=1)).review == last.card.due
        store.undo_review(last.review_id)
        assert store.progress(START + timedelta(days=5, hours=1)).streak == 1  # yesterday's
        assert store.progress(START + timedelta(days=7)).streak == 0  # broken


def test_cards_started_and_mature_follow_the_intervals(db_path: Path) -> None:
    with Store.open(db_path, defaults=DeckSettings(day_offset_minutes=0)) as store:
        deck = add_words(store, 3, START)  # six cards
        last_card = store.db.execute("SELECT max(id) FROM cards").fetchone()[0]
        store.suspend(last_card)
        assert (store.progress(START).cards, store.progress(START).started) == (5, 0)
        card = store.next_card(deck, START)
        assert card is not None
        now = START
        result = store.record_review(card.card_id, Rating.Easy, now, 1000)
        while (result.card.due - now).days < 21:  # Easy again, each time it falls due
            now = result.card.due
            result = store.record_review(card.card_id, Rating.Easy, now, 1000)
        done = store.progress(now)
        assert (done.cards, done.started, done.mature) == (5, 1, 1)
        store.undo_review(result.review_id)  # back to a young interval
        assert store.progress(now).mature == 0


def test_new_cards_unlock_at_the_next_study_day_apart_from_the_next_review(
    db_path: Path,
) -> None:
    """New cards held back by the daily limit unlock at the rollover (04:00 UTC here), not
    when a review falls due; with new cards still to study today, or none a day, none unlock."""
    with Store.open(db_path, defaults=DeckSettings(day_offset_minutes=0)) as store:
        deck = add_words(store, 5, START)
        assert upcoming(store, START, deck) == Upcoming(None)  # 5 new cards to study now
        store.update_settings(deck, new_per_day=2)
        for _ in range(2):
            card = store.next_card(deck, START)
            assert card is not None
            store.record_review(card.card_id, Rating.Easy, START, 1000)
        tomorrow = datetime(2024, 5, 2, 4, 0, tzinfo=UTC)
        coming = upcoming(store, START, deck)
        assert coming.review is not None and coming.review > tomorrow
        assert (coming.new_at, coming.new_count, coming.first) == (tomorrow, 2, tomorrow)
        assert upcoming(store, START) == coming  # every deck: this is the only one
        store.update_settings(deck, new_per_day=0)
        assert upcoming(store, START, deck) == Upcoming(coming.review)
