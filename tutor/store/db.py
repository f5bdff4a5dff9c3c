"""Opening progress.db: connection pragmas, migrations, and translating SQLite failures.

WAL is switched on once (it is persistent in the file); foreign keys must be enabled on every
connection. ``synchronous=NORMAL`` is the WAL setting SQLite recommends: a commit survives a
crash of ``tutor`` and the database never corrupts, at a fraction of FULL's fsync cost per grade.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tutor.errors import StoreError
from tutor.store.migrations import NewerSchema, apply_migrations
from tutor.store.sql import Database

__all__ = ["connect", "iso", "parse_time"]


def iso(moment: datetime) -> str:
    """Fixed-width UTC ISO text, so string order is time order in the indexes."""
    if moment.tzinfo is None:
        raise ValueError("datetimes must be timezone-aware (UTC)")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def connect(path: Path) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises ``StoreError`` naming the file when it is not a SQLite database, is corrupt, or
    cannot be created.
    """
    if path.is_dir():
        raise StoreError("is a directory, not a database", path=path)
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise StoreError("not a tutor database (not SQLite)", path=path)
    try:
        db = Database(path)
    except sqlite3.Error as err:
        raise StoreError(f"cannot open database: {err}", path=path) from err
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
        apply_migrations(db)
    except NewerSchema as err:
        db.close()
        raise StoreError(
            f"written by a newer tutor (schema steps {err}); upgrade tutor to open it", path=path
        ) from err
    except sqlite3.Error as err:
        db.close()
        raise StoreError(f"cannot use database: {err}", path=path) from err
    return db
