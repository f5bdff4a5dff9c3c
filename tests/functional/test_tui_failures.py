"""An error inside the UI ends it with one line naming what failed, never a traceback."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.functional.tui_support import SIZE, fill, open_store, rows, study_app
from tutor.errors import StoreError, TutorError
from tutor.failure import user_error


def _grade_failing_with(db_path: Path, error: Exception) -> Any:
    store = open_store(db_path)
    fill(store)

    def failing(*args: object, **kwargs: object) -> None:
        raise error

    store.record_review = failing  # type: ignore[method-assign]
    app = study_app(store)

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("space")
            await pilot.press("3")
            await pilot.pause()

    with pytest.raises(type(error)):  # Pilot hands the original error to the test
        asyncio.run(scenario())
    return app


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("database is locked", "locked by another tutor process"),
        ("attempt to write a readonly database", "read-only"),
        ("database or disk is full", "disk is full"),
        ("database disk image is malformed", "damaged"),
    ],
)
def test_a_database_error_while_grading_is_one_line_naming_the_file(
    db_path: Path, message: str, said: str
) -> None:
    app = _grade_failing_with(db_path, sqlite3.OperationalError(message))
    assert isinstance(app.failure, StoreError)
    line = str(app.failure)
    assert line.startswith(f"{db_path}: ") and said in line and "\n" not in line
    assert app.return_code == 2
    assert rows(db_path, "SELECT count(*) FROM reviews")[0][0] == 0


def test_a_bug_inside_the_ui_saves_its_traceback_and_says_where(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TUTOR_CACHE", str(tmp_path / "cache"))
    app = _grade_failing_with(db_path, KeyError("card"))
    line = str(app.failure)
    assert line.startswith("unexpected error KeyError") and "traceback saved to" in line
    saved = list((tmp_path / "cache").glob("crash-*.log"))
    assert len(saved) == 1 and "KeyError" in saved[0].read_text()


def test_an_error_tutor_already_explains_is_kept_as_it_is(db_path: Path) -> None:
    err = TutorError("no deck 'x'")
    assert user_error(err, db_path) is err


def test_keys_typed_after_q_open_nothing_on_the_way_out(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)
    app = study_app(store)

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.run_action("quit")  # q, then h before the app has closed
            await app.run_action("home")
            await app.run_action("help")

    asyncio.run(scenario())
    assert app.failure is None


def test_a_terminal_too_small_says_so_and_the_card_comes_back_when_it_grows(
    db_path: Path,
) -> None:
    from tutor.tui.screens.small import TooSmallScreen
    from tutor.tui.screens.study import StudyScreen

    store = open_store(db_path)
    fill(store)
    app = study_app(store)

    async def scenario() -> None:
        async with app.run_test(size=(40, 10)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen)
            assert "Terminal 40×10" in str(app.screen.query_one("#too-small").render())
            await pilot.press("space", "3")  # nothing is graded unseen
            await pilot.resize_terminal(100, 30)
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen) and not app.screen.revealed

    asyncio.run(scenario())
    assert rows(db_path, "SELECT count(*) FROM reviews")[0][0] == 0
