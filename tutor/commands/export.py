"""`tutor export`: a deck as an Anki package (.apkg), with its study progress unless told not.

The whole export runs with Python's garbage collector paused (``tutor.bulk``): with progress it
builds two card states per review, millions of small objects and no garbage cycles, and the
collections they set off were a quarter of the command's time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from tutor.commands.context import db_path

__all__ = ["COMMANDS", "export"]


@click.command()
@click.option("--deck", default=None, help="Deck to export (default: the only deck).")
@click.option(
    "--anki",
    "apkg",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
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
@click.pass_context
def export(
    ctx: click.Context,
    deck: str | None,
    apkg: Path,
    anki_deck: str | None,
    without_progress: bool,
) -> None:
    """Export a deck as an Anki package that updates, not duplicates, on re-import.

    Each card carries its progress (state, due date, interval, FSRS memory state, flag,
    suspension) and the package its review history; Anki keeps them when "Import any learning
    progress" is ticked, for cards the collection does not have yet.
    """
    from tutor.bulk import collector_paused

    with collector_paused():  # _export's objects are all freed before the collector resumes
        message = _export(db_path(ctx), deck, apkg, anki_deck, without_progress)
    click.echo(message)


def _export(
    db: Path, deck: str | None, apkg: Path, anki_deck: str | None, without_progress: bool
) -> str:
    """Write the package; what was written, as the line to print."""
    from tutor.export import export_anki
    from tutor.workspace import open_existing, resolve_deck

    with open_existing(db) as store:
        name = resolve_deck(store, deck)
        deck_id = store.deck_id(name)
        entries = store.entries(deck_id)
        changed = store.changed_times(deck_id)
        progress = None
        if not without_progress:
            from tutor.export.progress import anki_progress

            scheduler = store.scheduler(deck_id)
            progress = anki_progress(
                store.card_progress(deck_id),
                datetime.now(UTC),
                scheduler.settings,
                scheduler.decay,
            )
    result = export_anki(entries, name, apkg, progress, changed, anki_deck)
    carried = "" if progress is None else f", {len(progress.revlog)} reviews"
    return f"wrote {result.notes} notes ({result.cards} cards{carried}) to {result.path}"


COMMANDS = (export,)
