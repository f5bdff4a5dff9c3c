"""`tutor check`: one line when progress.db is whole, a list and exit 1 when it is not."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from tests.store_support import add_words
from tutor.cli import cli
from tutor.srs import DeckSettings, Rating
from tutor.store import Store

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def _studied(db: Path) -> int:
    with Store.open(db, defaults=DeckSettings(day_offset_minutes=0)) as store:
        deck = add_words(store, 3, NOW)
        card = store.next_card(deck, NOW)
        assert card is not None
        store.record_review(card.card_id, Rating.Good, NOW, 1000)
        undone = store.record_review(card.card_id, Rating.Again, NOW, 1000)
        store.undo_review(undone.review_id)
        return card.card_id


def test_a_whole_database_is_one_line_and_exit_0(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    _studied(db)
    result = CliRunner().invoke(cli, ["--db", str(db), "check"])
    assert result.exit_code == 0
    # the undone review is not a review, as `tutor stats` counts them
    assert result.output == f"{db}: ok (6 cards, 1 review, 1 undone)\n"
    stats = CliRunner().invoke(cli, ["--db", str(db), "stats"])
    assert "reviews: 1 in all" in stats.output


def test_a_card_out_of_step_with_its_reviews_is_listed_with_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    card = _studied(db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE cards SET reps = 7 WHERE id = ?", [card])
    conn.execute("UPDATE cards SET state = 'review' WHERE id = ?", [card + 1])
    conn.commit()
    conn.close()
    result = CliRunner().invoke(cli, ["--db", str(db), "check"])
    assert result.exit_code == 1
    assert f"card {card}: reps not as its latest review left them" in result.output
    assert f"card {card + 1}: review with no review behind it" in result.output


def test_a_read_only_command_leaves_a_zero_byte_file_as_it_is(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    db.touch()
    for command in (["check"], ["stats"], ["decks"]):
        result = CliRunner().invoke(cli, ["--db", str(db), *command])
        assert result.exit_code == 2 and "no database here yet" in result.output, command
    assert db.stat().st_size == 0


def test_a_database_that_cannot_be_read_is_a_problem_with_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    _studied(db)
    with Store.open(db) as store:  # fold the WAL in, so that the file alone is the database
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.stat().st_size
    with db.open("r+b") as handle:
        handle.truncate(size // 2)
    before = db.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(db), "check"])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == f"{db}: 1 problem"
    assert "database" in result.output.splitlines()[1]
    assert "Traceback" not in result.output
    assert db.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_a_problem_with_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    db.write_bytes(b"not a database at all\n" * 100)
    result = CliRunner().invoke(cli, ["--db", str(db), "check"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"{db}: 1 problem", "  not a tutor database (not SQLite)"]
