"""`p` on the study screen says the word, `P` its sentence, in a worker, once revealed; with no
audio output, a quiet notice instead of an error; the reveal shows the tones as said."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import tutor.audio.player as player
import tutor.audio.speech as speech
from tests.functional.tui_support import SIZE, fill, open_store, study_app


def _run(db_path: Path, keys: list[str]) -> tuple[object, list[str]]:
    store = open_store(db_path)
    fill(store)
    app = study_app(store)
    notices: list[str] = []
    notify = app.notify

    def record(message: str, *args: object, **kwargs: object) -> None:
        notices.append(message)  # as posted: a notice expires while a slow voice speaks
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = record  # type: ignore[method-assign]

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(scenario())
    store.close()
    return app, notices


@pytest.fixture
def fresh_speech(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache of this test's own, and a speech object made anew for it."""
    monkeypatch.setenv("TUTOR_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(speech, "_SHARED", [])


@pytest.fixture
def played(fresh_speech: None, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    heard: list[Path] = []

    def fake_play(path: Path) -> bool:  # the sound device of a test machine: record it
        heard.append(path)
        return True

    monkeypatch.setattr(player, "play", fake_play)
    return heard


def test_p_says_the_word_and_shift_p_the_sentence_once_revealed(
    db_path: Path, played: list[Path]
) -> None:
    _, notices = _run(db_path, ["p", "space", "p", "P"])
    assert any("Reveal the card first" in n for n in notices)
    assert len(played) == 2 and all(p.exists() and p.suffix == ".wav" for p in played)
    assert played[0] != played[1]  # the word, then the sentence
    assert played[0] == speech.shared_speech().path_for("xie2 tong2 fa1 zhan3")


@pytest.mark.usefixtures("fresh_speech")
def test_no_audio_output_is_a_notice_not_an_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(player, "play", lambda path: False)
    app, notices = _run(db_path, ["space", "p"])
    assert app.failure is None  # type: ignore[attr-defined]
    assert any("No audio output" in n for n in notices)


def test_a_revealed_card_shows_the_tones_as_said_where_they_change(db_path: Path) -> None:
    from tests.functional.tui_support import text_of
    from tutor.model import Entry

    store = open_store(db_path)
    fill(store, entries=[Entry("你好", "你好", "nǐ hǎo", "hello", position=0)])
    app = study_app(store)

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("space")
            assert "said ní hǎo" in text_of(app, "#pinyin")

    asyncio.run(scenario())
    store.close()


def test_autoplay_says_each_word_as_it_is_revealed(db_path: Path, played: list[Path]) -> None:
    store = open_store(db_path)
    deck = fill(store)
    store.update_settings(deck, autoplay="on")
    app = study_app(store)

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("space")
            await app.workers.wait_for_complete()
            await pilot.press("3", "space")
            await app.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(scenario())
    assert len(played) == 2 and played[0] != played[1]  # two cards, two words
    store.close()
