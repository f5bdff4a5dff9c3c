"""A thin SQLite handle: the connection, nested transactions, and numbered migrations.

``tutor`` used sqlite-utils for these few things, but sqlite-utils imports pandas and numpy at
import time whenever they are installed (they are, with the optimizer extra), which cost 0.8 s
of every launch. This module is the part we used, on the standard library alone. The
migrations table keeps sqlite-utils' name and columns (``_sqlite_migrations``: ``id``,
``migration_set``, ``name``, ``applied_at``), so a progress.db created by earlier versions
upgrades in place with nothing re-applied.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = ["Database", "Migration", "Migrations"]


class Database:
    """An open SQLite file in autocommit mode; ``atomic()`` groups statements in a transaction.

    ``conn`` is the plain ``sqlite3.Connection`` for the store's queries.
    """

    def __init__(self, path: Path | str) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None)

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def query(
        self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()
    ) -> Iterator[dict[str, Any]]:
        """Rows as dicts keyed by column name (for tests and scripts; the store uses tuples)."""
        cursor = self.conn.execute(sql, parameters)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction (a savepoint when one is already open), rolled back on any error."""
        if self.conn.in_transaction:
            name = f"tutor_{secrets.token_hex(8)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def enable_wal(self) -> None:
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")

    def table_names(self) -> list[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [r[0] for r in rows]

    def columns(self, table: str) -> dict[str, str]:
        """Column name -> declared type."""
        return {r[1]: r[2] for r in self.conn.execute(f"PRAGMA table_info([{table}])")}

    def index_names(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute(f"PRAGMA index_list([{table}])")}

    def close(self) -> None:
        self.conn.close()


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    fn: Callable[[Database], None]


class Migrations:
    """Named steps applied in order, each once, each in its own transaction with its record."""

    table = "_sqlite_migrations"

    def __init__(self, name: str) -> None:
        self.name = name
        self.migrations: list[Migration] = []

    def __call__(self) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
        def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            if any(m.name == fn.__name__ for m in self.migrations):
                raise ValueError(f"migration {fn.__name__} is registered twice")
            self.migrations.append(Migration(fn.__name__, fn))
            return fn

        return register

    def applied(self, db: Database) -> list[str]:
        """Names of the applied steps of this set, in the order they were applied."""
        if self.table not in db.table_names():
            return []
        rows = db.execute(
            f"SELECT name FROM {self.table} WHERE migration_set = ? ORDER BY rowid", [self.name]
        )
        return [r[0] for r in rows]

    def pending(self, db: Database) -> list[Migration]:
        done = set(self.applied(db))
        return [m for m in self.migrations if m.name not in done]

    def apply(self, db: Database) -> None:
        db.execute(
            f"CREATE TABLE IF NOT EXISTS {self.table} (id INTEGER PRIMARY KEY, "
            "migration_set TEXT, name TEXT, applied_at TEXT)"
        )
        db.execute(
            f"CREATE UNIQUE INDEX IF NOT EXISTS idx_{self.table}_migration_set_name "
            f"ON {self.table} (migration_set, name)"
        )
        for migration in self.pending(db):
            with db.atomic():
                migration.fn(db)
                db.execute(
                    f"INSERT INTO {self.table} (migration_set, name, applied_at) VALUES (?, ?, ?)",
                    [self.name, migration.name, str(datetime.now(UTC))],
                )
