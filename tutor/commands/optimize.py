"""`tutor optimize`: fit personal FSRS parameters to the learner's own review history.

The fit uses fsrs-rs (the optimizer Anki uses, through the fsrs-rs-python wheel, a plain
dependency). With fewer than 400 reviews, or on a platform where that wheel did not install, the
store raises a one-line ``TutorError`` and the CLI exits 2.
"""

from __future__ import annotations

import click

from tutor.commands.context import db_path

__all__ = ["COMMANDS", "optimize"]


@click.command()
@click.option("--deck", default=None, help="Fit this deck's reviews only (default: all decks).")
@click.pass_context
def optimize(ctx: click.Context, deck: str | None) -> None:
    """Fit FSRS parameters to your reviews and use them when they predict recall better."""
    from tutor.workspace import open_existing

    with open_existing(db_path(ctx)) as store:
        deck_id = store.deck_id(deck) if deck else None
        result = store.optimize(deck_id)
    scope = f"deck {deck}" if deck else "all decks"
    click.echo(f"{result.review_count} reviews ({scope})")
    click.echo(f"log loss before: {result.log_loss_before:.4f}")
    click.echo(f"log loss after:  {result.log_loss_after:.4f}")
    if result.adopted:
        click.echo("new parameters kept: they predict your reviews better")
    else:
        click.echo("parameters unchanged: the fit did not predict your reviews better")


COMMANDS = (optimize,)
