"""Per-deck quiz kinds in DeckSettings: validation, the stored round trip, the quiz's names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.quiz import QUIZ_KINDS
from tutor.srs.settings import QUIZ_KIND_NAMES, DeckSettings
from tutor.store import Store


def test_kind_names_are_the_quiz_kinds() -> None:
    assert QUIZ_KIND_NAMES == QUIZ_KINDS
    assert DeckSettings().quiz_kinds == QUIZ_KINDS  # every kind on by default


@pytest.mark.parametrize("kinds", [(), ("typing",), ("pinyin", "pinyin")])
def test_bad_kinds_are_refused(kinds: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="quiz_kinds must be"):
        DeckSettings(quiz_kinds=kinds)


def test_kinds_round_trip_as_text() -> None:
    settings = DeckSettings(quiz_kinds=("pinyin", "cloze"))
    assert settings.to_strings()["quiz_kinds"] == "pinyin cloze"
    assert DeckSettings.from_strings({"quiz_kinds": "pinyin, cloze"}) == settings
    with pytest.raises(ValueError, match="quiz_kinds"):
        DeckSettings.from_strings({"quiz_kinds": "pinyin nonsense"})


def test_kinds_are_kept_per_deck(db_path: Path) -> None:
    with Store.open(db_path) as store:
        a, b = store.ensure_deck("a"), store.ensure_deck("b")
        store.update_settings(a, quiz_kinds=("choice",))
    with Store.open(db_path) as store:
        assert store.settings(a).quiz_kinds == ("choice",)
        assert store.settings(b).quiz_kinds == QUIZ_KINDS


def test_a_bad_number_says_which_setting_and_what_it_wants() -> None:
    with pytest.raises(ValueError) as err:
        DeckSettings.from_strings({"new_per_day": "X"})
    assert str(err.value) == "new_per_day = 'X': wanted a whole number"
    assert "invalid literal" not in str(err.value)


def test_the_study_day_follows_the_machine_clock_not_the_first_save(tmp_path: Path) -> None:
    from tutor.store import Store

    db = tmp_path / "p.db"
    with Store.open(db, defaults=DeckSettings(day_offset_minutes=0)) as utc:
        deck = utc.ensure_deck("d")
        utc.update_settings(deck, new_per_day=7)  # saved on a UTC machine
        other = utc.ensure_deck("e")
    with Store.open(db, defaults=DeckSettings(day_offset_minutes=480)) as shanghai:
        for deck_id in (deck, other):  # both decks roll over at the same local hour
            assert shanghai.settings(deck_id).day_offset_minutes == 480
        assert shanghai.settings(deck).new_per_day == 7
