"""Opening progress.db: migrations on a blank file, WAL, foreign keys, bad files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.errors import StoreError
from tutor.store import Store
from tutor.store.migrations import STEPS, migrations, pending

EXPECTED_COLUMNS = {
    "decks": {"id", "name", "source", "created"},
    "notes": {
        "id", "deck_id", "hanzi", "traditional", "pinyin", "english", "senses", "kind",
        "confidence", "examples", "position", "hsk_level", "frequency", "created", "updated",
    },
    "cards": {
        "id", "note_id", "deck_id", "template", "state", "step", "stability", "difficulty",
        "due", "last_review", "reps", "lapses", "suspended", "buried_until", "flag", "known",
    },
    "reviews": {
        "id", "card_id", "deck_id", "rating", "reviewed_at", "duration_ms", "state_before",
        "state_after", "undone", "quiz",
    },
    "settings": {"deck_id", "key", "value"},
    "fsrs_params": {"id", "deck_id", "params", "fitted_at", "log_loss_before", "log_loss_after"},
}  # fmt: skip


def test_blank_database_is_migrated_to_the_full_schema(db_path: Path) -> None:
    with Store.open(db_path) as store:
        tables = set(store.db.table_names())
        for table, columns in EXPECTED_COLUMNS.items():
            assert table in tables
            assert columns <= set(store.db.columns(table)), table
        applied = [m.name for m in migrations().applied(store.db.utils)]  # sqlite-utils' record
        assert applied == [step.__name__ for step in STEPS]
        assert applied[0] == "m001_initial"
        indexes = set().union(*(store.db.index_names(t) for t in ("cards", "reviews", "notes")))
        assert {"cards_queue", "reviews_deck_time", "notes_fresh_position"} <= indexes


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        assert migrations().pending(store.db.utils) == [] and pending(store.db) == []
        rows = store.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert rows == len(STEPS)


def test_wal_and_foreign_keys_are_on(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute(
                "INSERT INTO notes (deck_id, hanzi, created, updated) VALUES (999, 'x', '', '')"
            )


def test_unique_constraints_hold(db_path: Path) -> None:
    with Store.open(db_path) as store:
        deck = store.ensure_deck("d")
        assert store.ensure_deck("d") == deck
        store.db.execute(
            "INSERT INTO notes (deck_id, hanzi, created, updated) VALUES (?, '中', '', '')", [deck]
        )
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute(
                "INSERT INTO notes (deck_id, hanzi, created, updated) VALUES (?, '中', '', '')",
                [deck],
            )


@pytest.mark.parametrize("content", [b"this is not a database at all\n" * 10, b"\x00\xff" * 600])
def test_non_database_file_raises_store_error(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Store.open(bad)
    assert str(bad) in str(caught.value)
    assert bad.read_bytes() == content


def test_corrupt_sqlite_file_raises_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "corrupt.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    with pytest.raises(StoreError):
        Store.open(bad)


def test_directory_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.open(tmp_path)


def test_an_up_to_date_database_opens_without_importing_sqlite_utils(db_path: Path) -> None:
    """sqlite-utils is imported to migrate (first run, upgrades) or for its API, not to study."""
    script = (
        "import sys; from tutor.store import Store; "
        f"Store.open({str(db_path)!r}).close(); print('sqlite_utils' in sys.modules)"
    )

    def imported() -> str:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert imported() == "True"  # a blank file: the migrations ran through sqlite-utils
    assert imported() == "False"  # nothing pending: plain sqlite3 only
    with Store.open(db_path) as store:
        assert "decks" in store.db.table_names()  # the rest of sqlite-utils' API, on demand
        assert store.db["decks"].count == 0


def test_pending_steps_are_read_from_sqlite_utils_record(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert pending(store.db) == []
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_judgements'")
        assert pending(store.db) == ["m005_judgements"]
        assert [m.name for m in migrations().pending(store.db.utils)] == ["m005_judgements"]


def test_atomic_nests_as_savepoints_and_rolls_back(db_path: Path) -> None:
    with Store.open(db_path) as store:
        db = store.db

        def names() -> list[str]:
            return [r[0] for r in db.execute("SELECT name FROM decks ORDER BY name")]

        with db.atomic():
            db.execute("INSERT INTO decks (name, created) VALUES ('outer', '')")
            with pytest.raises(RuntimeError), db.atomic():
                db.execute("INSERT INTO decks (name, created) VALUES ('inner', '')")
                raise RuntimeError("inner block fails")
        assert names() == ["outer"]  # the savepoint rolled back, the outer block committed
        with pytest.raises(RuntimeError), db.atomic():
            db.execute("INSERT INTO decks (name, created) VALUES ('lost', '')")
            raise RuntimeError("whole block fails")
        assert names() == ["outer"] and not db.conn.in_transaction


def test_a_database_from_a_newer_tutor_is_refused_before_any_write(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('tutor', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer tutor.*m999_from_the_future"):
        Store.open(db_path)
    assert db_path.read_bytes() == before
