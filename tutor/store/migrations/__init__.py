"""The schema, as numbered migrations applied every time the database opens.

sqlite-utils' ``Migrations`` applies the steps and records each in ``_sqlite_migrations``; a
new step goes at the end of ``STEPS`` and never edits an old one, so any progress.db a learner
has upgrades in place. Whether anything is pending is read with one plain query first, so an
up-to-date database opens without importing sqlite-utils (see tutor.store.sql).

Times are UTC ISO strings of fixed width (``2024-05-01T12:00:00.000000+00:00``) so that text
order is time order and the ``due`` indexes can answer "due by T" with a range scan.
``cards.deck_id`` duplicates ``notes.deck_id`` on purpose: the queue and the deck counts filter
cards by deck and order them by due date, which needs both columns in one index.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tutor.store.migrations.anki_export import m008_anki_export
from tutor.store.migrations.counts import m007_queue_indexes
from tutor.store.migrations.early import (
    m001_initial,
    m002_review_time_index,
    m003_review_totals_index,
    m004_search,
    m005_judgements,
    m006_known_words,
)
from tutor.store.sql import Database, import_sqlite_utils

if TYPE_CHECKING:
    from sqlite_utils import Migrations

__all__ = [
    "SET_NAME",
    "STEPS",
    "NewerSchema",
    "apply_migrations",
    "applied",
    "migrations",
    "pending",
    "unknown",
]

#: The migration set's name in ``_sqlite_migrations``.
SET_NAME = "tutor"

#: Every step, in order; the name recorded for a step is its function's name.
STEPS: tuple[Callable[[Any], None], ...] = (
    m001_initial,
    m002_review_time_index,
    m003_review_totals_index,
    m004_search,
    m005_judgements,
    m006_known_words,
    m007_queue_indexes,
    m008_anki_export,
)


def migrations() -> Migrations:
    """The steps as a sqlite-utils ``Migrations`` set (imports sqlite-utils)."""
    steps = import_sqlite_utils().Migrations(SET_NAME)
    for step in STEPS:
        steps()(step)  # the decorator form: registered under the function's name
    return steps


def applied(db: Database) -> set[str]:
    """Names of the steps recorded in ``db``, read without sqlite-utils."""
    table = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if table is None:
        return set()
    rows = db.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [SET_NAME])
    return {r[0] for r in rows}


def pending(db: Database) -> list[str]:
    """Names of the steps not yet applied to ``db``, read without sqlite-utils."""
    done = applied(db)
    return [step.__name__ for step in STEPS if step.__name__ not in done]


def unknown(db: Database) -> list[str]:
    """Steps recorded in ``db`` that this version of tutor does not have: a newer tutor
    wrote the file, and this one would fail later, mid-write, on what it changed."""
    known = {step.__name__ for step in STEPS}
    return sorted(applied(db) - known)


def apply_migrations(db: Database) -> None:
    """Bring ``db`` to the current schema (each step in a transaction with its record);
    a ``NewerSchema`` error when a newer tutor's steps are recorded in it."""
    newer = unknown(db)
    if newer:
        raise NewerSchema(newer)
    if pending(db):
        migrations().apply(db.utils)


class NewerSchema(Exception):
    """The database carries migrations this version does not know."""

    def __init__(self, steps: list[str]) -> None:
        self.steps = steps
        super().__init__(", ".join(steps))
