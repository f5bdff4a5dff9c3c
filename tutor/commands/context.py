"""What every command needs from the click context: the database path chosen by --db/TUTOR_DB."""

from __future__ import annotations

from pathlib import Path

import click

from tutor.paths import default_db_path

__all__ = ["db_path"]


def db_path(ctx: click.Context) -> Path:
    """The database for this invocation: ``--db``, else ``$TUTOR_DB``, else ./progress.db."""
    root = ctx.find_root()
    db: Path | None = (root.obj or {}).get("db")
    return db if db is not None else default_db_path()
