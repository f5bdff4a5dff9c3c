"""A second writer on progress.db makes a grade wait its turn, never fail."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from tutor.model import Entry
from tutor.srs import DeckSettings, Rating
from tutor.store import Store

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
UTC_DAYS = DeckSettings(day_offset_minutes=0, rollover_hour=4)


def test_a_grade_waits_for_another_writer_instead_of_failing(db_path: Path) -> None:
    with Store.open(db_path, defaults=UTC_DAYS) as store:
        deck = store.ensure_deck("d")
        store.upsert_entries(deck, [Entry("字", "", "zì", "w", position=0)], NOW)
        card = store.next_card(deck, NOW)
        assert card is not None
        holding, done = threading.Event(), threading.Event()

        def other_writer() -> None:  # another window or `tutor mine`, mid-transaction
            conn = sqlite3.connect(str(db_path), isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE cards SET flag = 1 WHERE id = ?", [card.card_id])
            holding.set()
            done.wait(0.3)
            conn.execute("COMMIT")
            conn.close()

        # this process has read the card before the other writer began (a deferred read
        # followed by a write is what SQLite refuses outright once the other commits)
        store.card(card.card_id)
        writer = threading.Thread(target=other_writer)
        writer.start()
        holding.wait(5)
        result = store.record_review(card.card_id, Rating.Good, NOW, 1000)
        done.set()
        writer.join()
        assert result.card.state == "learning"
        rows = store.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        assert rows == 1
        assert store.check().ok
