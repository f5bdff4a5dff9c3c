"""Progress into Anki, through the real ``anki`` library: after a month of study in tutor, an
exported deck imported with "Import any learning progress" shows every card as tutor has it
(state, due day, interval, reps, lapses, FSRS memory, flag, suspension) and the same review
count; with Anki's default options the cards arrive new and the history stays behind."""

from __future__ import annotations

import gc
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("anki")

from anki.collection import Collection

from tests.functional.anki_support import import_package
from tests.functional.mine_support import run
from tests.store_support import add_words
from tutor.export import note_guid
from tutor.srs import DeckSettings, Rating
from tutor.srs.day import day_start
from tutor.store import Store

DECK = "d"
QUEUES = {"new": 0, "learning": 1, "review": 2, "relearning": 1}


@pytest.fixture
def studied(db_path: Path) -> Iterator[datetime]:
    """A month of study, ending now: cards in every state, one suspended, flagged, known."""
    now = datetime.now(UTC).replace(microsecond=0)
    rng = random.Random(5)
    with Store.open(db_path) as store:
        deck = add_words(store, 60, now - timedelta(days=31), name=DECK)
        for day in range(30, -1, -1):
            moment = now - timedelta(days=day, minutes=30)
            for _ in range(8):
                card = store.next_card(deck, moment)
                if card is None:
                    break
                rating = Rating.Again if rng.random() < 0.2 else Rating.Good
                store.record_review(card.card_id, rating, moment, 4000)
                moment += timedelta(minutes=1)
        fresh = store.db.execute("SELECT max(id) FROM cards WHERE state = 'new'").fetchone()[0]
        store.record_review(fresh, Rating.Good, now - timedelta(minutes=2), 3000)  # learning
        ids = [r[0] for r in store.db.execute("SELECT id FROM cards ORDER BY id")]
        store.suspend(ids[0])
        store.set_flag(ids[1], 2)
        note = store.db.execute("SELECT note_id FROM cards WHERE id = ?", [ids[2]]).fetchone()[0]
        store.mark_known(note)
    yield now


def _import(tmp_path: Path, package: Path, with_scheduling: bool) -> Collection:
    (tmp_path / "anki").mkdir(exist_ok=True)
    col = Collection(str(tmp_path / "anki" / f"c{int(with_scheduling)}.anki2"))
    import_package(col, package, with_scheduling=with_scheduling)
    return col


def _anki_card(col: Collection, hanzi: str, template: str) -> Any:
    # guids use characters Anki's search syntax treats specially: look them up directly
    nid = col.db.scalar("SELECT id FROM notes WHERE guid = ?", note_guid(hanzi, DECK))
    note = col.get_note(nid)
    ord_ = 0 if template == "recognition" else 1
    return next(card for card in note.cards() if card.ord == ord_), note


def _tutor_cards(db: Path) -> list[dict[str, Any]]:
    with Store.open(db) as store:
        return [
            {"hanzi": c.hanzi, "template": c.template, "state": c.state, "suspended": c.suspended,
             "flag": c.flag, "known": c.known}
            for c in store.card_progress(store.deck_id(DECK))
        ]  # fmt: skip


def test_progress_arrives_in_anki_with_import_any_learning_progress(
    studied: datetime, db_path: Path, tmp_path: Path
) -> None:
    package = tmp_path / "d.apkg"
    result = run("export", "--anki", str(package))
    assert result.exit_code == 0, result.output
    assert gc.isenabled()  # paused while the package was built, running again after
    col = _import(tmp_path, package, with_scheduling=True)
    settings = DeckSettings()  # the store's defaults: this machine's clock, rollover at 4
    today = day_start(datetime.now(UTC), settings)
    cards = _tutor_cards(db_path)
    phases = {c["state"].phase for c in cards}
    assert {"new", "learning", "review", "relearning"} <= phases, phases  # every state reached
    for c in cards:
        anki, note = _anki_card(col, c["hanzi"], c["template"])
        state = c["state"]
        assert (anki.reps, anki.lapses, anki.flags) == (state.reps, state.lapses, c["flag"])
        assert anki.type == {"new": 0, "learning": 1, "review": 2, "relearning": 3}[state.phase]
        if c["suspended"] or c["known"]:
            assert anki.queue == -1
        elif state.phase == "review":
            days = (day_start(state.due, settings) - today).days
            assert (anki.queue, anki.due - col.sched.today) == (2, days)
            interval = (state.due - state.last_review).total_seconds() / 86400
            assert anki.ivl == max(1, round(interval))
        elif state.phase != "new":
            assert anki.queue in (1, 3)
        if state.stability is not None:
            assert anki.memory_state.stability == pytest.approx(state.stability, abs=1e-3)
            assert anki.memory_state.difficulty == pytest.approx(state.difficulty, abs=1e-3)
        assert ("tutor::known" in note.tags) == any(
            o["known"] for o in cards if o["hanzi"] == c["hanzi"]
        )
    with Store.open(db_path) as store:
        standing = store.db.execute("SELECT count(*) FROM reviews WHERE undone = 0").fetchone()[0]
    assert col.db.scalar("SELECT count() FROM revlog") == standing > 50
    col.close()


def test_default_import_options_bring_the_words_but_not_the_progress(
    studied: datetime, tmp_path: Path
) -> None:
    package = tmp_path / "d.apkg"
    assert run("export", "--anki", str(package)).exit_code == 0
    col = _import(tmp_path, package, with_scheduling=False)
    queues = {col.get_card(cid).queue for cid in col.find_cards("")}
    assert queues == {0} and col.db.scalar("SELECT count() FROM revlog") == 0
    col.close()


def test_without_progress_every_card_is_new_even_when_anki_keeps_progress(
    studied: datetime, tmp_path: Path
) -> None:
    package = tmp_path / "d.apkg"
    result = run("export", "--anki", str(package), "--without-progress")
    assert result.exit_code == 0 and "reviews" not in result.output
    col = _import(tmp_path, package, with_scheduling=True)
    assert {col.get_card(cid).type for cid in col.find_cards("")} == {0}
    assert col.db.scalar("SELECT count() FROM revlog") == 0
    col.close()
