"""What the learner is told when something fails: one line, never a traceback.

In the UI, the UI stops, the terminal is restored, and the CLI prints the line and exits
non-zero; a command that meets a database error says the same line.
SQLite's errors say what happened to progress.db (busy, read-only, full, damaged); anything
else is a bug in tutor, whose traceback is saved to a file in the cache directory so it can
be reported, and the line says where.
"""

from __future__ import annotations

import sqlite3
import traceback
from datetime import UTC, datetime
from pathlib import Path

from tutor.errors import StoreError, TutorError
from tutor.lang.cache import cache_dir

__all__ = ["user_error"]


def user_error(err: BaseException, db: Path) -> TutorError:
    """``err``, raised inside the UI over the database ``db``, as a one-line TutorError."""
    if isinstance(err, TutorError):
        return err
    if isinstance(err, sqlite3.Error):
        return StoreError(_database_trouble(err), path=db)
    if isinstance(err, OSError) and err.strerror:
        return TutorError(err.strerror, path=err.filename)
    return TutorError(f"unexpected error {type(err).__name__}: {err} ({_save_trace(err)})")


def _database_trouble(err: sqlite3.Error) -> str:
    text = str(err)
    low = text.lower()
    if "locked" in low or "busy" in low:
        return "the database stayed locked by another tutor process; the change was not saved"
    if "readonly" in low or "read-only" in low:
        return "the database is read-only; the change was not saved"
    if "full" in low:
        return "the disk is full; the change was not saved"
    if "malformed" in low or "not a database" in low:
        return f"the database is damaged ({text}); restore a backup of it"
    return f"database error: {text}; the change was not saved"


def _save_trace(err: BaseException) -> str:
    """Write ``err``'s traceback to the cache directory; say where (or that it could not)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.log"
        path.write_text("".join(traceback.format_exception(err)), encoding="utf-8")
    except OSError:
        return "its traceback could not be saved"
    return f"traceback saved to {path}"
