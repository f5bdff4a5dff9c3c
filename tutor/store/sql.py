"""The SQLite handle the store uses: sqlite-utils' Database and its numbered Migrations.

The connection is opened in driver-level autocommit (``isolation_level=None``) so that
``atomic()`` -- sqlite-utils' transaction block, savepoints when nested -- is the only thing that
groups statements: a card update and its review row commit together or not at all.

sqlite-utils imports pandas and numpy when they are installed (a learner's environment often
has them) only to map their scalar types to column types, which the store never
writes; that import cost 0.4-0.8 s of every launch of the study screen. So sqlite-utils is
imported with both hidden, unless something already imported them.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path


def _import_sqlite_utils() -> None:
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]


_import_sqlite_utils()

import sqlite_utils  # noqa: E402
from sqlite_utils import Migrations  # noqa: E402

__all__ = ["Database", "Migrations"]


class Database(sqlite_utils.Database):
    """A sqlite-utils database over an autocommit connection, plus two schema look-ups."""

    def __init__(self, path: Path | str) -> None:
        # no sqlite-utils plugins: loading them scans every installed package's entry points
        super().__init__(sqlite3.connect(str(path), isolation_level=None), execute_plugins=False)

    def columns(self, table: str) -> dict[str, str]:
        """Column name -> declared type."""
        return {r[1]: r[2] for r in self.conn.execute(f"PRAGMA table_info([{table}])")}

    def index_names(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute(f"PRAGMA index_list([{table}])")}
