"""`tutor import-revlog`: a CSV history comes in whole, or (on a bad line) not at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from tutor.cli import cli

HEADER = "card_id,review_rating,review_time,review_duration\n"
GOOD = [
    "a,3,2024-01-01T10:00:00+00:00,5000",
    "a,3,2024-01-03T10:00:00+00:00,4000",
    "b,1,2024-01-01T10:05:00+00:00,9000",
    "b,3,2024-01-01T10:15:00+00:00,3000",
]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text(HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_import_reports_and_stores_every_review(db_path: Path, tmp_path: Path) -> None:
    csv = write(tmp_path / "history.csv", GOOD)
    result = CliRunner().invoke(cli, ["import-revlog", str(csv), "--deck", "anki"])
    assert result.exit_code == 0, result.output
    assert "imported 4 reviews of 2 cards into deck anki" in result.output
    assert count(db_path, "reviews") == 4
    again = CliRunner().invoke(cli, ["import-revlog", str(csv), "--deck", "anki"])
    assert again.exit_code == 0
    assert "imported 0 reviews" in again.output and "skipped 4" in again.output
    assert count(db_path, "reviews") == 4


def test_deck_defaults_to_the_file_stem(db_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import-revlog", str(write(tmp_path / "mine.csv", GOOD))])
    assert "into deck mine" in result.output
    decks = CliRunner().invoke(cli, ["decks"]).output
    assert "mine\t" in decks


def test_bad_line_names_file_and_line_and_imports_nothing(db_path: Path, tmp_path: Path) -> None:
    csv = write(tmp_path / "bad.csv", [*GOOD[:2], "c,7,2024-01-02T10:00:00+00:00,1", GOOD[3]])
    result = CliRunner().invoke(cli, ["import-revlog", str(csv)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"tutor: error: {csv}:4: ")
    assert "review_rating" in lines[0]
    assert not db_path.exists()  # read before the database is opened, so not even created


def test_missing_file_is_one_line_and_creates_no_database(db_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import-revlog", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "nope.csv" in result.output
    assert not db_path.exists()


def test_imported_cards_are_suspended_not_studied(db_path: Path, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from tutor.store import Store

    csv = write(tmp_path / "history.csv", GOOD)
    result = CliRunner().invoke(cli, ["import-revlog", str(csv), "--deck", "anki"])
    assert result.exit_code == 0, result.output
    assert "cards suspended" in result.output
    with Store.open(db_path) as store:
        deck = store.deck_id("anki")
        assert store.next_card(deck, datetime(2030, 1, 1, tzinfo=UTC)) is None
        assert store.check().ok, store.check().problems
        assert store.stats(deck)["reviews_total"] == 4
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*), sum(suspended) FROM cards").fetchone() == (2, 2)
    finally:
        conn.close()


def test_a_bad_value_names_its_column(db_path: Path, tmp_path: Path) -> None:
    bad = {
        "a,x,2024-01-02T10:00:00+00:00,1": "review_rating must be 1, 2, 3 or 4, not 'x'",
        "a,3,yesterday,1": "review_time 'yesterday' is neither an ISO time",
        "a,3,2024-01-02T10:00:00,1": "review_time '2024-01-02T10:00:00' needs a UTC offset",
        "a,3,2024-01-02T10:00:00+00:00,5s": "review_duration must be a number of milliseconds",
        ",3,2024-01-02T10:00:00+00:00,1": "card_id is empty",
    }
    for line, message in bad.items():
        csv = write(tmp_path / "rl.csv", [*GOOD[:2], line])
        result = CliRunner().invoke(cli, ["import-revlog", str(csv)])
        assert result.exit_code == 2
        assert result.output.startswith(f"tutor: error: {csv}:4: bad review: {message}")
        assert "invalid literal" not in result.output and result.output.count("\n") == 1
