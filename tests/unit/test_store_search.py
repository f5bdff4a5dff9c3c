"""Store.search: hanzi, toneless and toned pinyin, English, filters, ranking, old databases."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tutor.model import Entry
from tutor.store import Store
from tutor.store.search import pinyin_key, pinyin_marks

NOW = datetime(2024, 5, 1, 12, tzinfo=UTC)

ENTRIES = [
    Entry("城市", "城市", "chéng shì", "city", position=0, hsk_level=3),
    Entry("诚实", "誠實", "chéng shí", "honest", position=1, hsk_level=4),
    Entry("协同发展", "協同發展", "xié tóng fā zhǎn", "coordinated development", position=2),
    Entry("绿色", "綠色", "lǜ sè", "green", position=3, hsk_level=2),
    Entry("城市化", "城市化", "chéng shì huà", "urbanization", position=4),
    Entry("能力", "能力", "néng lì", "capacity", position=5),
    Entry("西安", "西安", "Xī ān", "Xi'an", position=6),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "p.db") as opened:
        deck = opened.ensure_deck("demo", now=NOW)
        opened.upsert_entries(deck, ENTRIES, now=NOW)
        yield opened


def hanzi(store: Store, text: str, **filters: object) -> list[str]:
    found = store.search(text, **filters)  # type: ignore[arg-type]
    out: list[str] = []
    for card in found:
        if card.hanzi not in out:
            out.append(card.hanzi)
    return out


def test_search_forms_of_pinyin() -> None:
    assert pinyin_key("Běi jīng") == "beijing"
    assert pinyin_key("lǜ sè") == pinyin_key("lv se") == pinyin_key("lu: se") == "luse"
    assert pinyin_marks("Chéng shì") == "chéngshì"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("城市", ["城市", "城市化"]),  # substring, exact match first
        ("誠實", ["诚实"]),  # traditional
        ("chengshi", ["城市", "诚实", "城市化"]),
        ("cheng shi", ["城市", "诚实", "城市化"]),
        ("chéng shì", ["城市", "城市化"]),  # tones narrow
        ("cheng2 shi4", ["城市", "城市化"]),
        ("cheng2shi2", ["诚实"]),
        ("cheng shí", ["诚实"]),  # a syllable without a tone matches any tone
        ("xietong", ["协同发展"]),
        ("lv", ["绿色"]),
        ("lü4 se4", ["绿色"]),
        ("CITY", ["城市"]),
        ("xī'ān", ["西安"]),
        ("development", ["协同发展"]),
        ("city", ["城市"]),  # 'capacity' contains 'city': a whole-word match ranks first
    ],
)
def test_text_matches(store: Store, query: str, expected: list[str]) -> None:
    found = hanzi(store, query)
    assert found[: len(expected)] == expected, query
    if query.lower() != "city":
        assert found == expected, query


def test_substring_english_ranks_after_whole_words(store: Store) -> None:
    assert hanzi(store, "city") == ["城市", "能力"]


def test_each_note_gives_both_cards(store: Store) -> None:
    cards = store.search("城市", limit=10)
    assert [(c.hanzi, c.template) for c in cards[:2]] == [
        ("城市", "recognition"),
        ("城市", "recall"),
    ]


def test_filters(store: Store) -> None:
    first = store.search("城市")[0]
    store.suspend(first.card_id)
    store.set_flag(store.search("绿色")[1].card_id, 3)
    store.mark_known(store.search("西安")[0].note_id)
    store.record_review(store.search("能力")[0].card_id, 3, NOW)

    suspended = store.search("", state="suspended")
    assert [c.card_id for c in suspended] == [first.card_id]
    assert {c.hanzi for c in store.search("", state="known")} == {"西安"}
    assert len(store.search("", state="known")) == 2
    assert [c.hanzi for c in store.search("", state="learning")] == ["能力"]
    assert len(store.search("", state="new")) == 2 * len(ENTRIES) - 1
    assert [(c.hanzi, c.flag) for c in store.search("", flag=3)] == [("绿色", 3)]
    assert hanzi(store, "", level=3) == ["城市"]
    assert hanzi(store, "cheng", level=4) == ["诚实"]
    with pytest.raises(ValueError, match="state must be"):
        store.search("", state="sleeping")


def test_deck_filter_and_limit(store: Store) -> None:
    other = store.ensure_deck("other", now=NOW)
    store.upsert_entries(other, [Entry("城市", "", "chéng shì", "town")], now=NOW)
    assert len(store.search("城市")) == 6
    assert {c.english for c in store.search("城市", deck_id=other)} == {"town"}
    assert len(store.search("", limit=3)) == 3
    assert len(store.search("")) == 2 * len(ENTRIES) + 2


def test_blank_query_lists_in_source_order(store: Store) -> None:
    assert hanzi(store, "   ")[:3] == ["城市", "诚实", "协同发展"]


def test_updated_pinyin_is_searchable(store: Store) -> None:
    deck = store.deck_id("demo")
    store.upsert_entries(deck, [Entry("城市", "城市", "chéng shi", "city")], now=NOW)
    assert hanzi(store, "chéng shi5") == ["城市"]
    assert hanzi(store, "cheng2 shi4") == ["城市化"]


def test_migration_fills_search_forms_of_existing_notes(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        store.upsert_entries(store.ensure_deck("d", now=NOW), ENTRIES[:1], now=NOW)
    conn = sqlite3.connect(path)  # make it look like a database from before migration 4
    conn.execute("UPDATE notes SET pinyin_key = '', pinyin_marks = ''")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_search'")
    for index in ("notes_level", "notes_search", "cards_flag", "cards_suspended", "cards_known"):
        conn.execute(f"DROP INDEX {index}")
    conn.execute("ALTER TABLE notes DROP COLUMN pinyin_key")
    conn.execute("ALTER TABLE notes DROP COLUMN pinyin_marks")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert hanzi(store, "chengshi") == ["城市"]
        assert hanzi(store, "chéng shì") == ["城市"]
