"""Round trip through the real ``anki`` library: import, re-import, re-export after re-mining.

Imports use ``get_import_anki_package_presets()``, the options Anki Desktop's import dialog
starts with (update notes and note types "if newer", no note-type merging, no scheduling), so
what passes here is what a user who just clicks Import gets.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("anki")

from anki import import_export_pb2
from anki.collection import Collection

import tutor.export.apkg as apkg
from tests.functional.anki_support import import_package
from tutor.export import MODEL_ID, export_anki, note_guid
from tutor.export.style import FIELDS
from tutor.model import Entry, Example

IF_NEWER = import_export_pb2.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER
DECK = "beijing-2024-report"

ENTRIES = [
    Entry(
        "协同发展",
        "協同發展",
        "xié tóng fā zhǎn",
        "coordinated development",
        senses=("to coordinate", "to develop together"),
        examples=(
            Example("推动京津冀协同发展。", "Promote the coordinated development of the region."),
        ),
        hsk_level=6,
    ),
    Entry(
        "雄安新区",
        "雄安新區",
        "Xióng ān Xīn qū",
        "Xiong'an New Area",
        kind="name",
        examples=(Example("雄安新区建设。", "Building the Xiong'an New Area."),),
    ),
    Entry(
        "研发",
        "研發",
        "yán fā",
        'R&D <"research">',
        senses=("research & development",),
        examples=(Example("加大<研发>投入。", 'Increase "R&D" <spending>.'),),
    ),
    Entry("你好", "你好", "nǐ hǎo", "hello"),  # no examples, no senses
]


def _import(col: Collection, package: Path) -> import_export_pb2.ImportResponse:
    return import_package(col, package)


def _fields(col: Collection, hanzi: str) -> dict[str, str]:
    (nid,) = col.find_notes(f'"Hanzi:{hanzi}"')
    return dict(col.get_note(nid).items())


def test_the_default_import_options_update_notes_if_newer(col: Collection) -> None:
    options = col._backend.get_import_anki_package_presets()
    assert options.update_notes == IF_NEWER
    assert options.update_notetypes == IF_NEWER
    assert not options.merge_notetypes
    assert not options.with_scheduling


def test_import_then_import_again_gives_the_same_counts(col: Collection, tmp_path: Path) -> None:
    package = tmp_path / "deck.apkg"
    result = export_anki(ENTRIES, DECK, package)
    log = _import(col, package)
    assert len(log.new) == 4
    assert (col.note_count(), col.card_count()) == (result.notes, result.cards) == (4, 8)
    assert col.decks.by_name(DECK) is not None
    assert len(col.find_cards(f'"deck:{DECK}"')) == 8
    assert {col.get_note(n).guid for n in col.find_notes("")} == {
        note_guid(e.hanzi, DECK) for e in ENTRIES
    }

    log = _import(col, package)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 0, 4)
    assert (col.note_count(), col.card_count()) == (4, 8)


def test_reexport_after_remining_updates_notes_in_place(col: Collection, tmp_path: Path) -> None:
    package = tmp_path / "deck.apkg"
    export_anki(ENTRIES, DECK, package)
    _import(col, package)
    notetypes = len(col.models.all_names_and_ids())

    remined = [
        dataclasses.replace(e, english="coordinated growth") if e.hanzi == "协同发展" else e
        for e in ENTRIES
    ]
    export_anki(remined, DECK, package)  # at once: same second as the first export
    log = _import(col, package)
    assert len(log.updated) == 4 and not log.new and not log.conflicting
    assert (col.note_count(), col.card_count()) == (4, 8)
    assert _fields(col, "协同发展")["English"] == "coordinated growth"
    assert len(col.models.all_names_and_ids()) == notetypes
    (model,) = [m for m in col.models.all() if m["name"].startswith("tutor")]
    assert model["id"] == MODEL_ID


def test_new_card_styling_reaches_existing_notes(
    col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "deck.apkg"
    export_anki(ENTRIES, DECK, package)
    _import(col, package)
    monkeypatch.setattr(apkg, "CSS", apkg.CSS + "\n.tutor-next-version {}")
    monkeypatch.setattr(apkg, "STYLE_CHANGED", datetime.now(UTC) + timedelta(seconds=5))
    export_anki(ENTRIES, DECK, package)
    _import(col, package)
    col.models._clear_cache()
    tutor_models = [m for m in col.models.all() if m["name"].startswith("tutor")]
    assert len(tutor_models) == 1
    assert ".tutor-next-version" in tutor_models[0]["css"]


def test_fields_arrive_escaped_and_in_contract_order(col: Collection, tmp_path: Path) -> None:
    package = tmp_path / "deck.apkg"
    export_anki(ENTRIES, DECK, package)
    _import(col, package)
    f = _fields(col, "研发")
    assert list(f)[:8] == list(FIELDS[:8])
    assert f["English"] == 'R&amp;D &lt;"research"&gt;'
    assert f["Senses"] == "research &amp; development"
    assert f["Sentence"] == '加大&lt;<b class="hl">研发</b>&gt;投入。'
    assert f["Translation"] == 'Increase "R&amp;D" &lt;spending&gt;.'
    assert f["Source"] == DECK


def test_cards_render_the_highlight_tones_and_css(col: Collection, tmp_path: Path) -> None:
    package = tmp_path / "deck.apkg"
    export_anki(ENTRIES, DECK, package)
    _import(col, package)
    (nid,) = col.find_notes('"Hanzi:协同发展"')
    recognition, recall = sorted(col.get_note(nid).cards(), key=lambda c: c.ord)
    assert recognition.template()["name"] == "Recognition"
    assert "协同发展" in recognition.question() and "coordinated" not in recognition.question()
    answer = recognition.answer()
    assert '京津冀<b class="hl">协同发展</b>。' in answer
    assert '<span class="tone2">xié</span>' in answer
    assert '<span class="tone3">zhǎn</span>' in answer
    assert "coordinated development" in answer and "to coordinate" in answer
    assert recall.template()["name"] == "Recall"
    question = recall.question()
    assert "coordinated development" in question and "协同发展" not in question
    assert '京津冀<span class="gap">［…］</span>。' in question
    assert "协同发展" in recall.answer()
    css = recognition.css()
    assert ".tone1" in css and ".nightMode" in css and "Noto Sans CJK SC" in css


def test_escaped_text_renders_as_text_not_markup(col: Collection, tmp_path: Path) -> None:
    package = tmp_path / "deck.apkg"
    export_anki(ENTRIES, DECK, package)
    _import(col, package)
    (nid,) = col.find_notes('"Hanzi:研发"')
    recall = next(c for c in col.get_note(nid).cards() if c.ord == 1)
    assert 'R&amp;D &lt;"research"&gt;' in recall.question()
    assert "<spending>" not in recall.answer()


def test_entry_without_examples_imports_and_renders(col: Collection, tmp_path: Path) -> None:
    package = tmp_path / "deck.apkg"
    result = export_anki([ENTRIES[3]], DECK, package)
    assert (result.notes, result.cards) == (1, 2)
    _import(col, package)
    assert (col.note_count(), col.card_count()) == (1, 2)
    f = _fields(col, "你好")
    assert f["Sentence"] == f["Translation"] == f["Examples"] == ""
    recognition = next(c for c in col.get_note(col.find_notes("")[0]).cards() if c.ord == 0)
    answer = recognition.answer()
    assert "hello" in answer and 'class="sentence"' not in answer
