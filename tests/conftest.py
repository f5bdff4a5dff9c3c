"""Shared fixtures: every test gets its own database path and never touches the user's files."""

from __future__ import annotations

from pathlib import Path

import pytest

# the real-anki tests' ``col`` fixture (anki itself is imported only when it is used)
pytest_plugins = ["tests.functional.anki_support"]

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "decks" / "beijing-2024-report.txt"


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "progress.db"
    monkeypatch.setenv("TUTOR_DB", str(db))
    monkeypatch.chdir(tmp_path)
    return db


@pytest.fixture
def db_path(_isolated_db: Path) -> Path:
    return _isolated_db


@pytest.fixture
def seed_path() -> Path:
    return BUNDLED
