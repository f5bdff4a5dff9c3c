"""`tutor export`: a deck as an Anki package (.apkg), with its study progress unless told not.

The whole export runs with Python's garbage collector paused (``tutor.bulk``): with progress it
builds two card states per review, millions of small objects and no garbage cycles, and the
collections they set off were a quarter of the command's time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tutor.commands.context import db_path

if TYPE_CHECKING:
    from tutor.export.progress import AnkiProgress
    from tutor.store import Store

__all__ = ["COMMANDS", "export"]


@click.command()
@click.option("--deck", default=None, help="Deck to export (default: the only deck).")
@click.option(
    "--anki",
    "apkg",
    required=True,
    type=click.Path(path_type=Path),
    help="Write an Anki package (.apkg) here.",
)
@click.option(
    "--anki-deck",
    "anki_deck",
    metavar="NAME",
    help="The deck's name in Anki, if you renamed it there (default: the tutor deck's name).",
)
@click.option(
    "--without-progress",
    is_flag=True,
    help="Content only: every card new, no review history (for sharing a deck).",
)
@click.option(
    "--audio",
    is_flag=True,
    help="Fill each note's Audio field with the word said aloud (eSpeak NG, offline; WAV "
    "files in the package, made once and cached).",
)
@click.pass_context
def export(
    ctx: click.Context,
    deck: str | None,
    apkg: Path,
    anki_deck: str | None,
    without_progress: bool,
    audio: bool,
) -> None:
    """Export a deck as an Anki package that updates, not duplicates, on re-import.

    Each card carries its progress (state, due date, interval, FSRS memory state, flag,
    suspension) and the package its review history; Anki keeps them when "Import any learning
    progress" is ticked, for cards the collection does not have yet.

    Note fields: Hanzi, Traditional, Pinyin, English, Senses, Sentence, Translation, Source,
    PinyinColored, SentenceCloze, Examples, HSK, Kind, Audio, Frequency, Classifier (Audio
    is empty without --audio). When they differ from this database's last export (this
    release adds the last three), a second line says so: import that package into Anki once
    with "Merge note types" ticked and "Update notes" set to "Always". With Anki's default
    options it would add a second note type, "tutor: Chinese vocabulary+", and update none
    of your notes (it reports them as conflicting); with "Merge note types" alone it adds
    the fields but fills them in no note.
    """
    from tutor.bulk import collector_paused

    with collector_paused():  # _export's objects are all freed before the collector resumes
        message = _export(db_path(ctx), deck, apkg, anki_deck, without_progress, audio)
    click.echo(message)


def _export(
    db: Path,
    deck: str | None,
    apkg: Path,
    anki_deck: str | None,
    without_progress: bool,
    audio: bool,
) -> str:
    """Write the package; what was written, as the lines to print."""
    from tutor.export import export_anki
    from tutor.export.schema import schema_notice
    from tutor.export.style import FIELDS, FIELDS_CHANGED
    from tutor.store.anki_export import AnkiExport
    from tutor.workspace import open_existing, resolve_deck

    now = datetime.now(UTC)
    with open_existing(db) as store:
        name = resolve_deck(store, deck)
        deck_id = store.deck_id(name)
        entries = store.entries(deck_id)
        changed = store.changed_times(deck_id)
        progress = None if without_progress else _progress(store, deck_id, now)
        last = store.last_anki_export(deck_id)
    sounds = since = None
    if audio:
        from tutor.export.media import dated_by_audio, word_audio

        sounds = word_audio(entries)
        since = last.audio_since or max(now, FIELDS_CHANGED + timedelta(seconds=1))
        changed = dated_by_audio(changed, sounds, since)
    result = export_anki(entries, name, apkg, progress, changed, anki_deck, sounds)
    with open_existing(db) as store:
        store.record_anki_export(deck_id, AnkiExport(FIELDS, since), now)
    carried = "" if progress is None else f", {len(progress.revlog)} reviews"
    carried += "" if sounds is None else f", {len(set(sounds.values()))} sound files"
    lines = [f"wrote {result.notes} notes ({result.cards} cards{carried}) to {result.path}"]
    notice = schema_notice(last.fields, FIELDS)
    return "\n".join([*lines, notice] if notice else lines)


def _progress(store: Store, deck_id: int, now: datetime) -> AnkiProgress:
    """The deck's progress as the package carries it."""
    from tutor.export.progress import anki_progress

    scheduler = store.scheduler(deck_id)
    return anki_progress(store.card_progress(deck_id), now, scheduler.settings, scheduler.decay)


COMMANDS = (export,)
