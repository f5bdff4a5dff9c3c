"""Shared setup for store tests: a deck of made-up words."""

from __future__ import annotations

from datetime import datetime

from tutor.model import Entry
from tutor.store import Store


def words(count: int) -> list[Entry]:
    """``count`` made-up words 字0, 字1, ... in source order."""
    return [Entry(f"字{i}", "", "zì", f"w{i}", position=i) for i in range(count)]


def add_words(store: Store, count: int, now: datetime | None = None, name: str = "d") -> int:
    """The deck ``name`` (made if missing) with ``count`` made-up words, two cards each."""
    deck = store.ensure_deck(name)
    store.upsert_entries(deck, words(count), now)
    return deck
