"""Auto-graded quizzes in the study screen: typed pinyin, multiple choice and cloze.

Each answer is checked by ``tutor.quiz``, the suggested grade is highlighted, and the learner
either accepts it (enter) or overrides it (1-4) before anything is written.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input

from tests.functional.tui_support import (
    ENTRIES,
    SIZE,
    fill,
    footer,
    open_store,
    rows,
    seen,
    study_app,
    text_of,
)
from tutor.model import Entry, Example
from tutor.tui.widgets.card import CardFace
from tutor.tui.widgets.grades import GradeBar

MORE = [
    Entry(
        "经济",
        "經濟",
        "jīng jì",
        "economy",
        ("economy", "economic"),
        position=3,
        examples=(Example("经济稳中向好。", "The economy stayed stable."),),
    ),
    Entry(
        "改革",
        "改革",
        "gǎi gé",
        "reform",
        ("reform",),
        position=4,
        examples=(Example("深化改革。", "We deepened reform."),),
    ),
    Entry(
        "开放",
        "開放",
        "kāi fàng",
        "opening up",
        ("to open up",),
        position=5,
        examples=(Example("扩大开放。", "We expanded opening up."),),
    ),
]


def _suggested(app) -> list[int]:  # type: ignore[no-untyped-def]
    bar = app.screen.query_one(GradeBar)
    return [r for r in (1, 2, 3, 4) if bar.query_one(f"#grade-{r}").has_class("suggested")]


def test_typed_pinyin_reports_a_tone_slip_and_the_learner_overrides_it(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)
    seen(store, db_path)

    async def scenario() -> None:
        app = study_app(store, kinds=("pinyin", "recall"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            assert screen.session.prompt.kind == "pinyin"
            assert "协 同 发 展" in text_of(app, "#prompt")
            box = screen.query_one("#answer-input", Input)
            assert box.has_focus
            await pilot.press(*"xie2 tong1 fa1 zhan3", "enter")
            feedback = text_of(app, "#feedback")
            assert "wrong tone" in feedback
            assert "tōng" in feedback and "tóng" in feedback  # typed vs expected, per syllable
            assert screen.query_one(CardFace).revealed
            assert _suggested(app) == [1]  # a tone slip counts as wrong: Again
            assert rows(db_path, "SELECT count(*) FROM reviews WHERE quiz != 'seen'") == [
                (0,)
            ]  # not saved yet
            await pilot.press("2")  # the learner judges it a Hard pass instead
            assert rows(db_path, "SELECT rating, quiz FROM reviews WHERE quiz != 'seen'") == [
                (2, "pinyin")
            ]

    asyncio.run(scenario())
    store.close()


def test_typed_pinyin_right_answer_suggests_good_and_enter_accepts(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)
    seen(store, db_path)

    async def scenario() -> None:
        app = study_app(store, kinds=("pinyin", "recall"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press(*"xietong2fa1zhan3", "enter")  # tones missing on xie: wrong
            assert _suggested(app) == [1]
            await pilot.press("u")  # nothing graded yet: undo does nothing
            await pilot.press("enter")
            assert rows(db_path, "SELECT rating FROM reviews WHERE quiz != 'seen'") == [(1,)]
            await pilot.press("ctrl+z")  # u would type into the next card: ctrl+z undoes
            assert app.screen.session.prompt.kind == "pinyin"
            await pilot.press(*"xie2tong2fa1zhan3", "enter")
            assert "correct" in text_of(app, "#feedback")
            assert _suggested(app) == [3]
            await pilot.press("enter")
            got = rows(
                db_path, "SELECT rating, undone FROM reviews WHERE quiz != 'seen' ORDER BY id"
            )
            assert got == [(1, 1), (3, 0)]

    asyncio.run(scenario())
    store.close()


def test_hint_then_right_answer_suggests_hard(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)
    seen(store, db_path)

    async def scenario() -> None:
        app = study_app(store, kinds=("pinyin", "recall"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+t")
            assert "coordinated development" in text_of(app, "#hint")
            await pilot.press(*"xie2 tong2 fa1 zhan3", "enter")
            assert _suggested(app) == [2]

    asyncio.run(scenario())
    store.close()


def test_multiple_choice_with_letters_then_grade(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store, entries=ENTRIES + MORE)
    seen(store, db_path)

    async def scenario() -> None:
        app = study_app(store, kinds=("choice", "recall"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            prompt = app.screen.session.prompt
            assert prompt.kind == "choice" and len(prompt.options) == 4
            assert prompt.options[prompt.answer_index] == "coordinated development"
            shown = text_of(app, "#options")
            assert all(option in shown for option in prompt.options)
            wrong = next(i for i in range(4) if i != prompt.answer_index)
            await pilot.press("abcd"[wrong])
            assert "not quite" in text_of(app, "#feedback")
            assert _suggested(app) == [1]
            await pilot.press("abcd"[prompt.answer_index])  # answered already: ignored
            assert _suggested(app) == [1]
            await pilot.press("enter")
            assert rows(db_path, "SELECT rating, quiz FROM reviews WHERE quiz != 'seen'") == [
                (1, "choice")
            ]

    asyncio.run(scenario())
    store.close()


def test_cloze_typed_hanzi_and_cloze_by_choosing(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store, entries=ENTRIES + MORE)
    seen(store, db_path)
    # cloze is a recall-card quiz; take recognition cards out so recall cards come first
    for (card_id,) in rows(db_path, "SELECT id FROM cards WHERE template = 'recognition'"):
        store.suspend(card_id)

    async def scenario() -> None:
        app = study_app(store, kinds=("cloze", "recall"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.screen.session.prompt.kind == "cloze"
            prompt = app.screen.session.prompt
            front = text_of(app, "#prompt")
            assert "＿＿" in front and prompt.entry.hanzi not in front
            assert prompt.translation in front
            await pilot.press(*prompt.entry.hanzi, "enter")
            assert "correct" in text_of(app, "#feedback")
            await pilot.press("enter")
            assert rows(
                db_path,
                "SELECT rating, quiz FROM reviews WHERE quiz != 'seen' ORDER BY id DESC LIMIT 1",
            ) == [(3, "cloze")]
            prompt = app.screen.session.prompt
            assert prompt.kind == "cloze" and prompt.options
            await pilot.press("enter")  # nothing typed: choose instead
            assert text_of(app, "#options")
            await pilot.press("abcd"[prompt.answer_index])
            assert "correct" in text_of(app, "#feedback")

    asyncio.run(scenario())
    store.close()


def test_giving_up_shows_the_answer_without_a_suggestion(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)
    seen(store, db_path)

    async def scenario() -> None:
        app = study_app(store, kinds=("pinyin", "recall"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("escape", "escape")  # out of the answer box, then give up
            assert app.screen.query_one(CardFace).revealed
            assert _suggested(app) == []
            await pilot.press("enter")  # no suggestion to accept
            assert rows(db_path, "SELECT count(*) FROM reviews WHERE quiz != 'seen'") == [(0,)]
            await pilot.press("4")
            assert rows(db_path, "SELECT rating, quiz FROM reviews WHERE quiz != 'seen'") == [
                (4, "pinyin")
            ]

    asyncio.run(scenario())
    store.close()


def test_a_new_card_is_shown_self_graded_before_it_is_ever_quizzed(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)

    async def scenario() -> None:
        app = study_app(store, kinds=("pinyin", "choice", "cloze"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            prompt = app.screen.session.prompt
            assert prompt.self_graded
            assert prompt.kind in ("recognition", "recall")

    asyncio.run(scenario())


def test_esc_leaves_the_answer_box_without_showing_the_answer(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store)
    seen(store, db_path)

    async def scenario() -> None:
        app = study_app(store, kinds=("pinyin", "recall"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            box = app.screen.query_one("#answer-input", Input)
            assert box.has_focus and "xié tóng" not in box.placeholder  # no answer given away
            await pilot.press("h")  # a pinyin answer may start with h: it is typed
            assert box.value == "h"
            await pilot.press("escape")
            assert not box.has_focus and not app.screen.revealed
            await pilot.press("tab")  # back into the box, what was typed kept
            assert box.has_focus and box.value == "h"
            await pilot.press("escape", "escape")  # out of the box, then show the answer
            assert app.screen.revealed
            await pilot.press("h")  # now a command: the deck list
            await pilot.pause()
            assert type(app.screen).__name__ == "HomeScreen"

    asyncio.run(scenario())
    store.close()


def test_an_answered_choice_keeps_room_for_the_senses_at_80x24(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store, entries=ENTRIES + MORE)
    seen(store, db_path)

    async def scenario() -> None:
        app = study_app(store, kinds=("choice", "recall"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            prompt = app.screen.session.prompt
            await pilot.press("abcd"[prompt.answer_index])
            await pilot.pause()
            shown = text_of(app, "#options")
            assert prompt.options[prompt.answer_index] in shown
            others = [o for i, o in enumerate(prompt.options) if i != prompt.answer_index]
            assert not any(o in shown for o in others)  # only the right one, once answered
            senses = app.screen.query_one("#senses").region
            assert senses.area and senses.bottom <= 24

    asyncio.run(scenario())
    store.close()


def test_the_footer_lists_the_letters_while_options_are_offered(db_path: Path) -> None:
    store = open_store(db_path)
    fill(store, entries=ENTRIES + MORE)
    seen(store, db_path)

    async def scenario() -> None:
        app = study_app(store, kinds=("choice", "recall"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.screen.session.prompt.kind == "choice"
            assert footer(app)["a–d"] == "Choose" and "Hint" in footer(app).values()
            await pilot.press("a")  # answered: the letters do nothing more
            assert "a–d" not in footer(app) and "Hint" not in footer(app).values()

    asyncio.run(scenario())
    for (card_id,) in rows(db_path, "SELECT id FROM cards WHERE template = 'recognition'"):
        store.suspend(card_id)  # cloze is a recall-card quiz: recall cards first

    async def cloze() -> None:
        app = study_app(store, kinds=("cloze", "recall"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.screen.session.prompt.kind == "cloze"
            assert "a–d" not in footer(app)  # typing: the letters go into the box
            await pilot.press("enter")  # nothing typed: choose instead
            assert footer(app)["a–d"] == "Choose"

    asyncio.run(cloze())
    store.close()
