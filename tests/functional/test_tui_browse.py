"""Browse: the query language, the card screen's actions, and searching (once the store can)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from tests.functional.tui_support import (
    ENTRIES,
    SIZE,
    fill,
    open_store,
    rows,
    seen,
    study_app,
    text_of,
)
from tutor.tui.screens.browse import BrowseScreen
from tutor.tui.screens.card import CardScreen
from tutor.tui.search import Query, parse_query


async def _browse(app: Any, pilot: Any) -> DataTable:  # type: ignore[type-arg]
    """Open Browse over the study app and return its table."""
    await pilot.pause()
    app.push_screen(BrowseScreen())
    await pilot.pause()
    return app.screen.query_one(DataTable)


def test_query_splits_filters_from_free_text() -> None:
    assert parse_query("cheng shi deck:demo state:new level:3 flag:1") == Query(
        "cheng shi", "demo", "new", 3, 1
    )
    assert parse_query("城市") == Query("城市")
    assert parse_query("note:thing") == Query("note:thing")  # not a filter: searched as text
    with pytest.raises(ValueError, match="state must be"):
        parse_query("state:sleeping")
    with pytest.raises(ValueError, match="level must be a number"):
        parse_query("level:x")


def test_card_screen_suspends_marks_known_flags_and_edits_english(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)
    (card_id, note_id) = rows(db_path, "SELECT id, note_id FROM cards ORDER BY id LIMIT 1")[0]

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.push_screen(CardScreen(card_id))
            await pilot.pause()
            assert "协同发展" in text_of(app, "#card-details")
            await pilot.press("s", "f", "f")
            assert rows(db_path, "SELECT suspended, flag FROM cards WHERE id = ?", (card_id,)) == [
                (1, 2)
            ]
            await pilot.press("k")
            known = rows(db_path, "SELECT known FROM cards WHERE note_id = ?", (note_id,))
            assert known == [(1,), (1,)]  # both cards of the note leave study
            await pilot.press("e")
            box = app.screen.query_one("#card-english", Input)
            assert box.has_focus and box.value == "coordinated development"
            box.value = "coordinated regional development"
            await pilot.press("enter")
            english = rows(db_path, "SELECT english FROM notes WHERE id = ?", (note_id,))
            assert english == [("coordinated regional development",)]
            assert "coordinated regional development" in text_of(app, "#card-details")
            await pilot.press("escape")
            assert not isinstance(app.screen, CardScreen)

    asyncio.run(scenario())
    store.close()


def test_browse_finds_cards_by_hanzi_pinyin_and_english(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.browse("demo")
            await pilot.pause()
            assert isinstance(app.screen, BrowseScreen)
            box = app.screen.query_one(Input)
            table = app.screen.query_one(DataTable)
            for query in ("城市", "cheng shi", "chéng shì", "city"):
                box.value = f"deck:demo {query}"
                await pilot.pause()
                assert {c.hanzi for c in app.screen.cards} == {"城市"}, query
                assert table.row_count == 2  # recognition and recall
            await pilot.press("tab", "enter")
            assert isinstance(app.screen, CardScreen)

    asyncio.run(scenario())
    store.close()


def test_browse_shows_which_card_and_its_state_at_80_columns_and_one_esc_leaves(
    db_path: Path,
) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store, deck=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.push_screen(BrowseScreen())
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            shown = [c.label.plain for c in table.ordered_columns]
            assert shown[:5] == ["Hanzi", "Card", "State", "Due", "Flag"]
            widths = sum(c.get_render_width(table) for c in table.ordered_columns[:5])
            assert widths <= 80  # Card, State, Due and Flag are on screen, English after them
            await pilot.press("enter")  # open the first card from the search box
            assert isinstance(app.screen, CardScreen)
            await pilot.press("escape")
            assert isinstance(app.screen, BrowseScreen)
            await pilot.press("escape")  # one Esc leaves Browse
            assert not isinstance(app.screen, BrowseScreen)

    asyncio.run(scenario())
    store.close()


def test_the_card_screen_folds_a_long_chinese_example_instead_of_cutting_it() -> None:
    import io

    from rich.console import Console

    from tutor.model import Entry, Example
    from tutor.tui.screens import card as card_screen

    long_zh = "政府工作报告——2024年1月21日在北京市第十六届人民代表大会第二次会议上北京市市长殷勇"
    entry = Entry(
        "政府", "政府", "zhèng fǔ", "government", examples=(Example(long_zh, "The report."),)
    )
    text = card_screen.example_text(entry.examples[0])
    out = io.StringIO()
    Console(width=40, file=out).print(text)
    assert "…" not in out.getvalue() and "".join(out.getvalue().split()).startswith(long_zh)


def test_a_word_on_the_known_list_shows_known_and_is_found_by_state_known(
    db_path: Path,
) -> None:
    store = open_store(db_path)
    fill(store)
    store.add_known(["城市"], "hand")

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.browse("demo")
            await pilot.pause()
            box = app.screen.query_one(Input)
            box.value = "state:known"
            await pilot.pause()
            assert {c.hanzi for c in app.screen.cards} == {"城市"}
            table = app.screen.query_one(DataTable)
            assert {str(table.get_row_at(i)[2]) for i in range(table.row_count)} == {"known"}

    asyncio.run(scenario())
    store.close()


def _typed_at_once(app, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Send ``keys`` the way a fast typist or a paste does: all queued before any is handled
    (Pilot's ``press`` waits for the app to go idle after each key, hiding the race)."""
    from textual import events

    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


def test_enter_right_after_typing_opens_the_card_the_search_selects(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)
    seen(store, db_path)  # every card reviewed once: none is new
    new_id = fill(store, "other", [ENTRIES[2]])
    (new_card,) = rows(
        db_path, "SELECT id FROM cards WHERE deck_id = ? ORDER BY id LIMIT 1", (new_id,)
    )

    async def scenario() -> None:
        app = study_app(store, deck=None)
        async with app.run_test(size=SIZE) as pilot:
            table = await _browse(app, pilot)
            first = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            assert first != str(new_card[0])  # the unfiltered list starts with a seen card
            await pilot.press("slash")
            _typed_at_once(app, *"state:new", "enter")
            await pilot.pause()
            assert isinstance(app.screen, CardScreen)
            assert app.screen.card.state == "new"
            assert app.screen.card_id in {c.card_id for c in store.search("", state="new")}
            await pilot.press("escape")
            assert isinstance(app.screen, BrowseScreen)
            assert app.screen.query_one(Input).value == "state:new"
            assert {str(table.get_row_at(i)[2]) for i in range(table.row_count)} == {"new"}

    asyncio.run(scenario())
    store.close()


def test_enter_right_after_a_cursor_move_opens_the_row_moved_to(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store, deck=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.push_screen(BrowseScreen())
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            table.focus()
            await pilot.pause()
            second = table.coordinate_to_cell_key((1, 0)).row_key.value
            _typed_at_once(app, "down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, CardScreen)
            assert str(app.screen.card_id) == second

    asyncio.run(scenario())
    store.close()


def test_browse_shows_an_english_with_brackets_as_written(db_path: Path) -> None:
    """A str cell of Textual's table is read as Rich markup: an English the learner typed
    with "[/b]" in it made Browse fail. It is shown as written."""
    from tutor.model import Entry

    store = open_store(db_path)
    fill(store, entries=[Entry("城市", "城市", "chéng shì", "city [/b] town", senses=("city",))])

    async def scenario() -> None:
        app = study_app(store, deck=None)
        async with app.run_test(size=SIZE) as pilot:
            table = await _browse(app, pilot)
            cells = [str(table.get_row_at(n)[-1]) for n in range(table.row_count)]
            assert "city [/b] town" in cells

    asyncio.run(scenario())
    store.close()
