"""Undo in one study session never reaches another window's grades."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.store_support import add_words
from tutor.srs import DeckSettings
from tutor.store import Store
from tutor.tui.session import StudySession

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
UTC_DAYS = DeckSettings(day_offset_minutes=0, rollover_hour=4)


def test_each_window_undoes_its_own_grades(db_path: Path) -> None:
    with Store.open(db_path, defaults=UTC_DAYS) as setup:
        add_words(setup, 6, NOW)
    with (
        Store.open(db_path, defaults=UTC_DAYS) as one,
        Store.open(db_path, defaults=UTC_DAYS) as two,
    ):
        a, b = StudySession(one, "d", lambda: NOW), StudySession(two, "d", lambda: NOW)
        mine = a.advance()
        assert mine is not None
        a.grade(3)
        theirs = b.advance()
        assert theirs is not None and theirs.card_id != mine.card_id
        b.grade(3)
        back = a.undo()  # the other window's grade is later, but it is not this window's
        assert back is not None and back.card_id == mine.card_id
        assert one.card(theirs.card_id).state == "learning"  # theirs stands
        assert not a.can_undo and b.can_undo
        assert one.check().ok
