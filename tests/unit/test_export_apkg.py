"""Writing the .apkg: contents, counts, modification stamps, and failing cleanly."""

from __future__ import annotations

import gc
import os
import sqlite3
import stat
import time
import zipfile
from pathlib import Path

import pytest

import tutor.export.apkg as apkg
from tutor.errors import ExportError
from tutor.export import MODEL_ID, deck_id, export_anki, note_guid
from tutor.model import Entry, Example

ENTRIES = [
    Entry(
        "协同发展",
        "協同發展",
        "xié tóng fā zhǎn",
        "coordinated development",
        senses=("to coordinate",),
        examples=(Example("推动协同发展。", "Promote coordinated development."),),
    ),
    Entry("北京", "北京", "Běi jīng", "Beijing", kind="name", hsk_level=1),
]


@pytest.fixture(autouse=True)
def _fresh_stamps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget earlier tests' exports: each starts as a fresh process would."""
    monkeypatch.setattr(apkg, "_last_stamp", 0)


def _notes(package: Path, tmp_path: Path) -> list[tuple[str, int, int, list[str]]]:
    """(guid, mid, mod, fields) of every note in the package."""
    with zipfile.ZipFile(package) as zf:
        assert set(zf.namelist()) == {"collection.anki2", "media"}
        db = tmp_path / f"read-{package.name}.anki2"
        db.write_bytes(zf.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("select guid, mid, mod, flds from notes order by id").fetchall()
    finally:
        conn.close()
    return [(g, m, mod, flds.split("\x1f")) for g, m, mod, flds in rows]


def test_writes_one_note_per_entry_with_two_cards(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    result = export_anki(ENTRIES, "report", out)
    assert (result.path, result.notes, result.cards, result.skipped) == (out, 2, 4, ())
    notes = _notes(out, tmp_path)
    assert [n[0] for n in notes] == [note_guid("协同发展", "report"), note_guid("北京", "report")]
    assert {n[1] for n in notes} == {MODEL_ID}
    assert notes[0][3][:4] == [
        "协同发展",
        "協同發展",
        "xié tóng fā zhǎn",
        "coordinated development",
    ]


def test_notes_are_tagged_with_kind_and_hsk_level(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    export_anki(ENTRIES, "report", out)
    with zipfile.ZipFile(out) as zf:
        db = tmp_path / "tags.anki2"
        db.write_bytes(zf.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        tags = [sorted(t.split()) for (t,) in conn.execute("select tags from notes order by id")]
    finally:
        conn.close()
    assert tags == [["tutor::word"], ["HSK::1", "tutor::name"]]  # no level: no HSK tag


def test_deck_carries_the_stable_deck_id(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    export_anki(ENTRIES, "report", out)
    with zipfile.ZipFile(out) as zf:
        (tmp_path / "c.anki2").write_bytes(zf.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "c.anki2")
    try:
        dids = {r[0] for r in conn.execute("select did from cards")}
    finally:
        conn.close()
    assert dids == {deck_id("report")}


def test_duplicate_and_empty_hanzi_are_skipped_not_doubled(tmp_path: Path) -> None:
    twin = Entry("北京", "北京", "Běi jīng", "Peking")
    blank = Entry("", "", "", "nothing")
    result = export_anki([*ENTRIES, twin, blank], "report", tmp_path / "d.apkg")
    assert (result.notes, result.skipped) == (2, ("北京", ""))
    assert [n[3][3] for n in _notes(tmp_path / "d.apkg", tmp_path)][1] == "Beijing"


def test_entry_without_english_gets_only_the_recognition_card(tmp_path: Path) -> None:
    result = export_anki([Entry("的", "的", "de", "")], "report", tmp_path / "d.apkg")
    assert (result.notes, result.cards) == (1, 1)


def test_each_export_is_stamped_later_than_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "deck.apkg"
    export_anki(ENTRIES, "report", out)
    first = _notes(out, tmp_path)[0][2]
    export_anki(ENTRIES, "report", out)  # same second, same process
    second = _notes(out, tmp_path)[0][2]
    assert second > first
    monkeypatch.setattr(apkg, "_last_stamp", 0)  # as if another process wrote the file
    os.utime(out, (second, second))
    export_anki(ENTRIES, "report", out)
    assert _notes(out, tmp_path)[0][2] > second


def test_a_file_dated_in_the_future_does_not_date_the_export(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"old")
    future = time.time() + 10**6
    os.utime(out, (future, future))
    export_anki(ENTRIES, "report", out)
    assert _notes(out, tmp_path)[0][2] <= time.time() + 1


def test_output_honours_the_umask_and_leaves_no_temp_files(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    old = os.umask(0o022)
    try:
        export_anki(ENTRIES, "report", out)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name != "progress.db"] == ["deck.apkg"]


def test_missing_directory_is_an_export_error_naming_the_path(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "deck.apkg"
    with pytest.raises(ExportError) as err:
        export_anki(ENTRIES, "report", out)
    assert str(err.value).startswith(f"{out}: ")
    assert "directory does not exist" in str(err.value)
    assert not (tmp_path / "no").exists()


def test_directory_as_target_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a directory"):
        export_anki(ENTRIES, "report", tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only directories")
def test_unwritable_directory_is_an_export_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            export_anki(ENTRIES, "report", locked / "deck.apkg")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_scratch_database_failure_is_an_export_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(apkg, "_write_package", full)
    out = tmp_path / "deck.apkg"
    with pytest.raises(ExportError, match="database or disk is full"):
        export_anki(ENTRIES, "report", out)
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_package_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"previous export")

    def disk_full(deck: object, target: object, *args: object) -> None:
        target.write(b"half a package")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(apkg, "_write_package", disk_full)
    with pytest.raises(ExportError) as err:
        export_anki(ENTRIES, "report", out)
    assert str(err.value) == f"{out}: cannot write Anki package: no space left on device"
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg"]


def test_an_export_leaves_the_garbage_collector_as_it_found_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the collector is paused while the package is built, and only then
    assert gc.isenabled()
    export_anki(ENTRIES, "report", tmp_path / "a.apkg")
    assert gc.isenabled()
    gc.disable()
    try:
        export_anki(ENTRIES, "report", tmp_path / "b.apkg")
        assert not gc.isenabled()
    finally:
        gc.enable()

    def paused_then_full(*args: object) -> None:
        assert not gc.isenabled()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(apkg, "_write_package", paused_then_full)
    with pytest.raises(ExportError):
        export_anki(ENTRIES, "report", tmp_path / "c.apkg")
    assert gc.isenabled()


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.apkg"
    real.write_bytes(b"old")
    link = tmp_path / "deck.apkg"
    link.symlink_to(real)
    export_anki(ENTRIES, "report", link)
    assert link.is_symlink() and zipfile.is_zipfile(real)


def test_an_earlier_export_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"old")
    os.chmod(out, 0o640)
    export_anki(ENTRIES, "report", out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and zipfile.is_zipfile(out)


def test_a_pipe_or_device_is_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "deck.apkg"
    os.mkfifo(pipe)
    with pytest.raises(ExportError, match="not a regular file"):
        export_anki(ENTRIES, "report", pipe)
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # (a device is refused the same way)
