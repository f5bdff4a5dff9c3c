"""Shared helpers for the Pilot-driven UI tests: a small hand-made deck and database readers."""

from __future__ import annotations

import io
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from tutor.model import Entry, Example
from tutor.srs import DeckSettings
from tutor.store import Store

NOW = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
SIZE = (100, 30)

ENTRIES = [
    Entry(
        hanzi="协同发展",
        traditional="協同發展",
        pinyin="xié tóng fā zhǎn",
        english="coordinated development",
        senses=("coordinated development", "to develop in coordination"),
        kind="term",
        examples=(
            Example(
                "推动京津冀协同发展走深走实。",
                "We advanced the coordinated development of Beijing, Tianjin and Hebei.",
            ),
        ),
        position=0,
    ),
    Entry(
        hanzi="雄安新区",
        traditional="雄安新區",
        pinyin="Xióng'ān xīn qū",
        english="Xiong'an New Area",
        kind="name",
        examples=(Example("支持雄安新区建设。", "We supported building Xiong'an New Area."),),
        position=1,
    ),
    Entry(
        hanzi="城市",
        traditional="城市",
        pinyin="chéng shì",
        english="city",
        senses=("city", "town"),
        examples=(Example("城市更新持续推进。", "Urban renewal continued."),),
        position=2,
    ),
]


def open_store(path: Path) -> Store:
    """A store whose study day starts at 04:00 UTC, so test times never depend on the host."""
    return Store.open(path, defaults=DeckSettings(day_offset_minutes=0))


def fill(store: Store, name: str = "demo", entries: list[Entry] | None = None) -> int:
    deck = store.ensure_deck(name, f"{name}.txt", now=NOW)
    store.upsert_entries(deck, entries if entries is not None else ENTRIES, now=NOW)
    return deck


def seen(store: Store, path: Path) -> None:
    """Grade every card Good once, a day before NOW, so each is past its first sighting.

    New cards are always shown self-graded; the auto-graded quiz kinds start from the second
    review, which is what these cards are due for at NOW.
    """
    ids = [r[0] for r in rows(path, "SELECT id FROM cards ORDER BY id")]
    for card_id in ids:
        store.record_review(card_id, 3, NOW - timedelta(days=1), 1000, quiz="seen")


def rows(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Read progress.db with plain sqlite3, the way a user's own script would."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def text_of(app: Any, selector: str) -> str:
    """The plain text of a Static on the current screen (tables rendered as a user sees them)."""
    content = app.screen.query_one(selector).content
    if isinstance(content, str | Text):
        return str(content)
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


def footer(app: Any) -> dict[str, str]:
    """What the footer offers on the current screen: key as shown -> description."""
    shown = [b.binding for b in app.screen.active_bindings.values() if b.binding.show]
    return {b.key_display or b.key: b.description for b in shown}


SELF_GRADED = ("recognition", "recall")


def study_app(store: Store, deck: str | None = "demo", kinds: tuple[str, ...] = SELF_GRADED) -> Any:
    """The real app at a fixed time; every deck's settings enable only ``kinds`` of quiz."""
    from tutor.tui.app import make_app

    for name in store.deck_names():
        store.update_settings(store.deck_id(name), quiz_kinds=kinds)
    return make_app(store, deck, clock=lambda: NOW)


def track_reviews(store: Store) -> tuple[list[int], list[int]]:
    """Record, from now on, the id of every review ``store`` writes (``made``) and of every one
    it undoes (``undone``): what the screen did, to compare with the rows it left."""
    made: list[int] = []
    undone: list[int] = []
    record, undo = store.record_review, store.undo_review

    def recording(*args: Any, **kwargs: Any) -> Any:
        result = record(*args, **kwargs)
        made.append(result.review_id)
        return result

    def undoing(review_id: int) -> Any:
        card = undo(review_id)
        if card is not None:
            undone.append(review_id)
        return card

    store.record_review = recording  # type: ignore[method-assign]
    store.undo_review = undoing  # type: ignore[method-assign]
    return made, undone
