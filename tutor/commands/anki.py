"""`tutor import-anki`: bring back the reviews made in Anki on tutor's cards.

Notes are matched by guid (the one tutor's export gives each hanzi of a deck), cards by
template; the merge and replay are ``Store.merge_reviews``'s, in one transaction.
"""

from __future__ import annotations

from pathlib import Path

import click

from tutor.commands.context import db_path

__all__ = ["COMMANDS", "import_anki"]


@click.command("import-anki")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def import_anki(ctx: click.Context, file: Path) -> None:
    """Merge the reviews made in Anki (FILE.apkg or FILE.colpkg, exported from Anki with
    scheduling) into tutor's cards: each card's state is replayed over the merged history."""
    from tutor.corpus.textfile import require_file
    from tutor.export.ids import note_guid
    from tutor.export.reading import read_answers
    from tutor.store.merge import OutsideReview
    from tutor.workspace import open_existing

    require_file(file)
    answers = read_answers(file)
    with open_existing(db_path(ctx)) as store:
        ords = {"recognition": 0, "recall": 1}
        cards = {
            (note_guid(hanzi, deck), ords[template]): card_id
            for deck, hanzi, template, card_id in store.card_keys()
        }
        ours = [a for a in answers if (a.guid, a.ord) in cards]
        result = store.merge_reviews(
            OutsideReview(cards[a.guid, a.ord], a.reviewed_at, a.rating, a.duration_ms)
            for a in ours
        )
    click.echo(
        f"imported {result.added} reviews made in Anki on {result.cards} cards; "
        f"{result.already} were here already"
    )
    if len(ours) < len(answers):
        click.echo(f"skipped {len(answers) - len(ours)} reviews of cards tutor did not export")


COMMANDS = (import_anki,)
