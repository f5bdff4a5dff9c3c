"""The queue and the counts at scale: exact counters kept by triggers, and queries whose work
does not grow with the deck (the plan of each, and SQLite's own count of the steps it ran)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.store_support import add_words
from tutor.model import Entry
from tutor.srs import DeckSettings, Rating
from tutor.srs.day import day_start
from tutor.store import Store, counts
from tutor.store.cards import DeckQueueSource
from tutor.store.migrations import STEPS

START = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
ORDERS = ("source", "frequency", "level")


def _study(store: Store, deck: int, grades: int, now: datetime) -> datetime:
    """``grades`` grades as the queue offers cards (mostly Good, some Again), a minute apart."""
    for number in range(grades):
        card = store.next_card(deck, now)
        if card is None:
            now += timedelta(days=1)
            continue
        store.record_review(
            card.card_id, Rating.Again if number % 4 == 0 else Rating.Good, now, 800
        )
        now += timedelta(minutes=1)
    return now


def test_counters_agree_with_a_recount_after_every_kind_of_write(db_path: Path) -> None:
    with Store.open(db_path, defaults=DeckSettings(day_offset_minutes=0)) as store:
        deck = add_words(store, 30, START)
        other = add_words(store, 5, START, name="other")
        steps: list[tuple[str, Callable[[], object]]] = [
            ("grades", lambda: _study(store, deck, 40, START)),
            ("suspend", lambda: store.suspend(1)),
            ("unsuspend", lambda: store.suspend(1, suspended=False)),
            ("bury", lambda: store.bury(3, START)),
            ("known", lambda: store.mark_known(4)),
            ("unknown", lambda: store.mark_known(4, known=False)),
            ("undo", lambda: store.undo_review(store.db.execute("SELECT max(id) FROM reviews")
                                               .fetchone()[0])),
            ("more words", lambda: add_words(store, 40, START)),
            ("other deck", lambda: _study(store, other, 12, START + timedelta(days=3))),
        ]  # fmt: skip
        for name, step in steps:
            step()
            assert counts.problems(store.db) == [], name
        kept = counts.counts(store.db, deck)
        assert kept["cards"] == 80 and kept["reviews"] == 39  # 40 grades, one undone
        assert kept["in_new"] + kept["in_learning"] + kept["in_review"] == 80
        assert store.check().ok


def test_check_names_a_counter_that_disagrees_with_the_rows(db_path: Path) -> None:
    with Store.open(db_path) as store:
        add_words(store, 3, START)
        store.db.execute("UPDATE deck_counts SET cards = cards + 1")  # no trigger fires
        store.db.execute("UPDATE notes SET fresh = 0 WHERE id = 2")
        problems = store.check().problems
    assert "counts: deck 1: cards counted 7, there are 6" in problems
    assert "counts: note 2: 0 new cards counted, there are 2" in problems


def test_an_older_database_gets_its_counters_from_its_rows(db_path: Path) -> None:
    before = [step for step in STEPS if step.__name__ < "m007"]
    from sqlite_utils import Database, Migrations

    steps = Migrations("tutor")
    for step in before:
        steps()(step)
    db = Database(db_path)
    steps.apply(db)
    db.execute("INSERT INTO decks (name, source, created) VALUES ('d', '', '2024-05-01')")
    for i in range(3):
        db.execute(
            "INSERT INTO notes (deck_id, hanzi, created, updated, position) "
            "VALUES (1, ?, '', '', ?)",
            [f"字{i}", i],
        )
        for template in ("recognition", "recall"):
            db.execute(
                "INSERT INTO cards (note_id, deck_id, template, due, suspended) "
                "VALUES (?, 1, ?, '2024-05-01', ?)",
                [i + 1, template, int(i == 2 and template == "recall")],
            )
    db.conn.commit()
    db.close()
    with Store.open(db_path) as store:
        assert counts.problems(store.db) == []
        kept = counts.counts(store.db, 1)
        assert (kept["cards"], kept["active"], kept["suspended"]) == (6, 5, 1)
        assert store.db.execute("SELECT fresh FROM notes ORDER BY id").fetchall() == [
            (2,), (2,), (1,),
        ]  # fmt: skip


@contextmanager
def vm_steps(conn: sqlite3.Connection) -> Iterator[list[int]]:
    """Count the virtual-machine steps SQLite runs (a handler called every 100 of them)."""
    ticks = [0]

    def tick() -> int:
        ticks[0] += 100
        return 0

    conn.set_progress_handler(tick, 100)
    try:
        yield ticks
    finally:
        conn.set_progress_handler(None, 0)


def _deck_of(path: Path, words: int) -> tuple[Store, int, datetime]:
    """A deck of ``words`` words (two cards each) with its first 20 studied for a week."""
    store = Store.open(path, defaults=DeckSettings(day_offset_minutes=0, new_per_day=10))
    deck = add_words(store, words, START)
    now = START
    for _ in range(7):
        now = _study(store, deck, 30, now) + timedelta(days=1)
    return store, deck, now


def _work(store: Store, deck: int, now: datetime) -> dict[str, int]:
    """SQLite steps each question of the study and home screens takes on ``deck``."""
    questions: dict[str, Callable[[], object]] = {
        **{f"next new ({order})": _next_new(store, deck, now, order) for order in ORDERS},
        "next card": lambda: store.next_card(deck, now),
        "deck summary": lambda: store.deck_summary(deck, now),
        "decks": lambda: store.decks(now),
        "progress": lambda: store.progress(now),
        "next due": lambda: store.next_due(deck),
        "has new": lambda: store.has_new(deck),
        "card count": lambda: store.card_count(deck),
        "card counts of the statistics": lambda: store.stats(deck, now, days=1)["cards"],
    }
    out = {}
    for name, ask in questions.items():
        with vm_steps(store.db.conn) as steps:
            ask()
        out[name] = steps[0]
    return out


def _next_new(store: Store, deck: int, now: datetime, order: str) -> Callable[[], object]:
    source = DeckQueueSource(store.db, deck, now)

    def ask() -> object:
        card = source.first_new(order, day_start(now, store.settings(deck)))
        assert card is not None
        return card

    return ask


def test_the_queue_and_the_counts_cost_the_same_in_a_deck_twenty_times_bigger(
    tmp_path: Path,
) -> None:
    small, small_deck, now = _deck_of(tmp_path / "small.db", 60)
    big, big_deck, _ = _deck_of(tmp_path / "big.db", 1200)
    with small, big:
        assert big.next_card(big_deck, now) is not None
        for name, steps in _work(big, big_deck, now).items():
            baseline = _work(small, small_deck, now)[name]
            assert steps <= 2 * baseline + 2000, (name, steps, baseline)


# SCAN of these tables (or their aliases) walks them whole
_TABLES = {"cards", "reviews", "notes", "c", "n", "r", "s"}


def _plans(store: Store, deck: int, now: datetime) -> Iterator[tuple[str, str]]:
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        _work(store, deck, now)
        store.stats(deck, now, days=30)
    finally:
        store.db.conn.set_trace_callback(None)
    for sql in seen:
        if sql.lstrip().upper().startswith("SELECT"):
            for row in store.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}"):
                yield sql, str(row[3])


def test_no_queue_count_or_statistics_query_scans_cards_notes_or_reviews(
    tmp_path: Path,
) -> None:
    store, deck, now = _deck_of(tmp_path / "plans.db", 300)
    with store:
        plans = list(_plans(store, deck, now))
    assert len({sql for sql, _ in plans}) > 20
    for sql, step in plans:
        scanned = re.match(r"SCAN (\w+)", step)
        assert not (scanned and scanned.group(1) in _TABLES), (step, sql)


@pytest.mark.parametrize("order", ORDERS)
def test_the_next_new_card_follows_the_order_setting(db_path: Path, order: str) -> None:
    with Store.open(db_path) as store:
        deck = store.ensure_deck("d")

        entries = [
            Entry("甲", "", "jiǎ", "a", position=0, frequency=1.0, hsk_level=None),
            Entry("乙", "", "yǐ", "b", position=1, frequency=5.0, hsk_level=6),
            Entry("丙", "", "bǐng", "c", position=2, frequency=3.0, hsk_level=2),
        ]
        store.upsert_entries(deck, entries, START)
        store.update_settings(deck, new_order=order)
        first = store.next_card(deck, START)
        assert first is not None and first.template == "recognition"
        want = {"source": "甲", "frequency": "乙", "level": "丙"}[order]
        assert first.hanzi == want
