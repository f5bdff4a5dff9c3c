"""First run: with no deck in the database, the app mines one in a worker thread, shows its
progress, then the first card."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import ProgressBar

from tests.functional.tui_support import NOW, SIZE, fill, open_store, rows, text_of
from tutor.errors import InputError
from tutor.tui.app import make_app
from tutor.tui.screens.bootstrap import BootstrapScreen, SetupProgress, stage_text
from tutor.tui.screens.study import StudyScreen


async def _until(pilot, condition: Callable[[], bool]) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until ``condition`` holds (bounded, so a bug fails instead of hanging)."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("condition never became true")


def test_bootstrap_shows_progress_then_the_first_card(db_path: Path) -> None:
    store = open_store(db_path)
    halfway = threading.Event()
    go_on = threading.Event()
    threads: list[str] = []

    def bootstrap(progress: Callable[[int, int | None], None]) -> str:
        threads.append(threading.current_thread().name)
        progress(1, 2)
        halfway.set()
        assert go_on.wait(10)
        with open_store(db_path) as own:  # SQLite connections belong to one thread
            fill(own, "bundled")
        progress(2, 2)
        return "bundled"

    async def scenario() -> None:
        app = make_app(store, clock=lambda: NOW, bootstrap=bootstrap)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, BootstrapScreen)
            bar = app.screen.query_one(ProgressBar)
            await _until(pilot, lambda: bar.progress == 1)
            assert bar.total == 2 and bar.percentage == 0.5
            assert text_of(app, "#bootstrap-stage") == "Mining sentence pairs: 1 of 2"
            assert str(db_path) in text_of(app, "#bootstrap-title")
            go_on.set()
            await _until(pilot, lambda: isinstance(app.screen, StudyScreen))
            await pilot.pause()
            assert "bundled" in text_of(app, "#where")
            assert "协 同 发 展" in text_of(app, "#prompt")

    asyncio.run(scenario())
    assert threads and threads[0] != threading.main_thread().name
    assert rows(db_path, "SELECT name FROM decks") == [("bundled",)]
    store.close()


def test_the_cache_steps_show_before_the_pairs(db_path: Path) -> None:
    """The bootstrapper names each cache step as it starts; the bar counts the steps."""
    store = open_store(db_path)
    go_on = threading.Event()

    def bootstrap(progress: SetupProgress) -> str:
        progress.stage(1, 5, "CC-CEDICT's English index")
        assert go_on.wait(10)
        with open_store(db_path) as own:
            fill(own, "bundled")
        return "bundled"

    async def scenario() -> None:
        app = make_app(store, clock=lambda: NOW, bootstrap=bootstrap)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            bar = app.screen.query_one(ProgressBar)
            await _until(pilot, lambda: bar.progress == 1)
            assert bar.total == 5
            stage = text_of(app, "#bootstrap-stage")
            assert stage.startswith("Preparing CC-CEDICT's English index (2 of 5)")
            go_on.set()
            await _until(pilot, lambda: isinstance(app.screen, StudyScreen))

    asyncio.run(scenario())
    store.close()


def test_stage_text_follows_the_run() -> None:
    assert stage_text(0, 5, "HSK levels").startswith("Preparing HSK levels (1 of 5)")
    assert stage_text(5, 5, "") == "Mining the sentence pairs…"
    assert stage_text(3, 9) == "Mining sentence pairs: 3 of 9"
    assert stage_text(9, 9) == "Saving the cards…"


def test_the_real_bootstrapper_reports_every_cache_step(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tutor.firstrun import bootstrap_bundled
    from tutor.lang.prepare import STEPS

    # mine, rather than take the shipped entries or those an earlier run left in the cache dir
    monkeypatch.setattr("tutor.bundled.mined_once", lambda source, mine: mine())

    steps: list[tuple[int, int, str]] = []
    pairs: list[tuple[int, int | None]] = []
    with open_store(db_path) as store:
        name = bootstrap_bundled(
            store, progress=lambda d, t: pairs.append((d, t)), stages=lambda *s: steps.append(s)
        )
    assert name == "beijing-2024-report"
    assert [label for _, _, label in steps] == [label for label, _ in STEPS] + [""]
    assert [done for done, _, _ in steps] == list(range(len(STEPS) + 1))
    assert pairs and pairs[-1][0] == pairs[-1][1]


def test_no_bootstrap_when_a_deck_exists(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)
    called: list[bool] = []

    def bootstrap(progress: Callable[[int, int | None], None]) -> str:
        called.append(True)
        return "never"

    async def scenario() -> None:
        app = make_app(store, clock=lambda: NOW, bootstrap=bootstrap)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen)  # the only deck opens directly

    asyncio.run(scenario())
    assert called == []
    store.close()


def test_a_failed_bootstrap_leaves_the_ui_and_reraises(db_path: Path) -> None:
    store = open_store(db_path)

    def bootstrap(progress: Callable[[int, int | None], None]) -> str:
        raise InputError("no Chinese text found", path="decks/x.txt", line=3)

    async def scenario() -> None:
        app = make_app(store, clock=lambda: NOW, bootstrap=bootstrap)
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, lambda: not app.is_running)
        assert isinstance(app.failure, InputError)
        assert app.return_code == 2

    asyncio.run(scenario())
    store.close()


def test_quitting_during_setup_says_so_at_once_and_the_next_launch_sets_up_again(
    db_path: Path,
) -> None:
    """``q`` while a cache step runs (a thread, which cannot be interrupted) shows at once
    that setup stops after that step, instead of a blank terminal until it ends; the next
    report ends the worker, the app exits with no deck written and no error, and the next
    launch runs setup again."""
    store = open_store(db_path)
    in_step = threading.Event()
    go_on = threading.Event()
    reached: list[str] = []

    def bootstrap(progress: SetupProgress) -> str:
        progress.stage(0, 5, "CC-CEDICT")
        in_step.set()
        assert go_on.wait(10)  # the step the learner quit during
        reached.append("after the step")
        progress.stage(1, 5, "CC-CEDICT's English index")
        reached.append("the next step")  # never: the report above raises
        return "never"

    async def quit_during_setup() -> None:
        app = make_app(store, clock=lambda: NOW, bootstrap=bootstrap)
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, in_step.is_set)
            await pilot.press("q")
            assert app.is_running and isinstance(app.screen, BootstrapScreen)
            assert text_of(app, "#bootstrap-stage").startswith("Stopping after the current step")
            await pilot.press("ctrl+q")  # again, the other way: still waiting, still saying so
            assert text_of(app, "#bootstrap-stage").startswith("Stopping after the current step")
            go_on.set()
            await _until(pilot, lambda: not app.is_running)
        assert app.failure is None and app.return_code == 0

    asyncio.run(quit_during_setup())
    assert reached == ["after the step"]
    assert rows(db_path, "SELECT count(*) FROM decks") == [(0,)]

    def bootstrap_again(progress: SetupProgress) -> str:
        with open_store(db_path) as own:
            fill(own, "bundled")
        return "bundled"

    async def next_launch() -> None:
        app = make_app(store, clock=lambda: NOW, bootstrap=bootstrap_again)
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, lambda: isinstance(app.screen, StudyScreen))

    asyncio.run(next_launch())
    assert rows(db_path, "SELECT name FROM decks") == [("bundled",)]
    store.close()
