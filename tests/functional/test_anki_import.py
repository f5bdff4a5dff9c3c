"""Progress back from Anki, through the real ``anki`` library: reviews answered with Anki's own
scheduler come back with ``tutor import-anki``, once each, and the round trip made twice
(export, study in Anki, import, study in tutor, export, study in Anki, import) leaves one
history in progress.db with every review of both sides and every card as that history gives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("anki")

from anki.collection import Collection, ExportAnkiPackageOptions
from anki.scheduler_pb2 import CardAnswer

from tests.functional.anki_support import import_package
from tests.functional.mine_support import run
from tests.store_support import add_words
from tutor.srs import Rating
from tutor.store import Store

GOOD_AND_AGAIN = (CardAnswer.GOOD, CardAnswer.GOOD, CardAnswer.AGAIN)


def _to_anki(col: Collection, tmp_path: Path) -> None:
    package = tmp_path / "to-anki.apkg"
    assert run("export", "--anki", str(package)).exit_code == 0
    import_package(col, package, with_scheduling=True)  # "Import any learning progress"


def _study_in_anki(col: Collection, answers: int) -> int:
    """Answer ``answers`` cards with Anki's scheduler (Good, Good, Again, ...)."""
    deck = col.decks.by_name("d")
    assert deck is not None
    col.decks.select(deck["id"])  # study the tutor deck, as a click on it does
    done = 0
    for n in range(answers):
        queued = col.sched.get_queued_cards(fetch_limit=1)
        if not queued.cards:
            break
        top = queued.cards[0]
        card = col.get_card(top.card.id)
        card.start_timer()
        rating = GOOD_AND_AGAIN[n % len(GOOD_AND_AGAIN)]
        col.sched.answer_card(col.sched.build_answer(card=card, states=top.states, rating=rating))
        done += 1
    return done


def _from_anki(col: Collection, tmp_path: Path) -> str:
    package = tmp_path / "from-anki.apkg"
    options = ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=False, with_media=False, legacy=False
    )
    col.export_anki_package(out_path=str(package), options=options, limit=None)
    result = run("import-anki", str(package))
    assert result.exit_code == 0, result.output
    return result.output


def _standing(db: Path) -> list[tuple[int, str]]:
    with Store.open(db) as store:
        assert store.check().ok, store.check().problems  # every card as its history leaves it
        rows = store.db.execute(
            "SELECT card_id, reviewed_at FROM reviews WHERE undone = 0 ORDER BY reviewed_at"
        )
        return [(int(c), str(t)) for c, t in rows]


def test_reviews_made_in_anki_come_back_once_over_two_round_trips(
    col: Collection, db_path: Path, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    with Store.open(db_path) as store:
        deck = add_words(store, 10, now - timedelta(days=3), name="d")
        for day in (3, 2):  # a little progress in tutor first
            card = store.next_card(deck, now - timedelta(days=day))
            assert card is not None
            store.record_review(card.card_id, Rating.Good, now - timedelta(days=day), 2000)
    ours = len(_standing(db_path))

    _to_anki(col, tmp_path)
    first = _study_in_anki(col, 6)
    said = _from_anki(col, tmp_path)
    assert f"imported {first} reviews made in Anki" in said and f"{ours} were here" in said
    assert len(_standing(db_path)) == ours + first

    with Store.open(db_path) as store:  # back in the terminal, an hour later
        later = now + timedelta(hours=1)
        for _ in range(3):
            card = store.next_card(deck, later)
            assert card is not None
            store.record_review(card.card_id, Rating.Good, later, 2000)
            later += timedelta(minutes=1)
    _to_anki(col, tmp_path)  # Anki has these notes: it keeps its own scheduling of them
    second = _study_in_anki(col, 4)
    said = _from_anki(col, tmp_path)
    assert f"imported {second} reviews made in Anki" in said
    history = _standing(db_path)
    assert len(history) == ours + first + 3 + second
    assert len(set(history)) == len(history)  # not one review twice
    assert first == 6 and second == 4, (first, second)

    again = run("import-anki", str(tmp_path / "from-anki.apkg"))  # the same file again
    assert "imported 0 reviews" in again.output and len(_standing(db_path)) == len(history)


def test_a_file_that_is_not_an_anki_package_is_one_line(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        add_words(store, 2, name="d")
    bad = tmp_path / "notes.apkg"
    bad.write_text("not a zip", encoding="utf-8")
    result = run("import-anki", str(bad))
    assert result.exit_code == 2
    assert result.output.strip().startswith(f"tutor: error: {bad}: not an Anki package")
