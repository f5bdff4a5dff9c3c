"""Stable Anki identities: guids from hanzi and deck only, fixed model id, per-deck ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import genanki

from tutor.export.ids import DECK_ID_BASE, MODEL_ID, base91, deck_id, note_guid
from tutor.export.style import FIELDS, FIELDS_BEFORE, TEMPLATES

DATA = Path(__file__).resolve().parent.parent / "data"


def test_guid_is_genanki_guid_for_hanzi_and_deck() -> None:
    assert note_guid("协同发展", "report") == genanki.guid_for("协同发展", "report")


def test_guid_is_genanki_guid_for_any_hanzi_and_deck() -> None:
    words = ["", "北京", "a", "政府工作报告", "𠀀", "R&D", "__", "x" * 200]
    words += [chr(0x4E00 + i * 10) * (1 + i % 4) for i in range(2000)]
    for i, word in enumerate(words):
        deck = ["report", "", "beijing-2024-report", "我的词", "a__b"][i % 5]
        assert note_guid(word, deck) == genanki.guid_for(word, deck), (word, deck)


def test_base91_is_genankis_digits() -> None:
    def genanki_digits(number: int) -> str:  # genanki.util.guid_for's loop
        table = genanki.util.BASE91_TABLE
        out = []
        while number > 0:
            out.append(table[number % len(table)])
            number //= len(table)
        return "".join(reversed(out))

    numbers = [0, 1, 90, 91, 92, 8280, 8281, 8282, 91**3 - 1, 91**3, 2**64 - 1, 2**63]
    numbers += [7**k for k in range(23)] + [91**k + d for k in range(10) for d in (-1, 0, 1)]
    for number in numbers:
        assert base91(number) == genanki_digits(number), number


def test_guid_has_a_fixed_value_so_old_exports_keep_updating() -> None:
    # Pinned: if this changes, every learner's re-import duplicates every note.
    assert note_guid("协同发展", "beijing-2024-report") == "mFf]qj2&,:"
    assert deck_id("beijing-2024-report") == 1_538_127_318
    assert note_guid("北京", "deck") == note_guid("北京", "deck")
    assert note_guid("北京", "deck") != note_guid("北京", "other deck")
    assert note_guid("北京", "deck") != note_guid("南京", "deck")


def test_ids_are_the_same_in_another_process() -> None:
    code = (
        "from tutor.export.ids import note_guid, deck_id;"
        "print(note_guid('协同发展', 'report'), deck_id('report'))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONIOENCODING": "utf-8"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    assert out == [note_guid("协同发展", "report"), str(deck_id("report"))]


def test_model_id_and_schema_are_pinned() -> None:
    # Anki updates notes under its default import options only while the note type's id,
    # field names and template names stay the same. Fields are only ever appended (each
    # growth needs "Merge note types" once, see tutor/export/ids.py); the id and the template
    # names never change.
    assert MODEL_ID == 1_607_392_319
    assert FIELDS == (
        "Hanzi",
        "Traditional",
        "Pinyin",
        "English",
        "Senses",
        "Sentence",
        "Translation",
        "Source",
        "PinyinColored",
        "SentenceCloze",
        "Examples",
        "HSK",
        "Kind",
        "Audio",
        "Frequency",
        "Classifier",
    )
    assert [t["name"] for t in TEMPLATES] == ["Recognition", "Recall"]


def test_fields_only_grow_at_their_end() -> None:
    """Every earlier release's field list starts every later one, the shipped one included
    (tests/data/notetype-13-fields.json, the note type as main had it before Audio)."""
    shipped = json.loads((DATA / "notetype-13-fields.json").read_text(encoding="utf-8"))
    assert FIELDS_BEFORE[-1] == tuple(shipped["fields"])
    for before, after in zip(FIELDS_BEFORE, (*FIELDS_BEFORE[1:], FIELDS), strict=True):
        assert len(after) > len(before) and after[: len(before)] == before
    assert [t["name"] for t in shipped["templates"]] == [t["name"] for t in TEMPLATES]


def test_deck_id_is_stable_in_range_and_differs_between_decks() -> None:
    names = ["report", "beijing-2024-report", "新闻", "a", "b"]
    ids = [deck_id(n) for n in names]
    assert all(DECK_ID_BASE <= i < 2 * DECK_ID_BASE for i in ids)
    assert len(set(ids)) == len(ids)
    assert deck_id("report") == deck_id("report")
