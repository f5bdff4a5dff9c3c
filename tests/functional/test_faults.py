"""Real SQLite faults under the commands that write: a full disk, a read-only database and a
writer that never lets go. Each ends in one line naming the database, a non-zero exit, and a
database as it was before (or, while grading, holding exactly the grades the screen showed).

The faults are SQLite's own errors, raised on the real write path: every connection tutor opens
gets ``max_page_count`` pinned to its current size (no room to grow, as on a full disk) or
``query_only`` (SQLite's read-only refusal), or meets another connection that holds an
exclusive lock past a short busy timeout.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import tutor.firstrun as firstrun
import tutor.store.sql as sql
from tests.conftest import BUNDLED
from tests.functional.db_support import mined_once, snapshot  # noqa: F401
from tests.functional.mine_support import _knowledge_links_only, run  # noqa: F401
from tests.functional.test_cli_revlog import write
from tests.functional.tui_support import NOW, SIZE, fill, open_store, study_app, track_reviews
from tests.store_support import add_words
from tutor.errors import StoreError
from tutor.tui.app import make_app

SAID = {
    "disk full": "the disk is full",
    "read-only": "read-only",
    "locked": "locked by another tutor process",
}
PRAGMA = {"disk full": "PRAGMA max_page_count = {pages}", "read-only": "PRAGMA query_only = 1"}
# enough rows to outgrow the pages a full disk leaves room for
HISTORY = [f"c{n % 40},3,2024-01-{1 + n // 40:02d}T10:00:00+00:00,5000" for n in range(400)]


@contextmanager
def faulty(db: Path, name: str) -> Iterator[None]:
    """Every write to ``db`` inside the block meets the fault ``name``."""
    with pytest.MonkeyPatch.context() as patch:
        if name == "locked":
            patch.setattr(sql, "BUSY_TIMEOUT", 0.2)
            holder = sqlite3.connect(db, isolation_level=None)
            holder.execute("BEGIN EXCLUSIVE")
            try:
                yield
            finally:
                holder.close()
            return
        connect = sqlite3.connect

        def opening(*args: Any, **kwargs: Any) -> sqlite3.Connection:
            conn = connect(*args, **kwargs)
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(PRAGMA[name].format(pages=pages))
            return conn

        patch.setattr(sql.sqlite3, "connect", opening)
        yield


def _one_line(output: str, db: Path, said: str) -> None:
    errors = [line for line in output.splitlines() if not line.startswith("tutor: note: ")]
    assert len(errors) == 1 and "Traceback" not in output, output
    assert errors[0].startswith(f"tutor: error: {db}: ") and said in errors[0], errors[0]


def _a_deck(db: Path) -> Any:
    with open_store(db) as store:
        fill(store)
    return snapshot(db)


COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "mine": lambda tmp: ["mine", str(BUNDLED), "--deck", "new"],
    "remine": lambda tmp: ["mine", str(BUNDLED), "--deck", "demo"],
    "import-revlog": lambda tmp: ["import-revlog", str(write(tmp / "h.csv", HISTORY))],
}


@pytest.mark.usefixtures("mined_once")  # the bundled text: enough notes to fill a disk
@pytest.mark.parametrize("name", sorted(SAID))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_fault_in_a_command_is_one_line_and_changes_nothing(
    db_path: Path, tmp_path: Path, name: str, command: str
) -> None:
    before = _a_deck(db_path)
    args = COMMANDS[command](tmp_path)
    with faulty(db_path, name):
        result = run("--db", str(db_path), *args)
    assert result.exit_code == 2, result.output
    _one_line(result.output, db_path, SAID[name])
    assert snapshot(db_path) == before


async def _until_stopped(pilot: Any, app: Any) -> None:
    for _ in range(1000):
        if not app.is_running:
            return
        await pilot.pause(0.01)
    raise AssertionError("the app kept running")


@pytest.mark.usefixtures("mined_once")
@pytest.mark.parametrize("name", sorted(SAID))
def test_a_fault_during_the_first_run_leaves_no_deck_and_says_so(db_path: Path, name: str) -> None:
    open_store(db_path).close()  # an empty database: the app mines the bundled deck
    before = snapshot(db_path)

    def bootstrap(progress: Callable[[int, int | None], None]) -> str:
        with open_store(db_path) as own:
            return firstrun.bootstrap_bundled(own, progress=progress)

    with faulty(db_path, name), open_store(db_path) as store:
        app = make_app(store, clock=lambda: NOW, bootstrap=bootstrap)

        async def scenario() -> None:
            async with app.run_test(size=SIZE) as pilot:
                await _until_stopped(pilot, app)

        asyncio.run(scenario())  # the worker's error ends the app, as the user sees it
    assert isinstance(app.failure, StoreError) and app.return_code == 2
    assert str(app.failure).startswith(f"{db_path}: ") and SAID[name] in str(app.failure)
    assert snapshot(db_path) == before


@pytest.mark.parametrize("name", sorted(SAID))
def test_a_fault_while_grading_keeps_every_grade_shown_before_it(db_path: Path, name: str) -> None:
    with open_store(db_path) as store:  # more cards than a page of reviews holds
        deck = add_words(store, 150, NOW, name="demo")
        store.update_settings(deck, new_per_day=300)
        study_app(store)
    with faulty(db_path, name), open_store(db_path) as store:
        app = make_app(store, "demo", clock=lambda: NOW)
        made, _ = track_reviews(store)

        async def scenario() -> None:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                for _ in range(300):  # a full disk needs the reviews table to outgrow a page
                    if not app.is_running:
                        break
                    await pilot.press("space", "3")
                    await pilot.pause()

        with pytest.raises(sqlite3.OperationalError):
            asyncio.run(scenario())
    assert isinstance(app.failure, StoreError) and app.return_code == 2
    assert SAID[name] in str(app.failure)
    reviews = snapshot(db_path)[3]
    assert [row[0] for row in reviews[1]] == made
