"""`tutor import-revlog`: bring an existing review history (fsrs-optimizer CSV) into a deck.

A bad line stops the import with ``file:line: message`` (exit 2) and nothing is written: the
whole file is read before the database is opened, then goes in in one transaction.
"""

from __future__ import annotations

from pathlib import Path

import click

from tutor.commands.context import db_path
from tutor.wording import count

__all__ = ["COMMANDS", "import_revlog"]


@click.command("import-revlog")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--deck", default=None, help="Deck to import into (default: the file's stem).")
@click.pass_context
def import_revlog(ctx: click.Context, file: Path, deck: str | None) -> None:
    """Import FILE.csv (card_id, review_rating, review_time, review_duration).

    Each card_id becomes a card "#ID" whose state its reviews rebuild. The log does not say
    which word a card was, so these cards are suspended: they never come up in study, and
    their reviews count for `tutor optimize` and `tutor stats`.
    """
    from tutor.corpus.textfile import require_file
    from tutor.store import Store
    from tutor.store.revlog import read_reviews

    require_file(file)
    reviews = read_reviews(file)  # a bad file: before opening (and perhaps creating) the db
    with Store.open(db_path(ctx)) as store:
        result = store.import_revlog(file, deck, reviews=reviews)
    name = deck or file.stem
    click.echo(
        f"imported {count(result.reviews, 'review')} of {count(result.cards, 'card')} "
        f"into deck {name} "
        "(cards suspended: the log names no words to study)"
    )
    if result.skipped:
        click.echo(f"skipped {count(result.skipped, 'review')} of cards imported before")


COMMANDS = (import_revlog,)
