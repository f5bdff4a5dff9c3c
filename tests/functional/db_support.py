"""Shared by the fault, kill and concurrency tests: a database's rows after it recovered, and
mining done once per test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import tutor.ingest as ingest
from tutor.store import Store

Snapshot = tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...]
TABLES = ("decks", "notes", "cards", "reviews", "settings")


def snapshot(path: Path) -> Snapshot:
    """Every row that matters, after the database recovered (opening it rolls back a torn
    transaction and finishes migrations); also proves it passes ``tutor check``."""
    with Store.open(path) as store:
        assert store.check().ok, store.check().problems
        taken = []
        for table in TABLES:
            cursor = store.db.execute(f"SELECT * FROM {table} ORDER BY 1")  # noqa: S608
            taken.append((table, tuple(tuple(row) for row in cursor)))
        return tuple(taken)


@pytest.fixture
def mined_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mine each source once for real, then hand the same result to every try."""
    results: dict[int, Any] = {}
    real = ingest.mine

    def once(pairs: Any, **kwargs: Any) -> Any:
        key = len(pairs)
        if key not in results:
            results[key] = real(pairs, **kwargs)
        return results[key]

    monkeypatch.setattr(ingest, "mine", once)
