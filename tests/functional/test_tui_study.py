"""The study screen driven with Pilot: reveal, grade, undo, quit, and the "all done" state."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

from textual.widgets import Input

from tests.functional.tui_support import (
    NOW,
    SIZE,
    fill,
    footer,
    open_store,
    rows,
    study_app,
    text_of,
)
from tutor.tui.format import format_interval
from tutor.tui.screens.card import CardScreen
from tutor.tui.screens.study import StudyScreen
from tutor.tui.widgets.card import CardFace
from tutor.tui.widgets.grades import GradeBar


def test_reveal_grade_undo_and_grade_again_are_saved(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)
    seen_rows_when_shown: list[int] = []
    fetch = store.next_card

    def next_card_spy(deck_id: int, now, after=None):  # type: ignore[no-untyped-def]
        seen_rows_when_shown.append(rows(db_path, "SELECT count(*) FROM reviews")[0][0])
        return fetch(deck_id, now, after)

    store.next_card = next_card_spy  # type: ignore[method-assign]

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen)
            face = app.screen.query_one(CardFace)
            assert "协 同 发 展" in text_of(app, "#prompt")
            assert not face.revealed
            assert not app.screen.query_one("#pinyin").region.area  # answer hidden

            await pilot.press("space")
            assert face.revealed
            assert text_of(app, "#pinyin") == "xié tóng fā zhǎn"
            assert "coordinated development" in text_of(app, "#english")
            assert "to develop in coordination" in text_of(app, "#senses")
            assert "协同发展" in text_of(app, "#example-zh")
            assert "Beijing, Tianjin and Hebei" in text_of(app, "#example-en")
            first = app.screen.session.current
            assert first is not None

            await pilot.press("3")
            graded = rows(db_path, "SELECT card_id, rating, undone, quiz FROM reviews")
            assert graded == [(first.card_id, 3, 0, "recognition")]
            state = rows(db_path, "SELECT state FROM cards WHERE id = ?", (first.card_id,))
            assert state == [("learning",)]
            assert app.screen.session.current.card_id != first.card_id
            assert not face.revealed  # the next card starts hidden
            assert "reviewed 1" in text_of(app, "#progress")

            await pilot.press("u")
            assert app.screen.session.current.card_id == first.card_id  # it comes back
            assert rows(db_path, "SELECT undone FROM reviews") == [(1,)]
            state = rows(db_path, "SELECT state, reps FROM cards WHERE id = ?", (first.card_id,))
            assert state == [("new", 0)]
            assert "reviewed 0" in text_of(app, "#progress")

            await pilot.press("space", "1")
            graded = rows(db_path, "SELECT card_id, rating, undone FROM reviews ORDER BY id")
            assert graded == [(first.card_id, 3, 1), (first.card_id, 1, 0)]
            state = rows(db_path, "SELECT state, reps FROM cards WHERE id = ?", (first.card_id,))
            assert state == [("learning", 1)]

    asyncio.run(scenario())
    # every card shown after a grade was fetched only once that grade's row was in the file
    assert seen_rows_when_shown[:2] == [0, 1]
    store.close()


def test_undo_reaches_back_several_grades_but_not_before_the_session(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            shown = []
            for _ in range(3):
                shown.append(app.screen.session.current.card_id)
                await pilot.press("space", "4")
            for expected in reversed(shown):
                await pilot.press("u")
                assert app.screen.session.current.card_id == expected
            await pilot.press("u")  # nothing left from this session: nothing changes
            assert app.screen.session.current.card_id == shown[0]
            assert rows(db_path, "SELECT count(*) FROM reviews WHERE undone = 0") == [(0,)]

    asyncio.run(scenario())
    store.close()


def test_grade_keys_show_the_interval_each_would_give(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            card = app.screen.session.current
            preview = store.preview(card.card_id, NOW)
            bar = app.screen.query_one(GradeBar)
            labels = {r: bar.label(r) for r in (1, 2, 3, 4)}
            assert labels[1].endswith("Again · 1m")  # learning steps 1m 10m
            assert labels[3].endswith("Good · 10m")
            for rating, delta in preview.items():
                assert labels[int(rating)].endswith(format_interval(delta))
            assert "d" in labels[4]  # Easy graduates a new card to days

    asyncio.run(scenario())
    store.close()


def test_grading_before_reveal_only_reveals(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("3")
            assert app.screen.query_one(CardFace).revealed
            assert rows(db_path, "SELECT count(*) FROM reviews") == [(0,)]

    asyncio.run(scenario())
    store.close()


def test_screen_names_database_and_deck_and_q_quits(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            where = text_of(app, "#where")
            assert str(db_path) in where and "demo" in where
            # two cards per note, one of them a day: the sibling waits for tomorrow
            assert "remaining 3: new 3" in text_of(app, "#progress")
            await pilot.press("space", "3", "q")
            await pilot.pause()
            assert not app.is_running
        assert rows(db_path, "SELECT count(*) FROM reviews") == [(1,)]

    asyncio.run(scenario())
    store.close()


def test_nothing_due_shows_all_done_and_nothing_scheduled(db_path: Path) -> None:
    store = open_store(db_path)
    deck = fill(store)
    store.update_settings(deck, new_per_day=0)
    store.close()
    store = open_store(db_path)

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.screen.session.current is None
            assert not app.screen.query_one(CardFace).display
            done = text_of(app, "#done")
            assert "All done for today" in done
            # no review scheduled, and with no new cards a day none unlocks at 04:00 either
            assert "Nothing is scheduled." in done and "unlock" not in done
            offered = set(footer(app).values())
            assert not offered & {"Reveal", "Hint", "Answer", "Say it", "Choose"}
            assert {"Undo", "Help", "Decks", "Quit"} <= offered
            await pilot.press("space", "3", "u")  # harmless with no card
            assert rows(db_path, "SELECT count(*) FROM reviews") == [(0,)]

    asyncio.run(scenario())
    store.close()


def test_a_lapse_that_makes_a_leech_says_so(db_path: Path) -> None:
    store = open_store(db_path)
    deck = fill(store)
    store.update_settings(deck, leech_threshold=1, new_per_day=0)
    for (card_id,) in rows(db_path, "SELECT id FROM cards ORDER BY id"):  # all in review, due
        store.record_review(card_id, 4, NOW - timedelta(days=60), 1000, quiz="seen")

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            first = app.screen.session.current
            assert first is not None and first.state == "review"
            await pilot.press("space", "1")
            await pilot.pause()
            suspended = rows(db_path, "SELECT suspended FROM cards WHERE id = ?", (first.card_id,))
            assert suspended == [(1,)]
            messages = [n.message for n in app._notifications]
            assert any(first.hanzi in m and "leech" in m for m in messages), messages

    asyncio.run(scenario())
    store.close()


def test_e_opens_the_card_to_edit_its_english_or_suspend_it(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            first = app.screen.session.current
            await pilot.press("space", "e")
            assert isinstance(app.screen, CardScreen)
            await pilot.press("e")
            app.screen.query_one("#card-english", Input).value = "working together"
            await pilot.press("enter", "escape")
            assert isinstance(app.screen, StudyScreen)
            assert app.screen.session.current.card_id == first.card_id  # still this card
            assert app.screen.revealed and text_of(app, "#english").endswith("working together")
            edited = rows(
                db_path, "SELECT english_edited FROM notes WHERE id = ?", (first.note_id,)
            )
            assert edited == [(1,)]

            await pilot.press("e", "s", "escape")  # suspend it: the next card comes up
            assert app.screen.session.current.card_id != first.card_id
            suspended = rows(db_path, "SELECT suspended FROM cards WHERE id = ?", (first.card_id,))
            assert suspended == [(1,)]

    asyncio.run(scenario())
    store.close()


def test_measure_words_stand_apart_from_the_dictionary_senses_as_in_the_export(
    db_path: Path,
) -> None:
    """CHANGELOG: the Anki Senses field no longer ends with "measure word 座 (zuò)"; the
    measure words are the Classifier field. The card face and the card screen do the same."""
    from tutor.export.fields import note_fields
    from tutor.export.style import FIELDS
    from tutor.model import Entry

    city = Entry(
        "城市", "城市", "chéng shì", "city", senses=("city", "town", "measure word 座 (zuò)")
    )
    store = open_store(db_path)
    fill(store, entries=[city])
    exported = dict(zip(FIELDS, note_fields(city, "demo"), strict=True))

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("space")
            dictionary, measures = text_of(app, "#senses").splitlines()
            assert dictionary == "Dictionary: city / town"
            assert "measure word" not in exported["Senses"] and "measure" not in dictionary
            assert measures == "Measure word: 座 (zuò)"
            assert exported["Classifier"] == "座 (zuò)"
            await pilot.press("e")
            assert isinstance(app.screen, CardScreen)
            details = {
                line.split(maxsplit=1)[0]: line.split()[1:]
                for line in text_of(app, "#card-details").splitlines()
                if line.strip()
            }
            assert details["senses"] == ["city", "/", "town"]
            assert details["measure"] == ["word", "座", "(zuò)"]

    asyncio.run(scenario())
    store.close()


def test_the_done_screen_and_the_home_screen_say_the_same_about_what_comes_next(
    db_path: Path,
) -> None:
    """Once today's new cards are used up, the next review (a card's own due time) and the
    new cards unlocking at the next study day (04:00 UTC here) are told apart, and the
    "all done" message says what the home screen says."""
    from tutor.tui.format import format_until
    from tutor.tui.screens.home import HomeScreen

    store = open_store(db_path)
    deck = fill(store)
    store.update_settings(deck, new_per_day=1)
    (first,) = rows(db_path, "SELECT id FROM cards ORDER BY id LIMIT 1")[0]
    store.record_review(first, 4, NOW - timedelta(hours=1), 1000, quiz="seen")  # today's 1 new
    (due,) = rows(db_path, "SELECT due FROM cards WHERE id = ?", (first,))[0]
    review = format_until(datetime.fromisoformat(due), NOW)
    expected = f"next review due {review}; 1 new card unlocks in 19h (2024-05-02 04:00 UTC)"

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.screen.session.current is None
            done = text_of(app, "#done")
            assert f"{expected[0].upper()}{expected[1:]}." in " ".join(done.split())
            await pilot.press("h")
            assert isinstance(app.screen, HomeScreen)
            assert expected in text_of(app, "#home-progress")

    asyncio.run(scenario())
    store.close()


def test_a_self_graded_card_offers_no_hint(db_path: Path) -> None:
    """ctrl+t did nothing on a recognition card (it has no hint): it is not offered there."""
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.screen.session.prompt.self_graded
            assert "Hint" not in footer(app).values()
            assert {"Reveal", "Answer", "Say it"} <= set(footer(app).values())
            await pilot.press("ctrl+t")
            assert not app.screen.hinted

    asyncio.run(scenario())
    store.close()


def test_the_card_screen_shows_brackets_as_written_and_references_readably(
    db_path: Path,
) -> None:
    """Square brackets in an English the learner typed are text, not Rich markup (a closing
    tag like "[/b]" made the card screen fail), and a CC-CEDICT cross-reference reads as the
    card face shows it."""
    from tutor.model import Entry

    city = Entry(
        "北京市",
        "北京市",
        "Běi jīng Shì",
        "Beijing [/b] city",
        senses=("Beijing", "one of the four municipalities 直轄市|直辖市[zhi2 xia2 shi4]"),
    )
    store = open_store(db_path)
    fill(store, entries=[city])

    async def scenario() -> None:
        app = study_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("space")
            await pilot.press("e")
            assert isinstance(app.screen, CardScreen)
            details = text_of(app, "#card-details")
            assert "Beijing [/b] city" in details
            assert "直辖市 (zhí xiá shì)" in details and "|" not in details

    asyncio.run(scenario())
    store.close()
