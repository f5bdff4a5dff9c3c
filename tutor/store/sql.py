"""The SQLite handle the store uses: sqlite-utils' ``Database``, imported when first needed.

Importing sqlite-utils (with click, dateutil and pluggy behind it) costs about 90 ms of CPU, a
quarter of what ``tutor`` spends before the first card is on screen, while studying needs none
of it: every query goes through ``execute`` on the connection. So ``Database`` serves the few
calls the store makes on every launch itself -- ``execute``, ``atomic``, ``enable_wal``,
``close`` -- and hands every other attribute to a ``sqlite_utils.Database`` over the same
connection, created on first use (``db.table_names()``, ``db["notes"]``, ``db.query(...)``, and
the numbered ``Migrations`` in tutor.store.migrations, which run whenever the schema is behind).

The connection is opened in driver-level autocommit (``isolation_level=None``) so that
``atomic()`` -- sqlite-utils' transaction block, savepoints when nested, reproduced here with
the same semantics -- is the only thing that groups statements: a card update and its review
row commit together or not at all. Its transactions begin IMMEDIATE, so a second writer (another
window, a ``tutor mine`` run) makes them wait rather than fail.

sqlite-utils imports pandas and numpy when they are installed, only to map their scalar types
to column types, which the store never writes; that import cost 0.4-0.8 s. So sqlite-utils is
imported with both hidden, unless something already imported them.
"""

from __future__ import annotations

import secrets
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["BUSY_TIMEOUT", "Database", "import_sqlite_utils"]

BUSY_TIMEOUT = 15.0  # seconds a write waits for another writer (a long `tutor mine` commit)


def import_sqlite_utils() -> Any:
    """The ``sqlite_utils`` module, imported with pandas and numpy hidden (see above)."""
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
    return sqlite_utils


class Database:
    """progress.db: an autocommit connection with sqlite-utils' ``Database`` API on top."""

    def __init__(self, path: Path | str) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT)
        self._utils: sqlite_utils.Database | None = None

    @property
    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils' ``Database`` over this connection (imports sqlite-utils once)."""
        if self._utils is None:
            module = import_sqlite_utils()
            # no plugins: loading them scans every installed package's entry points
            self._utils = module.Database(self.conn, execute_plugins=False)
        return self._utils

    def __getattr__(self, name: str) -> Any:
        # only called for attributes not found above: the rest of sqlite-utils' API
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.utils, name)

    def __getitem__(self, table: str) -> Any:
        return self.utils[table]

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """Run one statement on the connection (``sqlite_utils.Database.execute``)."""
        return self.conn.execute(sql, parameters if parameters is not None else ())

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction around the block; a savepoint when already inside one (the
        semantics of ``sqlite_utils.Database.atomic``)."""
        if self.conn.in_transaction:
            savepoint = f"tutor_{secrets.token_hex(8)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # an error may have ended the transaction
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        # IMMEDIATE takes the write lock now: a transaction that read first and wrote later
        # would get SQLITE_BUSY at once when another writer got in between, where this
        # waits out the busy timeout like any other lock
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.execute("COMMIT")

    def enable_wal(self) -> None:
        """Switch the file to write-ahead logging (persistent; a no-op once done)."""
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode=wal")

    def close(self) -> None:
        self.conn.close()

    def columns(self, table: str) -> dict[str, str]:
        """Column name -> declared type."""
        return {r[1]: r[2] for r in self.conn.execute(f"PRAGMA table_info([{table}])")}

    def index_names(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute(f"PRAGMA index_list([{table}])")}
