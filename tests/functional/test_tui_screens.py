"""Home, help, stats and settings screens, driven with Pilot at 100x30 and at 80x24."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from tests.functional.tui_support import SIZE, fill, open_store, rows, study_app, text_of
from tutor.tui.screens.help import HelpScreen
from tutor.tui.screens.home import HomeScreen
from tutor.tui.screens.settings import SettingsScreen
from tutor.tui.screens.stats import StatsScreen
from tutor.tui.screens.study import StudyScreen


def test_home_lists_decks_with_counts_and_enter_studies_one(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store, "alpha")
    fill(store, "beta")

    async def scenario() -> None:
        app = study_app(store, deck=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert str(db_path) in text_of(app, "#home-title")
            table = app.screen.query_one(DataTable)
            assert table.row_count == 2
            assert [str(c) for c in table.get_row_at(1)] == ["beta", "3", "0", "0", "6"]
            await pilot.press("down", "enter")
            assert isinstance(app.screen, StudyScreen)
            assert app.screen.session.deck == "beta"
            await pilot.press("space", "3", "h")
            assert isinstance(app.screen, HomeScreen)
            assert str(table.get_row_at(1)[1]) == "2"  # counts refreshed on return
            line = text_of(app, "#home-progress")
            assert "today 1 review  ·  streak 1 day" in line
            assert "1 of 12 cards started, 0 mature" in line

    asyncio.run(scenario())
    store.close()


def test_help_lists_every_key_of_the_study_screen(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            from tutor.tui.screens.help import help_table

            table = help_table()
            keys = [str(k) for k in table.columns[0]._cells]
            study_keys = ("space", "1", "2", "3", "4", "u", "q", "?", "enter", "a–d", "ctrl+t")
            for key in (*study_keys, "esc"):
                assert key in keys, key
            for key in ("e", "s", "k", "f", "/", ","):  # browse, card and home keys too
                assert key in keys, key
            await pilot.press("escape")
            assert isinstance(app.screen, StudyScreen)

    asyncio.run(scenario())
    store.close()


def test_stats_screen_counts_reviews_and_draws_the_forecast(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store, "alpha")
    fill(store, "beta")

    async def scenario() -> None:
        app = study_app(store, deck=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("enter", "space", "4", "space", "3", "h", "s")
            assert isinstance(app.screen, StatsScreen)
            stats = app.screen.stats
            assert stats["reviews_total"] == 2
            assert stats["cards"]["review"] == 1 and stats["cards"]["learning"] == 1
            assert "Statistics · alpha" in text_of(app, "#stats-title")
            forecast = text_of(app, "#stats-forecast")
            assert "Due in the next 30 days (2 cards)" in forecast  # learning today, review later
            assert any(block in forecast for block in "▁▂▃▄▅▆▇█")
            assert "Reviews per day (last 30 days: 2)" in text_of(app, "#stats-reviews")
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)

    asyncio.run(scenario())
    store.close()


def test_settings_save_to_the_database_and_bad_values_are_refused(db_path: Path) -> None:
    store = open_store(db_path)
    deck = fill(store)

    async def scenario() -> None:
        app = study_app(store, deck=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("h")  # the only deck opened study; h goes home
            await pilot.press("comma")
            assert isinstance(app.screen, SettingsScreen)
            first = app.screen.query_one("#set-new_per_day", Input)
            assert first.has_focus  # typing goes into the first field at once
            await pilot.press("end", "backspace", "backspace", "7")
            assert first.value == "7"
            app.screen.query_one("#set-learning_steps", Input).value = "2m 15m 1h"
            app.screen.query_one("#set-quiz_kinds", Input).value = "pinyin recall"
            await pilot.press("ctrl+s")
            assert store.settings(deck).new_per_day == 7
            assert store.settings(deck).quiz_kinds == ("pinyin", "recall")
            saved = rows(db_path, "SELECT value FROM settings WHERE key = 'learning_steps'")
            assert saved == [("2m 15m 1h",)]
            app.screen.query_one("#set-desired_retention", Input).value = "1.5"
            await pilot.press("ctrl+s")
            assert store.settings(deck).desired_retention == 0.9  # refused, nothing changed

    asyncio.run(scenario())
    store.close()


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_study_screen_fits_small_terminals(db_path: Path, size: tuple[int, int]) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("space")
            screen = app.screen
            for selector in ("#where", "#progress", "#prompt", "#grades", "#pinyin"):
                region = screen.query_one(selector).region
                assert region.area and region.right <= size[0] and region.bottom <= size[1]
            grades = screen.query_one("#grades").region
            assert grades.bottom <= size[1] - 1  # the footer still shows beneath

    asyncio.run(scenario())
    store.close()
