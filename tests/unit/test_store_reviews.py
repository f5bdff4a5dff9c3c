"""Grading and undo: atomic writes, multi-level undo, leeches, burying siblings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.store_support import add_words
from tutor.model import Entry
from tutor.srs import DeckSettings, Rating
from tutor.store import Store
from tutor.store import reviews as reviews_module

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
UTC_DAYS = DeckSettings(day_offset_minutes=0, rollover_hour=4)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, defaults=UTC_DAYS) as opened:
        yield opened


def fill(store: Store, count: int, name: str = "d") -> int:
    return add_words(store, count, NOW, name)


def review_rows(store: Store) -> list[dict[str, Any]]:
    return list(store.db.query("SELECT * FROM reviews ORDER BY id"))


def test_review_writes_state_and_row(store: Store) -> None:
    deck = fill(store, 2)
    card = store.next_card(deck, NOW)
    assert card is not None and card.state == "new"
    result = store.record_review(card.card_id, Rating.Good, NOW, 1500)
    assert result.card.state == "learning"
    assert result.interval == timedelta(minutes=10)
    assert result.card.due == NOW + timedelta(minutes=10)
    (row,) = review_rows(store)
    assert (row["card_id"], row["rating"], row["duration_ms"], row["undone"]) == (
        card.card_id,
        3,
        1500,
        0,
    )
    assert row["kind"] == "new" and row["quiz"] == "self"
    assert json.loads(row["state_before"])["phase"] == "new"
    assert json.loads(row["state_after"])["phase"] == "learning"


def test_failure_between_card_update_and_review_row_rolls_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = fill(store, 1)
    card = store.next_card(deck, NOW)
    assert card is not None

    def broken(*_args: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(reviews_module, "_insert_review", broken)
    with pytest.raises(OSError):
        store.record_review(card.card_id, Rating.Good, NOW, 100)
    assert store.card(card.card_id).srs == card.srs
    assert review_rows(store) == []
    assert not store.db.conn.in_transaction


def test_undo_restores_state_and_marks_review_undone(store: Store) -> None:
    deck = fill(store, 3)
    first = store.next_card(deck, NOW)
    assert first is not None
    store.record_review(first.card_id, Rating.Good, NOW, 100)
    second = store.next_card(deck, NOW + timedelta(seconds=5))
    assert second is not None and second.card_id != first.card_id
    store.record_review(second.card_id, Rating.Easy, NOW + timedelta(seconds=5), 100)

    undone = store.undo_last(deck)
    assert undone is not None and undone.card_id == second.card_id
    assert undone.srs == second.srs
    undone = store.undo_last(deck)
    assert undone is not None and undone.card_id == first.card_id
    assert undone.srs == first.srs
    assert store.undo_last(deck) is None

    rows = review_rows(store)
    assert len(rows) == 2  # history is never deleted
    assert all(r["undone"] == 1 for r in rows)
    assert store.next_card(deck, NOW).card_id == first.card_id  # type: ignore[union-attr]


def test_undo_since_limits_to_the_session(store: Store) -> None:
    deck = fill(store, 2)
    card = store.next_card(deck, NOW)
    assert card is not None
    store.record_review(card.card_id, Rating.Good, NOW, 100)
    assert store.undo_last(deck, since=NOW + timedelta(minutes=1)) is None
    assert store.undo_last(deck, since=NOW) is not None


def test_undone_new_card_does_not_count_against_the_daily_limit(store: Store) -> None:
    deck = fill(store, 30)
    store.update_settings(deck, new_per_day=1)
    card = store.next_card(deck, NOW)
    assert card is not None
    store.record_review(card.card_id, Rating.Easy, NOW, 100)
    assert store.next_card(deck, NOW) is None
    store.undo_last(deck)
    assert store.next_card(deck, NOW) is not None


def test_leech_is_tagged_and_suspended_and_undo_reverts_it(store: Store) -> None:
    deck = fill(store, 1)
    store.update_settings(deck, leech_threshold=2)
    card = store.next_card(deck, NOW)
    assert card is not None
    when = NOW
    store.record_review(card.card_id, Rating.Easy, when, 100)  # graduates to review
    results = []
    for _ in range(2):
        when = store.card(card.card_id).due  # type: ignore[assignment]
        results.append(store.record_review(card.card_id, Rating.Again, when, 100))  # lapse
        when = store.card(card.card_id).due  # type: ignore[assignment]
        store.record_review(card.card_id, Rating.Good, when, 100)  # relearnt
    leech = [r for r in results if r.leech]
    assert len(leech) == 1 and leech[0].card.srs.lapses == 2
    after = store.card(card.card_id)
    assert after.suspended and "leech" in after.tags
    later = store.next_card(deck, when + timedelta(days=400))
    assert later is not None and later.card_id != card.card_id  # only its sibling is left
    store.undo_last(deck)  # the relearning Good
    restored = store.undo_last(deck)  # the lapse that made it a leech
    assert restored is not None
    assert not restored.suspended and "leech" not in restored.tags
    assert restored.srs.lapses == 1


def test_sibling_is_buried_for_the_rest_of_the_day(store: Store) -> None:
    deck = fill(store, 1)
    first = store.next_card(deck, NOW)
    assert first is not None and first.template == "recognition"
    store.record_review(first.card_id, Rating.Easy, NOW, 100)
    assert store.next_card(deck, NOW + timedelta(hours=1)) is None  # recall card buried
    tomorrow = NOW + timedelta(days=1)
    sibling = store.next_card(deck, tomorrow)
    assert sibling is not None and sibling.note_id == first.note_id
    assert sibling.template == "recall"


def test_bad_rating_is_a_tutor_error(store: Store) -> None:
    from tutor.errors import TutorError

    deck = fill(store, 1)
    card = store.next_card(deck, NOW)
    assert card is not None
    with pytest.raises(TutorError):
        store.record_review(card.card_id, 7, NOW, 0)
    assert review_rows(store) == []


def test_undo_takes_back_only_that_review_and_keeps_a_later_suspension(store: Store) -> None:
    deck = fill(store, 2)
    card = store.next_card(deck, NOW)
    assert card is not None
    graded = store.record_review(card.card_id, Rating.Good, NOW, 1000)
    store.suspend(card.card_id)  # by hand, after the grade
    restored = store.undo_review(graded.review_id)
    assert restored is not None and restored.state == "new"
    assert store.card(card.card_id).suspended  # the learner's suspension stands
    assert store.undo_review(graded.review_id) is None  # undone already


def test_undo_leaves_a_review_whose_card_was_graded_again_since(store: Store) -> None:
    deck = fill(store, 1)
    card = store.next_card(deck, NOW)
    assert card is not None
    first = store.record_review(card.card_id, Rating.Good, NOW, 1000)
    store.record_review(card.card_id, Rating.Good, NOW + timedelta(minutes=11), 1000)
    assert store.undo_review(first.review_id) is None  # the later grade (another window's) stays
    assert [r["undone"] for r in review_rows(store)] == [0, 0]


def test_a_phrase_and_its_parts_are_not_shown_back_to_back(store: Store) -> None:
    deck = store.ensure_deck("p")
    words = ["政府工作报告", "政府", "工作报告", "城市"]
    store.upsert_entries(
        deck, [Entry(w, "", "", f"w{i}", position=i) for i, w in enumerate(words)], NOW
    )
    phrase = store.next_card(deck, NOW)
    assert phrase is not None and phrase.hanzi == "政府工作报告"
    store.record_review(phrase.card_id, Rating.Good, NOW, 1000)
    after = store.next_card(deck, NOW, after=phrase)
    assert after is not None and after.hanzi == "城市"  # 政府 and 工作报告 would give it away
    assert store.next_card(deck, NOW).hanzi == "政府"  # type: ignore[union-attr]  # in order


def test_an_again_card_waits_while_another_learning_card_can_be_shown(store: Store) -> None:
    deck = fill(store, 2)
    store.update_settings(deck, new_per_day=2)
    first = store.next_card(deck, NOW)
    assert first is not None
    store.record_review(first.card_id, Rating.Good, NOW, 1000)  # back in 10 minutes
    second = store.next_card(deck, NOW, after=first)
    assert second is not None and second.note_id != first.note_id
    store.record_review(second.card_id, Rating.Again, NOW, 1000)  # back in 1 minute
    later = NOW + timedelta(seconds=30)
    assert store.next_card(deck, later).card_id == second.card_id  # type: ignore[union-attr]
    again = store.next_card(deck, later, after=second)
    assert again is not None and again.card_id == first.card_id  # not straight back
    store.suspend(first.card_id)
    only = store.next_card(deck, later, after=second)  # nothing else left: it does come back
    assert only is not None and only.card_id == second.card_id
