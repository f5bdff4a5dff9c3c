"""The note type's three new fields (Audio, Frequency, Classifier) through the real ``anki``
library: what a collection holding the previous release's notes gets from a new export with
each of Anki's import choices, and the words' audio as media.

The previous release's export is made by today's export path with that release's note type
(``old_notetype``: its 13 fields, templates and dates, kept as data in tests/data). What Anki
does, and the reason for each outcome, is in ``tutor.export.schema``.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("anki")

from anki import import_export_pb2
from anki.collection import Collection, ImportAnkiPackageRequest
from click.testing import CliRunner

from tests.functional.mine_support import run
from tests.functional.old_notetype import OLD_FIELDS, old_notetype
from tutor.cli import cli
from tutor.export import MODEL_ID
from tutor.export.ids import MODEL_NAME
from tutor.export.style import FIELDS
from tutor.model import Entry
from tutor.srs import Rating
from tutor.store import Store

ALWAYS = import_export_pb2.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS
DECK = "d"
WORDS = 24
READINGS = ("zì", "yī", "èr", "sān")
NOTICE = (
    "note type gains fields Audio, Frequency, Classifier: import it into Anki once "
    "with 'Merge note types' ticked and 'Update notes: Always'"
)


def _entries() -> list[Entry]:
    """Words with a reading, a frequency and, for every other one, a measure word."""
    return [
        Entry(
            f"字{i}", "", READINGS[i % 4], f"w{i}", position=i, frequency=3.0 + i / 10,
            senses=(f"sense {i}", "measure word 个 (gè)") if i % 2 else (f"sense {i}",),
        )
        for i in range(WORDS)
    ]  # fmt: skip


@pytest.fixture
def studied(db_path: Path) -> Iterator[None]:
    """A deck of WORDS notes, a week old, with ten reviews."""
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=7)
    with Store.open(db_path) as store:
        deck = store.ensure_deck(DECK)
        store.upsert_entries(deck, _entries(), start)
        for n in range(10):
            card = store.next_card(deck, start + timedelta(minutes=n))
            assert card is not None
            store.record_review(card.card_id, Rating.Good, start + timedelta(minutes=n), 3000)
    yield


def _export(package: Path, *args: str) -> list[str]:
    result = run("export", "--anki", str(package), *args)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def _import(col: Collection, package: Path, **options: Any) -> dict[str, int]:
    """Import with the dialog's presets changed by ``options``; the log's counts."""
    request = col._backend.get_import_anki_package_presets()
    for name, value in options.items():
        setattr(request, name, value)
    log = col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(package), options=request)
    ).log
    return {k: len(getattr(log, k)) for k in ("new", "updated", "duplicate", "conflicting")}


def _progress(col: Collection) -> dict[int, tuple[Any, ...]]:
    """Every card's scheduling as Anki holds it, by card id."""
    rows = col.db.all("SELECT id, nid, ord, type, queue, due, ivl, reps, lapses, data FROM cards")
    return {row[0]: tuple(row[1:]) for row in rows}


def _tutor_types(col: Collection) -> list[dict[str, Any]]:
    col.models._clear_cache()  # the import changed them behind the Python side's cache
    return [m for m in col.models.all() if m["name"].startswith("tutor")]


def _note(col: Collection, hanzi: str) -> Any:
    (nid,) = col.find_notes(f'"Hanzi:{hanzi}"')
    return col.get_note(nid)


def _old_then_new(
    col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_word: bool = False
) -> tuple[Path, dict[int, tuple[Any, ...]], int]:
    """The old export imported with its progress, the new export made (with one word more
    if ``new_word``), and Anki's progress before the new one is imported."""
    old, new = tmp_path / "old.apkg", tmp_path / "new.apkg"
    with old_notetype(monkeypatch):
        assert len(_export(old)) == 1  # the first export of this database: no notice
    assert _import(col, old, with_scheduling=True)["new"] == WORDS
    assert [f["name"] for f in _tutor_types(col)[0]["flds"]] == list(OLD_FIELDS)
    if new_word:
        with Store.open(tmp_path / "progress.db") as store:
            store.upsert_entries(store.deck_id(DECK), [Entry("新词", "", "xīn cí", "new word")])
    assert _export(new)[1:] == [NOTICE]
    reviews = col.db.scalar("SELECT count() FROM revlog")
    assert reviews >= 10
    return new, _progress(col), reviews


def _merged_into_the_one_note_type(col: Collection) -> None:
    (notetype,) = _tutor_types(col)  # no stray copy
    assert (notetype["id"], notetype["name"]) == (MODEL_ID, MODEL_NAME)
    assert [f["name"] for f in notetype["flds"]] == list(FIELDS)


def test_merge_note_types_and_update_always_update_every_note_and_keep_progress(
    studied: None, col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new, progress, reviews = _old_then_new(col, tmp_path, monkeypatch)
    counts = _import(col, new, merge_notetypes=True, update_notes=ALWAYS)
    assert counts == {"new": 0, "updated": WORDS, "duplicate": 0, "conflicting": 0}
    _merged_into_the_one_note_type(col)
    assert _progress(col) == progress  # the same cards with the same scheduling
    assert col.db.scalar("SELECT count() FROM revlog") == reviews
    note = _note(col, "字1")
    assert (note["Senses"], note["Classifier"], note["Frequency"]) == ("sense 1", "个 (gè)", "3.1")
    assert note["Audio"] == ""  # no --audio
    assert "measure word 个 (gè)" in note.cards()[0].answer()  # the new templates came too
    assert _import(col, new)["duplicate"] == WORDS  # from then on the default options do


def test_merge_note_types_alone_merges_the_fields_but_fills_none(
    studied: None, col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Merging rewrites every note Anki has, dated the import, so "if newer" finds none."""
    new, progress, _ = _old_then_new(col, tmp_path, monkeypatch)
    counts = _import(col, new, merge_notetypes=True)
    assert counts == {"new": 0, "updated": 0, "duplicate": WORDS, "conflicting": 0}
    _merged_into_the_one_note_type(col)
    note = _note(col, "字1")
    assert (note["Classifier"], note["Frequency"]) == ("", "")
    assert "measure word" in note["Senses"]  # the old content, unchanged
    assert _progress(col) == progress
    assert _import(col, new, merge_notetypes=True, update_notes=ALWAYS)["updated"] == WORDS


def test_with_the_default_options_anki_adds_a_copy_and_updates_no_note(
    studied: None, col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anki's rule, not tutor's: why `tutor export` and the README ask for the two options."""
    new, progress, _ = _old_then_new(col, tmp_path, monkeypatch, new_word=True)
    counts = _import(col, new)
    assert counts == {"new": 1, "updated": 0, "duplicate": 0, "conflicting": WORDS}
    copy = {m["name"]: m["id"] for m in _tutor_types(col)}
    assert sorted(copy) == [MODEL_NAME, MODEL_NAME + "+"]
    assert _note(col, "新词").note_type()["id"] == copy[MODEL_NAME + "+"]  # the new word
    note = _note(col, "字1")
    assert note.keys() == list(OLD_FIELDS) and "measure word" in note["Senses"]  # untouched
    assert {k: v for k, v in _progress(col).items() if k in progress} == progress
    # the two options afterwards update every note into the original note type, and the
    # copy goes
    counts = _import(col, new, merge_notetypes=True, update_notes=ALWAYS)
    # the new word's note is already as the package has it: Anki counts it a duplicate, or
    # updated when merging the note types touched it in a later second than it was written
    assert counts["new"] == counts["conflicting"] == 0
    assert counts["updated"] in (WORDS, WORDS + 1)
    assert counts["updated"] + counts["duplicate"] == WORDS + 1
    _merged_into_the_one_note_type(col)
    assert _note(col, "新词").note_type()["id"] == _note(col, "字1").note_type()["id"] == MODEL_ID


def _sounds(col: Collection) -> set[str]:
    """The file of every note's ``[sound:...]`` tag (each note must have one)."""
    tags = [col.get_note(nid)["Audio"] for nid in col.find_notes("")]
    names = {m.group(1) for tag in tags if (m := re.fullmatch(r"\[sound:(.+)\]", tag))}
    assert len(tags) == WORDS and all(tag.startswith("[sound:tutor-") for tag in tags)
    return names


def _package_media(package: Path) -> list[str]:
    with zipfile.ZipFile(package) as z:
        return sorted(json.loads(z.read("media")).values())


def test_audio_arrives_as_media_and_a_second_import_adds_no_copy(
    studied: None, col: Collection, tmp_path: Path, db_path: Path
) -> None:
    first, again = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert _export(first, "--audio")[0].endswith(f"4 sound files) to {first}")
    assert _import(col, first)["new"] == WORDS
    media = Path(col.media.dir())
    names = _sounds(col)
    assert len(names) == len(READINGS)  # words read alike share one file
    assert names == {p.name for p in media.iterdir()}
    assert all((media / n).stat().st_size > 1000 for n in names)
    with Store.open(db_path) as store:  # every note changed, so Anki takes each again
        for note_id in [r[0] for r in store.db.execute("SELECT id FROM notes")]:
            store.edit_english(note_id, f"new {note_id}", datetime.now(UTC) + timedelta(seconds=5))
    _export(again, "--audio")
    assert _package_media(again) == _package_media(first) == sorted(names)
    gone = sorted(names)[0]
    (media / gone).unlink()  # the import must bring it back: it reads the package's media
    assert _import(col, again)["updated"] == WORDS
    assert _note(col, "字0")["English"].startswith("new ")
    assert {p.name for p in media.iterdir()} == names  # the lost one back, no renamed copies
    check = col.media.check()
    assert (list(check.missing), list(check.unused)) == ([], [])


def test_the_first_export_with_audio_updates_the_notes_anki_has(
    studied: None, col: Collection, tmp_path: Path
) -> None:
    plain, sounds, again = tmp_path / "a.apkg", tmp_path / "b.apkg", tmp_path / "c.apkg"
    _export(plain)
    assert _import(col, plain)["new"] == WORDS and _note(col, "字0")["Audio"] == ""
    _export(sounds, "--audio")
    assert _import(col, sounds)["updated"] == WORDS  # the default options
    files = {p.name for p in Path(col.media.dir()).iterdir()}
    assert _sounds(col) == files and len(files) == len(READINGS)
    _export(again, "--audio")
    assert _import(col, again)["duplicate"] == WORDS  # nothing changed since
    assert {p.name for p in Path(col.media.dir()).iterdir()} == files


def test_without_a_voice_the_export_stops_with_one_line(
    studied: None, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tutor.audio.espeak as espeak
    import tutor.audio.speech as speech

    def no_voice() -> None:
        raise OSError("eSpeak NG could not start its Mandarin voice")

    monkeypatch.setattr(speech, "_SHARED", [])  # a process whose voice never started
    monkeypatch.setattr(espeak, "espeak_voice", no_voice)
    package = tmp_path / "a.apkg"
    result = CliRunner().invoke(cli, ["export", "--anki", str(package), "--audio"])
    assert result.exit_code == 2
    assert result.output == (
        "tutor: error: cannot make the words' audio: eSpeak NG could not start its Mandarin voice\n"
    )
    assert not package.exists() and list(tmp_path.glob("*.tmp")) == []
    with Store.open(db_path) as store:  # nothing recorded as exported
        assert store.last_anki_export(store.deck_id(DECK)).audio_since is None


def test_an_upgraded_database_gets_the_merge_notice_once(
    studied: None, db_path: Path, tmp_path: Path
) -> None:
    """A progress.db from before m008 with notes may have exported the 13 fields."""
    with Store.open(db_path) as store:
        store.db.execute("DELETE FROM anki_export")
        store.db.execute(
            "INSERT INTO anki_export (id, fields) VALUES (1, ?)", [json.dumps(OLD_FIELDS)]
        )
    assert _export(tmp_path / "a.apkg")[1:] == [NOTICE]
    assert _export(tmp_path / "b.apkg")[1:] == []
