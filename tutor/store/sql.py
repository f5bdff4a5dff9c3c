"""The SQLite handle the store uses: sqlite-utils' Database and its numbered Migrations.

The connection is opened in driver-level autocommit (``isolation_level=None``) so that
``atomic()`` -- sqlite-utils' transaction block, savepoints when nested -- is the only thing that
groups statements: a card update and its review row commit together or not at all.

sqlite-utils imports pandas and numpy when they are installed (the optional ``optimizer``
extra brings them), which adds about 0.8 s to start-up in such an environment; without that
extra the import is cheap.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

__all__ = ["Database", "Migrations"]


class Database(sqlite_utils.Database):
    """A sqlite-utils database over an autocommit connection, plus two schema look-ups."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(sqlite3.connect(str(path), isolation_level=None))

    def columns(self, table: str) -> dict[str, str]:
        """Column name -> declared type."""
        return {r[1]: r[2] for r in self.conn.execute(f"PRAGMA table_info([{table}])")}

    def index_names(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute(f"PRAGMA index_list([{table}])")}
