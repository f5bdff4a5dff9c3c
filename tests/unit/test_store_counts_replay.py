"""The counts the home and study screens show are what the session will present."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.store_support import add_words
from tutor.srs import DeckSettings, Rating
from tutor.store import Store

START = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)


def test_counts_equal_the_cards_the_day_presents_over_thirty_days(db_path: Path) -> None:
    rng = random.Random(7)
    with Store.open(db_path, defaults=DeckSettings(day_offset_minutes=0)) as store:
        deck = add_words(store, 15, START)  # two cards a note
        store.update_settings(deck, new_per_day=5)
        for day in range(30):
            now = START + timedelta(days=day)
            counted = store.deck_summary(deck, now)
            shown: set[int] = set()
            # the clock stands still: what is due now, and learning cards within the
            # learn-ahead window, is what the counts promise (cards that fall due later in
            # the day are counted when they do)
            for _ in range(1000):
                card = store.next_card(deck, now)
                if card is None:
                    break
                shown.add(card.card_id)
                rating = rng.choice([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy])
                store.record_review(card.card_id, rating, now, 1000)
            assert counted.new + counted.learning + counted.due == len(shown), day
        assert store.check().ok, store.check().problems  # every card as its reviews left it
