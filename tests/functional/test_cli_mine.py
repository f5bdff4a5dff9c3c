"""`tutor mine` on the bundled report: what reaches the deck, re-mining, filters, known words."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.functional.mine_support import (
    _knowledge_links_only,  # noqa: F401  (autouse fixture)
    dump,
    jsonl,
    mine_ok,
    notes,
    pending,
    run,
)
from tutor.store import Store

DECK = "report"


def test_jsonl_is_exactly_the_deck(seed_path: Path, db_path: Path) -> None:
    mine_ok(seed_path, "--deck", DECK, "--jsonl", "out.jsonl")
    lines = jsonl(Path("out.jsonl"))
    deck = notes(db_path, DECK)
    assert len(lines) == len(deck) > 50
    assert [line["hanzi"] for line in lines] == list(deck)  # same notes, in source order
    for line in lines:
        note = deck[str(line["hanzi"])]
        assert (line["english"], line["pinyin"]) == (note.english, note.pinyin)
    low = pending(db_path, DECK)
    assert low and not {e.hanzi for e in low} & set(deck)
    assert all(e.confidence < min(n.confidence for n in deck.values()) for e in low)


def test_review_low_lists_the_pending_pairs(seed_path: Path, db_path: Path) -> None:
    result = mine_ok(seed_path, "--deck", DECK, "--review-low")
    listed = [
        line.split("\t")[0].strip("? ") for line in result.output.splitlines() if "\t" in line
    ]
    assert listed == [e.hanzi for e in pending(db_path, DECK)]
    assert "low-confidence kept out" in result.output


def test_remine_adds_nothing_and_keeps_review_history(seed_path: Path, db_path: Path) -> None:
    mine_ok(seed_path, "--deck", DECK)
    with Store.open(db_path) as store:
        deck_id = store.deck_id(DECK)
        card = store.next_card(deck_id, datetime.now(UTC))
        assert card is not None
        store.record_review(card.card_id, 3, datetime.now(UTC))
        before = store.card(card.card_id)
    first = notes(db_path, DECK)
    result = mine_ok(seed_path, "--deck", DECK)
    assert "added 0" in result.output
    assert notes(db_path, DECK) == first
    with Store.open(db_path) as store:
        after = store.card(card.card_id)
        reviews = store.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    assert reviews == 1
    assert after.srs == before.srs and after.state != "new"


def test_remine_updates_its_own_notes(seed_path: Path, db_path: Path) -> None:
    """Known-word filtering excludes other decks only: a deck's own notes are still updated."""
    mine_ok(seed_path, "--deck", DECK)
    hanzi, note = next(iter(notes(db_path, DECK).items()))
    con = sqlite3.connect(db_path)
    con.execute("UPDATE notes SET pinyin = 'stale' WHERE hanzi = ?", [hanzi])
    con.commit()
    con.close()
    result = mine_ok(seed_path, "--deck", DECK)
    assert "updated 1" in result.output
    assert notes(db_path, DECK)[hanzi].pinyin == note.pinyin


def test_words_in_another_deck_are_not_added_again(seed_path: Path, db_path: Path) -> None:
    mine_ok(seed_path, "--deck", DECK)
    first = notes(db_path, DECK)
    with Store.open(db_path) as store:  # known-marked notes count as known too
        note_id = store.db.execute("SELECT id FROM notes LIMIT 1").fetchone()[0]
        store.mark_known(note_id)
    result = mine_ok(seed_path, "--deck", "again")
    assert "already known" in result.output
    again = notes(db_path, "again")
    assert not set(again) & set(first)
    assert not {e.hanzi for e in pending(db_path, "again")} & set(first)
    # mining the first deck again still finds its own words
    assert "added 0" in mine_ok(seed_path, "--deck", DECK).output
    assert notes(db_path, DECK) == first


def test_max_level_drops_harder_and_unlevelled(seed_path: Path, db_path: Path) -> None:
    mine_ok(seed_path, "--deck", "all", "--dry-run", "--jsonl", "all.jsonl")
    everything = jsonl(Path("all.jsonl"))
    levels = [line["hsk_level"] for line in everything]
    assert None in levels and any(isinstance(x, int) and x > 3 for x in levels)
    mine_ok(seed_path, "--deck", DECK, "--max-level", "3", "--jsonl", "out.jsonl")
    kept = notes(db_path, DECK)
    assert kept and all(e.hsk_level is not None and e.hsk_level <= 3 for e in kept.values())
    expected = [
        x["hanzi"] for x in everything if isinstance(x["hsk_level"], int) and x["hsk_level"] <= 3
    ]
    assert list(kept) == expected
    assert all(e.hsk_level is not None and e.hsk_level <= 3 for e in pending(db_path, DECK))


def test_keep_unlevelled(seed_path: Path, db_path: Path) -> None:
    mine_ok(seed_path, "--deck", DECK, "--max-level", "3", "--keep-unlevelled")
    kept = notes(db_path, DECK).values()
    assert any(e.hsk_level is None for e in kept)
    assert all(e.hsk_level is None or e.hsk_level <= 3 for e in kept)


def test_limit_keeps_the_most_common(seed_path: Path, db_path: Path) -> None:
    mine_ok(seed_path, "--deck", "all", "--dry-run", "--jsonl", "all.jsonl")
    everything = {str(x["hanzi"]): float(x["frequency"]) for x in jsonl(Path("all.jsonl"))}  # type: ignore[arg-type]
    mine_ok(seed_path, "--deck", DECK, "--limit", "10", "--jsonl", "out.jsonl")
    kept = notes(db_path, DECK)
    assert len(kept) == 10 == len(jsonl(Path("out.jsonl")))
    dropped = set(everything) - set(kept)
    assert min(e.frequency for e in kept.values()) >= max(everything[h] for h in dropped)


def test_order_sets_the_deck_setting_and_jsonl_order(seed_path: Path, db_path: Path) -> None:
    mine_ok(seed_path, "--deck", DECK, "--order", "frequency", "--jsonl", "out.jsonl")
    freqs = [float(x["frequency"]) for x in jsonl(Path("out.jsonl"))]  # type: ignore[arg-type]
    assert freqs == sorted(freqs, reverse=True)
    with Store.open(db_path) as store:
        assert store.settings(store.deck_id(DECK)).new_order == "frequency"
    mine_ok(seed_path, "--deck", DECK, "--order", "level", "--jsonl", "out.jsonl")
    levels = [
        x["hsk_level"] if x["hsk_level"] is not None else 99 for x in jsonl(Path("out.jsonl"))
    ]
    assert levels == sorted(levels)  # type: ignore[type-var]
    with Store.open(db_path) as store:
        assert store.settings(store.deck_id(DECK)).new_order == "level"


@pytest.mark.parametrize(
    "args",
    [
        ("--max-level", "0"),
        ("--max-level", "ten"),
        ("--limit", "-1"),
        ("--order", "random"),
    ],
)
def test_bad_options_leave_the_database_unchanged(
    seed_path: Path, db_path: Path, args: tuple[str, ...]
) -> None:
    mine_ok(seed_path, "--deck", DECK)
    before = dump(db_path)
    result = run("mine", str(seed_path), "--deck", DECK, *args, "--jsonl", "out.jsonl")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert dump(db_path) == before
    assert not Path("out.jsonl").exists()


def test_a_failed_write_leaves_no_half_deck_and_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "t.tsv"
    src.write_text("我们支持城市更新。\tWe supported urban renewal.\n", encoding="utf-8")
    db = tmp_path / "p.db"

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "set_pending_low", full)  # after the notes went in
    result = run("--db", str(db), "mine", str(src))
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        f"tutor: error: {db}: the disk is full; the change was not saved"
    )
    with Store.open(db) as store:
        assert store.deck_names() == []


def test_keep_unplaced_puts_the_words_the_english_does_not_show_in_review(
    tmp_path: Path, db_path: Path
) -> None:
    source = tmp_path / "bike.tsv"
    source.write_text("他昨天买了一辆自行车。\tHe got a bike.\n", encoding="utf-8")
    mine_ok(source, "--deck", "bike")
    assert pending(db_path, "bike") == [] and set(notes(db_path, "bike")) == {"自行车"}
    mine_ok(source, "--deck", "bike", "--keep-unplaced")
    waiting = {e.hanzi: e.english for e in pending(db_path, "bike")}
    assert waiting.get("昨天") == "yesterday" and set(notes(db_path, "bike")) == {"自行车"}
