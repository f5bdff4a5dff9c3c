"""Edits made in Anki survive re-exports, through the real ``anki`` library and Anki's default
import options: a note is dated by when tutor last changed it, the note type by its style, so
an export that changed nothing updates nothing, a learner's edit to a note or to the CSS stays,
and a later change in tutor still arrives."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("anki")

from anki.collection import Collection

from tests.functional.anki_support import import_package
from tests.functional.mine_support import run
from tests.functional.tui_support import fill, open_store
from tutor.export import note_guid, style


@pytest.fixture(autouse=True)
def _demo_deck(db_path: Path) -> None:
    with open_store(db_path) as store:
        fill(store)


def _export_and_import(col: Collection, tmp_path: Path) -> object:
    package = tmp_path / "demo.apkg"
    assert run("export", "--anki", str(package)).exit_code == 0
    return import_package(col, package)  # what a click on Import does


def _note(col: Collection, hanzi: str) -> object:
    nid = col.db.scalar("SELECT id FROM notes WHERE guid = ?", note_guid(hanzi, "demo"))
    return col.get_note(nid)


def test_an_export_that_changed_nothing_updates_nothing(col: Collection, tmp_path: Path) -> None:
    assert len(_export_and_import(col, tmp_path).new) == 3  # type: ignore[attr-defined]
    again = _export_and_import(col, tmp_path)
    assert (len(again.new), len(again.updated), len(again.duplicate)) == (0, 0, 3)  # type: ignore[attr-defined]


def test_an_edit_in_anki_stays_until_tutor_changes_the_note(
    col: Collection, tmp_path: Path, db_path: Path
) -> None:
    _export_and_import(col, tmp_path)
    note = _note(col, "城市")
    note["English"] = "my own words"  # type: ignore[index]
    note.tags.append("mine")  # type: ignore[attr-defined]
    col.update_note(note)  # type: ignore[arg-type]
    _export_and_import(col, tmp_path)
    kept = _note(col, "城市")
    assert kept["English"] == "my own words" and "mine" in kept.tags  # type: ignore[index, attr-defined]
    with open_store(db_path) as store:  # later, the learner edits the same note in tutor
        (note_id,) = store.db.execute("SELECT id FROM notes WHERE hanzi = '城市'").fetchone()
        store.edit_english(note_id, "town", datetime.now(UTC) + timedelta(seconds=2))
    log = _export_and_import(col, tmp_path)
    assert len(log.updated) == 1  # type: ignore[attr-defined]
    assert _note(col, "城市")["English"] == "town"  # type: ignore[index]


def test_the_learners_css_stays_until_tutor_changes_the_style(
    col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _export_and_import(col, tmp_path)
    (model,) = [m for m in col.models.all() if m["name"].startswith("tutor")]
    model["css"] += "\n.card { font-size: 40px; }"
    col.models.update_dict(model)
    _export_and_import(col, tmp_path)
    col.models._clear_cache()
    (model,) = [m for m in col.models.all() if m["name"].startswith("tutor")]
    assert "font-size: 40px" in model["css"]
    import tutor.export.apkg as apkg

    monkeypatch.setattr(apkg, "STYLE_CHANGED", datetime.now(UTC) + timedelta(seconds=2))
    _export_and_import(col, tmp_path)
    col.models._clear_cache()
    (model,) = [m for m in col.models.all() if m["name"].startswith("tutor")]
    assert "font-size: 40px" not in model["css"] and model["css"] == style.CSS


def test_the_style_date_moves_with_every_change_to_the_templates_or_css() -> None:
    """A change to the CSS or templates without moving STYLE_CHANGED would never reach Anki."""
    text = style.CSS + json.dumps(style.TEMPLATES, sort_keys=True)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    assert digest == style.STYLE_DIGEST, (
        f"the templates or CSS changed: move style.STYLE_CHANGED to now and set "
        f"style.STYLE_DIGEST = {digest!r}"
    )


def test_a_deck_renamed_in_anki_gets_the_new_words_under_its_new_name(
    col: Collection, tmp_path: Path, db_path: Path
) -> None:
    from tutor.model import Entry

    _export_and_import(col, tmp_path)
    deck = col.decks.by_name("demo")
    assert deck is not None
    deck["name"] = "My Chinese"
    col.decks.save(deck)
    with open_store(db_path) as store:  # a new word mined into the tutor deck
        store.upsert_entries(store.deck_id("demo"), [Entry("熊猫", "熊貓", "xióng māo", "panda")])
    package = tmp_path / "demo.apkg"
    assert run("export", "--anki", str(package), "--anki-deck", "My Chinese").exit_code == 0
    import_package(col, package)
    names = {d.name for d in col.decks.all_names_and_ids()}
    assert "demo" not in names  # not recreated beside the renamed one
    assert len(col.find_cards('"deck:My Chinese"')) == 8  # 3 notes x 2 cards, and the new one
